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
import { TextMap } from './text-map.js';

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
  /** Only when mapping a segment back to the page: per piece, its text node (null for an added space). */
  readonly nodes: (Text | null)[] | null;
}

/** A segment read again by `mapSegment`, with where its text came from. */
interface MappedSegment extends Segment {
  readonly map?: TextMap;
}

class Walker {
  readonly segments: Segment[] = [];

  /** @param record also note each piece's text node, for `mapSegment` (never while extracting a whole article) */
  constructor(
    private readonly exclude: ReadonlySet<Element> | null,
    private readonly record = false,
  ) {}

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
      const own: Open = { element, lang, parts: [], nodes: this.record ? [] : null };
      this.children(element, lang, hidden, own);
      this.flush(own);
      if (!open) return;
      if (this.segments.length === mark) {
        // Nothing read inside (hidden or empty): the container's text simply runs on past it.
        this.space(open);
      } else {
        // The container's text so far comes before this block's segments, as a segment of its own.
        const before = this.take(open);
        if (before) this.segments.splice(mark, 0, before);
      }
      return;
    }

    if (name === 'br') {
      if (open && !hidden) this.space(open);
      return;
    }

    const boundary = open !== null && !hidden && BOUNDARY.has(name);
    if (boundary) this.space(open);
    this.children(element, lang, hidden, open);
    if (boundary) this.space(open);
  }

  private children(element: Element, lang: string, hidden: boolean, open: Open | null): void {
    const nodes = element.childNodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === TEXT_NODE) {
        if (open && !hidden) {
          open.parts.push(node.nodeValue ?? '');
          open.nodes?.push(node as Text);
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        this.visit(node as Element, lang, hidden, open);
      }
    }
  }

  private space(open: Open): void {
    open.parts.push(' ');
    open.nodes?.push(null);
  }

  /** Ends the text collected so far in `open` as a segment, if any is left after normalising. */
  private flush(open: Open): void {
    const segment = this.take(open);
    if (segment) this.segments.push(segment);
  }

  /** The text collected so far in `open` as a segment (null when blank); starts `open` afresh. */
  private take(open: Open): MappedSegment | null {
    if (open.parts.length === 0) return null;
    const text = normaliseText(open.parts.join(''));
    const map = open.nodes ? new TextMap(open.parts.slice(), open.nodes.splice(0)) : null;
    open.parts.length = 0;
    if (!text) return null;
    const segment: MappedSegment = { text, element: open.element, lang: open.lang };
    // Both are made from the same pieces by the same rule; should they ever differ, no map beats a wrong one.
    return map && map.text === text ? { ...segment, map } : segment;
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

/**
 * Where the text of `segments[index]` (as `extractSegments(root, options)` returned them) is on the page: its
 * element is read again with the very same rules, this time noting which text node each piece came from, so
 * a word of the segment's normalised text can be found in the page. Only that element is walked and nothing
 * is kept, so it costs one paragraph's walk, for the one segment being read. Null when the page has changed
 * since and that element no longer gives this text.
 */
export function mapSegment(
  root: Element,
  segments: readonly Segment[],
  index: number,
  options: ExtractOptions = {},
): TextMap | null {
  const segment = segments[index];
  if (!segment) return null;
  const { element } = segment;
  if (element !== root && !root.contains(element)) return null;
  // A container's loose text runs (around its nested paragraphs) share its element: which run is this?
  // They sit among segments of the container's descendants, so the count stops at the first one outside.
  let run = 0;
  for (let i = index - 1; i >= 0; i--) {
    const other = segments[i]!.element;
    if (other === element) run++;
    else if (!element.contains(other)) break;
  }
  const exclude = options.exclude?.length ? new Set(options.exclude) : null;
  const walker = new Walker(exclude, true);
  walker.visit(element, segment.lang, hiddenAbove(element, root), null);
  const again = walker.segments.filter((s) => s.element === element)[run] as MappedSegment | undefined;
  return again && again.text === segment.text ? (again.map ?? null) : null;
}

/**
 * The `hidden` state the walk carries into `element`: the nearest ancestor (up to `root`) that is either
 * `data-listen-only` (read: not hidden) or `hidden`/`aria-hidden="true"` (hidden) decides.
 */
function hiddenAbove(element: Element, root: Element): boolean {
  for (let node = element === root ? null : element.parentElement; node; node = node === root ? null : node.parentElement) {
    if (node.hasAttribute('data-listen-only')) return false;
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}
