/** Where the player keeps what it remembers (`persistence.ts`), apart so the element can ask cheaply. */
export const POSITIONS_KEY = 'listen-player:positions';
export const PREFERENCES_KEY = 'listen-player:preferences';
/** In `sessionStorage`: "Up next" chose this page, whose player goes on reading when it loads (see `up-next.ts`). */
export const CONTINUE_KEY = 'listen-player:continue';

/**
 * Whether this browser has anything of the player's stored: a place in an article, a rate or a voice, or
 * "Up next" continuing here. Any failure (storage blocked, no window) counts as nothing.
 */
export function hasStoredState(): boolean {
  try {
    const storage = window.localStorage;
    return storage.getItem(POSITIONS_KEY) !== null || storage.getItem(PREFERENCES_KEY) !== null || sessionStorage.getItem(CONTINUE_KEY) !== null;
  } catch {
    return false;
  }
}
