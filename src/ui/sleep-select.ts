/**
 * The sleep timer as the session holds it: the menu alone (`sleep-options.ts`) until a timer is set, by the
 * reader or the page, or one is remembered for the visit; then the rest (`sleep-menu.ts`: the badge, the
 * setting remembered, the announcement, the timer) loads and draws the menu from then on.
 */
import type { PlaybackController } from '../player/playback.js';
import { SLEEP_KEY, sleepStorage, type SleepTimerSetting } from '../player/sleep-setting.js';
import { addStyles } from './add-styles.js';
import type { SleepHost, SleepMenu } from './sleep-menu.js';
import { renderSleepSelect, type SleepStrings } from './sleep-options.js';

export class SleepSelect {
  readonly #host: SleepHost;
  readonly #playback: PlaybackController;
  #menu: SleepMenu | null = null;
  #loading = false;

  constructor(host: SleepHost, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
    // A timer remembered for the visit: `SleepMenu` reads it.
    if (host.sleepTimer || sleepStorage().get(SLEEP_KEY) !== null) this.#load();
  }

  /** Applies the element's `sleepTimer` (see `SleepMenu.set`); a menu made now reads it from the element. */
  set(value: unknown): void {
    if (this.#menu) this.#menu.set(value);
    else if (value !== null) this.#load();
  }

  /** What the status line announces: once, when the timer paused reading. */
  status(strings: SleepStrings): string {
    return this.#menu?.status(strings) ?? '';
  }

  render(strings: SleepStrings) {
    return this.#menu ? this.#menu.render(strings) : renderSleepSelect(strings, this.#host.sleepTimer, this.#chosen);
  }

  /** The reader's choice: the element's property, which sets the timer (see `set`). */
  readonly #chosen = (setting: SleepTimerSetting | null): void => {
    this.#host.sleepTimer = setting;
  };

  #load(): void {
    if (this.#loading) return;
    this.#loading = true;
    import('./sleep-menu.js').then(
      ({ SleepMenu, sleepStyles }) => {
        if (this.#host.shadowRoot) addStyles(this.#host.shadowRoot, sleepStyles);
        this.#menu = new SleepMenu(this.#host, this.#playback);
        this.#host.requestUpdate();
      },
      // Offline, or the file blocked: no timer (the menu shows it off), and the reader may set it again.
      () => {
        this.#loading = false;
        this.#host.sleepTimer = null;
      },
    );
  }
}
