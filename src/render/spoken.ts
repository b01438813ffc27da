/**
 * What eSpeak NG is given for a segment, before markup: the segment's text cut into its language runs (a phrase
 * with its own `lang`), each with the lexicon's replacements and a map back to the page's text. Null when that
 * is the page's text as it is, in one language: then the segment is read exactly as before.
 */
import type { LangRun } from '../article/lang-runs.js';
import type { Lexicon } from '../spoken/lexicon.js';
import { primaryOf } from '../spoken/parts.js';
import { substitute } from '../spoken/substitute.js';

/** One language run of a segment as eSpeak NG says it. */
export interface SpokenRun {
  /** Its language as the page marks it ('' for none): another than the voice's is read with a voice for it. */
  readonly lang: string;
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in the segment's text it stands for. */
  readonly origins: readonly number[];
}

/** `text` as spoken: its runs (`langRuns`) in order, each with the lexicon applied in its language. */
export function spokenRuns(text: string, runs: readonly LangRun[], lexicon: Lexicon | null, articleLang: string): SpokenRun[] | null {
  const spoken: SpokenRun[] = [];
  let plain = runs.length <= 1;
  for (const run of runs) {
    const lang = run.lang || articleLang;
    // A block in another language (`<blockquote lang="fr">`) is read with a voice of its language too.
    if (primaryOf(lang) !== primaryOf(articleLang)) plain = false;
    const said = substitute(text.slice(run.start, run.end), lang, lexicon, run.start);
    if (said.origins) plain = false;
    const origins = said.origins ? Array.from(said.origins) : Array.from({ length: said.text.length }, (_, i) => run.start + i);
    spoken.push({ lang, text: said.text, origins });
  }
  return plain ? null : spoken;
}
