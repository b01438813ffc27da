/**
 * How the audio engine follows the sound's clock: each frame (`requestAnimationFrame`, not `timeupdate`, which
 * lags up to 250 ms), skipping the frames before the next possible change, and with a timer aimed at a word or
 * paragraph boundary that falls between two frames. `PositionReport` turns a time into the player's `position`
 * and `word` events, saying only what changed.
 */
import type { EngineListener } from '../engine.js';
import type { GapTimeline } from './gap-timeline.js';
import type { Timings } from './timings.js';

/** How often (in seconds of audio) the clock is reported for the time display; highlights move every frame. */
export const CLOCK_STEP = 0.25;
/** One display frame at 60 Hz, in ms. */
export const FRAME_MS = 1000 / 60;
/** The shortest wait for a boundary, in ms (see `boundaryDelay`). */
const BOUNDARY_MIN_MS = 2;

/**
 * A frame comes every ~16 ms, ×rate of audio: too coarse for word sync. When the next word or segment starts
 * before the next frame, a timer fires at that moment instead (timers are ~1 ms precise), so the change is
 * reported with the clock read right at the boundary. Returns that timer's delay in ms, or null when a frame
 * comes first. `file` is the time in the audio file, `rate` the playback rate.
 */
export function boundaryDelay(timings: Pick<Timings, 'nextBoundary'>, file: number, rate: number): number | null {
  const delay = ((timings.nextBoundary(file) - file) / rate) * 1000;
  // Never sooner than BOUNDARY_MIN_MS: the media clock moves in steps of a few ms, and a timer that finds it
  // just short of the boundary would otherwise re-arm at 0 ms, over and over, until it moves.
  return delay < FRAME_MS * 1.5 ? Math.max(BOUNDARY_MIN_MS, delay) : null;
}

/**
 * How long (ms) the frames may go by without reading the clock: until the next possible change (a frame and a
 * half early, to absorb the media clock's jumps): the next word start or end, paragraph, end of this stretch of
 * recording (`spanEnd`, on the timeline), or step of the displayed clock. `time` is on the timeline, `file` the
 * same moment in the audio file.
 */
export function restMs(timings: Pick<Timings, 'nextChange'>, time: number, file: number, spanEnd: number, rate: number): number {
  const step = (Math.floor(time / CLOCK_STEP) + 1) * CLOCK_STEP;
  const next = Math.min(step, spanEnd, time + (timings.nextChange(file) - file));
  return ((next - time) / rate) * 1000 - FRAME_MS * 1.5;
}

/** Calls `follow` each frame, except the frames it was told to rest, and at the boundary it was aimed at. */
export class FrameLoop {
  readonly #follow: () => void;
  #frame = 0;
  /** `performance.now()` before which a frame has nothing to do. */
  #idleUntil = 0;
  #precise: ReturnType<typeof setTimeout> | undefined;

  constructor(follow: () => void) {
    this.#follow = follow;
  }

  start(): void {
    this.stop();
    this.#frame = requestAnimationFrame(this.#tick);
  }

  stop(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#precise);
    this.wake();
    this.#frame = 0;
    this.#precise = undefined;
  }

  /** The next frame reads the clock afresh (a seek, a rate change, a pause or play). */
  wake(): void {
    this.#idleUntil = 0;
  }

  /** Lets the frames of the next `ms` go by. */
  rest(ms: number): void {
    this.#idleUntil = performance.now() + ms;
  }

  /** Whether a boundary timer is set: one at a time. */
  get aimed(): boolean {
    return this.#precise !== undefined;
  }

  /** Follows again in `ms` (a boundary before the next frame; see `boundaryDelay`). */
  aim(ms: number): void {
    if (this.#precise === undefined) this.#precise = setTimeout(this.#onBoundary, ms);
  }

  readonly #tick = (now: number): void => {
    this.#frame = requestAnimationFrame(this.#tick);
    // Nothing can change before `#idleUntil` (no word, paragraph or displayed second): the frame costs a compare.
    if (now < this.#idleUntil) return;
    this.#follow();
  };

  readonly #onBoundary = (): void => {
    this.#precise = undefined;
    this.#follow();
  };
}

/**
 * Maps a time on the timeline to segment and word and tells the listener what changed: `position` when the
 * segment or the displayed clock step changes, `word` when the word does; both when forced (a seek, play, the
 * end). In a paragraph without audio the segment is known and the words are Web Speech's to report.
 */
export class PositionReport {
  readonly #timings: Pick<Timings, 'segments' | 'segmentAt' | 'wordAt'>;
  readonly #gaps: GapTimeline;
  readonly #listener: EngineListener;
  #segment = -1;
  #word = -1;
  #clockStep = -1;

  constructor(timings: Pick<Timings, 'segments' | 'segmentAt' | 'wordAt'>, gaps: GapTimeline, listener: EngineListener) {
    this.#timings = timings;
    this.#gaps = gaps;
    this.#listener = listener;
  }

  report(time: number, force: boolean): void {
    const timings = this.#timings;
    const spoken = this.#gaps.spokenSegmentAt(time);
    const file = this.#gaps.toFile(time);
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
}
