/**
 * The player's UI language: which string table it speaks, in which direction, and how errors are worded.
 *
 * The language asked for is the player's `lang`, else the article's, else the document's (the element works
 * that out); the table is the one for that exact tag, else for its shorter prefixes (`ar-EG` → `ar`), else
 * the page's language's, else English. Times spoken to screen readers are formatted by `Intl` in the tag asked for when the table is of
 * its language, so a regional variant keeps its own numerals (`ar-EG` says ١١, `ar` says 11).
 */
import { css, type ReactiveControllerHost } from 'lit';
import { enShell, type ShellStrings } from './strings-shell.js';
import type { Strings } from './strings.js';

/**
 * The other tables load on demand (one small request, only on pages in their language), so a page in English
 * downloads no other language's strings. A `Map`: the tag comes from the page (`lang="constructor"` is no table).
 */
const LOADERS: ReadonlyMap<string, () => Promise<Strings>> = new Map([
  ['ar', () => import('./strings/ar.js').then((module) => module.ar)],
  ['de', () => import('./strings/de.js').then((module) => module.de)],
]);

/** Every language the UI speaks, by its (lower-case) tag. */
export const UI_LANGUAGES: readonly string[] = ['en', ...LOADERS.keys()];

/** The tables loaded so far, by language tag. */
const loaded = new Map<string, ShellStrings>([['en', enShell]]);
const loading = new Map<string, Promise<ShellStrings>>();

/** Every table loaded so far, by its (lower-case) language tag (English: only what the element needs itself). */
export function loadedStringTables(): ReadonlyMap<string, ShellStrings> {
  return loaded;
}

/**
 * Loads the table `lang` would use (exact tag, then shorter prefixes); resolves to it, or to undefined when the
 * UI has none for that language. A failed load is forgotten, so the next render asks again.
 */
export function loadStrings(lang: string): Promise<ShellStrings | undefined> {
  const parts = subtags(lang);
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    const table = loaded.get(tag);
    if (table) return Promise.resolve(table);
    const load = LOADERS.get(tag);
    if (!load) continue;
    let pending = loading.get(tag);
    if (!pending) {
      pending = load().then(
        (strings) => {
          loaded.set(tag, strings);
          return strings;
        },
        (error: unknown) => {
          loading.delete(tag);
          throw error;
        },
      );
      loading.set(tag, pending);
    }
    return pending;
  }
  return Promise.resolve(undefined);
}

/** The whole table for `strings` (what the element speaks): itself when whole, else the whole English table. */
export function completeStrings(strings: ShellStrings, english: Strings): Strings {
  return 'speechFallback' in strings ? (strings as Strings) : english;
}

/** The tag's subtags, lower case, `_` read as `-` (`ar_EG` is a common mistake for `ar-EG`). */
function subtags(lang: string): string[] {
  return lang.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
}

/** A string table and the locale for `Intl` formats in the UI. */
export interface UiLanguage {
  readonly strings: ShellStrings;
  /**
   * The tag asked for when the table is of its language (a region or numbering system is kept: `ar-EG`),
   * else the table's language (an unknown `xx` must not make English times say `xx`).
   */
  readonly locale: string;
}

/**
 * The loaded table for one tag: exact, then shorter prefixes (`ar-eg` → `ar`); undefined when none fits or it
 * is not loaded yet (see `loadStrings`).
 */
function tableFor(lang: string): ShellStrings | undefined {
  const parts = subtags(lang);
  for (let n = parts.length; n > 0; n--) {
    const table = loaded.get(parts.slice(0, n).join('-'));
    if (table) return table;
  }
  return undefined;
}

/**
 * The UI language for the first of `langs` that has a table (the player's or article's language, then the
 * page's: a Welsh article on a German site gets a German player), else English.
 */
export function resolveLanguage(...langs: readonly (string | null | undefined)[]): UiLanguage {
  for (const lang of langs) {
    const strings = lang ? tableFor(lang) : undefined;
    if (!strings) continue;
    let locale = strings.lang;
    try {
      locale = Intl.getCanonicalLocales(lang!)[0] ?? locale;
    } catch {
      // An invalid tag (`ar-!`) still speaks its table's language.
    }
    return { strings, locale };
  }
  return { strings: enShell, locale: enShell.lang };
}

/**
 * The string table for `lang` (then `fallbacks`): exact tag, then shorter prefixes, then English. A loaded
 * table other than English is whole; for English, `completeStrings` gives the whole table.
 */
export function stringsFor(lang: string | null | undefined, ...fallbacks: readonly string[]): ShellStrings {
  return resolveLanguage(lang, ...fallbacks).strings;
}

/** The locale for `Intl` formats in the UI for `lang` (see `UiLanguage.locale`). */
export function uiLocale(lang: string | null | undefined, ...fallbacks: readonly string[]): string {
  return resolveLanguage(lang, ...fallbacks).locale;
}

export interface LanguageOptions {
  /** The language asked for: the player's `lang`, else the article's or the document's. */
  lang(): string;
  /** Where `lang` has no table: the page's language. Default: the host document's `lang`. */
  pageLang?(): string;
}

/**
 * Picks the host's string table as its `lang` changes (read on each render: no state to go stale). A table
 * not loaded yet is asked for, and the host renders again when it arrives; until then the UI speaks the page's
 * language's table if loaded, else English.
 */
export class LanguageController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LanguageOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LanguageOptions) {
    this.#host = host;
    this.#options = options;
  }

  /**
   * Resolves once the table the host will speak is loaded (at once for English): the element waits for it
   * before its first render, rather than showing English for a moment and then switching.
   */
  async ready(): Promise<void> {
    for (const lang of this.#langs()) {
      if (!lang) continue;
      try {
        if (await loadStrings(lang)) return;
      } catch {
        // Not loadable (offline): the next language, or English.
      }
    }
  }

  #langs(): string[] {
    return [this.#options.lang(), this.#options.pageLang?.() ?? this.#host.ownerDocument.documentElement.lang];
  }

  get strings(): ShellStrings {
    return this.#resolve().strings;
  }

  /** Locale for times spoken in the UI's language (see `UiLanguage.locale`). */
  get locale(): string {
    return this.#resolve().locale;
  }

  #resolve(): UiLanguage {
    const langs = this.#langs();
    const language = resolveLanguage(...langs);
    // A language with a table that is not loaded yet: load it, and render again with it.
    for (const lang of langs) {
      if (!lang) continue;
      const tag = subtags(lang)[0];
      if (tag === subtags(language.strings.lang)[0]) break;
      if (tag && LOADERS.has(tag) && !loaded.has(tag)) {
        loadStrings(lang).then(
          () => this.#host.requestUpdate(),
          () => {},
        );
        break;
      }
    }
    return language;
  }

  /** Whether the UI runs right to left (the arrow keys then follow what the reader sees). */
  get rtl(): boolean {
    return this.strings.dir === 'rtl';
  }
}

/**
 * What only right-to-left needs beyond logical properties: paragraph icons point the way the paragraphs go.
 * The play triangle stays as it is: it means "play" in either direction.
 */
export const i18nStyles = css`
  [dir='rtl'] :is([part~='previous-button'], [part~='next-button'], [part~='paragraphs-button']) svg {
    transform: scaleX(-1);
  }
`;
