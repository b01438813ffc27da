/**
 * Keeps keyboard focus where the reader can see it while the player moves the page, and makes the mini player
 * reachable and dismissible from anywhere (WCAG 2.4.7, 2.4.11, 2.1.1):
 *
 * - After a scroll leaves the focused control of the inline player off-screen (following the paragraph, "Back to
 *   the current paragraph", "Start over"), focus moves to the mini player's play/pause button, which does the
 *   same job and is in view. Focus moves once; the screen reader says the button and its region once.
 * - Alt+Shift+P, anywhere on the page, focuses the mini player (or, without it, the inline play button of the
 *   player that is reading).
 * - Escape, anywhere on the page outside a dialog or a text field, closes the mini player.
 * - A page control that receives focus under the mini player hides the bar until focus moves on.
 *
 * Cheap: one rectangle read per scroll end and per focus change on the page; nothing per frame or per render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaybackController } from '../player/playback.js';
import type { MiniPlayerController } from './mini-player.js';

export interface FocusKeeperOptions {
  readonly playback: Pick<PlaybackController, 'store'>;
  readonly mini: MiniPlayerController;
}

/** The key (with Alt+Shift) that focuses the mini player: `KeyboardEvent.code`, the same on every layout. */
const FOCUS_MINI_CODE = 'KeyP';

export class FocusKeeper implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: FocusKeeperOptions;
  #listeners: AbortController | null = null;
  #miniWasVisible = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FocusKeeperOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const signal = (this.#listeners = new AbortController()).signal;
    const view = this.#host.ownerDocument.defaultView ?? window;
    // Capturing: `scrollend` does not bubble, and a scrolling box holding the article ends its scrolls too.
    view.addEventListener('scrollend', this.#keepInView, { capture: true, passive: true, signal });
    // Bubbling, after the page's own handlers: a page dialog that handles Escape prevents its default.
    view.addEventListener('keydown', this.#onKeyDown, { signal });
    view.addEventListener('focusin', this.#onFocusIn, { signal });
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = null;
    this.#miniWasVisible = false;
  }

  /** The mini player just appeared (its observer may report after the scroll ended): the same check. */
  hostUpdated(): void {
    const visible = this.#options.mini.visible;
    const appeared = visible && !this.#miniWasVisible;
    this.#miniWasVisible = visible;
    if (appeared) this.#keepInView();
  }

  /** The control focused in the inline player (not the mini player), or null. */
  inlineFocus(): HTMLElement | null {
    const focused = this.#host.shadowRoot?.activeElement;
    return focused instanceof HTMLElement && !focused.closest('.mini') ? focused : null;
  }

  readonly #keepInView = (): void => {
    const focused = this.inlineFocus();
    if (!focused || !this.#options.mini.visible || onScreen(focused)) return;
    this.#miniPlay()?.focus({ preventScroll: true });
  };

  #miniPlay(): HTMLElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('.mini-play') ?? null;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' && !event.altKey && !event.shiftKey) {
      if (!this.#options.mini.visible || !closesFrom(event)) return;
      this.#options.mini.dismiss();
      return;
    }
    if (event.code !== FOCUS_MINI_CODE || !event.altKey || !event.shiftKey || event.repeat) return;
    const mini = this.#options.mini;
    if (mini.wanted) {
      // Stepping aside for the page's focus, it comes back for the reader who asks for it.
      event.preventDefault();
      mini.conceal(false);
      void this.#host.updateComplete.then(() => this.#miniPlay()?.focus({ preventScroll: true }));
      return;
    }
    const target = this.#readingPlayButton();
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  /** The inline play button while this player reads or is paused mid-article (one player reads at a time). */
  #readingPlayButton(): HTMLElement | null {
    const { state } = this.#options.playback.store.snapshot;
    if (state !== 'playing' && state !== 'loading' && state !== 'paused') return null;
    return this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="play-button"]') ?? null;
  }

  /** Focus on the page (not in the player) under the mini player: the bar steps aside until focus moves on. */
  readonly #onFocusIn = (event: FocusEvent): void => {
    const mini = this.#options.mini;
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || event.composedPath().includes(this.#host)) {
      mini.conceal(false);
      return;
    }
    const bar = mini.lastBox;
    mini.conceal(bar !== null && overlaps(target.getBoundingClientRect(), bar));
  };
}

/** Wholly inside the viewport. */
function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView ?? window;
  return box.top >= 0 && box.left >= 0 && box.bottom <= view.innerHeight && box.right <= view.innerWidth;
}

function overlaps(a: DOMRectReadOnly, b: DOMRectReadOnly): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width * a.height > 0;
}

/** Escape on the page closes the mini player unless it belongs to a field (clearing it) or a dialog (closing it). */
function closesFrom(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return true;
  if (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return false;
  return !target.closest('dialog, [role="dialog"], [role="alertdialog"], [popover]');
}
