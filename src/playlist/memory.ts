/**
 * Where the reader is in a playlist, remembered as the player remembers its place in an article
 * (`localStorage`, through `safeStorage`: never required, never throwing). The place in the article itself
 * is the player's own (resume.ts), kept per article by its text.
 */
import { readRecord, safeStorage, STORAGE_VERSION, type SafeStorage } from '../player/persistence.js';

export const PLAYLISTS_KEY = 'listen-player:playlists';
/** Playlists remembered at most; the least recently used are forgotten first. */
const MAX_PLAYLISTS = 20;

/** A playlist is known by its articles, in order. */
export function playlistKey(hrefs: readonly string[]): string {
  return hrefs.join('\n');
}

function read(storage: SafeStorage): Map<string, number> {
  const places = new Map<string, number>();
  const lists = readRecord(storage, PLAYLISTS_KEY)?.['lists'];
  if (!Array.isArray(lists)) return places;
  for (const entry of lists) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]) && entry[1] >= 0) places.set(entry[0], entry[1]);
  }
  return places;
}

function write(storage: SafeStorage, places: Map<string, number>): void {
  const lists = [...places].slice(-MAX_PLAYLISTS);
  if (lists.length) storage.set(PLAYLISTS_KEY, JSON.stringify({ version: STORAGE_VERSION, lists }));
  else storage.remove(PLAYLISTS_KEY);
}

/** The index of the article the reader was at in the playlist `key`, or null. */
export function loadPlace(key: string, storage: SafeStorage = safeStorage()): number | null {
  return read(storage).get(key) ?? null;
}

/** Remembers `index` for the playlist `key`; null forgets it (the queue was listened to the end). */
export function savePlace(key: string, index: number | null, storage: SafeStorage = safeStorage()): void {
  const places = read(storage);
  places.delete(key);
  if (index !== null) places.set(key, index);
  write(storage, places);
}
