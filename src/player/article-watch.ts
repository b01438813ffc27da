/**
 * The one watcher of the article, with one MutationObserver whose targets follow what the player needs:
 *
 * - **No article with text yet** (client-rendered: `for` names an element a framework adds later, or the
 *   article is filled in after the player): the player's root (and the document, where `for` falls back to it
 *   from a shadow root) is watched until the article has text; then it is read. After play was pressed
 *   without it, the `no-article` error stays up until the reader presses "Try again".
 * - **An article being read** (an engine is loaded): the article itself is watched for changes to what is
 *   read (a live blog adds a paragraph, a framework re-renders one, an editor removes one), and its root for
 *   its leaving the page. A change to the extracted texts (not an ad or a timestamp that is skipped anyway)
 *   reloads with the new segments and carries on — playing if it was — from the paragraph being read, at its
 *   new place; if that paragraph went, from the next one still there; if none is left after it, it stops at
 *   the last paragraph. An article left with no text ends in `no-article`. An article that left the page is
 *   looked for again: a fresh copy in its place (client-side frameworks re-render so) is read from the same
 *   paragraph, playing if it was; with none, reading stops with `no-article`.
 *
 * Nothing is watched once the player is removed. The player's own marks on the page (`data-listen-active`)
 * are not watched.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { extractSegments } from '../article/extract.js';
import type { Segment } from '../article/segment.js';
import type { PlaybackController } from './playback.js';

/** What the watcher reads of the playback controller, and asks of it. */
export type WatchedPlayback = Pick<PlaybackController, 'engine' | 'snapshot' | 'segments' | 'reload' | 'articleGone'>;

export interface ArticleWatchOptions {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** The article once it has text (an empty shell a framework fills in later is not ready yet). */
  ready(): Element | null;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
}

/** Waiting for the article: nodes and text added, and an id set later makes an existing element the article. */
const APPEARING: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['id'] };

/**
 * What can change what is read: text, elements, and the attributes the extractor obeys. Not `class`: pages toggle
 * classes all the time (as the reader scrolls, as images load), and the names Listen judges by are written once.
 */
const CONTENT: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'inert', 'role', 'data-listen-skip', 'data-listen-only', 'data-listen-read', 'lang'],
};

/** The article leaving the page shows as nodes removed somewhere above it. */
const PLACEMENT: MutationObserverInit = { childList: true, subtree: true };

export class ArticleWatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: WatchedPlayback;
  readonly #options: ArticleWatchOptions;
  readonly #observer = new MutationObserver((records) => this.#onMutations(records));
  /** What is watched: nothing, the page for the article to appear, or the article being read. */
  #watching: null | 'page' | Element = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: WatchedPlayback, options: ArticleWatchOptions) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    host.addController(this);
  }

  /**
   * After every update, so a new `for` is followed: the article it names is watched, or waited for when it is
   * missing. An update may notice the article appearing before the observer's callback does.
   */
  hostUpdated(): void {
    if (this.#watching === 'page' && this.#options.ready()) this.#found();
    const target = this.#target();
    if (target !== this.#watching) this.#watch(target);
  }

  hostDisconnected(): void {
    this.#watch(null);
  }

  /** The article while an engine reads it; else the page while the article has no text; else nothing. */
  #target(): null | 'page' | Element {
    if (this.#playback.engine) return this.#options.article();
    return this.#options.ready() ? null : 'page';
  }

  #watch(what: null | 'page' | Element): void {
    this.#observer.disconnect();
    this.#watching = null;
    if (what === 'page') {
      if (!this.#host.isConnected) return;
      this.#observeRoot(this.#host, APPEARING);
    } else if (what) {
      this.#observer.observe(what, CONTENT);
      this.#observeRoot(what, PLACEMENT);
    }
    this.#watching = what;
  }

  /**
   * Watches `node`'s root; in a shadow root also the document, since the host leaving the page changes nothing
   * inside the root. A node off the page is its own root, and keeps the options it is watched with.
   */
  #observeRoot(node: Node, options: MutationObserverInit): void {
    const root = node.getRootNode();
    if (root !== node) this.#observer.observe(root, options);
    const page = node.ownerDocument;
    if (page && root !== page) this.#observer.observe(page, options);
  }

  #onMutations(records: readonly MutationRecord[]): void {
    const watching = this.#watching;
    if (watching === 'page') {
      if (this.#options.ready()) this.#found();
    } else if (watching && !watching.isConnected) {
      this.#moved();
    } else if (watching && records.some((record) => watching.contains(record.target))) {
      this.#resync(watching);
    }
  }

  /** The article appeared: read it, unless play failed without it meanwhile (then "Try again" reads it). */
  #found(): void {
    this.#watch(null);
    if (this.#playback.snapshot.state !== 'error' && !this.#playback.engine) this.#playback.reload();
    this.#host.requestUpdate();
  }

  /** The article being read left the page: read a copy in its place, or stop. */
  #moved(): void {
    if (!this.#playback.engine) return;
    const { state, segmentIndex } = this.#playback.snapshot;
    const next = this.#options.article();
    this.#watch(next);
    if (state === 'error') return;
    if (!next) {
      this.#playback.articleGone();
      return;
    }
    this.#playback.reload(segmentIndex, state === 'playing' || state === 'loading');
  }

  #resync(article: Element): void {
    const { state, segmentIndex } = this.#playback.snapshot;
    // After an error, "Try again" reads the page afresh anyway.
    if (!this.#playback.engine || state === 'error') return;
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
