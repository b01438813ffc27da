/**
 * A network that stops delivering gets no `error` from Chromium (the element waits, `stalled`, for ever, and
 * howler never hears `canplaythrough`). While play is wanted, this watchdog shows `loading` once the playing
 * clock stands still, `playing` again once it moves, and fails after a timeout without any progress.
 */

/** Default timeout: generous, as a slow server that still delivers should be waited for. */
const STALL_TIMEOUT_MS = 20_000;
/** A playing clock that stands still this long is buffering: the reader is shown `loading`. */
const STALL_NOTICE_MS = 1000;
/** How often the watchdog looks while play is wanted. */
const STALL_CHECK_MS = 250;

export interface StallHost {
  /** Whether Web Speech reads a paragraph without audio (it has watchdogs of its own; the recording waits). */
  reading(): boolean;
  /** Whether the sound plays. */
  playing(): boolean;
  /** The position on the timeline. */
  clock(): number;
  /** The clock stood still (`loading`) or moves again (`playing`). */
  report(state: 'loading' | 'playing'): void;
  /** Nothing moved for `timeout` ms. */
  lost(message: string): void;
}

export class StallWatchdog {
  readonly #host: StallHost;
  readonly #timeout: number;
  /** When play last made progress (asked, manifest, audio loaded, clock moved), by `performance.now()`. */
  #progressAt = 0;
  #lastClock = -1;
  /** The clock stood still while playing and `loading` was reported. */
  #waiting = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: StallHost, timeout = STALL_TIMEOUT_MS) {
    this.#host = host;
    this.#timeout = timeout;
  }

  /** Play made progress (asked for, the manifest or the audio arrived). */
  progress(): void {
    this.#progressAt = performance.now();
  }

  /** The sound started at `time`: progress, and the clock moves from there. */
  started(time: number): void {
    this.progress();
    this.#lastClock = time;
    this.#waiting = false;
  }

  /** Watches while play is wanted. */
  watch(): void {
    this.#timer ??= setInterval(this.#check, STALL_CHECK_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#waiting = false;
  }

  readonly #check = (): void => {
    // The clock is read here, not in the frame loop: frames stop in a background tab, timers only slow down.
    const now = performance.now();
    const host = this.#host;
    if (host.reading()) {
      this.#progressAt = now;
      return;
    }
    const playing = host.playing();
    const clock = host.clock();
    if (playing && clock !== this.#lastClock) {
      this.#lastClock = clock;
      this.#progressAt = now;
      if (this.#waiting) {
        this.#waiting = false;
        host.report('playing');
      }
      return;
    }
    if (now - this.#progressAt > this.#timeout) {
      host.lost(`The audio stopped arriving (nothing for ${Math.round(this.#timeout / 1000)} s).`);
    } else if (playing && !this.#waiting && now - this.#progressAt > STALL_NOTICE_MS) {
      this.#waiting = true;
      host.report('loading');
    }
  };
}
