/**
 * Play from a link into the article: when the page's URL fragment (`#the-vote`) names an element inside the
 * article, `play()` starts at the paragraph holding it, or at the first one after it (a heading or an empty
 * anchor before the paragraph, a section around several). Once per fragment, as a selection is: pausing and
 * playing again goes on from where it was; arriving at a fragment again (another link in the page, Back) makes it
 * count again. A fragment naming the article itself, or something outside it, leaves play where it was.
 *
 * Text fragments (`#:~:text=…`) are not seen: the browser keeps them from the page's scripts by design
 * (https://wicg.github.io/scroll-to-text-fragment/#fragment-directive).
 *
 * A link to a spoken moment (`#listen=151`, see `moment.ts`) is offered by `moment-offer.ts`, which loads only
 * when the URL names one (as the session starts, or when the page arrives at one): "Play from 2:31", its
 * paragraph marked, and play started there. A play pressed before that file is there (or before the engine knows
 * its timeline) starts at the time, if inside the length expected; the engine seeks there once it can.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentFrom } from '../article/locate.js';
import { parseMoment } from './moment.js';
import type { MomentOffer, MomentOffers, MomentOffersOptions } from './moment-offer.js';
import type { PlaybackController } from './playback.js';
import type { StartPoint } from './starts.js';

/** The moments' options are passed on to their offer as they are. */
export interface LinkStartOptions extends MomentOffersOptions {
  /** The article element being read, or null. */
  article(): Element | null;
}

export class LinkStartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: LinkStartOptions;
  /** The fragment play last started from, until the page arrives at a fragment again. */
  #used: string | null = null;
  /** The moments' offer, once loaded (only for a URL that names a moment). */
  #offers: MomentOffers | null = null;
  #loading = false;
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
    this.#loadOffers();
  }

  hostDisconnected(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
  }

  /** The moment a link names, while play would start there (not playing, not used yet); else null. */
  get moment(): MomentOffer | null {
    return this.#offers?.moment ?? null;
  }

  readonly #onHashChange = (): void => {
    this.#used = null;
    this.#offers?.update();
    this.#loadOffers();
  };

  #hash(): string {
    return this.#host.ownerDocument.defaultView?.location.hash ?? '';
  }

  /** Loads the moments' offer the first time the URL names a moment (again after a failed load). */
  #loadOffers(): void {
    if (this.#offers || this.#loading || parseMoment(this.#hash()) === null) return;
    this.#loading = true;
    import('./moment-offer.js').then(
      (loaded) => {
        this.#offers = new loaded.MomentOffers(this.#host, this.#playback, this.#options, () => this.#used);
      },
      // Offline, or the file blocked: a play still starts at the moment (see `#beforeTimeline`).
      () => {
        this.#loading = false;
      },
    );
  }

  #fromLink(): StartPoint | null {
    const { state } = this.#playback.snapshot;
    if (state === 'playing' || state === 'loading') return null;
    const hash = this.#hash();
    if (hash.length < 2 || hash === this.#used) return null;
    if (parseMoment(hash) !== null) {
      const at = this.#offers?.take(hash) ?? this.#beforeTimeline(hash);
      if (at) this.#used = hash;
      return at;
    }
    const article = this.#options.article();
    const target = article ? targetOf(this.#host.ownerDocument, hash.slice(1)) : null;
    if (!article || !target || target === article || !article.contains(target)) return null;
    const index = segmentFrom(this.#playback.segments, target);
    if (index < 0) return null;
    this.#used = hash;
    return { segment: index };
  }

  /**
   * Play pressed before the engine knows its timeline (or before the offer is there): the time, if inside the
   * length expected (the manifest's or the speech estimate), where the engine seeks once it has one (speech: the
   * sentence there). With no length to expect yet (a recording whose manifest is on its way) the engine checks
   * it: one past the end is dropped there.
   */
  #beforeTimeline(hash: string): StartPoint | null {
    const time = parseMoment(hash);
    const { duration, estimate } = this.#playback.snapshot;
    const length = duration || estimate;
    if (time === null || (this.#offers && (this.#playback.engine?.duration ?? 0) > 0) || (length > 0 && !(time < length))) return null;
    return { segment: 0, time };
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
