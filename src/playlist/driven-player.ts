/**
 * The player a playlist drives: a `<listen-player>` made for each article, reading the article's copy in the
 * playlist's shadow root, with the playlist's tracks for the system's media controls; and what its states mean
 * for the article's item. Apart from the element (listen-playlist.ts), which plays the queue (queue.ts): this is
 * what the playlist sets on the player and reads from it.
 */
import { MEDIA_TRACKS, type MediaTracks } from '../player/media-tracks.js';
import type { PlayerState } from '../player/store.js';
import type { ListenPlayer } from '../ui/listen-player.js';
import type { PlaylistItemState } from './items.js';
import type { LoadedArticle } from './load-article.js';

/** The id of the current article's copy in the playlist's shadow root, which its player reads (`for`). */
export const ARTICLE_ID = 'listen-playlist-article';
/** The player's events, heard from the player the playlist drives and kept inside the playlist. */
export const PLAYER_EVENTS = ['listen-statechange', 'listen-segmentchange', 'listen-wordchange', 'listen-error', 'listen-enginechange', 'listen-ended', 'listen-progress'];
/** What the player's state makes of the current item. */
export const ITEM_STATES: Record<PlayerState, PlaylistItemState> = {
  idle: 'ready',
  loading: 'loading',
  playing: 'playing',
  paused: 'paused',
  ended: 'played',
  error: 'ready',
};

/** The current article (the queue's current one): its copy, and the player reading it. */
export interface Current {
  readonly article: Element;
  readonly player: ListenPlayer;
}

/** What the player's previous and next track buttons move through: the playlist's articles. */
export interface Tracks {
  previous(): void;
  next(): void;
}

/**
 * A player for `loaded`, its previous and next tracks the playlist's. `follow`: the reader opened the article's
 * text; following the paragraph read scrolls the page only to the text the reader opened.
 */
export function makePlayer(doc: Document, loaded: LoadedArticle, playlist: Tracks, follow: boolean): ListenPlayer {
  const player = doc.createElement('listen-player');
  player.setAttribute('for', ARTICLE_ID);
  if (loaded.src) player.setAttribute('src', loaded.src);
  if (loaded.lexicon) player.setAttribute('lexicon', loaded.lexicon);
  player.noFollow = !follow;
  const tracks: MediaTracks = { title: loaded.title, previous: () => playlist.previous(), next: () => playlist.next() };
  Object.assign(player, { [MEDIA_TRACKS]: tracks });
  return player;
}
