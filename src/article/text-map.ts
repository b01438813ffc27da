/**
 * From a segment's normalised text back to the page: which text node, and where in it, each character came
 * from. The extractor builds one (on request, for one segment at a time) from the same raw pieces it joins
 * and normalises, so the two can never disagree about what a character is.
 */

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

  #unchanged(piece: number): boolean {
    const node = this.#nodes[piece];
    return !!node && node.isConnected && node.nodeValue === this.#pieces[piece];
  }
}
