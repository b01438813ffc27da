/**
 * One player at a time: a player that starts (loading or playing) pauses every other player of the page.
 *
 * The protocol is a DOM event, so that it holds between players of two copies of this code on one page (a
 * site that bundles Listen and also loads the standalone script; two module instances share no variable):
 *
 * - When a player starts, it dispatches `listen-exclusive` on its `ownerDocument`, a `CustomEvent` whose
 *   `detail.player` is the player element. It neither bubbles nor is composed: the document is the target,
 *   so players inside shadow roots hear it as well as any other, and nothing runs through the host page's
 *   element tree.
 * - Every connected player listens on its own `ownerDocument`; on an event whose `detail.player` is not
 *   itself, it pauses if it is loading or playing (pausing keeps its place, so it can be resumed), and lets go
 *   of the system's media controls (media-session.ts), which the player that started claims next.
 * - Hosts may listen too (to pause their own media), and may dispatch it themselves (with their own element
 *   as `detail.player`, or no detail) to pause every player — when their video starts, for example.
 *
 * The name and the detail's shape are the whole contract between copies: change them only compatibly.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaybackController } from './playback.js';
import type { PlayerSnapshot, PlayerState } from './store.js';

/** The event a player dispatches on its document when it starts; every other player pauses. */
export const EXCLUSIVE_EVENT = 'listen-exclusive';

export interface ListenExclusiveDetail {
  /** The element that started: a player, or a host's own media. */
  readonly player: Element;
}

export class ExclusiveController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  #unsubscribe: (() => void) | null = null;
  #stopListening: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopListening = onOtherStart(this.#host, () => {
      if (isActive(this.#playback.snapshot.state)) this.#playback.pause();
    });
    this.#unsubscribe = this.#playback.store.subscribe((next, previous) => this.#onChange(next, previous));
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#stopListening = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #onChange(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    // On the way in only (idle, paused, ended or error → loading or playing): buffering mid-play (playing →
    // loading) is the same listen, and the others are already paused.
    if (!isActive(next.state) || isActive(previous.state)) return;
    const detail: ListenExclusiveDetail = { player: this.#host };
    // Synchronous: the others have paused (and cancelled their own speech) before this player's engine speaks
    // or plays, so the page's one speech queue never holds two players' utterances.
    this.#host.ownerDocument.dispatchEvent(new CustomEvent(EXCLUSIVE_EVENT, { detail }));
  }
}

/**
 * Calls `onOther` whenever something other than `host` starts on `host`'s document (another player, of this
 * copy of the code or another, or the page's own media); returns the removal of the listener.
 */
export function onOtherStart(host: Element, onOther: () => void): () => void {
  const doc = host.ownerDocument;
  const listener = (event: Event): void => {
    // Read without `instanceof` on our own types: the event may come from another copy of this code.
    const detail: unknown = event instanceof CustomEvent ? event.detail : null;
    const from = detail && typeof detail === 'object' && 'player' in detail ? detail.player : null;
    if (from === host) return;
    try {
      onOther();
    } catch {
      // Never into the page: an exception in a listener would surface as an uncaught error of the host's.
    }
  };
  doc.addEventListener(EXCLUSIVE_EVENT, listener);
  // The document listened on is the one of the connection: a player moved to another one reconnects.
  return () => doc.removeEventListener(EXCLUSIVE_EVENT, listener);
}

function isActive(state: PlayerState): boolean {
  return state === 'playing' || state === 'loading';
}

declare global {
  interface DocumentEventMap {
    'listen-exclusive': CustomEvent<ListenExclusiveDetail>;
  }
}

declare global {
  interface DocumentEventMap {
    [EXCLUSIVE_EVENT]: CustomEvent<ListenExclusiveDetail>;
  }
}
