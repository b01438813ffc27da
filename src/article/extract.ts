/**
 * What is read: turns an article's DOM into the ordered list of segments that are spoken and highlighted.
 *
 * The same function runs in the browser and in Node on a happy-dom document (the render command turns
 * article HTML into audio and timings with it), so both sides agree on every segment's text to the
 * character; the walk (walker.ts) says what that allows it to touch.
 */
import { isHidden, type Skipped } from './judge.js';
import type { Segment } from './segment.js';
import { HEADING, normaliseText, Walker } from './walker.js';

export interface ExtractOptions {
  /** Elements to leave out with everything inside them (e.g. a pull quote the page repeats). */
  readonly exclude?: readonly Element[];
  /** Filled with the blocks that hold text and were left out, and why: the outermost only, in document order. */
  readonly skipped?: Skipped[];
}

/** The nearest `lang` above `element`, '' when none. */
function langAbove(element: Element): string {
  return element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
}

/**
 * The segments of `root` in document order: headings, paragraphs, list items, blockquotes and
 * description terms/details. A readable element holding other readable elements (`blockquote > p`,
 * `li > p`) gives theirs, and each run of its own loose text between them becomes a segment of its own,
 * with the container as element. Only text inside readable elements is read, so a byline or date in a
 * `<div>` is not. Skipped with all their contents: captions, asides, navigation, form controls, media,
 * code blocks, hidden text (`hidden`, `aria-hidden="true"`, `inert`, visually hidden classes),
 * `[data-listen-skip]`, `<listen-player>`, `options.exclude`, and what Listen judges is not the story
 * (`judge.ts`: share bars, related links, ads, promos, comments…) unless in a `[data-listen-read]` block.
 * `[data-listen-only]` content is read even inside hidden text, but not inside anything else that is skipped.
 * The rules apply to `root` itself too, except judgement: the page chose it.
 *
 * When what is read neither starts with a heading nor holds an `h1` (`for` names the article's body), the
 * page's headline comes first: the nearest `h1` before `root`, else the `og:title` meta (its content, with
 * the meta element as element: there is nothing on the page to highlight).
 *
 * One walk of the tree: every state (language, hidden, current segment) is carried down, not looked up.
 */
export function extractSegments(root: Element, options: ExtractOptions = {}): Segment[] {
  const exclude = options.exclude?.length ? new Set(options.exclude) : null;
  const walker = new Walker(root, exclude, options.skipped ?? null);
  // The only upward look-up: the language `root` inherits from the page.
  walker.visit(root, langAbove(root), false, false, null);
  const segments: Segment[] = walker.segments;
  if (segments[0] && !HEADING.test(segments[0].element.localName) && !segments.some((s) => s.element.localName === 'h1')) {
    const first = headline(root, exclude);
    if (first) segments.unshift(first);
  }
  return segments;
}

/**
 * The page's headline for an article that does not start with one: see `extractSegments`. An `h1` in a hidden
 * element counts as hidden (a site title kept for screen readers), whatever `data-listen-only` is between.
 */
function headline(root: Element, exclude: ReadonlySet<Element> | null): Segment | null {
  const headings = (root.getRootNode() as ParentNode).querySelectorAll('h1');
  let elsewhere = false;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h1 = headings[i]!;
    // Before the article (FOLLOWING: root comes after it), not around it (CONTAINED_BY).
    if ((h1.compareDocumentPosition(root) & 20) !== 4) continue;
    // Another article's headline: a page of several articles, where the page's og:title is not this one's either.
    const article = h1.closest('article');
    if (article && !article.contains(root)) {
      elsewhere = true;
      continue;
    }
    let hidden = false;
    for (let node = h1.parentElement; node && !hidden; node = node.parentElement) hidden = isHidden(node);
    const walker = new Walker(h1, exclude, null);
    walker.visit(h1, langAbove(h1), hidden, false, null);
    if (walker.segments[0]) return walker.segments[0];
  }
  const meta = elsewhere ? null : root.ownerDocument.querySelector('meta[property="og:title"]');
  const text = normaliseText(meta?.getAttribute('content') ?? '');
  return meta && text ? { text, element: meta, lang: langAbove(meta) } : null;
}
