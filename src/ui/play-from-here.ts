/**
 * Play from anywhere in the article, without adding anything to the host's page:
 *
 * - While the player is playing, a click on a paragraph reads from that paragraph; while it is paused, the
 *   click moves the place there (highlighted) and play starts from it. Before the first play and after the
 *   end a click does nothing: reading a page must not start sound by surprise.
 * - A click that is part of something else is left alone: on a link, button or form control; a drag; the
 *   clicks of a double or triple click (selecting a word or paragraph); a click that leaves a selection;
 *   one with a modifier key; one the page has already handled (`defaultPrevented`). It never prevents the
 *   default, so links and selection behave exactly as without the player.
 * - With text selected in the article, play starts at the paragraph where the selection starts (once per
 *   selection: pausing and playing again later does not jump back to it).
 *
 * The keyboard way to every paragraph is the player's paragraph list (`play-from-here-list.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentOf, segmentOfRange } from '../article/locate.js';
import type { PlaybackController } from '../player/playback.js';
import type { StartPoint } from '../player/starts.js';

/**
 * How long a click waits for a second click before acting, in ms: the first click of a double click
 * (selecting a word) must not move the reading. Short enough not to feel late.
 */
export const CLICK_DELAY_MS = 300;
/** A pointer that moved further than this (px) between press and click was dragging, not clicking. */
const DRAG_DISTANCE = 6;
/** Inside these, a click belongs to the control, not to the paragraph. */
const INTERACTIVE =
  'a[href], area, button, input, select, textarea, label, summary, video, audio, iframe, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="slider"], [role="textbox"]';

interface Caret {
  readonly node: Node;
}

/** Chromium, Firefox and Safari 18+ have `caretPositionFromPoint`; older Safari and Chromium the `Range` one. */
function caretAt(doc: Document, x: number, y: number): Caret | null {
  const withPosition = doc as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer } : null;
  }
  return null;
}

/** The selection's place, to tell a new selection from one already used. */
type SelectionMark = readonly [Node | null, number, Node | null, number];

export class PlayFromHereController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  #doc: Document | null = null;
  #down: { readonly x: number; readonly y: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The selection play last started from; the same selection is not used twice. */
  #used: SelectionMark | null = null;
  /** The selection's paragraph when a press on the player began (a press may clear the selection). */
  #pressed = -1;
  #removeStart: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    const doc = this.#host.ownerDocument;
    this.#doc = doc;
    doc.addEventListener('pointerdown', this.#onPointerDown, { capture: true, passive: true });
    doc.addEventListener('click', this.#onClick);
    doc.addEventListener('selectionchange', this.#onSelectionChange);
    this.#removeStart = this.#playback.startFrom('selection', () => this.#fromSelection());
  }

  hostDisconnected(): void {
    const doc = this.#doc;
    doc?.removeEventListener('pointerdown', this.#onPointerDown, { capture: true });
    doc?.removeEventListener('click', this.#onClick);
    doc?.removeEventListener('selectionchange', this.#onSelectionChange);
    this.#removeStart?.();
    this.#removeStart = null;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#doc = null;
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#down = { x: event.clientX, y: event.clientY };
    this.#pressed = event.composedPath().includes(this.#host) ? this.#selectedSegment() : -1;
  };

  readonly #onSelectionChange = (): void => {
    // A selection that is gone may be made again, to the character, and then counts as new.
    if (this.#doc?.getSelection()?.isCollapsed !== false) this.#used = null;
  };

  readonly #onClick = (event: MouseEvent): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { state } = this.#playback.snapshot;
    if (state !== 'playing' && state !== 'loading' && state !== 'paused') return;
    if (event.defaultPrevented || event.button !== 0 || event.detail > 1) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const path = event.composedPath();
    if (path.includes(this.#host) || this.#hasSelection()) return;
    const down = this.#down;
    if (down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > DRAG_DISTANCE) return;
    const index = this.#segmentAt(event, path);
    if (index < 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A selection made meanwhile (the second click of a double click lands too late to cancel) wins.
      if (!this.#hasSelection()) this.#jump(index);
    }, CLICK_DELAY_MS);
  };

  /** The segment clicked, −1 when the click is outside every segment or on a control inside one. */
  #segmentAt(event: MouseEvent, path: readonly EventTarget[]): number {
    const segments = this.#playback.segments;
    const target = path[0];
    if (!(target instanceof Node)) return -1;
    const index = segmentOf(segments, target);
    if (index < 0) return -1;
    const container = segments[index]!.element;
    for (const node of path) {
      if (node === container) break;
      if (node instanceof Element && node.matches(INTERACTIVE)) return -1;
    }
    // Where a container's text is split around nested paragraphs, the caret tells which piece was hit.
    const caret = this.#doc ? caretAt(this.#doc, event.clientX, event.clientY) : null;
    const precise = caret ? segmentOf(segments, caret.node) : -1;
    return precise >= 0 && segments[precise]!.element === container ? precise : index;
  }

  #jump(index: number): void {
    const playback = this.#playback;
    const { state } = playback.snapshot;
    if (state === 'playing' || state === 'loading') {
      playback.playSegment(index);
    } else if (state === 'paused') {
      playback.seekToSegment(index);
    }
  }

  #hasSelection(): boolean {
    const selection = this.#doc?.getSelection();
    return !!selection && selection.rangeCount > 0 && !selection.isCollapsed;
  }

  /** The segment where the reader's selection starts, −1 without one in the article. */
  #selectedSegment(): number {
    const selection = this.#doc?.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return -1;
    return segmentOfRange(this.#playback.segments, selection.getRangeAt(0));
  }

  #mark(): SelectionMark | null {
    const selection = this.#doc?.getSelection();
    if (!selection || selection.isCollapsed) return null;
    return [selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset];
  }

  /** `play()` with a new selection in the article starts where it starts. */
  #fromSelection(): StartPoint | null {
    const { state } = this.#playback.snapshot;
    const pressed = this.#pressed;
    this.#pressed = -1;
    if (state === 'playing' || state === 'loading') return null;
    const mark = this.#mark();
    const used = this.#used;
    if (mark && used && mark.every((part, i) => part === used[i])) return null;
    const index = mark ? this.#selectedSegment() : pressed;
    if (index < 0) return null;
    this.#used = mark;
    return { segment: index };
  }
}
