/**
 * Helpers for the playlist's browser tests: short article pages to queue (tests/fixtures/playlist), mounting a
 * playlist, its controls in the shadow root, and waiting for its events and states.
 */
import { onTestFinished } from 'vitest';
import '../../../src/playlist.js';
import type { ListenPlaylistErrorDetail } from '../../../src/playlist/events.js';
import { PLAYLISTS_KEY } from '../../../src/playlist/memory.js';
import type { ListenPlaylist } from '../../../src/playlist/listen-playlist.js';
import type { PlayerState } from '../../../src/player/store.js';
import type { ListenPlayer } from '../../../src/ui/listen-player.js';
import { forgetRemembered, untilState } from './player.js';

export type { ListenPlaylist };

export const PAGES = '/tests/fixtures/playlist';

/** A playlist of `links` (`[href, title, extra attributes?]`) in a `<ul>`, inside `<main>`. */
export function playlistMarkup(links: readonly (readonly [string, string, string?])[], attributes = ''): string {
  const items = links.map(([href, title, extra = '']) => `<li><a href="${href}" ${extra}>${title}</a></li>`).join('');
  return `<main><h1>A story in three articles</h1><listen-playlist ${attributes}><ul>${items}</ul></listen-playlist></main>`;
}

/** The three fixture articles. */
export const THREE: readonly (readonly [string, string])[] = [
  [`${PAGES}/one.html`, 'One'],
  [`${PAGES}/two.html`, 'Two'],
  [`${PAGES}/three.html`, 'Three'],
];

export async function mountPlaylist(markup: string): Promise<ListenPlaylist> {
  document.body.innerHTML = markup;
  const playlist = document.querySelector('listen-playlist');
  if (!playlist) throw new Error('The markup has no <listen-playlist>.');
  onTestFinished(() => {
    document.body.replaceChildren();
    forgetPlaylists();
    forgetRemembered();
  });
  await playlist.updateComplete;
  return playlist;
}

function forgetPlaylists(): void {
  localStorage.removeItem(PLAYLISTS_KEY);
}

function part<T extends Element>(playlist: ListenPlaylist, name: string): T {
  const element = playlist.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!element) throw new Error(`No part ${name} in the playlist.`);
  return element;
}

export function playlistControls(playlist: ListenPlaylist) {
  return {
    play: part<HTMLButtonElement>(playlist, 'play-button'),
    previous: part<HTMLButtonElement>(playlist, 'previous-button'),
    next: part<HTMLButtonElement>(playlist, 'next-button'),
    status: part<HTMLElement>(playlist, 'status'),
    position: part<HTMLElement>(playlist, 'position'),
    items: [...playlist.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~="item"]')],
    itemButtons: [...playlist.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="item-button"]')],
  };
}

/** The player the playlist drives, once it has one. */
export function innerPlayer(playlist: ListenPlaylist): ListenPlayer | null {
  return playlist.shadowRoot!.querySelector('listen-player');
}

export interface PlaylistRecording {
  /** Every event of the playlist, in order: `item:1`, `state:playing`, `error:item-load@1`, `ended`. */
  readonly log: string[];
  readonly errors: ListenPlaylistErrorDetail[];
}

/** Records the playlist's events (heard on the document: they bubble) until the test finishes. */
export function recordPlaylist(playlist: ListenPlaylist): PlaylistRecording {
  const recording: PlaylistRecording = { log: [], errors: [] };
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  const options = { signal: stop.signal };
  const mine = (event: Event) => event.target === playlist;
  document.addEventListener('listen-itemchange', (event) => mine(event) && recording.log.push(`item:${event.detail.index}`), options);
  document.addEventListener('listen-statechange', (event) => mine(event) && recording.log.push(`state:${event.detail.state}`), options);
  document.addEventListener('listen-error', (event) => {
    if (!mine(event)) return;
    const detail = (event as unknown as CustomEvent<ListenPlaylistErrorDetail>).detail;
    recording.errors.push(detail);
    recording.log.push(`error:${detail.code}@${detail.index}`);
  }, options);
  document.addEventListener('listen-ended', (event) => mine(event) && recording.log.push('ended'), options);
  return recording;
}

/** Resolves when the playlist fires `type` (an event it has not fired yet). */
export function nextEvent(playlist: ListenPlaylist, type: string): Promise<Event> {
  return new Promise((resolve) => playlist.addEventListener(type, resolve, { once: true }));
}

/** Resolves when the playlist is in `state` (at once if it is) and has rendered it; rejects after `timeout` ms. */
export function untilPlaylistState(playlist: ListenPlaylist, state: PlayerState, timeout = 15_000): Promise<void> {
  return untilState(playlist, state, timeout);
}
