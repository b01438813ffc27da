/**
 * The mini player: while the article is being read and the inline player is scrolled out of view, a compact
 * bar fixed to the bottom of the viewport (at the inline end on wide screens) with play/pause, the progress,
 * the first words of the paragraph being read, "Back to the current paragraph" while following waits, and a
 * close button (its markup and styles: `mini-player-bar.ts`). It lives in the player's own shadow root and is
 * `position: fixed`, so the host page gains no element and nothing on it moves.
 *
 * The bar's module loads the first time the bar is to show (most listens never scroll the player away), and
 * the bar counts as showing once it has.
 *
 * When to show it: it appears when the inline player leaves the view while playing; it stays while paused
 * there (so the reader can resume from it); it goes when the inline player is back in view, when reading
 * stops, ends or fails, and when the reader closes it — then for the rest of this listen, or until play is
 * pressed with the inline player in view.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PlaybackController } from '../player/playback.js';
import type { PlayerSnapshot } from '../player/store.js';
import type { FollowController } from './follow.js';
import { addStyles } from './add-styles.js';
import type { Strings } from './strings.js';

export interface MiniPlayerOptions {
  readonly playback: Pick<PlaybackController, 'store' | 'segments'>;
  readonly follow: FollowController;
  toggle(): void;
}

/** What the element knows at render time and the mini player shows. */
export interface MiniPlayerView {
  readonly strings: Strings;
  /** Position and length in seconds. */
  readonly time: number;
  readonly duration: number;
  /** Locale for spoken times. */
  readonly locale: string;
}

type Bar = typeof import('./mini-player-bar.js');

export class MiniPlayerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MiniPlayerOptions;
  #observer: IntersectionObserver | null = null;
  #unsubscribe: (() => void) | null = null;
  /** Less than half of the inline player is in view. */
  #offscreen = false;
  #dismissed = false;
  /** A page control focused under the bar: it steps aside until focus moves on (WCAG 2.4.11). */
  #concealed = false;
  /** Where the bar was last seen, to tell whether a control focused while it is hidden would be under it. */
  #box: DOMRectReadOnly | null = null;
  /** Whether it would show, were no page control focused under it. */
  #wanted = false;
  /** "Back to the current paragraph" was pressed: it shows once the player is out of view, even while paused. */
  #invited = false;
  #visible = false;
  /** Whether the last state seen was playing or loading (to tell when play is pressed). */
  #wasReading = false;
  /** The control focused in the shadow root before a render, to put focus somewhere sensible if it is removed. */
  #focused: Element | null = null;
  /** The bar's markup and styles, once loaded. */
  #bar: Bar | null = null;
  #loadingBar = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MiniPlayerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the mini player is showing. */
  get visible(): boolean {
    return this.#visible;
  }

  /** Whether it would show, were it not stepping aside for a page control focused under it. */
  get wanted(): boolean {
    return this.#wanted;
  }

  /** Whether the reader closed it for this listen. */
  get dismissed(): boolean {
    return this.#dismissed;
  }

  /** The bar's box in the viewport: now while it shows, else where it was last (null if it never showed). */
  get lastBox(): DOMRectReadOnly | null {
    const bar = this.#visible ? this.#host.shadowRoot?.querySelector('.mini') : null;
    if (bar) this.#box = bar.getBoundingClientRect();
    return this.#box;
  }

  hostConnected(): void {
    // Implicit root: what the reader sees, even when the page is framed.
    this.#observer = new IntersectionObserver(this.#onIntersection, { threshold: 0.5 });
    this.#observer.observe(this.#host);
    this.#unsubscribe = this.#options.playback.store.subscribe((next) => this.#sync(next));
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#offscreen = false;
    this.#wanted = false;
    this.#visible = false;
  }

  hostUpdate(): void {
    this.#focused = this.#host.shadowRoot?.activeElement ?? null;
  }

  /**
   * A render that removed the focused control (the mini player closed or hid, a back button went) leaves focus
   * on nothing: put it on the mini player's play button if that is still there, else on the inline one,
   * scrolled into view if need be (focus is never left off-screen; following then waits for the reader, who
   * is at the player, and offers "Back to the current paragraph").
   */
  hostUpdated(): void {
    const lost = this.#focused;
    this.#focused = null;
    const root = this.#host.shadowRoot;
    if (!lost || lost.isConnected || !root || root.activeElement) return;
    const active = this.#host.ownerDocument.activeElement;
    if (active && active !== this.#host.ownerDocument.body && active !== this.#host) return;
    const mini = root.querySelector<HTMLElement>('.mini-play');
    if (mini) {
      mini.focus({ preventScroll: true });
      return;
    }
    // Still reading with the bar available (a back button went): the page may be scrolling to the paragraph,
    // and focus moves on to the bar once it shows (see `FocusKeeper`). Else the inline button is brought into view.
    const { state } = this.#options.playback.store.snapshot;
    const following = !this.#dismissed && (state === 'playing' || state === 'loading' || state === 'paused');
    root.querySelector<HTMLElement>('[part~="play-button"]')?.focus({ preventScroll: following });
  }

  /** Hides the mini player for the rest of this listen. */
  dismiss(): void {
    this.#dismissed = true;
    this.#sync(this.#options.playback.store.snapshot);
  }

  readonly #dismiss = (): void => this.dismiss();

  /** Lets it show again after `dismiss()` (the reader asked to follow the reading again). */
  restore(): void {
    this.#dismissed = false;
    this.#invited = true;
    this.#sync(this.#options.playback.store.snapshot);
  }

  /** Hides it while a page control focused under it keeps focus (true), or shows it again (false). */
  conceal(concealed: boolean): void {
    if (concealed === this.#concealed) return;
    this.#concealed = concealed;
    this.#sync(this.#options.playback.store.snapshot);
  }

  readonly #onIntersection = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries.at(-1);
    if (!entry) return;
    this.#offscreen = entry.intersectionRatio < 0.5;
    this.#sync(this.#options.playback.store.snapshot);
  };

  #sync({ state }: PlayerSnapshot): void {
    const reading = state === 'playing' || state === 'loading';
    const started = reading && !this.#wasReading;
    this.#wasReading = reading;
    // A listen that is over, or play pressed where the inline player can be seen, starts afresh.
    if ((!reading && state !== 'paused') || (started && !this.#offscreen)) this.#dismissed = false;
    if (!reading && state !== 'paused') this.#invited = false;
    const kept = this.#wanted || this.#invited;
    this.#wanted = this.#offscreen && !this.#dismissed && (reading || (state === 'paused' && kept));
    const visible = this.#wanted && !this.#concealed && this.#barLoaded();
    if (visible === this.#visible) return;
    this.#visible = visible;
    this.#host.requestUpdate();
  }

  /** Whether the bar's module is there; if not, loads it (once at a time) and shows the bar when it arrives. */
  #barLoaded(): boolean {
    if (this.#bar) return true;
    if (this.#loadingBar) return false;
    this.#loadingBar = true;
    import('./mini-player-bar.js').then(
      (bar) => {
        this.#bar = bar;
        const root = this.#host.shadowRoot;
        if (root) addStyles(root, bar.miniPlayerStyles);
        this.#sync(this.#options.playback.store.snapshot);
      },
      // Offline, or the file blocked: the player reads on without the bar, and tries again the next time it is to show.
      () => (this.#loadingBar = false),
    );
    return false;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.dismiss();
  };

  /** The bar while it shows (see `mini-player-bar.ts`). */
  render(view: MiniPlayerView) {
    const bar = this.#bar;
    if (!this.#visible || !bar) return nothing;
    const { state, segmentIndex } = this.#options.playback.store.snapshot;
    return bar.renderMiniBar({
      ...view,
      reading: state === 'playing' || state === 'loading',
      segment: this.#options.playback.segments[segmentIndex],
      back: this.#options.follow.renderBackButton(view.strings, 'back-mini'),
      toggle: () => this.#options.toggle(),
      dismiss: this.#dismiss,
      onKeyDown: this.#onKeyDown,
    });
  }
}
