/**
 * Analytics hooks: `listen-progress` with `{ percent }` when a listen reaches 25, 50 and 75 % of the article,
 * and 100 at its end.
 *
 * What counts (documented for hosts in docs/reference.md, Analytics):
 * - A threshold fires when the position first reaches it through playback: the clock running while playing.
 *   Seeking, skipping or moving paragraphs past it does not fire it (the reader did not hear that part);
 *   reaching it by playing on from a point just before it does. When one stretch of playback crosses several
 *   (a throttled background tab reports late), they fire in ascending order.
 * - 100 fires when the end is reached (`ended`).
 * - Each fires at most once per listen. A listen begins when the position is back at the very start: the first
 *   play, a play after the end (it starts over), "Start over", Stop, or going back to the first paragraph.
 * - Percentages are of the engine's duration; with Web Speech that is an estimate, corrected as it speaks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type ListenProgressDetail } from './events.js';
import type { PlaybackController } from './playback.js';
import type { PlayerSnapshot } from './store.js';

export type ProgressPercent = ListenProgressDetail['percent'];

/** The thresholds reached through playback; 100 is the end. */
const THRESHOLDS = [25, 50, 75] as const;
/** Positions earlier than this (seconds) are "the start": a new listen begins there. */
const START = 0.5;
/**
 * A forward move counts as playback when it is at most the time played (wall clock × rate) × this, plus SLACK:
 * room for the speech clock, an estimate that jumps to the next sentence's start when a sentence ends early.
 * A longer jump is a seek.
 */
const PLAYED_FACTOR = 1.25;
const SLACK = 1.5;

/** The pure part: which thresholds a change of the player's snapshot reaches. */
export class ProgressTracker {
  readonly #fired = new Set<ProgressPercent>();
  /** Where playback was last seen while playing (share of the duration, seconds) and when (ms). */
  #anchor: { share: number; time: number; at: number } | null = null;

  /** Thresholds fired in this listen. */
  get fired(): readonly ProgressPercent[] {
    return [...this.#fired].sort((a, b) => a - b);
  }

  /**
   * Feeds one store change; returns the thresholds it reaches, in order.
   * @param now wall clock in ms (`performance.now()`)
   * @param rate the playback rate in use
   */
  update(next: PlayerSnapshot, previous: PlayerSnapshot, now: number, rate: number): ProgressPercent[] {
    const reached: ProgressPercent[] = [];
    const { currentTime: time, duration } = next;
    // Back at the start: a new listen (never inside the first threshold of a very short article).
    if (next.state !== 'ended' && time < Math.min(START, duration > 0 ? duration * 0.25 : START)) this.#fired.clear();

    const share = duration > 0 ? time / duration : NaN;
    const anchor = this.#anchor;
    if (previous.state === 'playing' && anchor && time !== anchor.time && Number.isFinite(share)) {
      const played = (Math.max(now - anchor.at, 0) / 1000) * (Number.isFinite(rate) && rate > 0 ? rate : 1);
      const moved = time - anchor.time;
      if (moved > 0 && moved <= played * PLAYED_FACTOR + SLACK) {
        for (const percent of THRESHOLDS) {
          const at = percent / 100;
          if (!this.#fired.has(percent) && anchor.share < at && share >= at) reached.push(percent);
        }
      }
    }
    if (next.state === 'ended' && previous.state !== 'ended') reached.push(100);

    if (next.state !== 'playing') this.#anchor = null;
    else if (!anchor || previous.state !== 'playing' || time !== anchor.time) {
      // The clock stands still between reports; the anchor moves only when it moves, so the time played
      // since is measured from the last real position.
      this.#anchor = Number.isFinite(share) ? { share, time, at: now } : null;
    }
    const fresh = reached.filter((percent) => !this.#fired.has(percent));
    for (const percent of fresh) this.#fired.add(percent);
    return fresh;
  }
}

export interface ProgressOptions {
  /** The playback rate in use. */
  rate(): number;
}

/** Fires `listen-progress` on the host from the playback controller's store. */
export class ProgressController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: ProgressOptions;
  readonly #tracker = new ProgressTracker();
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: ProgressOptions) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#playback.store.subscribe((next, previous) => {
      for (const percent of this.#tracker.update(next, previous, performance.now(), this.#options.rate())) {
        emit(this.#host, 'listen-progress', { percent });
      }
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
