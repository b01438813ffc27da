/**
 * A pronunciation lexicon: words or phrases of the page, each with what to say instead ("Kyiv" → "Keev").
 * It changes what is spoken, never what is shown: see `substitute.ts`, which keeps a map from the spoken text
 * back to the page's. Read from JSON (`parseLexiconJson`) or W3C PLS (`pls.ts`); both are bounded, so a huge or
 * hostile file is refused with a clear `LexiconError` instead of hanging the page.
 *
 * JSON:
 * ```json
 * { "lang": "en", "entries": [
 *   { "word": "Kyiv", "say": "Keev" },
 *   { "word": "US", "say": "U.S.", "case": "sensitive" },
 *   { "word": "Zelensky", "say": "Zelenskyy", "lang": "en" }
 * ] }
 * ```
 */
import { WORD_CHAR } from './word-char.js';

/** The largest lexicon file read, in characters: a pronunciation list, not a dictionary of the language. */
export const LEXICON_MAX_CHARS = 512 * 1024;
/** The most entries a lexicon may have. */
export const LEXICON_MAX_ENTRIES = 10_000;
/** The longest word or phrase, and the longest replacement, in characters. */
export const LEXICON_MAX_WORD = 200;

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** How an entry matches the page's spelling: exactly, or whatever the letter case (the default). */
export type LexiconCase = 'sensitive' | 'insensitive';

export interface LexiconEntry {
  /** The word or phrase as the page writes it (whitespace runs as one space). */
  readonly word: string;
  /** What to say instead. */
  readonly say: string;
  readonly case: LexiconCase;
  /** The language (normalised BCP 47) whose text it applies to, prefix-wise (`en` covers `en-GB`); '' for any. */
  readonly lang: string;
}

/** Entries ready for matching: grouped by their first word, in lower case, longest phrase first. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly #byFirst = new Map<string, LexiconEntry[]>();

  constructor(entries: readonly LexiconEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const key = firstWord(entry.word, 0).toLowerCase();
      let list = this.#byFirst.get(key);
      if (!list) this.#byFirst.set(key, (list = []));
      list.push(entry);
    }
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** Entries whose first word is `word` (any case), longest first. */
  startingWith(word: string): readonly LexiconEntry[] {
    return this.#byFirst.get(word.toLowerCase()) ?? [];
  }
}

/** The run of word characters at `at` in `text` ('' when `text[at]` is not one). */
export function firstWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return text.slice(at, end);
}

/** Lower-case BCP 47 with `-` (`en_GB` → `en-gb`); '' for none. */
export function lexiconLang(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

/** Whether an entry for `entryLang` applies to text in `lang` (both normalised): same language, or a region of it. */
export function langCovers(entryLang: string, lang: string): boolean {
  return !entryLang || lang === entryLang || lang.startsWith(`${entryLang}-`);
}

/**
 * One entry, checked: `word` and `say` non-empty strings within `LEXICON_MAX_WORD` characters, `word` starting
 * with a letter or digit (it matches whole words), `case` one of the two rules. Throws `LexiconError`.
 */
export function checkEntry(word: unknown, say: unknown, caseRule: unknown, lang: unknown, where: string): LexiconEntry {
  if (typeof word !== 'string' || typeof say !== 'string') throw new LexiconError(`${where}: "word" and "say" must be text`);
  const w = word.replace(/\s+/g, ' ').trim();
  const s = say.replace(/\s+/g, ' ').trim();
  if (!w || !s) throw new LexiconError(`${where}: "word" and "say" must not be empty`);
  if (w.length > LEXICON_MAX_WORD || s.length > LEXICON_MAX_WORD) {
    throw new LexiconError(`${where}: "word" and "say" must be at most ${LEXICON_MAX_WORD} characters`);
  }
  // Entries are found by their first word, so they must start with one; one ending in a full stop ("U.S.") is fine.
  if (!WORD_CHAR.test(w[0]!)) throw new LexiconError(`${where}: "${w.slice(0, 40)}" must start with a letter or digit (entries match whole words)`);
  if (caseRule !== undefined && caseRule !== 'sensitive' && caseRule !== 'insensitive') {
    throw new LexiconError(`${where}: "case" must be "sensitive" or "insensitive"`);
  }
  if (lang !== undefined && typeof lang !== 'string') throw new LexiconError(`${where}: "lang" must be text`);
  return { word: w, say: s, case: caseRule ?? 'insensitive', lang: lexiconLang(lang ?? '') };
}

/** Refuses text over `LEXICON_MAX_CHARS` before anything is parsed. */
export function checkSize(text: string): void {
  if (text.length > LEXICON_MAX_CHARS) {
    throw new LexiconError(`The lexicon is too large (${text.length} characters; at most ${LEXICON_MAX_CHARS})`);
  }
}

/** Refuses more than `LEXICON_MAX_ENTRIES` entries. */
export function checkCount(count: number): void {
  if (count > LEXICON_MAX_ENTRIES) throw new LexiconError(`The lexicon has too many entries (${count}; at most ${LEXICON_MAX_ENTRIES})`);
}

/** Whether a lexicon file is PLS (XML): it starts with `<`, after a byte order mark and spaces; else it is JSON. */
export function isPls(text: string): boolean {
  return /^\uFEFF?\s*</.test(text.slice(0, 1024));
}

/**
 * A JSON lexicon: `{ "lang"?: string, "entries": [{ "word", "say", "case"?, "lang"? }] }`. Only these own
 * properties are read (never anything inherited, so `__proto__` or `constructor` keys are plain data).
 */
export function parseLexiconJson(text: string): Lexicon {
  checkSize(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexiconError(`The lexicon is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new LexiconError('The lexicon must be a JSON object with "entries"');
  const lang = own(json, 'lang');
  if (lang !== undefined && typeof lang !== 'string') throw new LexiconError('The lexicon\'s "lang" must be text');
  const entries = own(json, 'entries');
  if (!Array.isArray(entries)) throw new LexiconError('The lexicon must have an "entries" array');
  checkCount(entries.length);
  return new Lexicon(
    entries.map((entry: unknown, i) => {
      const where = `entry ${i + 1}`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new LexiconError(`${where}: must be an object`);
      return checkEntry(own(entry, 'word'), own(entry, 'say'), own(entry, 'case'), own(entry, 'lang') ?? lang, where);
    }),
  );
}


function own(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
