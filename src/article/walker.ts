/**
 * The walk behind `extractSegments` (extract.ts) and `mapSegment` (text-map.ts): one pass down an element's
 * tree that collects the text of each readable element as a segment and lists what is left out.
 *
 * It runs in the browser and in Node on a happy-dom document (the render command), so both sides agree on
 * every segment's text to the character. That is why it touches only `nodeType`, `localName`, attributes,
 * `childNodes` and `textContent`: no `innerText` (layout-dependent, and missing in happy-dom), no
 * `instanceof HTMLElement` (fails across realms and iframes), no computed styles.
 */
import { isHidden, judge, judgeText, type SkipReason, type Skipped } from './judge.js';
import type { Segment } from './segment.js';

/** Elements whose text is one segment each (or, when they hold more of these, a container of segments). */
const READABLE = new Set('h1 h2 h3 h4 h5 h6 p li blockquote dd dt'.split(' '));

/**
 * Never read, nor anything inside them, with why: a caption describes a picture the listener cannot see, an aside
 * interrupts the story, code read aloud is noise; controls, media and what is not rendered are not text ('':
 * never listed in `skipped`). `data-listen-read` brings back the first four, which are judgements.
 */
const SKIPPED = new Map<string, SkipReason | ''>();
for (const [reason, names] of Object.entries({
  caption: 'figcaption',
  role: 'aside nav',
  code: 'pre',
  control: 'button input select textarea option form',
  media: 'svg math iframe video audio canvas object embed',
  '': 'script style template noscript listen-player',
})) {
  for (const name of names.split(' ')) SKIPPED.set(name, reason as SkipReason | '');
}

/**
 * Block-level elements that are not segments themselves. Their edges separate words, so
 * `<li><div>one</div><div>two</div></li>` reads "one two", not "onetwo"; inline elements add nothing.
 */
const BOUNDARY = new Set(
  'address article caption details dialog div dl fieldset figure footer header hgroup hr legend main menu ol search section summary table tbody td tfoot th thead tr ul'.split(' '),
);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Any run of whitespace, NBSP included (`\s` covers it and the other Unicode spaces). */
const WHITESPACE = /\s+/g;

/**
 * Collapses every whitespace run (spaces, tabs, line breaks, NBSP) into one space and trims. Punctuation
 * and quote characters are kept as they are: timings and pre-rendered audio refer to this exact string.
 */
export function normaliseText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** The segment being collected: its element, language, and the raw text pieces found so far. */
interface Open {
  readonly element: Element;
  readonly lang: string;
  /** Inside a `data-listen-read` block: its text is not judged either. */
  readonly forced: boolean;
  /** Pieces joined once at the end, so long paragraphs never build strings piece by piece. */
  readonly parts: string[];
  /** Only when mapping a segment back to the page: per piece, its text node (null for an added space). */
  readonly nodes: (Text | null)[] | null;
}

/** A segment read again by `mapSegment`, with the pieces its text was made of and their text nodes. */
export interface Recorded extends Segment {
  readonly pieces?: readonly string[];
  readonly nodes?: readonly (Text | null)[];
}

/** Headings: one just before a block left out goes with it, and an article that starts with none gets the page's. */
export const HEADING = /^h[1-6]$/;

/** The walk of one element: `extractSegments` walks the article, `mapSegment` one segment's element again. */
export class Walker {
  readonly segments: Recorded[] = [];

  /**
   * @param root where the walk starts: judged by the page, not by Listen (the page chose it)
   * @param skipped where to list what is left out, or null
   * @param record also note each piece's text node, for `mapSegment` (never while extracting a whole article)
   */
  readonly #root: Element;
  readonly #exclude: ReadonlySet<Element> | null;
  readonly #skipped: Skipped[] | null;
  readonly #record: boolean;

  constructor(root: Element, exclude: ReadonlySet<Element> | null, skipped: Skipped[] | null, record = false) {
    this.#root = root;
    this.#exclude = exclude;
    this.#skipped = skipped;
    this.#record = record;
  }

  /**
   * Visits `element` with the state inherited from its ancestors, so nothing is looked up again per node.
   * @param lang nearest `lang` above `element`
   * @param hidden whether `element` sits in a hidden element (`isHidden`) with no `data-listen-only` between
   * @param forced whether `element` sits in a `data-listen-read` block: nothing in it is judged
   * @param open the segment the text of `element` belongs to, or null outside any readable element
   * @returns why judgement left `element` out, when it held text (a heading just before it goes with it)
   */
  visit(element: Element, lang: string, hidden: boolean, forced: boolean, open: Open | null): SkipReason | null {
    const name = element.localName;
    if (this.#exclude?.has(element)) return null;
    // The page's `data-listen-read` is the last word over Listen's judgement, this element's own included.
    const read = element.hasAttribute('data-listen-read');
    forced ||= read;
    const tag = element.hasAttribute('data-listen-skip') ? 'marked' : SKIPPED.get(name);
    if (tag !== undefined && !(forced && /^(?:caption|role|code)$/.test(tag))) {
      this.#skip(element, tag, hidden);
      return null;
    }
    // Inline elements inside a paragraph are its words, never judged as blocks.
    if (!forced && element !== this.#root && (!open || READABLE.has(name) || BOUNDARY.has(name))) {
      const reason = judge(element, !open);
      if (reason) return this.#skip(element, reason, hidden) ? reason : null;
    }

    // Text meant only for listeners is usually visually hidden, often with `hidden` or `aria-hidden`
    // on itself or a wrapper; marking it `data-listen-only` is the page saying "read this anyway".
    const listenOnly = element.hasAttribute('data-listen-only');
    if (listenOnly) hidden = false;
    else if (!hidden && isHidden(element)) {
      this.#skip(element, 'hidden', false);
      hidden = true;
    }

    const ownLang = element.getAttribute('lang');
    if (ownLang !== null) lang = ownLang;

    // Text the page asks to be read outside any paragraph (a caption, a listener-only note) would otherwise have
    // nowhere to go: it is its own segment.
    if (READABLE.has(name) || ((listenOnly || read) && open === null)) {
      const mark = this.segments.length;
      const own: Open = { element, lang, forced, parts: [], nodes: this.#record ? [] : null };
      this.#children(element, lang, hidden, forced, own);
      this.#flush(own);
      if (!open) return null;
      if (this.segments.length === mark) {
        // Nothing read inside (hidden or empty): the container's text simply runs on past it.
        this.#space(open);
      } else {
        // The container's text so far comes before this block's segments, as a segment of its own.
        const before = this.#take(open);
        if (before) this.segments.splice(mark, 0, before);
      }
      return null;
    }

    if (name === 'br') {
      if (open && !hidden) this.#space(open);
      return null;
    }

    const boundary = open !== null && !hidden && BOUNDARY.has(name);
    if (boundary) this.#space(open);
    this.#children(element, lang, hidden, forced, open);
    if (boundary) this.#space(open);
    return null;
  }

  #children(element: Element, lang: string, hidden: boolean, forced: boolean, open: Open | null): void {
    const nodes = element.childNodes;
    let heading: Element | null = null;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === TEXT_NODE) {
        if (open && !hidden) {
          open.parts.push(node.nodeValue ?? '');
          open.nodes?.push(node as Text);
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        const child = node as Element;
        const reason = this.visit(child, lang, hidden, forced, open);
        // "Related" or "Most read" over a block left out is that block's title: it goes with it.
        if (reason && heading && this.segments.at(-1)?.element === heading) {
          this.segments.pop();
          if (!hidden) this.#skipped?.splice(-1, 0, { element: heading, reason });
        }
        heading = HEADING.test(child.localName) && !child.hasAttribute('data-listen-read') ? child : null;
      }
    }
  }

  /** Lists `element` as left out for `reason` (unless inside a hidden block); whether it holds any text. */
  #skip(element: Element, reason: SkipReason | '', hidden: boolean): boolean {
    if (!reason || !/\S/.test(element.textContent ?? '')) return false;
    if (!hidden) this.#skipped?.push({ element, reason });
    return true;
  }

  #space(open: Open): void {
    open.parts.push(' ');
    open.nodes?.push(null);
  }

  /** Ends the text collected so far in `open` as a segment, if any is left after normalising. */
  #flush(open: Open): void {
    const segment = this.#take(open);
    if (segment) this.segments.push(segment);
  }

  /** The text collected so far in `open` as a segment (null when blank or judged out); starts `open` afresh. */
  #take(open: Open): Recorded | null {
    if (open.parts.length === 0) return null;
    const text = normaliseText(open.parts.join(''));
    const pieces = open.parts.splice(0);
    const nodes = open.nodes?.splice(0);
    if (!text) return null;
    const reason = open.forced ? null : judgeText(text);
    if (reason) {
      this.#skipped?.push({ element: open.element, reason });
      return null;
    }
    const segment = { text, element: open.element, lang: open.lang };
    return nodes ? { ...segment, pieces, nodes } : segment;
  }
}
