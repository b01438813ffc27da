/**
 * The sleep timer as the session holds it: the menu alone (`sleep-options.ts`) until a timer is set, by the
 * reader or the page, or one is remembered for the visit; then the rest (`sleep-menu.ts`: the badge, the
 * setting remembered, the announcement, the timer) loads and draws the menu from then on.
 */
import type { PlaybackController } from '../player/playback.js';
import { SLEEP_KEY, sleepStorage, type SleepTimerSetting } from '../player/sleep-setting.js';
import { LazyPart } from './lazy-part.js';
import type { SleepHost, SleepMenu } from './sleep-menu.js';
import { renderSleepSelect, type SleepStrings } from './sleep-options.js';

export class SleepSelect {
  readonly #host: SleepHost;
  readonly #menu: LazyPart<SleepMenu>;

  constructor(host: SleepHost, playback: PlaybackController) {
    this.#host = host;
    this.#menu = new LazyPart(host, () =>
      import('./sleep-menu.js').then((loaded) => [new loaded.SleepMenu(host, playback), loaded.sleepStyles] as const),
    );
    // A timer remembered for the visit: `SleepMenu` reads it.
    if (host.sleepTimer || sleepStorage().get(SLEEP_KEY) !== null) this.#load();
  }

  /** Applies the element's `sleepTimer` (see `SleepMenu.set`); a menu made now reads it from the element. */
  set(value: unknown): void {
    if (this.#menu.value) this.#menu.value.set(value);
    else if (value !== null) this.#load();
  }

  /** What the status line announces: once, when the timer paused reading. */
  status(strings: SleepStrings): string {
    return this.#menu.value?.status(strings) ?? '';
  }

  render(strings: SleepStrings) {
    return this.#menu.value ? this.#menu.value.render(strings) : renderSleepSelect(strings, this.#host.sleepTimer, this.#chosen);
  }

  /** The reader's choice: the element's property, which sets the timer (see `set`). */
  readonly #chosen = (setting: SleepTimerSetting | null): void => {
    this.#host.sleepTimer = setting;
  };

  #load(): void {
    // Offline, or the file blocked: no timer (the menu shows it off), and the reader may set it again.
    this.#menu.load().catch(() => {
      this.#host.sleepTimer = null;
    });
  }
}
