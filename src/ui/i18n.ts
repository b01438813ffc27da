/**
 * The player's UI language: which string table it speaks, in which direction, and how errors are worded.
 *
 * The language asked for is the player's `lang`, else the article's, else the document's (the element works
 * that out); the table is the one for that exact tag, else for its shorter prefixes (`ar-EG` → `ar`), else
 * the page's language's, else English. Times spoken to screen readers are formatted by `Intl` in the tag asked for when the table is of
 * its language, so a regional variant keeps its own numerals (`ar-EG` says ١١, `ar` says 11).
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ListenErrorCode } from '../engines/engine.js';
import { languageName } from '../engines/voices.js';
import { en, type Strings } from './strings.js';
import { ar } from './strings/ar.js';
import { de } from './strings/de.js';

/** Every table, by its (lower-case) language tag. */
export const STRING_TABLES: Readonly<Record<string, Strings>> = { en, ar, de };

/** The language the engines write their `listen-error` messages in. */
const ENGINE_LANGUAGE = 'en';

/** The tag's subtags, lower case, `_` read as `-` (`ar_EG` is a common mistake for `ar-EG`). */
function subtags(lang: string): string[] {
  return lang.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
}

/** A string table and the locale for `Intl` formats in the UI. */
export interface UiLanguage {
  readonly strings: Strings;
  /**
   * The tag asked for when the table is of its language (a region or numbering system is kept: `ar-EG`),
   * else the table's language (an unknown `xx` must not make English times say `xx`).
   */
  readonly locale: string;
}

/** The table for one tag: exact, then shorter prefixes (`ar-eg` → `ar`); undefined when none fits. */
function tableFor(lang: string): Strings | undefined {
  const parts = subtags(lang);
  for (let n = parts.length; n > 0; n--) {
    const table = STRING_TABLES[parts.slice(0, n).join('-')];
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
  return { strings: en, locale: en.lang };
}

/** The string table for `lang` (then `fallbacks`): exact tag, then shorter prefixes, then English. */
export function stringsFor(lang: string | null | undefined, ...fallbacks: readonly string[]): Strings {
  return resolveLanguage(lang, ...fallbacks).strings;
}

/** The locale for `Intl` formats in the UI for `lang` (see `UiLanguage.locale`). */
export function uiLocale(lang: string | null | undefined, ...fallbacks: readonly string[]): string {
  return resolveLanguage(lang, ...fallbacks).locale;
}

export interface ErrorContext {
  /** The error in the store (code and the engine's English message), or null. */
  readonly error: { readonly code: ListenErrorCode; readonly message: string } | null;
  /** The article's language, named in a `no-speech` message. */
  readonly articleLang: string;
  /** Whether the device has voices at all (then `no-speech` means none for the article's language). */
  readonly hasVoices: boolean;
}

export interface LanguageOptions {
  /** The language asked for: the player's `lang`, else the article's or the document's. */
  lang(): string;
  /** Where `lang` has no table: the page's language. Default: the host document's `lang`. */
  pageLang?(): string;
}

/**
 * Picks the host's string table as its `lang` changes (read on each render: no state to go stale), and
 * rewords the engines' English messages by code for the other languages. It listens to the host's own
 * `listen-error` events for the code of an audio failure that fell back to speech, which the player shows
 * as a notice rather than as an error state.
 */
export class LanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LanguageOptions;
  #fallbackCode: ListenErrorCode | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LanguageOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('listen-error', this.#onError);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('listen-error', this.#onError);
  }

  get strings(): Strings {
    return this.#resolve().strings;
  }

  /** Locale for times spoken in the UI's language (see `UiLanguage.locale`). */
  get locale(): string {
    return this.#resolve().locale;
  }

  #resolve(): UiLanguage {
    const page = this.#options.pageLang?.() ?? this.#host.ownerDocument.documentElement.lang;
    return resolveLanguage(this.#options.lang(), page);
  }

  /** Whether the UI runs right to left (the arrow keys then follow what the reader sees). */
  get rtl(): boolean {
    return this.strings.dir === 'rtl';
  }

  /** The status line's text for an error: the engine's own message in English, else the table's by code. */
  errorText({ error, articleLang, hasVoices }: ErrorContext): string {
    if (!error) return '';
    const s = this.strings;
    if (s.lang === ENGINE_LANGUAGE) return error.message;
    if (error.code === 'no-speech' && hasVoices && articleLang) return s.noVoiceFor(languageName(articleLang, s.lang));
    return s.errors[error.code] ?? error.message;
  }

  /** The notice after audio fell back to speech (the engine's English sentence), in the UI's language. */
  noticeText(notice: string): string {
    const s = this.strings;
    if (!notice || s.lang === ENGINE_LANGUAGE || !this.#fallbackCode) return notice;
    return `${s.errors[this.#fallbackCode]} ${s.speechFallback}`;
  }

  readonly #onError = (event: HTMLElementEventMap['listen-error']): void => {
    // Only the switch to speech has a translated notice; a skipped paragraph keeps the English one.
    if (event.target === this.#host && event.detail.fallback === 'speech') this.#fallbackCode = event.detail.code;
  };
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
