/**
 * What is read: turns an article's DOM into the ordered list of segments that are spoken and highlighted.
 *
 * The same function runs in the browser and in Node on a happy-dom document (the render command turns
 * article HTML into audio and timings with it), so both sides agree on every segment's text to the
 * character. That is why it touches only `nodeType`, `localName`, attributes and `childNodes`: no
 * `innerText` (layout-dependent, and missing in happy-dom), no `instanceof HTMLElement` (fails across
 * realms and iframes), no computed styles.
 */
import type { Segment } from './segment.js';

export interface ExtractOptions {
  /** Elements to leave out with everything inside them (e.g. a pull quote the page repeats). */
  readonly exclude?: readonly Element[];
}

/** Elements whose text is one segment each (or, when they hold more of these, a container of segments). */
const READABLE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'dd', 'dt']);

/**
 * Never read, nor anything inside them: chrome, controls, media, code and non-rendered content. A caption
 * describes a picture the listener cannot see; an aside interrupts the story; code read aloud is noise.
 */
const SKIPPED = new Set([
  'figcaption',
  'aside',
  'nav',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'form',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'video',
  'audio',
  'canvas',
  'object',
  'embed',
  'pre',
  'listen-player',
]);

/**
 * Block-level elements that are not segments themselves. Their edges separate words, so
 * `<li><div>one</div><div>two</div></li>` reads "one two", not "onetwo"; inline elements add nothing.
 */
const BOUNDARY = new Set([
  'address',
  'article',
  'caption',
  'details',
  'dialog',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'header',
  'hgroup',
  'hr',
  'legend',
  'main',
  'menu',
  'ol',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

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
  /** Pieces joined once at the end, so long paragraphs never build strings piece by piece. */
  readonly parts: string[];
}

class Walker {
  readonly segments: Segment[] = [];

  constructor(private readonly exclude: ReadonlySet<Element> | null) {}

  /**
   * Visits `element` with the state inherited from its ancestors, so nothing is looked up again per node.
   * @param lang nearest `lang` above `element`
   * @param hidden whether `element` sits in a `hidden`/`aria-hidden` element with no `data-listen-only` between
   * @param open the segment the text of `element` belongs to, or null outside any readable element
   */
  visit(element: Element, lang: string, hidden: boolean, open: Open | null): void {
    const name = element.localName;
    if (SKIPPED.has(name) || element.hasAttribute('data-listen-skip') || this.exclude?.has(element)) return;

    // Text meant only for listeners is usually visually hidden, often with `hidden` or `aria-hidden`
    // on itself or a wrapper; marking it `data-listen-only` is the page saying "read this anyway".
    const listenOnly = element.hasAttribute('data-listen-only');
    if (listenOnly) hidden = false;
    else if (!hidden) hidden = element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';

    const ownLang = element.getAttribute('lang');
    if (ownLang !== null) lang = ownLang;

    // Listener-only text outside any paragraph would otherwise have nowhere to go: it is its own segment.
    if (READABLE.has(name) || (listenOnly && open === null)) {
      const mark = this.segments.length;
      const own: Open = { element, lang, parts: [] };
      this.children(element, lang, hidden, own);
      this.flush(own);
      if (!open) return;
      if (this.segments.length === mark) {
        // Nothing read inside (hidden or empty): the container's text simply runs on past it.
        open.parts.push(' ');
      } else {
        // The container's text so far comes before this block's segments, as a segment of its own.
        const before = this.take(open);
        if (before) this.segments.splice(mark, 0, before);
      }
      return;
    }

    if (name === 'br') {
      if (open && !hidden) open.parts.push(' ');
      return;
    }

    const boundary = open !== null && !hidden && BOUNDARY.has(name);
    if (boundary) open.parts.push(' ');
    this.children(element, lang, hidden, open);
    if (boundary) open.parts.push(' ');
  }

  private children(element: Element, lang: string, hidden: boolean, open: Open | null): void {
    const nodes = element.childNodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === TEXT_NODE) {
        if (open && !hidden) open.parts.push(node.nodeValue ?? '');
      } else if (node.nodeType === ELEMENT_NODE) {
        this.visit(node as Element, lang, hidden, open);
      }
    }
  }

  /** Ends the text collected so far in `open` as a segment, if any is left after normalising. */
  private flush(open: Open): void {
    const segment = this.take(open);
    if (segment) this.segments.push(segment);
  }

  /** The text collected so far in `open` as a segment (null when blank); starts `open` afresh. */
  private take(open: Open): Segment | null {
    if (open.parts.length === 0) return null;
    const text = normaliseText(open.parts.join(''));
    open.parts.length = 0;
    return text ? { text, element: open.element, lang: open.lang } : null;
  }
}

/**
 * The segments of `root` in document order: headings, paragraphs, list items, blockquotes and
 * description terms/details. A readable element holding other readable elements (`blockquote > p`,
 * `li > p`) gives theirs, and each run of its own loose text between them becomes a segment of its own,
 * with the container as element. Only text inside readable elements is read, so a byline or date in a
 * `<div>` is not. Skipped with all their contents: captions, asides, navigation, form controls, media,
 * code blocks, `[hidden]`, `[aria-hidden="true"]`, `[data-listen-skip]`, `<listen-player>` and
 * `options.exclude`; `[data-listen-only]` content is read even inside `hidden`/`aria-hidden`, but not inside
 * anything else that is skipped. The rules apply to `root` itself too.
 *
 * One walk of the tree: every state (language, hidden, current segment) is carried down, not looked up.
 */
export function extractSegments(root: Element, options: ExtractOptions = {}): Segment[] {
  const exclude = options.exclude?.length ? new Set(options.exclude) : null;
  const walker = new Walker(exclude);
  // The only upward look-up: the language `root` inherits from the page.
  const lang = root.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
  walker.visit(root, lang, false, null);
  return walker.segments;
}
