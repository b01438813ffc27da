/**
 * Play from a link into the article: when the page's URL fragment (`#the-vote`) names an element inside the
 * article, `play()` starts at the paragraph holding it, or at the first one after it (a heading or an empty
 * anchor before the paragraph, a section around several). Once per fragment, as a selection is: pausing and
 * playing again goes on from where it was; arriving at a fragment again (another link in the page, Back) makes it
 * count again. A fragment naming the article itself, or something outside it, leaves play where it was.
 *
 * Text fragments (`#:~:text=…`) are not seen: the browser keeps them from the page's scripts by design
 * (https://wicg.github.io/scroll-to-text-fragment/#fragment-directive).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentFrom } from '../article/locate.js';
import type { PlaybackController } from './playback.js';
import type { StartPoint } from './starts.js';

export interface LinkStartOptions {
  /** The article element being read, or null. */
  article(): Element | null;
}

export class LinkStartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: LinkStartOptions;
  /** The fragment play last started from, until the page arrives at a fragment again. */
  #used: string | null = null;
  #cleanups: (() => void)[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: LinkStartOptions) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const view = this.#host.ownerDocument.defaultView;
    view?.addEventListener('hashchange', this.#onHashChange);
    this.#cleanups = [
      this.#playback.startFrom('link', () => this.#fromLink()),
      () => view?.removeEventListener('hashchange', this.#onHashChange),
    ];
  }

  hostDisconnected(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
  }

  readonly #onHashChange = (): void => {
    this.#used = null;
  };

  #fromLink(): StartPoint | null {
    const { state } = this.#playback.snapshot;
    if (state === 'playing' || state === 'loading') return null;
    const hash = this.#host.ownerDocument.defaultView?.location.hash ?? '';
    if (hash.length < 2 || hash === this.#used) return null;
    const article = this.#options.article();
    const target = article ? targetOf(this.#host.ownerDocument, hash.slice(1)) : null;
    if (!article || !target || target === article || !article.contains(target)) return null;
    const index = segmentFrom(this.#playback.segments, target);
    if (index < 0) return null;
    this.#used = hash;
    return { segment: index };
  }
}

/** The element a fragment names: by its id as written, else percent-decoded (as the browser scrolls to it). */
function targetOf(doc: Document, fragment: string): Element | null {
  const found = doc.getElementById(fragment);
  if (found) return found;
  try {
    return doc.getElementById(decodeURIComponent(fragment));
  } catch {
    // A malformed escape (`#100%`) names nothing more than it did as written.
    return null;
  }
}
