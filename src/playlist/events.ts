/** The playlist's DOM events: all bubble and cross shadow roots (`composed`), as the player's do. */
import type { ListenStateChangeDetail } from '../player/events.js';
import type { ListenPlaylistErrorCode } from './fetch-page.js';

export interface ListenItemChangeDetail {
  /** Index into `playlist.items` of the article that is now the current one. */
  readonly index: number;
}

export interface ListenPlaylistErrorDetail {
  /** `item-load`: the article's page could not be fetched (another origin, the network, HTTP); `no-article`: it has nothing to read. */
  readonly code: ListenPlaylistErrorCode;
  readonly message: string;
  /** Index into `playlist.items` of the article skipped. */
  readonly index: number;
}

/**
 * The playlist's events by name. `listen-statechange` and `listen-ended` share their names with the player's
 * (`listen-ended` here: the end of the queue); `listen-error` has this detail on a playlist, so a listener on
 * one is typed with this map (`ListenPlaylistEventMap['listen-error']`). The player the playlist drives keeps
 * its own events inside the playlist.
 */
export interface ListenPlaylistEventMap {
  'listen-itemchange': CustomEvent<ListenItemChangeDetail>;
  'listen-statechange': CustomEvent<ListenStateChangeDetail>;
  'listen-error': CustomEvent<ListenPlaylistErrorDetail>;
  'listen-ended': CustomEvent<Record<string, never>>;
}

declare global {
  interface HTMLElementEventMap {
    'listen-itemchange': CustomEvent<ListenItemChangeDetail>;
  }
  interface DocumentEventMap {
    'listen-itemchange': CustomEvent<ListenItemChangeDetail>;
  }
  interface WindowEventMap {
    'listen-itemchange': CustomEvent<ListenItemChangeDetail>;
  }
}
