/** Where the player keeps what it remembers (`persistence.ts`), apart so the element can ask cheaply. */
export const POSITIONS_KEY = 'listen-player:positions';
export const PREFERENCES_KEY = 'listen-player:preferences';

/**
 * Whether this browser has anything of the player's stored: a place in an article, a rate or a voice. Any
 * failure (storage blocked, no window) counts as nothing.
 */
export function hasStoredState(): boolean {
  try {
    const storage = window.localStorage;
    return storage.getItem(POSITIONS_KEY) !== null || storage.getItem(PREFERENCES_KEY) !== null;
  } catch {
    return false;
  }
}
