/**
 * What the speech engine says with a pronunciation lexicon (`lexicon="…"`). A module of its own, imported only
 * when the player names a lexicon: a page without one never downloads the lexicon's parsers (JSON, PLS) or the
 * substitution.
 */
import { fetchLexicon } from '../../spoken/fetch-lexicon.js';
import type { Said } from '../../spoken/said.js';
import { substitute } from '../../spoken/substitute.js';

/** What is said for a text of the page in a language. */
export type Say = (text: string, lang: string) => Said;

/** Fetches the lexicon at `src`; resolves to what to say with it, or rejects with a `LexiconError` saying why not. */
export async function lexiconSay(src: string, allowCrossOrigin: boolean | undefined): Promise<Say> {
  const lexicon = await fetchLexicon(src, { allowCrossOrigin });
  return (text, lang) => substitute(text, lang, lexicon);
}
