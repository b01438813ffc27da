/**
 * "Up next", loaded when an article with a next one ends (see `up-next-hook.ts`): its title (from its page:
 * same origin only), a countdown the reader can cancel (its button, or Escape anywhere on the page), said
 * once in the player's live region; then the next page, told through `sessionStorage` to go on reading.
 * There the player plays by itself where the browser lets it; where it refuses sound without a press
 * (`not-allowed`), one "Continue: <title>" button offers it.
 */
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { PlaybackController } from '../player/playback.js';
import { safeStorage } from '../player/persistence.js';
import { CONTINUE_KEY } from '../player/storage-keys.js';
import type { PlayerSnapshot } from '../player/store.js';
import { pageTitle } from '../playlist/article-page.js';
import { fetchPage } from '../playlist/fetch-page.js';
import { enPlaylist } from '../playlist/strings.js';

/** The player, as "Up next" uses it. */
export interface UpNextHost extends ReactiveControllerHost, HTMLElement {
  /** The `next` attribute. */
  readonly nextArticle: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  play(): void;
}

/** How long "Up next" waits before it opens the next article, in seconds. */
const COUNTDOWN_SECONDS = 5;
/** How long the choice to go on holds for the next page (ms): a later visit to it does not play by itself. */
const CONTINUE_WITHIN_MS = 60_000;

/** Test seams: the clock and the navigation (a test cannot leave its page). */
export interface UpNextOptions {
  /** Calls `tick` every `ms` until the function returned is called. Default: `setInterval`. */
  readonly every?: (ms: number, tick: () => void) => () => void;
  /** Opens `url`. Default: `location.assign`. */
  readonly navigate?: (url: string) => void;
  readonly now?: () => number;
}

let seams: UpNextOptions = {};

/** For tests only (not exported by the package's entry points). */
export function setUpNextOptions(options: UpNextOptions): void {
  seams = options;
}

/** `sessionStorage`, where the choice to go on is kept for the next page; never throwing. */
const session = safeStorage(() => sessionStorage);

const every = (ms: number, tick: () => void) => {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
};

/** What the choice to go on carries to the next page. */
interface Continuing {
  readonly url: string;
  readonly title: string;
  readonly at: number;
}

type Offer = { readonly kind: 'counting'; readonly url: string; readonly title: string; readonly seconds: number } | { readonly kind: 'continue'; readonly title: string };

export class UpNext {
  readonly #host: UpNextHost;
  readonly #playback: PlaybackController;
  #offer: Offer | null = null;
  /** What the live region says of it: the offer, once; that it was cancelled. */
  announcement = '';
  /** On the page "Up next" opened: the title, until play starts or is refused. */
  #arriving: string | null = null;
  #stopClock: (() => void) | null = null;
  /** Counts offers, so a title arriving after the reader moved on is dropped. */
  #request = 0;

  constructor(host: UpNextHost, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
  }

  /** Offers `url` (the article ended): fetches its title, then counts down. */
  async offer(url: string): Promise<void> {
    this.withdraw();
    const request = ++this.#request;
    let title: string;
    try {
      title = pageTitle((await fetchPage(url)).doc);
    } catch {
      // Another site's page (`fetchPage` refuses it), or one that cannot be had: nothing to offer.
      return;
    }
    if (request !== this.#request || this.#playback.snapshot.state !== 'ended') return;
    title ||= new URL(url).pathname;
    this.#offer = { kind: 'counting', url, title, seconds: COUNTDOWN_SECONDS };
    this.announcement = enPlaylist.upNextAnnounce(title, COUNTDOWN_SECONDS);
    this.#stopClock = (seams.every ?? every)(1000, () => this.#tick());
    this.#host.ownerDocument.addEventListener('keydown', this.#onKey);
    this.#host.requestUpdate();
  }

  /** Opens the next article now, telling it to go on reading. */
  go(): void {
    const offer = this.#offer;
    if (offer?.kind !== 'counting') return;
    this.#stop();
    const continuing: Continuing = { url: offer.url, title: offer.title, at: (seams.now ?? Date.now)() };
    // Without storage the next page opens, and waits for play as any page does.
    session.set(CONTINUE_KEY, JSON.stringify(continuing));
    (seams.navigate ?? ((url: string) => location.assign(url)))(offer.url);
  }

  /** The reader said no: the offer goes, said once; focus stays in the player. */
  cancel(): void {
    if (this.#offer?.kind !== 'counting') return;
    this.withdraw();
    this.announcement = enPlaylist.cancelled;
    this.#host.requestUpdate();
  }

  /** Takes the offer back without a word (the reader played again, or the player left the page). */
  withdraw(): void {
    this.#request++;
    this.#stop();
    if (!this.#offer) return;
    this.#keepFocus();
    this.#offer = null;
    this.announcement = '';
    this.#host.requestUpdate();
  }

  /** On the page "Up next" opened (within `CONTINUE_WITHIN_MS`): plays. */
  arrive(): void {
    const stored = session.get(CONTINUE_KEY);
    session.remove(CONTINUE_KEY);
    let continuing: Partial<Continuing> | null;
    try {
      continuing = JSON.parse(stored ?? 'null') as Partial<Continuing> | null;
    } catch {
      return;
    }
    if (!continuing || typeof continuing.url !== 'string' || typeof continuing.at !== 'number') return;
    const age = (seams.now ?? Date.now)() - continuing.at;
    if (!samePage(continuing.url, location.href) || age < 0 || age > CONTINUE_WITHIN_MS) return;
    this.#arriving = typeof continuing.title === 'string' && continuing.title ? continuing.title : this.#host.ownerDocument.title;
    this.#host.play();
  }

  stateChanged(snapshot: PlayerSnapshot): void {
    if (snapshot.state !== 'ended') {
      if (this.#offer?.kind === 'counting') this.withdraw();
      this.announcement = '';
    }
    if (this.#arriving !== null) {
      if (snapshot.state === 'error' && snapshot.error?.code === 'not-allowed') {
        this.#offer = { kind: 'continue', title: this.#arriving };
        this.#arriving = null;
        this.#host.requestUpdate();
      } else if (snapshot.state === 'playing') {
        this.#arriving = null;
      }
    } else if (this.#offer?.kind === 'continue' && (snapshot.state === 'loading' || snapshot.state === 'playing')) {
      this.withdraw();
    }
  }

  render(): unknown {
    const offer = this.#offer;
    if (!offer) return nothing;
    const s = enPlaylist;
    if (offer.kind === 'continue') {
      return html`<div class="up-next" part="up-next" lang=${s.lang} dir=${s.dir}>
        <button part="continue-button" @click=${() => this.#host.play()}>${s.continueWith(offer.title)}</button>
      </div>`;
    }
    return html`<div class="up-next" part="up-next" role="group" aria-label=${s.upNext(offer.title)} lang=${s.lang} dir=${s.dir}>
      <span class="up-next-title">${s.upNext(offer.title)}</span>
      <span class="countdown">${s.startsIn(offer.seconds)}</span>
      <button part="up-next-play" @click=${() => this.go()}>${s.playNow}</button>
      <button part="up-next-cancel" @click=${() => this.cancel()}>${s.cancel}</button>
    </div>`;
  }

  #tick(): void {
    const offer = this.#offer;
    if (offer?.kind !== 'counting') return;
    if (offer.seconds <= 1) return this.go();
    this.#offer = { ...offer, seconds: offer.seconds - 1 };
    this.#host.requestUpdate();
  }

  #stop(): void {
    this.#stopClock?.();
    this.#stopClock = null;
    this.#host.ownerDocument.removeEventListener('keydown', this.#onKey);
  }

  /** Focus on the offer's buttons, which are about to go, moves to the play button. */
  #keepFocus(): void {
    const root = this.#host.renderRoot;
    if (!(root instanceof ShadowRoot) || !root.activeElement?.closest('[part~="up-next"]')) return;
    root.querySelector<HTMLElement>('[part~="play-button"]')?.focus();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.cancel();
  };
}

/** Whether `a` and `b` are the same page (their fragments aside). */
function samePage(a: string, b: string): boolean {
  try {
    const [first, second] = [new URL(a), new URL(b)];
    first.hash = second.hash = '';
    return first.href === second.href;
  } catch {
    return false;
  }
}

export const upNextStyles = css`
  .up-next {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    margin-block-start: 0.5em;
  }
  .countdown {
    color: var(--_muted);
  }
  .up-next button {
    font: inherit;
    color: var(--_accent-fg);
    background: none;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.3em 0.9em;
    cursor: pointer;
  }
  .up-next button:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;
