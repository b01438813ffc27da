/**
 * Every table looked up by a string from the page, storage or the command line, walked with the keys an
 * ordinary object already has (`constructor`, `__proto__`, `toString`, `hasOwnProperty`): each is no entry,
 * never an inherited function or the prototype.
 */
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/import/media.js';
import {
  STORAGE_VERSION,
  loadPosition,
  loadPreferences,
  rememberedVoice,
  safeStorage,
  savePreferences,
  type KeyValueStorage,
  voiceLanguage,
} from '../../src/player/persistence.js';
import { PREFERENCES_KEY } from '../../src/player/storage-keys.js';
import { loadStrings, resolveLanguage, stringsFor, uiLocale } from '../../src/ui/languages.js';
import { enShell } from '../../src/ui/strings-shell.js';

const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function memory(items: Record<string, string> = {}): KeyValueStorage & { items: Map<string, string> } {
  const map = new Map(Object.entries(items));
  return {
    items: map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

describe.each(KEYS)('the key %j', (key) => {
  it('is no UI language: no table is loaded, English is spoken', async () => {
    await expect(loadStrings(key)).resolves.toBeUndefined();
    await expect(loadStrings(`${key}-GB`)).resolves.toBeUndefined();
    expect(stringsFor(key)).toBe(enShell);
    expect(uiLocale(key)).toBe('en');
    expect(resolveLanguage(key, `${key}-x`).strings).toBe(enShell);
  });

  it('is no remembered voice, unless one was saved under it', () => {
    const empty = safeStorage(() => memory());
    expect(rememberedVoice(loadPreferences(empty), key)).toBeUndefined();
    const poisoned = safeStorage(() =>
      memory({ [PREFERENCES_KEY]: `{"version":${STORAGE_VERSION},"voices":{"en":"Daniel","${voiceLanguage(key)}":{"x":1}}}` }),
    );
    expect(rememberedVoice(loadPreferences(poisoned), key)).toBeUndefined();
    expect(rememberedVoice(loadPreferences(poisoned), 'en')).toBe('Daniel');
  });

  it('keeps a voice saved under it as a plain entry, beside the others', () => {
    const backing = memory();
    const storage = safeStorage(() => backing);
    savePreferences(storage, { voices: { en: 'Daniel' } });
    savePreferences(storage, { voices: { [voiceLanguage(key)]: 'Anna' } }); // as the player saves it
    const preferences = loadPreferences(storage);
    expect(rememberedVoice(preferences, key)).toBe('Anna');
    expect(rememberedVoice(preferences, `${key}-AT`)).toBe('Anna');
    expect(rememberedVoice(preferences, 'en')).toBe('Daniel');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // nothing was polluted
    expect(({} as Record<string, unknown>)['Anna']).toBeUndefined();
  });

  it('is no saved article position', () => {
    expect(loadPosition(safeStorage(() => memory()), key)).toBeNull();
  });

  it('is no audio type as a file extension', () => {
    expect(() => probeAudio(`narration.${key}`)).toThrow(/is not an audio format the player knows/);
  });
});
