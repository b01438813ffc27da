/**
 * The article's segments as the playback controller reads them: from the page on first use, and again for
 * each engine loaded, except that segments handed over by whoever made the controller (who read the article
 * already) serve the first engine, so a long article is not read twice.
 */
import { extractSegments } from '../article/extract.js';
import type { Segment } from '../article/segment.js';

export interface SegmentsSource {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
}

export class ArticleSegments {
  readonly #source: SegmentsSource;
  #segments: readonly Segment[] | null;
  /** `#segments` were handed over and no engine was loaded since: fresh enough for the first. */
  #handedOver: boolean;

  constructor(source: SegmentsSource, handedOver: readonly Segment[] | null) {
    this.#source = source;
    this.#segments = handedOver;
    this.#handedOver = handedOver !== null;
  }

  /** The segments, read from the page if not yet. */
  get all(): readonly Segment[] {
    if (!this.#segments) {
      const article = this.#source.article();
      this.#segments = article ? Object.freeze(extractSegments(article, { exclude: this.#source.exclude() })) : [];
    }
    return this.#segments;
  }

  /** An engine is about to load: the page is read again, unless the segments handed over are still unused. */
  refresh(): void {
    if (!this.#handedOver) this.#segments = null;
    this.#handedOver = false;
  }

  /** The next use reads the page again. */
  forget(): void {
    this.#segments = null;
    this.#handedOver = false;
  }
}
