/**
 * A sleep timer's clock for tests, in Node and in the browser alike (`setSleepClock`): it moves only when told,
 * and the timers due run in order as it passes them, so a timer of minutes is tested without waiting minutes.
 */
import type { SleepClock } from '../../src/player/sleep-clock.js';

export class ManualClock implements SleepClock {
  #now: number;
  #timers: { at: number; callback: () => void }[] = [];

  /** `start`: the time it shows first (ms, as `Date.now()`). */
  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  after(ms: number, callback: () => void): () => void {
    const timer = { at: this.#now + ms, callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Timers set and not yet run or cancelled. */
  get pending(): number {
    return this.#timers.length;
  }

  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = due.at;
      due.callback();
    }
    this.#now = end;
  }
}
