/**
 * The sleep timer's menu (`sleep-options.ts`) and badge, loaded once a timer is set (see `sleep-select.ts`):
 * "Sleep timer: 12 minutes" (left) while a timer is set (shown, not announced: it changes once a minute), and one
 * announcement when the timer pauses reading. The setting is the element's `sleepTimer` property; the timer
 * itself (`player/sleep-timer.ts`) loads the first time one is set. Remembered for the visit
 * (`sessionStorage`): a player on a page loaded again in the same tab carries on with it.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { SafeStorage } from '../player/persistence.js';
import type { PlaybackController } from '../player/playback.js';
import { sleepClock } from '../player/sleep-clock.js';
import { loadSleep, minutesLeft, saveSleep, sleepStorage, toSleepSetting, type SleepTimerSetting } from '../player/sleep-setting.js';
import type { SleepTimer } from '../player/sleep-timer.js';
import type { PlayerState } from '../player/store.js';
import { renderSleepSelect, type SleepStrings } from './sleep-options.js';
import { spokenTime } from './time.js';

/** The element, as the sleep timer uses it: its `sleepTimer` property and its speed. */
export interface SleepHost extends ReactiveControllerHost, HTMLElement {
  sleepTimer: SleepTimerSetting | null;
  readonly rate: number;
}

export class SleepMenu implements ReactiveController {
  readonly #host: SleepHost;
  readonly #playback: PlaybackController;
  readonly #storage: SafeStorage;
  #setting: SleepTimerSetting | null = null;
  #deadline: number | null = null;
  #timer: SleepTimer | null = null;
  /** A timer is running, or its module is on its way. */
  #running = false;
  /** Setting a timer: the module loading, so a later setting wins over an earlier one. */
  #generation = 0;
  /** The state the timer paused reading in: announced until the player leaves it (as a copied moment is). */
  #message: PlayerState | null = null;

  constructor(host: SleepHost, playback: PlaybackController, storage: SafeStorage = sleepStorage()) {
    this.#host = host;
    this.#playback = playback;
    this.#storage = storage;
    // A timer the page set before the rest of the player loaded wins over one remembered from earlier in the visit.
    const saved = host.sleepTimer ? null : loadSleep(storage, sleepClock().now());
    if (saved) {
      this.#start(saved.setting, saved.deadline);
      host.sleepTimer = saved.setting;
    } else if (host.sleepTimer) this.set(host.sleepTimer);
    host.addController(this);
  }

  /** Put back on the page: a timer still to come carries on. */
  hostConnected(): void {
    if (this.#running || !this.#setting) return;
    if (this.#deadline !== null && this.#deadline <= sleepClock().now()) this.#off();
    else this.#start(this.#setting, this.#deadline);
  }

  /** Removed from the page: the timer stops (remembered for the visit: a player put back carries on). */
  hostDisconnected(): void {
    this.stop();
  }

  /**
   * Applies the element's `sleepTimer`: a bad value is no timer, with a warning (as a bad `rate` is no rate). A
   * timer set again starts again; the setting this menu put on the element itself changes nothing.
   */
  set(value: unknown): void {
    if (value === this.#setting) return;
    const setting = toSleepSetting(value);
    if (setting === undefined) {
      console.warn(`listen-player: sleepTimer: ${JSON.stringify(value)} is not a sleep timer (null, { kind: 'minutes', minutes } or { kind: 'end', of: 'paragraph' | 'article' }); the timer is off.`);
      this.#start(null, null);
      this.#host.sleepTimer = null;
      return;
    }
    this.#start(setting, setting?.kind === 'minutes' ? sleepClock().now() + setting.minutes * 60_000 : null);
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#timer?.dispose();
    this.#timer = null;
  }

  /** What the status line announces: once, when the timer paused reading. */
  status(strings: SleepStrings): string {
    if (this.#message !== null && this.#message !== this.#playback.snapshot.state) this.#message = null;
    return this.#message === null ? '' : `${strings.sleepTimer}: ${strings.paused}`;
  }

  render(strings: SleepStrings) {
    return renderSleepSelect(strings, this.#setting, this.#chosen, this.#badge(strings));
  }

  /** What the timer is set to, after the menu's name: "Sleep timer: 12 minutes" (left), "Sleep timer: End of this paragraph". */
  #badge(strings: SleepStrings) {
    const setting = this.#setting;
    if (!setting) return nothing;
    const text =
      setting.kind === 'minutes'
        ? spokenTime(minutesLeft(this.#deadline ?? 0, sleepClock().now()) * 60, strings.lang)
        : setting.of === 'paragraph'
          ? strings.sleepParagraph
          : strings.sleepArticle;
    return html`<span part="sleep-badge" class="sleep-badge">${strings.sleepTimer}: ${text}</span>`;
  }

  readonly #chosen = (setting: SleepTimerSetting | null): void => {
    this.set(setting);
    this.#host.sleepTimer = this.#setting;
  };

  /** Sets the timer (null: off), remembered for the visit; the timer's module loads on the first one. */
  #start(setting: SleepTimerSetting | null, deadline: number | null): void {
    this.stop();
    this.#setting = setting;
    this.#deadline = deadline;
    saveSleep(this.#storage, setting ? { setting, deadline } : null);
    this.#host.requestUpdate();
    if (!setting) return;
    this.#running = true;
    const generation = this.#generation;
    import('../player/sleep-timer.js').then(
      ({ SleepTimer }) => {
        if (generation !== this.#generation) return;
        this.#timer = new SleepTimer({
          playback: this.#playback,
          setting,
          deadline,
          rate: () => this.#host.rate,
          done: (paused) => this.#done(paused),
          tick: () => this.#host.requestUpdate(),
        });
      },
      // Offline or blocked: no timer (the menu shows it off), and the reader may set it again.
      () => generation === this.#generation && this.#off(),
    );
  }

  #done(paused: boolean): void {
    this.#timer = null;
    if (paused) this.#message = this.#playback.snapshot.state;
    this.#off();
  }

  #off(): void {
    this.#start(null, null);
    this.#host.sleepTimer = null;
  }
}

/** The badge: small and muted beside the menu. */
export const sleepStyles = css`
  .sleep-badge {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    padding-inline: 0.25rem;
  }
`;
