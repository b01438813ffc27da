/**
 * The pre-rendered audio engine: plays an article's audio with howler (HTML5 audio, so long files stream)
 * and maps the audio clock to segments and words through the timing manifest.
 *
 * - howler is imported on the first play only: a page that never plays never downloads it (`sound.ts`).
 * - Where it is on its timeline, and whether the sound or Web Speech reads there, is `playhead.ts`'s business;
 *   the highlight follows the clock from `requestAnimationFrame`, not `timeupdate` (`clock.ts`).
 * - A manifest or audio that fails reports an error with `fallback: 'speech'`; the player then reads on
 *   with Web Speech from the same paragraph.
 * - A paragraph the recording has no audio for (manifest 1.1 `"audio": false`) is read by Web Speech in its
 *   place, on a timeline that gives it room (`gap-timeline.ts`, `gaps.ts`); an `engine` event tells each switch.
 * - A network that stops delivering gets no `error` from Chromium: while play is wanted, a watchdog shows
 *   `loading` once the clock stands still, and fails over after `stallTimeout` without any progress (`stall.ts`).
 */
import type { Segment } from '../../article/segment.js';
import { TimingsError } from '../../manifest/fetch.js';
import {
  type AudioEngineLike,
  type EngineListener,
  type EngineLoadOptions,
  type ListenErrorCode,
  type WordTiming,
} from '../engine.js';
import { clampRate } from '../../article/pace.js';
import { GapReader, type GapReaderOptions } from './gaps.js';
import { Playhead } from './playhead.js';
import { openRecording, type Recording } from './recording.js';
import { LazySound, type SoundEvents } from './sound.js';
import { loadFailure } from './source.js';
import type { Howl, HowlerModule } from './howler.js';
import { StallWatchdog } from './stall.js';
import type { AudioSource } from './timings.js';

export interface AudioEngineOptions extends GapReaderOptions {
  /** URL of the timing manifest. */
  readonly src: string;
  /** Accept audio on another origin (the host opted in). */
  readonly allowCrossOrigin?: boolean;
  /** Test seam: how the manifest is fetched. */
  readonly fetch?: typeof fetch;
  /** Test seam: how howler is loaded. */
  readonly loadHowler?: () => Promise<HowlerModule>;
  /** How long play may wait without any progress (manifest, audio, clock) before the audio counts as lost, in ms. */
  readonly stallTimeout?: number;
}

/** Seconds moved by skip back/forward. */
export const SKIP_SECONDS = 15;

export class AudioEngine implements AudioEngineLike {
  readonly kind = 'audio' as const;

  readonly #listener: EngineListener;
  readonly #options: AudioEngineOptions;
  /** Once the manifest is loaded. */
  #recording: Recording | null = null;
  #ready: Promise<boolean> | null = null;
  readonly #sound: LazySound;
  #rate = 1;
  /** A paragraph asked for before the manifest arrived. */
  #pendingSegment = -1;
  /** A time asked for before the manifest arrived (its length bounds it then). */
  #pendingTime = -1;
  readonly #playhead: Playhead;
  readonly #stall: StallWatchdog;
  #destroyed = false;

  constructor(listener: EngineListener, options: AudioEngineOptions) {
    this.#listener = listener;
    this.#options = options;
    this.#sound = new LazySound(options.loadHowler);
    this.#stall = new StallWatchdog(
      {
        reading: () => this.#playhead.reading,
        playing: () => this.#howl?.playing() ?? false,
        clock: () => this.currentTime,
        report: (state) => this.#listener({ type: state }),
        lost: (message) => this.#fail('audio-load', message),
      },
      options.stallTimeout,
    );
    this.#playhead = new Playhead({
      listener,
      howl: () => this.#howl,
      rate: () => this.#rate,
      started: (time) => this.#stall.started(time),
      ended: () => this.#stall.stop(),
    });
  }

  get duration(): number {
    return this.#recording?.gaps.duration ?? 0;
  }

  /** `exact` once a manifest with word times is loaded (the renderer measured every word); else null. */
  get wordTiming(): WordTiming | null {
    return this.#recording?.timings.segments.some((segment) => segment.words.length > 0) ? 'exact' : null;
  }

  get currentTime(): number {
    if (!this.#recording && this.#pendingTime >= 0) return this.#pendingTime;
    return this.#playhead.currentTime;
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
    return this.#recording?.timings.manifest.hash;
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
      const { gaps } = recording;
      const reader = gaps.partial ? new GapReader(gaps, segments, this.#playhead.gapHost, options, this.#options) : null;
      this.#playhead.attach(recording, reader);
      this.#stall.progress();
      this.#listener({ type: 'duration', duration: this.duration });
      // A time asked for before the length was known that lies past the end (a link's moment or a place kept
      // for another take of the recording) is dropped: play starts at the top, not at once at the end.
      if (this.#pendingSegment >= 0) this.seekSegment(this.#pendingSegment);
      else if (this.#pendingTime >= 0 && this.#pendingTime < this.duration) this.seek(this.#pendingTime);
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
    this.#playhead.want();
    this.#listener({ type: 'loading' });
    this.#stall.progress();
    this.#stall.watch();
    void this.#openSound().then((howl) => {
      if (howl && this.#playhead.wantPlay && !howl.playing()) this.#playhead.resume();
    });
  }

  pause(): void {
    const at = this.currentTime;
    this.#stall.stop();
    this.#playhead.pause(at);
  }

  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    if (!this.#recording) {
      this.#pendingTime = Math.max(seconds, 0);
      this.#pendingSegment = -1;
      return;
    }
    this.#playhead.seek(Math.min(Math.max(seconds, 0), this.duration));
  }

  skip(direction: -1 | 1): void {
    this.seek(this.currentTime + direction * SKIP_SECONDS);
  }

  seekSegment(index: number): void {
    if (this.#recording) this.seek(this.segmentStart(index));
    else {
      this.#pendingSegment = index;
      this.#pendingTime = -1;
    }
  }

  segmentStart(index: number): number {
    return this.#recording?.gaps.segmentStart(index) ?? 0;
  }

  fade(volume: number, ms: number): void {
    const howl = this.#howl;
    if (!howl || !Number.isFinite(volume)) return;
    const to = Math.min(Math.max(volume, 0), 1);
    if (ms > 0) howl.fade(howl.volume(), to, ms);
    else howl.volume(to);
  }

  setRate(rate: number): void {
    this.#rate = clampRate(rate);
    this.#playhead.setRate(this.#rate);
    this.#howl?.rate(this.#rate);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#playhead.destroy();
    this.#stall.stop();
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
    play: () => this.#playhead.onPlay(),
    // Paused to hand a paragraph to Web Speech is not paused for the reader.
    pause: () => this.#playhead.reading || this.#listener({ type: 'paused' }),
    end: () => this.#playhead.onEnd(),
  };

  /** The file failed to load: reports whether it is missing or cannot be decoded, keeping the position. */
  async #loadFailed(url: string, error: unknown): Promise<void> {
    if (this.#destroyed) return;
    const at = this.currentTime;
    const { code, message } = await loadFailure(url, error);
    this.#playhead.place(at);
    this.#fail(code, message);
  }

  #fail(code: ListenErrorCode, message: string, fallback = true): void {
    this.#playhead.halt();
    this.#stall.stop();
    this.#howl?.stop();
    this.#listener({ type: 'error', code, message, fallback: fallback ? 'speech' : undefined });
  }
}
