/**
 * What the player remembers between visits, in `localStorage`: the position in each article (to offer
 * "Resume at 2:31") and the reader's speed and voice (for every article). Storage is a convenience, never a
 * requirement: private modes, full quotas, sandboxed iframes (`SecurityError` from the `localStorage` getter
 * itself) and corrupt or foreign values all degrade to "nothing remembered", and nothing here ever throws.
 *
 * Both records are versioned JSON under keys named after the element, so a future format can ignore (and
 * then overwrite) an older one instead of misreading it.
 */
import type { EngineKind } from '../engines/engine.js';
import { POSITIONS_KEY, PREFERENCES_KEY } from './storage-keys.js';

/** The three calls the player makes on `localStorage`. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage that cannot fail: reads give null and writes report `false` where the browser refuses. */
export interface SafeStorage {
  get(key: string): string | null;
  /** False when the value could not be stored (no storage, quota, security). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

/**
 * Wraps the storage `source()` returns, looked up on every call: reading `window.localStorage` can itself
 * throw (`SecurityError` in sandboxed iframes, or with site data blocked), and a page may replace it.
 */
export function safeStorage(source: () => KeyValueStorage | null | undefined = defaultStorage): SafeStorage {
  return {
    get(key) {
      try {
        const value = source()?.getItem(key);
        return typeof value === 'string' ? value : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        const storage = source();
        if (!storage) return false;
        storage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        source()?.removeItem(key);
      } catch {
        // Nothing to undo: what cannot be removed cannot be read back either.
      }
    },
  };
}

function defaultStorage(): KeyValueStorage | null {
  return typeof window === 'undefined' ? null : window.localStorage;
}

/** Version of both stored records; a record of another version is ignored and replaced on the next write. */
export const STORAGE_VERSION = 1;
/** Articles remembered at most; the least recently used are forgotten first. */
export const MAX_ARTICLES = 50;

/** Where the reader was in one article. */
export interface SavedPosition {
  /** Index of the segment being read. */
  readonly segment: number;
  /** How far into that segment, 0–1 of its length on the engine's timeline (survives a change of engine). */
  readonly fraction: number;
  /** Seconds on the engine's timeline (exact for audio, an estimate for speech). */
  readonly time: number;
  readonly engine: EngineKind;
  /** The timing manifest's hash, with pre-rendered audio that has one: `time` is exact only on that audio. */
  readonly hash?: string | undefined;
  /** Length of the engine's timeline then, in seconds. */
  readonly duration: number;
  /** When it was saved (ms since the epoch), for forgetting the least recently used. */
  readonly savedAt: number;
}

export interface Preferences {
  /** The reader's speed, 0.5–3. */
  readonly rate?: number | undefined;
  /** The reader's voice per language (primary subtag: `en`, `de`), since a voice speaks one language. */
  readonly voices?: Readonly<Record<string, string>> | undefined;
}

/** Reads a versioned JSON record; anything unreadable, of another version or of another shape is null. */
export function readRecord(storage: SafeStorage, key: string): Record<string, unknown> | null {
  const text = storage.get(key);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || value['version'] !== STORAGE_VERSION) return null;
    return value;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A stored position if it has every field, in range; else null (hand-edited, truncated, another program's). */
function toPosition(value: unknown): SavedPosition | null {
  if (!isObject(value)) return null;
  const { segment, fraction, time, engine, hash, duration, savedAt } = value;
  if (!isNumber(segment) || !Number.isInteger(segment) || segment < 0) return null;
  if (!isNumber(fraction) || fraction < 0 || fraction > 1) return null;
  if (!isNumber(time) || time < 0 || !isNumber(duration) || duration < 0 || !isNumber(savedAt)) return null;
  if (engine !== 'audio' && engine !== 'speech') return null;
  if (hash !== undefined && typeof hash !== 'string') return null;
  return { segment, fraction, time, engine, hash, duration, savedAt };
}

/** Every valid stored position, by article key. */
function readPositions(storage: SafeStorage): Map<string, SavedPosition> {
  const articles = readRecord(storage, POSITIONS_KEY)?.['articles'];
  const positions = new Map<string, SavedPosition>();
  if (!isObject(articles)) return positions;
  for (const [key, value] of Object.entries(articles)) {
    const position = toPosition(value);
    if (position) positions.set(key, position);
  }
  return positions;
}

/**
 * Writes the `limit` most recently saved positions. When the quota is full, fewer articles are kept rather
 * than none (halving until it fits), so the article being read is remembered as long as anything can be.
 */
function writePositions(storage: SafeStorage, positions: Map<string, SavedPosition>, limit = MAX_ARTICLES): boolean {
  let kept = [...positions].sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, limit);
  for (;;) {
    const record = { version: STORAGE_VERSION, articles: Object.fromEntries(kept) };
    if (storage.set(POSITIONS_KEY, JSON.stringify(record))) return true;
    if (kept.length <= 1) return false;
    kept = kept.slice(0, Math.ceil(kept.length / 2));
  }
}

/** The position saved for the article `key`, if any. */
export function loadPosition(storage: SafeStorage, key: string): SavedPosition | null {
  return readPositions(storage).get(key) ?? null;
}

/** Saves the position in article `key` (read, merged and written, so other tabs' articles are kept). */
export function savePosition(storage: SafeStorage, key: string, position: SavedPosition, limit = MAX_ARTICLES): boolean {
  const positions = readPositions(storage);
  positions.delete(key);
  positions.set(key, position);
  return writePositions(storage, positions, limit);
}

/** Forgets the position in article `key` (finished, or "Start over"). */
export function clearPosition(storage: SafeStorage, key: string): void {
  const positions = readPositions(storage);
  if (!positions.delete(key)) return;
  if (positions.size) writePositions(storage, positions);
  else storage.remove(POSITIONS_KEY);
}

/** The reader's remembered speed and voices; fields that are missing or invalid are left out. */
export function loadPreferences(storage: SafeStorage): Preferences {
  const record = readRecord(storage, PREFERENCES_KEY);
  if (!record) return {};
  const rate = isNumber(record['rate']) && record['rate'] >= 0.5 && record['rate'] <= 3 ? record['rate'] : undefined;
  // Keyed by language tags from storage and the page: no prototype, so `constructor` or `__proto__` is a plain key.
  const voices = Object.create(null) as Record<string, string>;
  if (isObject(record['voices'])) {
    for (const [lang, name] of Object.entries(record['voices'])) if (typeof name === 'string' && name) voices[lang] = name;
  }
  return { rate, voices };
}

/** Merges `change` into the remembered preferences. */
export function savePreferences(storage: SafeStorage, change: Preferences): boolean {
  const current = loadPreferences(storage);
  const voices = { ...current.voices, ...change.voices };
  const record = { version: STORAGE_VERSION, rate: change.rate ?? current.rate, voices };
  return storage.set(PREFERENCES_KEY, JSON.stringify(record));
}

/** The voice remembered for `lang`, if one is (own keys only: `constructor` is not a voice). */
export function rememberedVoice(preferences: Preferences, lang: string): string | undefined {
  const voices = preferences.voices;
  const key = voiceLanguage(lang);
  return voices && Object.hasOwn(voices, key) ? voices[key] : undefined;
}

/** The key a voice is remembered under: the language's primary subtag (`en-GB` → `en`). */
export function voiceLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
