/**
 * Changes that come in bursts (a script setting `src` every frame): the first is acted on at once, and while
 * they keep coming, only the last is, once, when `quiet` ms have passed without one. Only the last value
 * matters, so nothing in between is worth a reload.
 */
export class BurstGate {
  readonly #quiet: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #missed = false;

  constructor(quiet: number) {
    this.#quiet = quiet;
  }

  /** Runs `act` now, or once the burst it belongs to is over. */
  changed(act: () => void): void {
    if (this.#timer === undefined) act();
    else this.#missed = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#missed) return;
      this.#missed = false;
      this.changed(act);
    }, this.#quiet);
  }

  /** Forgets a burst in progress (the player left the page). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#missed = false;
  }
}
