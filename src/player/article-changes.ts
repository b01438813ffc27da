/**
 * Keeps the player in step with an article that changes while it is read: a live blog adds a paragraph, a
 * framework re-renders one, an editor removes one. While an engine is loaded, a MutationObserver watches the
 * article; when what is read changes (the extracted texts, not an ad or a timestamp that is skipped anyway),
 * the player reloads with the new segments and carries on — playing if it was — from the paragraph it was
 * reading, at its new place; if that paragraph went, from the next one still there; if none is left after
 * it, it stops at the last paragraph. An article left with no text ends in the `no-article` error.
 * The player's own marks on the page (the `data-listen-active` attribute) are not watched.
 *
 * The article's place on the page is watched too (a second observer, of the nodes added and removed in its
 * root): when it leaves the page, `for` is resolved again. A fresh copy put in its place (client-side frameworks
 * re-render so) is read from the same paragraph, playing if it was; with none, reading stops with `no-article`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { extractSegments } from '../article/extract.js';
import type { Segment } from '../article/segment.js';
import type { PlaybackController } from './playback.js';

export interface ArticleChangesOptions {
  /** The article element being read, or null. */
  article(): Element | null;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
}

/**
 * What can change what is read: text, elements, and the attributes the extractor obeys. Not `class`: pages toggle
 * classes all the time (as the reader scrolls, as images load), and the names Listen judges by are written once.
 */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'inert', 'role', 'data-listen-skip', 'data-listen-only', 'data-listen-read', 'lang'],
};

/** The article leaving the page shows as nodes removed somewhere above it. */
const PLACEMENT: MutationObserverInit = { childList: true, subtree: true };

export class ArticleChangesController implements ReactiveController {
  readonly #playback: PlaybackController;
  readonly #options: ArticleChangesOptions;
  readonly #observer = new MutationObserver(() => this.#resync());
  readonly #placement = new MutationObserver(() => this.#checkPlace());
  #observed: Element | null = null;

  constructor(host: ReactiveControllerHost, playback: PlaybackController, options: ArticleChangesOptions) {
    this.#playback = playback;
    this.#options = options;
    host.addController(this);
  }

  /** After every update: watch the article being read (a new `for` may name another one). */
  hostUpdated(): void {
    const article = this.#playback.engine ? this.#options.article() : null;
    if (article !== this.#observed) this.#observe(article);
  }

  hostDisconnected(): void {
    this.#observe(null);
  }

  #observe(article: Element | null): void {
    this.#observer.disconnect();
    this.#placement.disconnect();
    this.#observed = article;
    if (!article) return;
    this.#observer.observe(article, OBSERVE);
    const root = article.getRootNode();
    this.#placement.observe(root, PLACEMENT);
    // In a shadow root, the host leaving the page changes nothing inside the root: the document says so.
    if (root !== article.ownerDocument) this.#placement.observe(article.ownerDocument, PLACEMENT);
  }

  /** Nodes were added or removed in the article's root: is the article still on the page? */
  #checkPlace(): void {
    const article = this.#observed;
    if (!article || article.isConnected || !this.#playback.engine) return;
    const { state, segmentIndex } = this.#playback.snapshot;
    const next = this.#options.article();
    this.#observe(next);
    if (state === 'error') return;
    if (!next) {
      this.#playback.articleGone();
      return;
    }
    this.#playback.reload(segmentIndex, state === 'playing' || state === 'loading');
  }

  #resync(): void {
    const article = this.#observed;
    const { state, segmentIndex } = this.#playback.snapshot;
    // After an error, "Try again" reads the page afresh anyway.
    if (!article || !this.#playback.engine || state === 'error') return;
    const before = this.#playback.segments;
    const after = extractSegments(article, { exclude: this.#options.exclude() });
    if (sameTexts(before, after)) return;
    const at = placeAfterChange(before, after, segmentIndex);
    const active = state === 'playing' || state === 'loading';
    this.#playback.reload(at.index, active && !at.stop);
  }
}

function sameTexts(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment.text === b[i]!.text && segment.element === b[i]!.element);
}

/**
 * Where reading goes on in `after` from segment `index` of `before`: the same paragraph (same element) at
 * its new index, else the first later one still there; `stop` when none is left after it.
 */
export function placeAfterChange(
  before: readonly Segment[],
  after: readonly Segment[],
  index: number,
): { index: number; stop: boolean } {
  if (index < 0) return { index: -1, stop: false };
  for (let i = index; i < before.length; i++) {
    const found = after.findIndex((segment) => segment.element === before[i]!.element);
    if (found >= 0) return { index: found, stop: false };
  }
  return { index: after.length - 1, stop: true };
}
