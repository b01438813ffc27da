/**
 * The reader's speed and voice, remembered for every article on the site. What the page sets explicitly
 * (a `rate` or `voice` attribute, or the property before the player is connected) wins over what is
 * remembered; what the reader chooses in the player (the menus, `<` and `>`) is remembered. A voice is
 * remembered per language, since a voice speaks one language: an English voice is never forced on German.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadPreferences, rememberedVoice, safeStorage, savePreferences, voiceLanguage, type SafeStorage } from './persistence.js';

/** The element's side of it: its `rate` and `voice` properties and its shadow root. */
export interface PreferencesHost extends ReactiveControllerHost, HTMLElement {
  rate: number;
  voice: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PreferencesOptions {
  /** The article's language (BCP 47), which a voice is remembered for. */
  lang(): string;
  /**
   * Whether the page set the rate and the voice itself (those win over what is remembered). Default: read from
   * the host when the controller first connects, which must then be before the host's first update.
   */
  explicit?(): { readonly rate: boolean; readonly voice: boolean };
  /** Test seam: where preferences are kept. Default: `localStorage`, safely. */
  readonly storage?: SafeStorage;
}

/** The rate a player has before anything sets it. */
const DEFAULT_RATE = 1;

export class PreferencesController implements ReactiveController {
  readonly #host: PreferencesHost;
  readonly #options: PreferencesOptions;
  readonly #storage: SafeStorage;
  #applied = false;

  constructor(host: PreferencesHost, options: PreferencesOptions) {
    this.#host = host;
    this.#options = options;
    this.#storage = options.storage ?? safeStorage();
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#applied) {
      // Once, before the first update loads an engine with them. Later connections keep what is set by then
      // (`rate` is reflected, so its attribute no longer tells the page's choice from ours).
      this.#applied = true;
      this.#apply();
    }
    this.#host.renderRoot.addEventListener('change', this.#onChange);
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('change', this.#onChange);
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  #apply(): void {
    const host = this.#host;
    const remembered = loadPreferences(this.#storage);
    const explicit = this.#options.explicit?.() ?? { rate: host.hasAttribute('rate'), voice: host.hasAttribute('voice') };
    if (remembered.rate !== undefined && !explicit.rate && host.rate === DEFAULT_RATE) {
      host.rate = remembered.rate;
    }
    const voice = rememberedVoice(remembered, this.#options.lang());
    if (voice && !explicit.voice && !host.voice) host.voice = voice;
  }

  /** A menu of the player changed (its own handler has already set the property). */
  readonly #onChange = (event: Event): void => {
    const part = (event.target as Element | null)?.closest?.('[part]')?.getAttribute('part') ?? '';
    if (/\bspeed\b/.test(part)) this.rememberRate();
    else if (/\bvoice\b/.test(part) && this.#host.voice) {
      savePreferences(this.#storage, { voices: { [voiceLanguage(this.#options.lang())]: this.#host.voice } });
    }
  };

  /** `<` and `>` change the speed (handled by the shortcuts, which run first and mark the event handled). */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented && (event.key === '<' || event.key === '>')) this.rememberRate();
  };

  /** Remembers the host's rate (the reader changed it, maybe before this controller was there to see it). */
  rememberRate(): void {
    const rate = this.#host.rate;
    if (Number.isFinite(rate) && rate >= 0.5 && rate <= 3) savePreferences(this.#storage, { rate });
  }
}
