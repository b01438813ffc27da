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
 * A link to a spoken moment (`#listen=151`, see `moment.ts`) is offered once the engine knows its timeline:
 * the paragraph holding that time is scrolled to and marked, `moment` says where play will start (the UI's
 * "Play from 2:31"), and `play()` starts there: at the time with a recording, at the paragraph's start with
 * speech (whose clock is an estimate that differs from one visit to the next). A time outside the article
 * (or a bad one) is no link: play starts as without it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParagraphHighlighter } from '../article/highlight.js';
import { segmentFrom } from '../article/locate.js';
import { parseMoment, segmentAtTime } from './moment.js';
import type { PlaybackController } from './playback.js';
import type { StartPoint } from './starts.js';

export interface LinkStartOptions {
  /** The article element being read, or null. */
  article(): Element | null;
  /** Whether paragraphs are highlighted (a moment's paragraph is marked so); absent: they are. */
  marks?(): boolean;
}

/** A link's moment as the player offers it: where play starts, and that time on the engine's timeline. */
export interface MomentOffer {
  readonly at: StartPoint;
  readonly time: number;
  /** The fragment it came from. */
  readonly hash: string;
}

export class LinkStartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: LinkStartOptions;
  /** The fragment play last started from, until the page arrives at a fragment again. */
  #used: string | null = null;
  #moment: MomentOffer | null = null;
  /** The moment's paragraph, marked until play starts (then the player's own highlight takes over). */
  readonly #mark = new ParagraphHighlighter();
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
      this.#playback.store.subscribe(() => this.#offerMoment()),
      () => view?.removeEventListener('hashchange', this.#onHashChange),
    ];
    this.#offerMoment();
  }

  hostDisconnected(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    this.#setMoment(null);
  }

  /** The moment a link names, while play would start there (not playing, not used yet); else null. */
  get moment(): MomentOffer | null {
    return this.#moment && this.#waiting() ? this.#moment : null;
  }

  readonly #onHashChange = (): void => {
    this.#used = null;
    this.#offerMoment();
  };

  #waiting(): boolean {
    const { state } = this.#playback.snapshot;
    return state === 'idle' || state === 'paused' || state === 'ended';
  }

  /** Works out the offer of the URL's moment, once the engine knows its timeline; marks and shows its paragraph. */
  #offerMoment(): void {
    if (!this.#waiting()) {
      this.#mark.set(null);
      return;
    }
    const hash = this.#host.ownerDocument.defaultView?.location.hash ?? '';
    const time = hash === this.#used ? null : parseMoment(hash);
    const engine = this.#playback.engine;
    const segments = this.#playback.segments;
    if (time === null || !engine || !(engine.duration > 0) || !segments.length) {
      if (time === null) this.#setMoment(null);
      return;
    }
    if (this.#moment?.hash === hash) return;
    if (time >= engine.duration) {
      this.#setMoment(null);
      return;
    }
    const segment = segmentAtTime(time, segments.length, (index) => engine.segmentStart(index));
    const recorded = engine.kind === 'audio';
    this.#setMoment({ at: recorded ? { segment, time } : { segment }, time: recorded ? time : engine.segmentStart(segment), hash });
    const element = segments[segment]?.element;
    if (!element) return;
    if (this.#playback.snapshot.state === 'idle' && (this.#options.marks?.() ?? true)) this.#mark.set(element);
    // A text fragment in the link has scrolled there already; without one (or one that matched elsewhere) the player does.
    const view = this.#host.ownerDocument.defaultView;
    const box = element.getBoundingClientRect();
    if (view && (box.bottom < 0 || box.top > view.innerHeight)) element.scrollIntoView({ block: 'center' });
  }

  #setMoment(moment: MomentOffer | null): void {
    if (moment === this.#moment) return;
    this.#moment = moment;
    if (!moment) this.#mark.set(null);
    this.#host.requestUpdate();
  }

  #fromLink(): StartPoint | null {
    const { state } = this.#playback.snapshot;
    if (state === 'playing' || state === 'loading') return null;
    const hash = this.#host.ownerDocument.defaultView?.location.hash ?? '';
    if (hash.length < 2 || hash === this.#used) return null;
    if (parseMoment(hash) !== null) return this.#fromMoment(hash);
    const article = this.#options.article();
    const target = article ? targetOf(this.#host.ownerDocument, hash.slice(1)) : null;
    if (!article || !target || target === article || !article.contains(target)) return null;
    const index = segmentFrom(this.#playback.segments, target);
    if (index < 0) return null;
    this.#used = hash;
    return { segment: index };
  }

  #fromMoment(hash: string): StartPoint | null {
    this.#offerMoment();
    const moment = this.#moment;
    if (!moment || moment.hash !== hash) return this.#beforeTimeline(hash);
    this.#used = hash;
    // The player's highlight takes over from the mark as play starts, on the same paragraph.
    this.#mark.set(null);
    this.#setMoment(null);
    return moment.at;
  }

  /**
   * Play pressed before the engine knows its timeline: the time, if inside the length expected (the manifest's
   * or the speech estimate), where the engine seeks once it has one (speech: the sentence there).
   */
  #beforeTimeline(hash: string): StartPoint | null {
    const time = parseMoment(hash);
    const { duration, estimate } = this.#playback.snapshot;
    if (time === null || (this.#playback.engine?.duration ?? 0) > 0 || !(time < (duration || estimate))) return null;
    this.#used = hash;
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
