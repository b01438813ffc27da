/**
 * Word highlighting in the host page without touching its DOM: the CSS Custom Highlight API
 * (https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API_API) paints a `Range` over the
 * page's own text nodes, named `listen-word`, styled by `::highlight(listen-word)`. No wrapper elements, so
 * the page's layout, selection, links and scripts see nothing change.
 *
 * Browsers without the API simply get no word highlight (the paragraph highlight does not depend on it).
 */
import type { ExtractOptions } from './extract.js';
import type { Segment } from './segment.js';
import { mapSegment, type TextMap } from './text-map.js';

/** The name of the highlight in `CSS.highlights`, and so of `::highlight(listen-word)`. */
export const WORD_HIGHLIGHT = 'listen-word';

/**
 * One `Highlight` for every player on the page: each player adds and removes only its own range, so two
 * players do not take the name from each other.
 */
let shared: Highlight | null = null;

/** The page's highlight registry, or null where the API is missing (or a test took it away). */
function registry(): HighlightRegistry | null {
  if (typeof CSS === 'undefined' || typeof Highlight !== 'function') return null;
  const highlights = (CSS as { highlights?: HighlightRegistry }).highlights;
  return highlights && typeof highlights.set === 'function' ? highlights : null;
}

/** True when this browser can highlight words (the CSS Custom Highlight API). */
export function canHighlightWords(): boolean {
  return registry() !== null;
}

export interface WordHighlighterSource {
  /** The article the segments were read from. */
  article(): Element | null;
  /** What the extractor was told to leave out (the same, so the text is read the same way again). */
  exclude(): readonly Element[];
}

/** Shows one word at a time of the article being read. */
export class WordHighlighter {
  readonly #source: WordHighlighterSource;
  /** The map of the one segment last shown: built when reading reaches it, dropped when it moves on. */
  #map: { readonly segments: readonly Segment[]; readonly index: number; readonly map: TextMap | null } | null = null;
  #range: Range | null = null;
  #shown = { segment: -1, offset: -1, length: 0 };

  constructor(source: WordHighlighterSource) {
    this.#source = source;
  }

  /** The range highlighted now, if any. */
  get range(): Range | null {
    return this.#range;
  }

  /**
   * Highlights characters `offset`…`offset + length` of segment `index`'s text. Between words (`offset` −1)
   * the word before stays lit as long as the same segment is read, as the eye follows text; an empty
   * `segments` (highlighting off) or another segment without a word clears it.
   */
  follow(segments: readonly Segment[], index: number, offset: number, length: number): void {
    const segment = segments[index];
    if (!segment) {
      this.clear();
      return;
    }
    if (offset < 0 || !(length > 0)) {
      if (index !== this.#shown.segment) this.clear();
      return;
    }
    const shown = this.#shown;
    if (index === shown.segment && offset === shown.offset && length === shown.length && this.#range) return;
    const highlights = registry();
    if (!highlights) {
      this.clear();
      return;
    }
    let range = this.#mapOf(segments, index)?.range(offset, length) ?? null;
    if (!range && this.#map?.map) {
      // The page's text changed under a map made earlier: read the paragraph again, once.
      this.#map = null;
      range = this.#mapOf(segments, index)?.range(offset, length) ?? null;
    }
    this.#show(highlights, range);
    this.#shown = { segment: index, offset, length };
  }

  /** Removes this player's word highlight (stopped, ended, highlighting turned off, player removed). */
  clear(): void {
    this.#show(registry(), null);
    this.#shown = { segment: -1, offset: -1, length: 0 };
    this.#map = null;
  }

  #mapOf(segments: readonly Segment[], index: number): TextMap | null {
    const cached = this.#map;
    if (cached && cached.segments === segments && cached.index === index) return cached.map;
    const article = this.#source.article();
    const options: ExtractOptions = { exclude: this.#source.exclude() };
    let map: TextMap | null = null;
    try {
      map = article ? mapSegment(article, segments, index, options) : null;
    } catch {
      // A page that changed mid-read must never make reading fail: no word highlight for this paragraph.
      map = null;
    }
    this.#map = { segments, index, map };
    return map;
  }

  #show(highlights: HighlightRegistry | null, range: Range | null): void {
    if (this.#range) shared?.delete(this.#range);
    this.#range = range;
    if (range && highlights) {
      shared ??= new Highlight();
      shared.add(range);
      if (highlights.get(WORD_HIGHLIGHT) !== shared) highlights.set(WORD_HIGHLIGHT, shared);
    } else if (highlights && shared && shared.size === 0 && highlights.get(WORD_HIGHLIGHT) === shared) {
      // Nothing left to show: the name leaves the registry, as if no player had been here.
      highlights.delete(WORD_HIGHLIGHT);
    }
  }
}
