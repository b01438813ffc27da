/**
 * The player's UI language: which string table it speaks, in which direction, and with which locale it
 * formats times and numbers.
 *
 * The language asked for is the player's `lang`, else the article's, else the document's (the element works
 * that out), then the page's. English is inline and speaks at once; any other language, and strings a site
 * supplies (`strings`, `strings-src`), come from `languages.ts`, loaded only on a page that needs it, which
 * then loads that one table (see `languages.ts` for how a tag finds its table).
 */
import type { ReactiveControllerHost } from 'lit';
import { enShell, type ShellStrings } from './strings-shell.js';
import type { StringOverrides, Strings } from './strings.js';

/** A string table and the locale for `Intl` formats in the UI. */
export interface UiLanguage {
  readonly strings: ShellStrings;
  /**
   * The tag asked for when the table is of its language (a region or numbering system is kept: `ar-EG`),
   * else the table's language (an unknown `xx` must not make English times say `xx`).
   */
  readonly locale: string;
}

/** Strings a site supplies on the element (see `overrides.ts`). */
export interface StringsSource {
  /** A partial table over the chosen one. */
  readonly strings?: StringOverrides | null | undefined;
  /** URL of a JSON partial table. */
  readonly stringsSrc?: string;
  /** Whether `stringsSrc` may be on another origin. */
  readonly allowCrossOrigin?: boolean;
}

type Languages = typeof import('./languages.js');

/** `languages.ts` once loaded (then every table lookup is synchronous), and its load. */
let languages: Languages | undefined;
let languagesLoad: Promise<Languages> | undefined;

function loadLanguages(): Promise<Languages> {
  return (languagesLoad ??= import('./languages.js').then(
    (module) => (languages = module),
    (error: unknown) => {
      languagesLoad = undefined;
      throw error;
    },
  ));
}

/** The whole table for `strings` (what the element speaks): itself when whole, else the whole English table. */
export function completeStrings(strings: ShellStrings, english: Strings): Strings {
  return 'speechFallback' in strings ? (strings as Strings) : english;
}

export interface LanguageOptions {
  /** The language asked for: the player's `lang`, else the article's or the document's. */
  lang(): string;
}

/**
 * Picks the host's string table as its `lang` changes (read on each render: no state to go stale). A table
 * not loaded yet is asked for, and the host renders again when it arrives; until then the UI speaks the page's
 * language's table if loaded, else English.
 */
export class LanguageController {
  readonly #host: ReactiveControllerHost & HTMLElement & StringsSource;
  readonly #options: LanguageOptions;

  constructor(host: ReactiveControllerHost & HTMLElement & StringsSource, options: LanguageOptions) {
    this.#host = host;
    this.#options = options;
  }

  /**
   * Resolves once the table the host will speak is loaded (at once for English): the element waits for it
   * before its first render, rather than showing English for a moment and then switching.
   */
  async ready(): Promise<void> {
    if (this.#english()) return;
    try {
      await (await loadLanguages()).prepare(this.#langs(), this.#host);
    } catch {
      // Not loadable (offline): English, and the next render asks again.
    }
  }

  #langs(): string[] {
    return [this.#options.lang(), this.#host.ownerDocument.documentElement.lang];
  }

  /** English alone: the first language asked for is English (or none is), and the site supplies no strings. */
  #english(): boolean {
    const first = this.#langs().find(Boolean);
    return (!first || /^en(?:[-_]|$)/i.test(first.trim())) && !this.#host.strings && !this.#host.stringsSrc;
  }

  /** The table the UI speaks now, and the locale for its times and numbers (see `UiLanguage.locale`). */
  get current(): UiLanguage {
    if (languages) return languages.language(this.#langs(), this.#host, () => this.#host.requestUpdate());
    if (!this.#english()) loadLanguages().then(() => this.#host.requestUpdate(), () => {});
    return { strings: enShell, locale: 'en' };
  }
}
