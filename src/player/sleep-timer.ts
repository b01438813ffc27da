/**
 * The sleep timer at work (loaded the first time a timer is set): it pauses reading after a number of minutes
 * (of the clock, from when it was set), or at the end of the paragraph being read or of the article. A
 * recording's sound fades over the last `FADE_SECONDS`; speech has no volume to fade and stops at once. It
 * pauses (the position is kept: play goes on from there), then it is done; a timer that runs out while
 * nothing plays is done without pausing anything.
 */
import type { PlaybackController } from './playback.js';
import { sleepClock } from './sleep-clock.js';
import { untilNextMinute, type SleepTimerSetting } from './sleep-setting.js';
import type { PlayerSnapshot } from './store.js';

/** Seconds over which a recording's sound fades before the timer pauses it. */
export const FADE_SECONDS = 6;

export interface SleepTimerOptions {
  readonly playback: PlaybackController;
  readonly setting: SleepTimerSetting;
  /** When a timer of minutes runs out (ms, on the sleep clock). */
  readonly deadline: number | null;
  /** The speed: how long the rest of a paragraph takes. */
  rate(): number;
  /** The timer is done: `paused` when it paused reading (false: it ran out with nothing playing). */
  done(paused: boolean): void;
  /** The minutes left changed (the badge shows them). */
  tick(): void;
}

export class SleepTimer {
  readonly #options: SleepTimerOptions;
  #cancels: (() => void)[] = [];
  /** The badge's next minute. */
  #cancelTick: () => void = () => {};
  /** The paragraph whose end pauses reading (`end` of `paragraph`), once one is being read. */
  #paragraph = -1;
  #fading = false;
  /** Paused by the timer: done once the player says so. */
  #stopping = false;
  #finished = false;

  constructor(options: SleepTimerOptions) {
    this.#options = options;
    const { playback, setting, deadline } = options;
    this.#cancels.push(playback.store.subscribe((next, previous) => this.#onChange(next, previous)));
    if (setting.kind === 'minutes' && deadline !== null) this.#scheduleMinutes(deadline);
    if (setting.kind === 'end' && setting.of === 'paragraph') this.#paragraph = playback.snapshot.segmentIndex;
  }

  /** Stops the timer (off, another setting, the player removed); a fade under way is undone. */
  dispose(): void {
    for (const cancel of this.#cancels) cancel();
    this.#cancels = [];
    this.#cancelTick();
    if (this.#fading) this.#options.playback.fade(1, 0);
    this.#fading = false;
    this.#finished = true;
  }

  #scheduleMinutes(deadline: number): void {
    const clock = sleepClock();
    const now = clock.now();
    const tick = (): void => {
      this.#options.tick();
      if (deadline > clock.now()) this.#cancelTick = clock.after(untilNextMinute(deadline, clock.now()), tick);
    };
    const left = deadline - now;
    this.#cancels.push(clock.after(Math.max(left - FADE_SECONDS * 1000, 0), () => this.#fadeOut(Math.min(left, FADE_SECONDS * 1000))));
    this.#cancels.push(clock.after(Math.max(left, 0), () => this.#stop()));
    if (left > 0) this.#cancelTick = clock.after(untilNextMinute(deadline, now), tick);
  }

  #onChange(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    if (this.#finished) return;
    const playing = next.state === 'playing' || next.state === 'loading';
    if (this.#stopping) {
      if (!playing) this.#finish(true);
      return;
    }
    const { setting } = this.#options;
    if (setting.kind !== 'end') return;
    if (next.state === 'ended') {
      this.#finish(true);
      return;
    }
    if (setting.of === 'article') {
      if (next.state === 'playing') this.#fadeBefore(this.#options.playback.engine?.duration ?? 0, next.currentTime);
      return;
    }
    if (next.segmentIndex < 0) return;
    if (this.#paragraph < 0 || !playing) {
      // Not playing, the reader may move anywhere: the paragraph is the one play goes on in.
      this.#paragraph = next.segmentIndex;
      return;
    }
    if (next.segmentIndex !== this.#paragraph) {
      // Read on into the next paragraph: the end of this one was reached. A jump elsewhere moves the timer along.
      if (previous.state === 'playing' && next.segmentIndex === this.#paragraph + 1) this.#stop();
      else this.#paragraph = next.segmentIndex;
      return;
    }
    if (next.state === 'playing') this.#fadeBefore(this.#paragraphEnd(), next.currentTime);
  }

  /** The end of the paragraph on the engine's timeline (the next one's start, or the article's end). */
  #paragraphEnd(): number {
    const { playback } = this.#options;
    const engine = playback.engine;
    if (!engine) return 0;
    return this.#paragraph + 1 < playback.segments.length ? engine.segmentStart(this.#paragraph + 1) : engine.duration;
  }

  /** Starts the fade once `end` (seconds on the timeline) is within `FADE_SECONDS` of the clock at `time`. */
  #fadeBefore(end: number, time: number): void {
    const left = (end - time) / Math.max(this.#options.rate(), 0.1);
    if (end > 0 && left <= FADE_SECONDS && left > 0) this.#fadeOut(left * 1000);
  }

  #fadeOut(ms: number): void {
    const { state } = this.#options.playback.snapshot;
    if (this.#fading || this.#finished || state !== 'playing') return;
    this.#fading = true;
    this.#options.playback.fade(0, ms);
  }

  #stop(): void {
    if (this.#finished || this.#stopping) return;
    const { playback } = this.#options;
    const { state } = playback.snapshot;
    if (state !== 'playing' && state !== 'loading') {
      this.#finish(false);
      return;
    }
    this.#stopping = true;
    playback.pause();
  }

  /** Done: the sound back to full volume for the next play (`dispose` undoes a fade), and the menu told. */
  #finish(paused: boolean): void {
    this.dispose();
    this.#options.done(paused);
  }
}
