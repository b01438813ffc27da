/**
 * Keeps the paragraph being read in view, and yields to the reader: when they scroll it out of view
 * themselves, following pauses (and a "Back to the current paragraph" button is offered) until the paragraph
 * is in view again — by their scrolling back, by reading reaching a paragraph they are looking at, or by the
 * button.
 *
 * Cheap by design: all geometry comes from an IntersectionObserver on the one active paragraph (no layout
 * reads in scroll handlers, nothing per frame); scroll listeners only note the time.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PlaybackController } from '../player/playback.js';
import type { PlayerSnapshot, PlayerState } from '../player/store.js';
import type { Strings } from './strings.js';

export interface FollowOptions {
  /** The store whose active segment is followed and the segments it indexes. */
  readonly playback: Pick<PlaybackController, 'store' | 'segments'>;
  /** False while the host has turned following off (`no-follow`). */
  enabled(): boolean;
  /**
   * True when scrolling to a new paragraph would leave keyboard focus off-screen with nowhere visible to go
   * (focus in the player, the mini player closed): following then waits, as if the reader had scrolled away.
   */
  hold?(): boolean;
  /** "Back to the current paragraph" was pressed (the reader wants to follow again). */
  back?(): void;
}

/** States in which a paragraph is being (or about to be) read: followed. Anything else ends following. */
const FOLLOWED: ReadonlySet<PlayerState> = new Set(['loading', 'playing', 'paused']);
/**
 * The part of the viewport a paragraph must be in to count as "in view": not hugging the top edge (sticky
 * headers) nor the bottom one (where the mini player sits).
 */
const VIEW_MARGIN = '-10% 0px -15% 0px';
/** A paragraph leaving the view this soon (ms) after a scroll we did not make was scrolled away by the reader. */
const READER_SCROLL_WINDOW = 1000;
/** Without `scrollend` (Safari before 18.2), our own scroll counts as over after this long (ms) without a scroll event. */
const OWN_SCROLL_QUIET = 300;
/** Keys that scroll the page: pressing one while we scroll hands the scroll to the reader. */
const SCROLL_KEYS: ReadonlySet<string> = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

export class FollowController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: FollowOptions;
  #running = false;
  #unsubscribe: (() => void) | null = null;
  #listeners: AbortController | null = null;
  /** A shadow root holding the article: its scroll events do not reach the window, so it is listened to itself. */
  #articleRoot: ShadowRoot | null = null;
  #observer: IntersectionObserver | null = null;
  /** The active paragraph, observed. */
  #target: Element | null = null;
  /** Whether the observer's first report on `#target` (where it is now) has been acted on. */
  #placed = false;
  /** Whether `#target` is taller than the view (it is then aligned to the top, not centred). */
  #tall = false;
  #suspended = false;
  /** True from our `scrollIntoView` until that scroll settles: its scroll events are not the reader's. */
  #ownScroll = false;
  #ownScrollTimer: ReturnType<typeof setTimeout> | undefined;
  #readerScrolledAt = -Infinity;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FollowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True while the reader has scrolled the paragraph being read out of view and following waits for them. */
  get suspended(): boolean {
    return this.#suspended;
  }

  hostConnected(): void {
    if (this.#options.enabled()) this.#start();
  }

  /** Picks up `no-follow` being set or removed (the host re-renders on every property change). */
  hostUpdate(): void {
    const enabled = this.#options.enabled();
    if (enabled && !this.#running && this.#host.isConnected) this.#start();
    else if (!enabled && this.#running) this.#stop();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Scrolls the paragraph being read back into view and follows it again. */
  backToCurrent(): void {
    this.#readerScrolledAt = -Infinity;
    this.#options.back?.();
    this.#setSuspended(false);
    if (this.#target) this.#scrollTo(this.#target);
  }

  /** The "Back to the current paragraph" button, while following waits for the reader; else nothing. */
  renderBackButton(strings: Strings, className: string) {
    if (!this.#suspended) return nothing;
    return html`<button type="button" class="back ${className}" part="back-to-current" @click=${() => this.backToCurrent()}>
      ${backIcon}<span>${strings.backToCurrent}</span>
    </button>`;
  }

  #start(): void {
    this.#running = true;
    const signal = (this.#listeners = new AbortController()).signal;
    const passive = { capture: true, passive: true, signal };
    // Capturing on the window sees the scrolls of the page and of every scrollable element in it (scroll events
    // do not bubble), so an article in a scrollable container is handled like one in the page.
    window.addEventListener('scroll', this.#onScroll, passive);
    window.addEventListener('scrollend', this.#onScrollEnd, passive);
    for (const type of ['wheel', 'touchmove', 'pointerdown'] as const) window.addEventListener(type, this.#onIntent, passive);
    window.addEventListener('keydown', this.#onKey, passive);
    this.#observer = new IntersectionObserver(this.#onIntersection, {
      // The article's own document as root: its viewport, less the margins, clipped by any scrolling container.
      root: this.#host.ownerDocument,
      rootMargin: VIEW_MARGIN,
      threshold: 0,
    });
    this.#unsubscribe = this.#options.playback.store.subscribe((next) => this.#onChange(next));
    this.#onChange(this.#options.playback.store.snapshot);
  }

  #stop(): void {
    this.#running = false;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#listeners?.abort();
    this.#listeners = null;
    this.#articleRoot = null;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#target = null;
    this.#endOwnScroll();
    if (this.#suspended) this.#setSuspended(false);
  }

  #onChange(snapshot: PlayerSnapshot): void {
    const element = FOLLOWED.has(snapshot.state)
      ? (this.#options.playback.segments[snapshot.segmentIndex]?.element ?? null)
      : null;
    if (element === this.#target) return;
    if (this.#target) this.#observer?.unobserve(this.#target);
    this.#target = element;
    this.#placed = false;
    if (!element) {
      // Nothing is being read (stopped, ended, failed): the next listen starts out following.
      this.#setSuspended(false);
      return;
    }
    this.#listenToArticleRoot(element);
    this.#observer?.observe(element);
  }

  #listenToArticleRoot(element: Element): void {
    const root = element.getRootNode();
    if (!(root instanceof ShadowRoot) || root === this.#articleRoot || !this.#listeners) return;
    this.#articleRoot = root;
    const options = { capture: true, passive: true, signal: this.#listeners.signal };
    root.addEventListener('scroll', this.#onScroll, options);
    root.addEventListener('scrollend', this.#onScrollEnd, options);
  }

  readonly #onIntersection = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries.filter((e) => e.target === this.#target).at(-1);
    if (!entry) return;
    const inView = entry.isIntersecting;
    if (entry.rootBounds) this.#tall = entry.boundingClientRect.height > entry.rootBounds.height;
    if (!this.#placed) {
      // First report on a newly active paragraph: bring it into view, unless the reader is elsewhere.
      this.#placed = true;
      if (this.#suspended) {
        if (inView) this.#setSuspended(false);
      } else if (!comfortablyInView(entry)) {
        if (this.#options.hold?.()) this.#setSuspended(true);
        else this.#scrollTo(entry.target);
      }
      return;
    }
    if (inView && this.#suspended) this.#setSuspended(false);
    else if (!inView && !this.#suspended && performance.now() - this.#readerScrolledAt < READER_SCROLL_WINDOW) {
      this.#setSuspended(true);
    }
  };

  #scrollTo(element: Element): void {
    // Read per scroll, not cached: the reader may change the setting while listening.
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.#beginOwnScroll();
    // 'instant', not 'auto': 'auto' takes the page's `scroll-behavior`, which may be `smooth` whatever the reader
    // asked for. The page's `scroll-margin` / `scroll-padding` (e.g. for a sticky header) are honoured.
    element.scrollIntoView({
      block: this.#tall ? 'start' : 'center',
      inline: 'nearest',
      behavior: reduce ? 'instant' : 'smooth',
    });
  }

  #beginOwnScroll(): void {
    this.#ownScroll = true;
    this.#armOwnScrollTimer();
  }

  #armOwnScrollTimer(): void {
    clearTimeout(this.#ownScrollTimer);
    this.#ownScrollTimer = setTimeout(() => this.#endOwnScroll(), OWN_SCROLL_QUIET);
  }

  #endOwnScroll(): void {
    clearTimeout(this.#ownScrollTimer);
    this.#ownScroll = false;
  }

  readonly #onScroll = (): void => {
    if (this.#ownScroll) this.#armOwnScrollTimer();
    else this.#readerScrolledAt = performance.now();
  };

  readonly #onScrollEnd = (): void => {
    this.#endOwnScroll();
  };

  /** The reader reaching for the page (wheel, touch, scrollbar) takes the scroll over, even during ours. */
  readonly #onIntent = (): void => {
    this.#endOwnScroll();
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    if (SCROLL_KEYS.has(event.key)) this.#endOwnScroll();
  };

  #setSuspended(suspended: boolean): void {
    if (suspended === this.#suspended) return;
    this.#suspended = suspended;
    this.#host.requestUpdate();
  }
}

/**
 * Whether a paragraph can be read where it is: wholly inside the view, or — taller than the view — starting in
 * its upper third (it is read from the top).
 */
function comfortablyInView(entry: IntersectionObserverEntry): boolean {
  const { boundingClientRect: box, intersectionRect: seen, rootBounds } = entry;
  if (!entry.isIntersecting) return false;
  if (seen.height >= box.height - 1) return true;
  if (!rootBounds || box.height <= rootBounds.height) return false;
  return seen.top <= box.top + 1 && box.top - rootBounds.top < rootBounds.height / 3;
}

/** An arrow pointing back to the text; decorative (the button has its text). */
const backIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M12 4 6 10l1.4 1.4 3.6-3.6V20h2V7.8l3.6 3.6L18 10z" />
</svg>`;

/** The back button's look, inline (in place of the player's label, same line height: no layout shift) and in the mini player. */
export const followStyles = css`
  .back {
    width: auto;
    height: auto;
    min-width: 0;
    display: inline-flex;
    /* The text's baseline is the button's (aligned with the time beside it); the icon is centred, out of it. */
    align-items: baseline;
    gap: 0.3rem;
    padding: 0 0.45rem;
    margin-inline-start: -0.45rem;
    border-radius: 999px;
    color: var(--_accent-fg);
    font-weight: 650;
    line-height: inherit;
    white-space: nowrap;
  }
  .back span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .back svg {
    flex: none;
    align-self: center;
    width: 1.1em;
    height: 1.1em;
  }
  /* In the player's top line: takes the room the label had and never wraps onto a new line. */
  .back-inline {
    flex: 1 1 0;
    justify-content: flex-start;
    max-width: max-content;
  }
  @media (forced-colors: active) {
    .back {
      color: LinkText;
    }
  }
`;
