/**
 * What is said for a piece of the page's text: the lexicon's replacements put in, with a map from every
 * character said back to the page's character it stands for. Voices report where they are (`boundary`
 * events, eSpeak's word events) in what they were given; the map turns that back into the page's text, so
 * highlights and word offsets stay on the page's words.
 */
import { firstWord, langCovers, lexiconLang, type Lexicon } from './lexicon.js';
import type { Said } from './said.js';
import { WORD_CHAR } from './word-char.js';

/**
 * `text` (page offsets from `offset`) as it is said in `lang`: each whole word or phrase the lexicon has for
 * that language replaced by what it says, the longest entry first, left to right. Linear in the text's length
 * times the entries sharing a first word.
 */
export function substitute(text: string, lang: string, lexicon: Lexicon | null, offset = 0): Said {
  if (!lexicon || !lexicon.entries.length) return { text, origins: null };
  const key = lexiconLang(lang);
  let said = '';
  const origins: number[] = [];
  let copied = 0;
  let changed = false;
  for (let at = 0; at < text.length; ) {
    if (!WORD_CHAR.test(text[at]!) || (at > 0 && WORD_CHAR.test(text[at - 1]!))) {
      at++;
      continue;
    }
    const word = firstWord(text, at);
    const entry = lexicon.startingWith(word).find((e) => langCovers(e.lang, key) && matches(text, at, e.word, e.case === 'sensitive'));
    if (!entry) {
      at += word.length;
      continue;
    }
    for (let i = copied; i < at; i++) origins.push(offset + i);
    said += text.slice(copied, at) + entry.say;
    for (let i = 0; i < entry.say.length; i++) origins.push(offset + at);
    at += entry.word.length;
    copied = at;
    changed = true;
  }
  if (!changed) return { text, origins: null };
  for (let i = copied; i < text.length; i++) origins.push(offset + i);
  return { text: said + text.slice(copied), origins: Int32Array.from(origins) };
}

/** Whether `word` is written at `at` in `text` as whole words (no letter or digit right after it). */
function matches(text: string, at: number, word: string, sensitive: boolean): boolean {
  const end = at + word.length;
  if (end > text.length || (end < text.length && WORD_CHAR.test(text[end]!))) return false;
  const written = text.slice(at, end);
  return sensitive ? written === word : written === word || written.toLowerCase() === word.toLowerCase();
}
