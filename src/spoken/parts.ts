/**
 * A sentence cut where its language changes: each part is spoken as an utterance of its own, with a voice of
 * its language. Pure (offsets only), so the speech engine and the render command cut alike.
 */
import { WORD_CHAR } from './word-char.js';

/** Characters `start`…`end` of a segment's text, in `lang`. */
export interface Part {
  readonly start: number;
  readonly end: number;
  readonly lang: string;
}

/**
 * `text[start, end)` cut at the edges of `runs` (ascending, covering the text; see `langRuns`): one part per
 * language run it crosses, trimmed of spaces. A piece without a letter or digit (the full stop after a quoted
 * phrase, a dash) is not worth an utterance of its own: it goes with the part before it, or the one after.
 */
export function cutAtRuns(text: string, start: number, end: number, runs: readonly Part[]): Part[] {
  const parts: { start: number; end: number; lang: string }[] = [];
  let orphan = -1;
  for (const run of runs) {
    if (run.end <= start) continue;
    if (run.start >= end) break;
    let from = Math.max(run.start, start);
    let to = Math.min(run.end, end);
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (from === to) continue;
    if (!hasWord(text, from, to)) {
      const last = parts.at(-1);
      if (last) last.end = to;
      else if (orphan < 0) orphan = from;
      continue;
    }
    const last = parts.at(-1);
    if (last && last.lang === run.lang) last.end = to;
    else parts.push({ start: orphan >= 0 && !parts.length ? orphan : from, end: to, lang: run.lang });
  }
  if (!parts.length) {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    const lang = runs.find((run) => run.end > from)?.lang ?? runs[0]?.lang ?? '';
    return from < to ? [{ start: from, end: to, lang }] : [];
  }
  return parts;
}

function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (WORD_CHAR.test(text[i]!)) return true;
  return false;
}

/** The primary language of a tag, lower case (`en-GB` → `en`). */
export function primaryOf(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The language text marked `lang` is read in: `article`'s when unmarked, and when marked with `wrong` (in any
 * region of it), the language a page declares that `lang-override` corrects to `article`; else its own.
 */
export function readIn(lang: string, article: string, wrong = ''): string {
  return !lang || (wrong !== '' && primaryOf(lang) === primaryOf(wrong)) ? article : lang;
}
