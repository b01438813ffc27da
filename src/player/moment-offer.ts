/**
 * The offer of a link's spoken moment (`#listen=151`, see `moment.ts`), loaded by `LinkStartController` only
 * for a page whose URL names one. Once the engine knows its timeline, the paragraph holding that time is
 * scrolled to and marked, `moment` says where play will start (the UI's "Play from 2:31"), and `take` gives
 * play that start: the time with a recording, the paragraph's start with speech (whose clock is an estimate that
 * differs from one visit to the next). A time outside the article (or a bad one) is no offer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParagraphHighlighter } from '../article/highlight.js';
import { lastAtOrBefore } from '../article/search.js';
import { parseMoment } from './moment.js';
import type { PlaybackController } from './playback.js';
import type { StartPoint } from './starts.js';

/** A link's moment as the player offers it: where play starts, and that time on the engine's timeline. */
export interface MomentOffer {
  readonly at: StartPoint;
  readonly time: number;
  /** The fragment it came from. */
  readonly hash: string;
}

export interface MomentOffersOptions {
  /** Whether paragraphs are highlighted (a moment's paragraph is marked so); absent: they are. */
  marks?(): boolean;
}

export class MomentOffers implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: MomentOffersOptions;
  /** The fragment play last started from (no longer offered). */
  readonly #used: () => string | null;
  #moment: MomentOffer | null = null;
  /** The moment's paragraph, marked until play starts (then the player's own highlight takes over). */
  readonly #mark = new ParagraphHighlighter();
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: MomentOffersOptions, used: () => string | null) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    this.#used = used;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#playback.store.subscribe(() => this.update());
    this.update();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#set(null);
  }

  /** The moment a link names, while play would start there (not playing, not used yet); else null. */
  get moment(): MomentOffer | null {
    return this.#moment && waiting(this.#playback) ? this.#moment : null;
  }

  /** Works out the offer of the URL's moment, once the engine knows its timeline; marks and shows its paragraph. */
  update(): void {
    if (!waiting(this.#playback)) {
      this.#mark.set(null);
      return;
    }
    const hash = this.#host.ownerDocument.defaultView?.location.hash ?? '';
    const time = hash === this.#used() ? null : parseMoment(hash);
    const engine = this.#playback.engine;
    const segments = this.#playback.segments;
    if (time === null || !engine || !(engine.duration > 0) || !segments.length) {
      if (time === null) this.#set(null);
      return;
    }
    if (this.#moment?.hash === hash) return;
    if (time >= engine.duration) {
      this.#set(null);
      return;
    }
    // A time before the first segment starts (a recording's lead-in) is in the first.
    const segment = Math.max(lastAtOrBefore(time, segments.length, (index) => engine.segmentStart(index)), 0);
    const recorded = engine.kind === 'audio';
    this.#set({ at: recorded ? { segment, time } : { segment }, time: recorded ? time : engine.segmentStart(segment), hash });
    const element = segments[segment]?.element;
    if (!element) return;
    if (this.#playback.snapshot.state === 'idle' && (this.#options.marks?.() ?? true)) this.#mark.set(element);
    // A text fragment in the link has scrolled there already; without one (or one that matched elsewhere) the player does.
    const view = this.#host.ownerDocument.defaultView;
    const box = element.getBoundingClientRect();
    if (view && (box.bottom < 0 || box.top > view.innerHeight)) element.scrollIntoView({ block: 'center' });
  }

  /** Where play starts for `hash`'s moment, once offered (used up: the player's highlight takes over); else null. */
  take(hash: string): StartPoint | null {
    this.update();
    const moment = this.#moment;
    if (!moment || moment.hash !== hash) return null;
    this.#set(null);
    return moment.at;
  }

  #set(moment: MomentOffer | null): void {
    if (moment === this.#moment) return;
    this.#moment = moment;
    if (!moment) this.#mark.set(null);
    this.#host.requestUpdate();
  }
}

/** Whether play would start from a link now (not playing or loading). */
function waiting(playback: PlaybackController): boolean {
  const { state } = playback.snapshot;
  return state === 'idle' || state === 'paused' || state === 'ended';
}
