/**
 * The pre-rendered audio engine: plays an article's audio with howler (HTML5 audio, so long files stream)
 * and maps the audio clock to segments and words through the timing manifest.
 *
 * - howler is imported on the first play only: a page that never plays never downloads it.
 * - The highlight follows the clock from `requestAnimationFrame`, not `timeupdate` (which lags up to 250 ms).
 * - A manifest or audio that fails reports an error with `fallback: 'speech'`; the player then reads on
 *   with Web Speech from the same paragraph.
 * - A paragraph the recording has no audio for (manifest 1.1 `"audio": false`) is read by Web Speech in its
 *   place, on a timeline that gives it room (`gap-timeline.ts`, `gaps.ts`); an `engine` event tells each switch.
 * - A network that stops delivering gets no `error` from Chromium (the element waits, `stalled`, for ever,
 *   and howler never hears `canplaythrough`): while play is wanted, a watchdog shows `loading` once the clock
 *   stands still, and fails over after `stallTimeout` without any progress.
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
import { GapTimeline } from './gap-timeline.js';
import { GapReader, type GapReaderHost, type GapReaderOptions } from './gaps.js';
import type { Howl, HowlerModule } from './howler.js';
import { releaseWithoutDataUrl } from './release.js';
import { loadFailure, pickSource } from './source.js';
import { durationMismatch, loadTimings, type AudioSource, type Timings } from './timings.js';

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
/** How often (in seconds of audio) the clock is reported for the time display; highlights move every frame. */
const CLOCK_STEP = 0.25;
/** One display frame at 60 Hz, in ms. */
const FRAME_MS = 1000 / 60;
/** The shortest wait for a boundary, in ms (see `#aim`). */
const BOUNDARY_MIN_MS = 2;
/** Default `stallTimeout`: generous, as a slow server that still delivers should be waited for. */
const STALL_TIMEOUT_MS = 20_000;
/** A playing clock that stands still this long is buffering: the reader is shown `loading`. */
const STALL_NOTICE_MS = 1000;
/** How often the watchdog looks while play is wanted. */
const STALL_CHECK_MS = 250;

export class AudioEngine implements AudioEngineLike {
  readonly kind = 'audio' as const;

  readonly #listener: EngineListener;
  readonly #options: AudioEngineOptions;
  #timings: Timings | null = null;
  /** The engine's timeline: the recording's, with room for the paragraphs it has no audio for. */
  #gaps: GapTimeline | null = null;
  /** Reads those paragraphs with Web Speech; null when the recording has every paragraph. */
  #reader: GapReader | null = null;
  /** Index in `#gaps.spans` of the stretch of recording the sound plays (or will play). */
  #span = 0;
  #source: AudioSource | null = null;
  #ready: Promise<boolean> | null = null;
  #howl: Howl | null = null;
  #howlReady: Promise<Howl | null> | null = null;
  #rate = 1;
  /** Position on the timeline while the sound is not playing (before the first play, paused, seeking). */
  #position = 0;
  #wantPlay = false;
  /** A paragraph asked for before the manifest arrived. */
  #pendingSegment = -1;
  /** A time asked for before the manifest arrived (its length bounds it then). */
  #pendingTime = -1;
  #frame = 0;
  /** `performance.now()` before which a frame has nothing to do (see `#rest`). */
  #idleUntil = 0;
  #precise: ReturnType<typeof setTimeout> | undefined;
  #segment = -1;
  #word = -1;
  #clockStep = -1;
  #destroyed = false;
  /** When play last made progress (asked, manifest, audio loaded, clock moved), by `performance.now()`. */
  #progressAt = 0;
  #lastClock = -1;
  /** The clock stood still while playing and `loading` was reported. */
  #waiting = false;
  #watchdog: ReturnType<typeof setInterval> | undefined;

  constructor(listener: EngineListener, options: AudioEngineOptions) {
    this.#listener = listener;
    this.#options = options;
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

  /** The audio file being played (for the download link), once known. */
  get source(): AudioSource | null {
    return this.#source;
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
      const timings = await loadTimings(this.#options.src, segments, {
        allowCrossOrigin: this.#options.allowCrossOrigin ?? false,
        ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      });
      if (this.#destroyed) return false;
      this.#timings = timings;
      this.#source = pickSource(timings.sources);
      if (!this.#source) {
        this.#fail('audio-decode', 'This browser cannot play any of the audio formats offered.');
        return false;
      }
      this.#gaps = new GapTimeline(timings.segments, segments.map((segment) => segment.text), timings.duration);
      if (this.#gaps.partial) this.#reader = new GapReader(this.#gaps, segments, this.#gapHost, options, this.#options);
      this.#progressAt = performance.now();
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
    this.#progressAt = performance.now();
    this.#watchdog ??= setInterval(this.#checkStall, STALL_CHECK_MS);
    void this.#sound().then((howl) => {
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
    this.#stopFrames();
    this.#stopWatchdog();
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
    this.#wake();
    this.#howl?.rate(this.#rate);
    this.#reader?.setRate(this.#rate);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#wantPlay = false;
    this.#stopFrames();
    this.#stopWatchdog();
    this.#reader?.destroy();
    this.#howl?.off();
    this.#howl?.unload();
    this.#howl = null;
  }

  /** The howler sound, created (and howler imported) on first need. */
  #sound(): Promise<Howl | null> {
    this.#howlReady ??= (async () => {
      if (!(await this.#ready) || this.#destroyed) return null;
      const source = this.#source!;
      const { Howl } = await (this.#options.loadHowler ?? ((): Promise<HowlerModule> => import('howler')))();
      if (this.#destroyed) return null;
      return new Promise<Howl | null>((resolve) => {
        const howl = new Howl({
          src: [source.url],
          format: [source.format],
          html5: true,
          preload: true,
          rate: this.#rate,
          onload: () => {
            this.#progressAt = performance.now();
            const mismatch = durationMismatch(howl.duration(), this.#timings!.duration);
            if (mismatch) {
              resolve(null);
              this.#fail('manifest-mismatch', mismatch);
            } else resolve(howl);
          },
          onloaderror: (_id, error: unknown) => {
            resolve(null);
            void this.#loadFailed(source.url, error);
          },
          onplayerror: (_id, error: unknown) => {
            // Autoplay policy: howler retries on the next user gesture; report it rather than hang.
            this.#fail('not-allowed', `The browser did not allow audio to start (${String(error)}). Press play.`, false);
          },
          onplay: () => this.#onPlay(),
          // Paused to hand a paragraph to Web Speech is not paused for the reader.
          onpause: () => this.#reading || this.#listener({ type: 'paused' }),
          onend: () => this.#onEnd(),
        });
        releaseWithoutDataUrl(howl);
        this.#howl = howl;
      });
    })();
    return this.#howlReady;
  }

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
    this.#wake();
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
    this.#stopFrames();
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
    this.#progressAt = performance.now();
    this.#lastClock = this.currentTime;
    this.#waiting = false;
    this.#listener({ type: 'playing' });
    this.#update(this.currentTime, true);
    this.#stopFrames();
    this.#frame = requestAnimationFrame(this.#tick);
  }

  #onEnd(): void {
    this.#wantPlay = false;
    this.#stopFrames();
    this.#stopWatchdog();
    this.#reader?.release();
    this.#position = this.duration;
    this.#update(this.duration, true);
    this.#listener({ type: 'ended' });
  }

  readonly #tick = (now: number): void => {
    this.#frame = requestAnimationFrame(this.#tick);
    // Nothing can change before `#idleUntil` (no word, paragraph or displayed second): the frame costs a compare.
    if (now < this.#idleUntil) return;
    this.#follow();
  };

  /**
   * A frame comes every ~16 ms, ×rate of audio: too coarse for word sync. When the next word or segment
   * starts before the next frame, a timer fires at that moment instead (timers are ~1 ms precise), so the
   * change is reported with the clock read right at the boundary.
   */
  #aim(time: number): void {
    const timings = this.#timings;
    if (!timings || this.#precise) return;
    const delay = ((timings.nextBoundary(time) - time) / this.#rate) * 1000;
    // Never sooner than BOUNDARY_MIN_MS: the media clock moves in steps of a few ms, and a timer that finds it
    // just short of the boundary would otherwise re-arm at 0 ms, over and over, until it moves.
    if (delay < FRAME_MS * 1.5) this.#precise = setTimeout(this.#onBoundary, Math.max(BOUNDARY_MIN_MS, delay));
  }

  readonly #onBoundary = (): void => {
    this.#precise = undefined;
    this.#follow();
  };

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
    const file = gaps.toFile(time);
    this.#aim(file);
    this.#rest(time, file, span.at + span.length);
  }

  /**
   * Lets the frames before the next possible change go by (a frame and a half early, to absorb the media
   * clock's jumps): the next word start or end, paragraph, end of this stretch of recording, or step of the
   * displayed clock. A seek, rate change, pause or play reads the clock afresh (`#wake`).
   */
  #rest(time: number, file: number, spanEnd: number): void {
    const timings = this.#timings!;
    const step = (Math.floor(time / CLOCK_STEP) + 1) * CLOCK_STEP;
    const next = Math.min(step, spanEnd, time + (timings.nextChange(file) - file));
    this.#idleUntil = performance.now() + ((next - time) / this.#rate) * 1000 - FRAME_MS * 1.5;
  }

  #wake(): void {
    this.#idleUntil = 0;
  }

  /** While play is wanted: `loading` when a playing clock stands still, a failure when nothing moves for long. */
  readonly #checkStall = (): void => {
    // The clock is read here, not in the frame loop: frames stop in a background tab, timers only slow down.
    const now = performance.now();
    // Web Speech reading a paragraph without audio has watchdogs of its own; the recording waits meanwhile.
    if (this.#reading) {
      this.#progressAt = now;
      return;
    }
    const playing = this.#howl?.playing() ?? false;
    if (playing && this.currentTime !== this.#lastClock) {
      this.#lastClock = this.currentTime;
      this.#progressAt = now;
      if (this.#waiting) {
        this.#waiting = false;
        this.#listener({ type: 'playing' });
      }
      return;
    }
    const timeout = this.#options.stallTimeout ?? STALL_TIMEOUT_MS;
    if (now - this.#progressAt > timeout) {
      this.#fail('audio-load', `The audio stopped arriving (nothing for ${Math.round(timeout / 1000)} s).`);
    } else if (playing && !this.#waiting && now - this.#progressAt > STALL_NOTICE_MS) {
      this.#waiting = true;
      this.#listener({ type: 'loading' });
    }
  };

  #stopWatchdog(): void {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
    this.#waiting = false;
  }

  #stopFrames(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#precise);
    this.#wake();
    this.#frame = 0;
    this.#precise = undefined;
  }

  /**
   * Maps `time` (on the timeline) to segment and word and reports what changed (read in the same task as
   * the clock). In a paragraph without audio the segment is known and the words are Web Speech's to report.
   */
  #update(time: number, force: boolean): void {
    const timings = this.#timings;
    const gaps = this.#gaps;
    if (!timings || !gaps) return;
    const spoken = gaps.spokenSegmentAt(time);
    const file = gaps.toFile(time);
    const segment = spoken >= 0 ? spoken : timings.segmentAt(file);
    const word = spoken < 0 && segment >= 0 ? timings.wordAt(segment, file) : -1;
    const step = Math.floor(time / CLOCK_STEP);
    if (force || segment !== this.#segment || step !== this.#clockStep) {
      this.#segment = segment;
      this.#clockStep = step;
      this.#listener({ type: 'position', time, segment });
    }
    if (word !== this.#word || force) {
      this.#word = word;
      // Words the voice ran together share one entry, and so one range of the text.
      const entry = word >= 0 ? timings.segments[segment]?.words[word] : undefined;
      this.#listener({ type: 'word', segment, word, time, offset: entry?.offset, length: entry?.length });
    }
  }

  #fail(code: ListenErrorCode, message: string, fallback = true): void {
    this.#wantPlay = false;
    this.#stopFrames();
    this.#stopWatchdog();
    this.#reader?.release();
    this.#howl?.stop();
    this.#listener({ type: 'error', code, message, fallback: fallback ? 'speech' : undefined });
  }
}
