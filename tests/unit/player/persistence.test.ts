/**
 * The player's storage: a wrapper that never throws whatever `localStorage` does, versioned records, a bounded
 * number of remembered articles (least recently used forgotten first), and preferences merged field by field.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_ARTICLES,
  STORAGE_VERSION,
  type KeyValueStorage,
  type SavedPosition,
  clearPosition,
  loadPosition,
  loadPreferences,
  safeStorage,
  savePosition,
  savePreferences,
  voiceLanguage,
} from '../../../src/player/persistence.js';
import { POSITIONS_KEY, PREFERENCES_KEY } from '../../../src/player/storage-keys.js';

/** An in-memory `localStorage`, optionally with a quota on the total length of its values. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function position(savedAt: number, segment = 2): SavedPosition {
  return { segment, fraction: 0.5, time: 42.5, engine: 'speech', duration: 300, savedAt };
}

describe('safeStorage', () => {
  it('passes calls through to a working storage', () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    expect(storage.set('a', '1')).toBe(true);
    expect(storage.get('a')).toBe('1');
    storage.remove('a');
    expect(storage.get('a')).toBeNull();
  });

  it('never throws: a throwing getter (SecurityError), throwing calls, or no storage at all', () => {
    const securityError = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const throwing: KeyValueStorage = { getItem: securityError, setItem: securityError, removeItem: securityError };
    for (const source of [securityError, () => throwing, () => null, () => undefined]) {
      const storage = safeStorage(source);
      expect(storage.get('a')).toBeNull();
      expect(storage.set('a', '1')).toBe(false);
      expect(() => storage.remove('a')).not.toThrow();
      expect(loadPosition(storage, 'k')).toBeNull();
      expect(savePosition(storage, 'k', position(1))).toBe(false);
      expect(() => clearPosition(storage, 'k')).not.toThrow();
      expect(loadPreferences(storage)).toEqual({});
      expect(savePreferences(storage, { rate: 2 })).toBe(false);
    }
  });

  it('without a window (Node) has nothing to store in', () => {
    const storage = safeStorage();
    expect(storage.set('a', '1')).toBe(false);
    expect(storage.get('a')).toBeNull();
  });
});

describe('positions', () => {
  it('saves, loads and clears one article without touching the others', () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    savePosition(storage, 'text:a', position(1, 3));
    savePosition(storage, 'text:b', position(2, 4));
    expect(loadPosition(storage, 'text:a')).toEqual(position(1, 3));
    expect(JSON.parse(memory.getItem(POSITIONS_KEY)!).version).toBe(STORAGE_VERSION);
    clearPosition(storage, 'text:a');
    expect(loadPosition(storage, 'text:a')).toBeNull();
    expect(loadPosition(storage, 'text:b')).toEqual(position(2, 4));
    clearPosition(storage, 'text:b');
    expect(memory.getItem(POSITIONS_KEY)).toBeNull();
  });

  it(`keeps the ${MAX_ARTICLES} most recently used articles and forgets the oldest`, () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    for (let i = 0; i < MAX_ARTICLES + 10; i++) savePosition(storage, `text:${i}`, position(1000 + i));
    // Article 0 is read again: it becomes the most recent, and survives the next ones.
    savePosition(storage, 'text:0', position(5000));
    savePosition(storage, 'text:new', position(5001));
    const articles = Object.keys(JSON.parse(memory.getItem(POSITIONS_KEY)!).articles);
    expect(articles).toHaveLength(MAX_ARTICLES);
    expect(articles).toContain('text:0');
    expect(articles).toContain('text:new');
    expect(articles).not.toContain('text:1');
    expect(articles).not.toContain('text:11');
    expect(articles).toContain('text:12');
  });

  it('keeps fewer articles rather than none when the quota is full, the current one first', () => {
    const one = JSON.stringify({ version: STORAGE_VERSION, articles: { 'text:x': position(1) } }).length;
    const memory = new MemoryStorage(one * 6);
    const storage = safeStorage(() => memory);
    for (let i = 0; i < 20; i++) expect(savePosition(storage, `text:${i}`, position(i))).toBe(true);
    const articles = Object.keys(JSON.parse(memory.getItem(POSITIONS_KEY)!).articles);
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.length).toBeLessThan(20);
    expect(articles).toContain('text:19');
  });

  it('ignores a record of another version, unreadable JSON and invalid entries, and replaces them on write', () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    memory.setItem(POSITIONS_KEY, JSON.stringify({ version: STORAGE_VERSION + 1, articles: { 'text:a': position(1) } }));
    expect(loadPosition(storage, 'text:a')).toBeNull();
    memory.setItem(POSITIONS_KEY, '{"version":1,"articles":');
    expect(loadPosition(storage, 'text:a')).toBeNull();
    const invalid = [
      { ...position(1), segment: -1 },
      { ...position(1), segment: 1.5 },
      { ...position(1), fraction: 2 },
      { ...position(1), time: 'soon' },
      { ...position(1), engine: 'video' },
      { ...position(1), hash: 12 },
      null,
      [1, 2],
    ];
    memory.setItem(
      POSITIONS_KEY,
      JSON.stringify({ version: STORAGE_VERSION, articles: { ...invalid.map((entry) => entry), 'text:ok': position(1) } }),
    );
    for (let i = 0; i < invalid.length; i++) expect(loadPosition(storage, String(i))).toBeNull();
    expect(loadPosition(storage, 'text:ok')).toEqual(position(1));
    savePosition(storage, 'text:b', position(2));
    const record = JSON.parse(memory.getItem(POSITIONS_KEY)!);
    expect(Object.keys(record.articles).sort()).toEqual(['text:b', 'text:ok']);
  });
});

describe('preferences', () => {
  it('merges the speed and the voice per language, keeping what was not changed', () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    expect(loadPreferences(storage)).toEqual({});
    savePreferences(storage, { rate: 1.5 });
    savePreferences(storage, { voices: { en: 'English (America)' } });
    savePreferences(storage, { voices: { de: 'German' } });
    expect(loadPreferences(storage)).toEqual({ rate: 1.5, voices: { en: 'English (America)', de: 'German' } });
    savePreferences(storage, { rate: 2, voices: { en: 'English (Great Britain)' } });
    expect(loadPreferences(storage)).toEqual({ rate: 2, voices: { en: 'English (Great Britain)', de: 'German' } });
    expect(JSON.parse(memory.getItem(PREFERENCES_KEY)!).version).toBe(STORAGE_VERSION);
  });

  it('drops a speed out of range and voices that are not names, and ignores another version', () => {
    const memory = new MemoryStorage();
    const storage = safeStorage(() => memory);
    memory.setItem(PREFERENCES_KEY, JSON.stringify({ version: STORAGE_VERSION, rate: 12, voices: { en: 3, de: 'German', fr: '' } }));
    expect(loadPreferences(storage)).toEqual({ rate: undefined, voices: { de: 'German' } });
    memory.setItem(PREFERENCES_KEY, JSON.stringify({ version: 0, rate: 2 }));
    expect(loadPreferences(storage)).toEqual({});
  });

  it('remembers a voice under the primary language subtag', () => {
    expect(voiceLanguage('en-GB')).toBe('en');
    expect(voiceLanguage('EN_us')).toBe('en');
    expect(voiceLanguage('zh-Hant-TW')).toBe('zh');
    expect(voiceLanguage('')).toBe('');
  });
});
