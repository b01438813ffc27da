/**
 * From a segment's normalised text back to the page: which text node, and where in it, each character came
 * from. The extractor builds one (on request, for one segment at a time) from the same raw pieces it joins
 * and normalises, so the two can never disagree about what a character is.
 */
import type { ExtractOptions } from './extract.js';
import { Walker } from './walker.js';
import { isHidden } from './judge.js';
import type { Segment } from './segment.js';

/** Whitespace as `normaliseText` sees it (`\s`: spaces, tabs, line breaks, NBSP and the other Unicode spaces). */
const SPACE = /\s/;

/** The text nodes behind one segment's normalised text. */
export class TextMap {
  /** The normalised text, equal to the segment's `text`. */
  readonly text: string;
  readonly #pieces: readonly string[];
  readonly #nodes: readonly (Text | null)[];
  /** For each character of `text`: the piece it came from, and its offset in that piece. */
  readonly #piece: Int32Array;
  readonly #at: Int32Array;

  /**
   * @param pieces the raw strings the extractor joined, in order
   * @param nodes for each piece, the text node it is the value of, or null for a space the extractor added
   *   (a `<br>`, the edge of a block)
   */
  constructor(pieces: readonly string[], nodes: readonly (Text | null)[]) {
    this.#pieces = pieces;
    this.#nodes = nodes;
    const chars: string[] = [];
    const piece: number[] = [];
    const at: number[] = [];
    // The first whitespace of a run stands for the single space the run becomes; runs at either end vanish.
    let spaceFrom = -1;
    let spaceAt = 0;
    for (let p = 0; p < pieces.length; p++) {
      const raw = pieces[p]!;
      for (let i = 0; i < raw.length; i++) {
        const char = raw[i]!;
        if (SPACE.test(char)) {
          if (spaceFrom < 0) {
            spaceFrom = p;
            spaceAt = i;
          }
          continue;
        }
        if (spaceFrom >= 0 && chars.length > 0) {
          chars.push(' ');
          piece.push(spaceFrom);
          at.push(spaceAt);
        }
        spaceFrom = -1;
        chars.push(char);
        piece.push(p);
        at.push(i);
      }
    }
    this.text = chars.join('');
    this.#piece = Int32Array.from(piece);
    this.#at = Int32Array.from(at);
  }

  /**
   * A range over the page's text for characters `offset`…`offset + length` of `text`, or null when there is
   * none: out of bounds, only spaces the extractor added, or the page's text changed since the map was made.
   * It starts and ends in text nodes, so inline elements in between (a link, `<em>`) are simply spanned.
   */
  range(offset: number, length: number): Range | null {
    if (!(length > 0) || offset < 0 || offset + length > this.text.length) return null;
    let first = offset;
    let last = offset + length - 1;
    while (first <= last && !this.#nodes[this.#piece[first]!]) first++;
    while (last >= first && !this.#nodes[this.#piece[last]!]) last--;
    if (first > last) return null;
    const start = this.#nodes[this.#piece[first]!]!;
    const end = this.#nodes[this.#piece[last]!]!;
    // Text edited (or nodes moved out) since: these offsets no longer mean the same characters.
    if (!this.#unchanged(this.#piece[first]!) || !this.#unchanged(this.#piece[last]!)) return null;
    const range = start.ownerDocument.createRange();
    range.setStart(start, this.#at[first]!);
    range.setEnd(end, this.#at[last]! + 1);
    return range;
  }

  /** The page's text node character `offset` of `text` came from; null for a space the extractor added, or out of bounds. */
  nodeAt(offset: number): Text | null {
    const piece = this.#piece[offset];
    return piece === undefined ? null : (this.#nodes[piece] ?? null);
  }

  #unchanged(piece: number): boolean {
    const node = this.#nodes[piece];
    return !!node && node.isConnected && node.nodeValue === this.#pieces[piece];
  }
}

/**
 * Where the text of `segments[index]` (as `extractSegments(root, options)` returned them) is on the page: its
 * element is read again with the very same rules, this time noting which text node each piece came from, so
 * a word of the segment's normalised text can be found in the page. Only that element is walked and nothing
 * is kept, so it costs one paragraph's walk, for the one segment being read. Null when the page has changed
 * since and that element no longer gives this text.
 *
 * Here rather than beside `extractSegments`: only a reader listening word by word needs it, so it loads with
 * the rest of the player, not before play.
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
  // The page's headline, read before an article that does not start with one, is outside it.
  if (element !== root && !root.contains(element) && !(index === 0 && element.isConnected)) return null;
  // A container's loose text runs (around its nested paragraphs) share its element: which run is this?
  // They sit among segments of the container's descendants, so the count stops at the first one outside.
  let run = 0;
  for (let i = index - 1; i >= 0; i--) {
    const other = segments[i]!.element;
    if (other === element) run++;
    else if (!element.contains(other)) break;
  }
  const exclude = options.exclude?.length ? new Set(options.exclude) : null;
  const walker = new Walker(element, exclude, null, true);
  const { hidden, forced } = stateAbove(element, root);
  walker.visit(element, segment.lang, hidden, forced, null);
  const again = walker.segments.filter((s) => s.element === element)[run];
  if (!again?.pieces || !again.nodes || again.text !== segment.text) return null;
  const map = new TextMap(again.pieces, again.nodes);
  // Both are made from the same pieces by the same rule; should they ever differ, no map beats a wrong one.
  return map.text === segment.text ? map : null;
}

/**
 * The `hidden` and `forced` states the walk carries into `element` from its ancestors up to `root` (to the top
 * when null): the nearest one that is either `data-listen-only` (not hidden) or hidden decides `hidden`; any
 * `data-listen-read` one makes it `forced`.
 */
function stateAbove(element: Element, root: Element | null): { hidden: boolean; forced: boolean } {
  let hidden: boolean | null = null;
  let forced = false;
  for (let node = element === root ? null : element.parentElement; node; node = node === root ? null : node.parentElement) {
    const only = node.hasAttribute('data-listen-only');
    forced ||= node.hasAttribute('data-listen-read');
    hidden ??= only ? false : isHidden(node) || null;
  }
  return { hidden: hidden ?? false, forced };
}
