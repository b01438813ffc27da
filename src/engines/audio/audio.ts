/**
 * The pre-rendered audio engine: plays an article's audio with howler (HTML5 audio, so long files stream)
 * and maps the audio clock to segments and words through the timing manifest.
 *
 * - howler is imported on the first play only: a page that never plays never downloads it (`sound.ts`).
 * - The highlight follows the clock from `requestAnimationFrame`, not `timeupdate` (`clock.ts`).
 * - A manifest or audio that fails reports an error with `fallback: 'speech'`; the player then reads on
 *   with Web Speech from the same paragraph.
 * - A paragraph the recording has no audio for (manifest 1.1 `"audio": false`) is read by Web Speech in its
 *   place, on a timeline that gives it room (`gap-timeline.ts`, `gaps.ts`); an `engine` event tells each switch.
 * - A network that stops delivering gets no `error` from Chromium: while play is wanted, a watchdog shows
 *   `loading` once the clock stands still, and fails over after `stallTimeout` without any progress (`stall.ts`).
 */
import type { Howl } from 'howler';
import type { Segment } from '../../article/segment.js';
import { TimingsError } from '../../manifest/fetch.js';
import {
  type Engine,
  type EngineListener,
  type EngineLoadOptions,
  type ListenErrorCode,
  type WordTiming,
} from '../engine.js';
import { clampRate } from '../pace.js';
import { boundaryDelay, FrameLoop, PositionReport, restMs } from './clock.js';
import type { GapTimeline } from './gap-timeline.js';
import { GapReader, type GapReaderHost, type GapReaderOptions } from './gaps.js';
import { openRecording, type Recording } from './recording.js';
import { LazySound, type SoundEvents } from './sound.js';
import { loadFailure } from './source.js';
import { StallWatchdog } from './stall.js';
import type { AudioSource, Timings } from './timings.js';

export interface AudioEngineOptions extends GapReaderOptions {
  /** URL of the timing manifest. */
  readonly src: string;
  /** Accept audio on another origin (the host opted in). */
  readonly allowCrossOrigin?: boolean;
  /** Test seam: how the manifest is fetched. */
  readonly fetch?: typeof fetch;
  /** Test seam: how howler is loaded. */
  readonly loadHowler?: () => Promise<typeof import('howler')>;
  /** How long play may wait without any progress (manifest, audio, clock) before the audio counts as lost, in ms. */
  readonly stallTimeout?: number;
}

/** Seconds moved by skip back/forward. */
export const SKIP_SECONDS = 15;

export class AudioEngine implements Engine {
  readonly kind = 'audio' as const;

  readonly #listener: EngineListener;
  readonly #options: AudioEngineOptions;
  /** Once the manifest is loaded. */
  #recording: Recording | null = null;
  /** Reads the paragraphs without audio with Web Speech; null when the recording has every paragraph. */
  #reader: GapReader | null = null;
  /** Index in `#gaps.spans` of the stretch of recording the sound plays (or will play). */
  #span = 0;
  #ready: Promise<boolean> | null = null;
  readonly #sound: LazySound;
  #rate = 1;
  /** Position on the timeline while the sound is not playing (before the first play, paused, seeking). */
  #position = 0;
  #wantPlay = false;
  /** A paragraph asked for before the manifest arrived. */
  #pendingSegment = -1;
  /** A time asked for before the manifest arrived (its length bounds it then). */
  #pendingTime = -1;
  readonly #frames = new FrameLoop(() => this.#follow());
  /** Reports the position and word; made with the timeline. */
  #positions: PositionReport | null = null;
  readonly #stall: StallWatchdog;
  #destroyed = false;

  constructor(listener: EngineListener, options: AudioEngineOptions) {
    this.#listener = listener;
    this.#options = options;
    this.#sound = new LazySound(options.loadHowler);
    this.#stall = new StallWatchdog(
      {
        reading: () => this.#reading,
        playing: () => this.#howl?.playing() ?? false,
        clock: () => this.currentTime,
        report: (state) => this.#listener({ type: state }),
        lost: (message) => this.#fail('audio-load', message),
      },
      options.stallTimeout,
    );
  }

  get duration(): number {
    return this.#gaps?.duration ?? 0;
  }

  /** `exact` once a manifest with word times is loaded (the renderer measured every word); else null. */
  get wordTiming(): WordTiming | null {
    return this.#timings?.segments.some((segment) => segment.words.length > 0) ? 'exact' : null;
  }

  get currentTime(): number {
    if (this.#reading) return this.#reader!.currentTime;
    if (!this.#timings && this.#pendingTime >= 0) return this.#pendingTime;
    // Only a playing sound has a clock worth reading: when the audio ends, howler rewinds the element to 0
    // and tells us a task later, so a stopped sound's position is the last one read (or sought).
    const howl = this.#howl;
    if (howl?.playing() && this.#gaps) {
      const time = howl.seek();
      if (typeof time === 'number' && Number.isFinite(time)) return this.#gaps.fromFile(time, this.#span);
    }
    return this.#position;
  }

  /** Whether Web Speech holds the position (reading, or paused in, a paragraph without audio). */
  get #reading(): boolean {
    return (this.#reader?.span ?? -1) >= 0;
  }

  get #timings(): Timings | null {
    return this.#recording?.timings ?? null;
  }

  /** The engine's timeline: the recording's, with room for the paragraphs it has no audio for. */
  get #gaps(): GapTimeline | null {
    return this.#recording?.gaps ?? null;
  }

  get #howl(): Howl | null {
    return this.#sound.howl;
  }

  /** The audio file being played (for the download link), once known. */
  get source(): AudioSource | null {
    return this.#recording?.source ?? null;
  }

  /** The timing manifest's content hash (once loaded, if it has one): tells one recording from another. */
  get hash(): string | undefined {
    return this.#timings?.manifest.hash;
  }

  load(segments: readonly Segment[], options: EngineLoadOptions): Promise<void> {
    this.#rate = clampRate(options.rate);
    this.#ready = this.#prepare(segments, { ...options, rate: this.#rate });
    return this.#ready.then(() => undefined);
  }

  async #prepare(segments: readonly Segment[], options: EngineLoadOptions): Promise<boolean> {
    try {
      const recording = await openRecording(this.#options.src, segments, this.#options);
      if (this.#destroyed) return false;
      this.#recording = recording;
      this.#positions = new PositionReport(recording.timings, recording.gaps, this.#listener);
      if (recording.gaps.partial) this.#reader = new GapReader(recording.gaps, segments, this.#gapHost, options, this.#options);
      this.#stall.progress();
      this.#listener({ type: 'duration', duration: this.duration });
      if (this.#pendingSegment >= 0) this.seekSegment(this.#pendingSegment);
      else if (this.#pendingTime >= 0) this.seek(this.#pendingTime);
      return true;
    } catch (error) {
      if (this.#destroyed) return false;
      if (error instanceof TimingsError) this.#fail(error.code, error.message);
      else this.#fail('audio-load', `The audio could not be loaded (${String(error)}).`);
      return false;
    }
  }

  play(): void {
    if (this.#destroyed) return;
    this.#wantPlay = true;
    this.#listener({ type: 'loading' });
    this.#stall.progress();
    this.#stall.watch();
    void this.#openSound().then((howl) => {
      if (!howl || !this.#wantPlay || howl.playing()) return;
      if (this.#reading) {
        this.#reader!.play();
        return;
      }
      this.#enter(this.#position >= this.duration - 0.01 ? 0 : this.#position);
    });
  }

  pause(): void {
    const wasActive = this.#wantPlay;
    this.#wantPlay = false;
    this.#position = this.currentTime;
    this.#frames.stop();
    this.#stall.stop();
    if (this.#reading) {
      if (this.#reader!.pause() || wasActive) this.#listener({ type: 'paused' });
    } else if (this.#howl?.playing()) this.#howl.pause();
    else if (wasActive) this.#listener({ type: 'paused' });
  }

  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    if (!this.#timings) {
      this.#pendingTime = Math.max(seconds, 0);
      this.#pendingSegment = -1;
      return;
    }
    this.#position = Math.min(Math.max(seconds, 0), this.duration);
    this.#enter(this.#position);
  }

  skip(direction: -1 | 1): void {
    this.seek(this.currentTime + direction * SKIP_SECONDS);
  }

  seekSegment(index: number): void {
    if (this.#timings) this.seek(this.segmentStart(index));
    else {
      this.#pendingSegment = index;
      this.#pendingTime = -1;
    }
  }

  segmentStart(index: number): number {
    return this.#gaps?.segmentStart(index) ?? 0;
  }

  setRate(rate: number): void {
    this.#rate = clampRate(rate);
    this.#frames.wake();
    this.#howl?.rate(this.#rate);
    this.#reader?.setRate(this.#rate);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#wantPlay = false;
    this.#frames.stop();
    this.#stall.stop();
    this.#reader?.destroy();
    this.#sound.unload();
  }

  /** The howler sound of the recording, once its manifest is loaded (and howler imported, on first need). */
  #openSound(): Promise<Howl | null> {
    const recording = (this.#ready ?? Promise.resolve(false)).then((ok) => {
      const loaded = this.#recording;
      return ok && loaded && !this.#destroyed ? { source: loaded.source, duration: loaded.timings.duration } : null;
    });
    return this.#sound.open(recording, () => this.#rate, this.#soundEvents);
  }

  readonly #soundEvents: SoundEvents = {
    loaded: () => this.#stall.progress(),
    mismatch: (message) => this.#fail('manifest-mismatch', message),
    loadError: (error) => void this.#loadFailed(this.#recording!.source.url, error),
    playError: (error) => this.#fail('not-allowed', `The browser did not allow audio to start (${String(error)}). Press play.`, false),
    play: () => this.#onPlay(),
    // Paused to hand a paragraph to Web Speech is not paused for the reader.
    pause: () => this.#reading || this.#listener({ type: 'paused' }),
    end: () => this.#onEnd(),
  };

  /** The file failed to load: reports whether it is missing or cannot be decoded, keeping the position. */
  async #loadFailed(url: string, error: unknown): Promise<void> {
    if (this.#destroyed) return;
    const at = this.currentTime;
    const { code, message } = await loadFailure(url, error);
    this.#position = at;
    this.#fail(code, message);
  }

  /**
   * Goes to `time` on the timeline: in the recording, seeks the sound (and plays it if playing was asked
   * for); in a paragraph without audio, hands it to Web Speech. Reports the position either way.
   */
  #enter(time: number): void {
    const gaps = this.#gaps;
    if (!gaps) return;
    this.#position = time;
    const index = gaps.spanAt(time);
    if (gaps.spans[index]!.kind === 'speech') {
      this.#handOver(index, time);
      return;
    }
    this.#reader?.release();
    this.#span = index;
    this.#frames.wake();
    const howl = this.#howl;
    if (howl && howl.state() === 'loaded') {
      // Howler pauses a playing sound to seek and restarts it itself. Playing it here too took a second play
      // lock, behind which howler queues the next seek where nothing runs it: a quick second seek was lost.
      const playing = howl.playing();
      howl.seek(gaps.toFile(time));
      if (this.#wantPlay && !playing) howl.play();
    }
    this.#update(time, true);
  }

  /** Web Speech reads span `index` (paragraphs without audio) from `time`, if playing; the sound pauses. */
  #handOver(index: number, time: number): void {
    this.#frames.stop();
    this.#reader!.hold(index, time, this.#wantPlay);
    if (this.#howl?.playing()) this.#howl.pause();
    this.#update(time, true);
  }

  /** Speech finished span `index` (or skipped it): the recording goes on after it, or the article ends. */
  #afterGap(index: number): void {
    const next = this.#gaps!.spans[index + 1];
    if (next) this.#enter(next.at);
    else this.#onEnd();
  }

  readonly #gapHost: GapReaderHost = {
    emit: (event) => this.#listener(event),
    finished: (index) => this.#afterGap(index),
    paused: () => {
      this.#wantPlay = false;
      this.#position = this.currentTime;
      this.#listener({ type: 'paused' });
    },
  };

  #onPlay(): void {
    if (!this.#wantPlay || this.#reading) {
      this.#howl?.pause();
      return;
    }
    this.#stall.started(this.currentTime);
    this.#listener({ type: 'playing' });
    this.#update(this.currentTime, true);
    this.#frames.start();
  }

  #onEnd(): void {
    this.#wantPlay = false;
    this.#frames.stop();
    this.#stall.stop();
    this.#reader?.release();
    this.#position = this.duration;
    this.#update(this.duration, true);
    this.#listener({ type: 'ended' });
  }

  /**
   * Reads the clock of the playing sound, reports what changed and aims at the next boundary; at the end of
   * its stretch of recording, hands the paragraph without audio that follows to Web Speech.
   */
  #follow(): void {
    const gaps = this.#gaps;
    if (!this.#howl?.playing() || !gaps) return;
    const time = this.currentTime;
    const span = gaps.spans[this.#span]!;
    if (time >= span.at + span.length && this.#span + 1 < gaps.spans.length) {
      this.#enter(span.at + span.length);
      return;
    }
    this.#position = time;
    this.#update(time, false);
    const timings = this.#timings!;
    const file = gaps.toFile(time);
    if (!this.#frames.aimed) {
      const delay = boundaryDelay(timings, file, this.#rate);
      if (delay !== null) this.#frames.aim(delay);
    }
    this.#frames.rest(restMs(timings, time, file, span.at + span.length, this.#rate));
  }

  /** Reports the position (and word) at `time` on the timeline: what changed, or all of it when `force`. */
  #update(time: number, force: boolean): void {
    this.#positions?.report(time, force);
  }

  #fail(code: ListenErrorCode, message: string, fallback = true): void {
    this.#wantPlay = false;
    this.#frames.stop();
    this.#stall.stop();
    this.#reader?.release();
    this.#howl?.stop();
    this.#listener({ type: 'error', code, message, fallback: fallback ? 'speech' : undefined });
  }
}
