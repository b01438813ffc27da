/**
 * The clock of the sleep timer: the real one, or, for tests only, one they move by hand (a timer of minutes is
 * tested without waiting minutes). Not part of the public API: the package's entry points do not export it. A
 * module of its own, as `engine-options.ts`, so the shipped element has no writable hooks.
 */

export interface SleepClock {
  /** Milliseconds, as `Date.now()`. */
  now(): number;
  /** Calls `callback` after `ms`; returns its cancellation. */
  after(ms: number, callback: () => void): () => void;
}

const realClock: SleepClock = {
  now: () => Date.now(),
  after: (ms, callback) => {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
};

let current: SleepClock = realClock;

/** The clock sleep timers read now. */
export function sleepClock(): SleepClock {
  return current;
}

/** Sets the clock sleep timers read from now on; `undefined`: the real one. */
export function setSleepClock(clock: SleepClock | undefined): void {
  current = clock ?? realClock;
}
