/**
 * The languages inside one segment: a phrase or name marked with its own `lang` in a paragraph
 * (`<p>… <span lang="fr">je ne sais quoi</span> …</p>`, `<i lang="la">`, `<q lang="de">`) is read by a voice of
 * its language, and the paragraph goes on in its own. The segment's element is walked again with the
 * extractor's own rules (`mapSegment`), so each run's offsets are those of the segment's text to the character.
 *
 * Runs in the browser (the speech engine, when it reaches a segment) and in Node (the render command), never
 * before play: only segments holding an element with `lang` are walked.
 */
import type { Segment } from './segment.js';
import { mapSegment } from './text-map.js';

/** Characters `start`…`end` of a segment's text, in language `lang` (as the page writes it; '' for none). */
export interface LangRun {
  readonly start: number;
  readonly end: number;
  readonly lang: string;
}

/**
 * The runs of `segments[index]`'s text, in order, covering all of it: one run in the segment's language unless
 * something inside it has a `lang` of its own. A space between two runs goes with the first. When the segment
 * cannot be walked again (the page changed since it was read), it is one run, as before inline languages.
 */
export function langRuns(segments: readonly Segment[], index: number): LangRun[] {
  const segment = segments[index];
  if (!segment) return [];
  const whole = [{ start: 0, end: segment.text.length, lang: segment.lang }];
  const { element } = segment;
  // Segments made outside a page (tests, tools) may have a stand-in element without children to look at.
  if (typeof element.querySelector !== 'function' || !element.querySelector('[lang]')) return whole;
  const map = mapSegment(element, segments, index);
  if (!map) return whole;
  const runs: { start: number; end: number; lang: string }[] = [];
  const langs = new Map<Text, string>();
  let lang = segment.lang;
  for (let i = 0; i < map.text.length; i++) {
    const node = map.nodeAt(i);
    if (node) {
      let own = langs.get(node);
      if (own === undefined) {
        const marked = node.parentElement?.closest('[lang]');
        own = marked && marked !== element && element.contains(marked) ? (marked.getAttribute('lang') ?? '') : segment.lang;
        langs.set(node, own);
      }
      // A space keeps the language of the text before it: "said | je ne sais quoi | and".
      if (map.text[i] !== ' ') lang = own;
    }
    const last = runs.at(-1);
    if (last && last.lang === lang) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, lang });
  }
  return runs;
}
