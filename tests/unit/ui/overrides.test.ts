/**
 * Strings a site supplies (`strings`, `strings-src`): known keys of the right kind are taken, templates fill
 * their placeholders, and everything else (unknown keys, `__proto__`, wrong types, unknown error codes) is left
 * out with a warning, never written onto an object or the prototype.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyOverrides, mergeStrings, validateStrings } from '../../../src/ui/overrides.js';
import { enShell } from '../../../src/ui/strings-shell.js';
import { en } from '../../../src/ui/strings.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function warnings(): string[][] {
  return vi.mocked(console.warn).mock.calls.map((call) => call.map(String));
}

describe('strings a site supplies', () => {
  it('takes known strings and fills templates by name', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const accepted = validateStrings(
      {
        lang: 'ca',
        label: 'Escolta aquest article',
        timeOf: '{elapsed} de {total}',
        resumeAt: 'Continua a {time}',
        higherQuality: (voice: string) => `${voice} (millor)`,
        errors: { 'audio-load': "No s'ha pogut carregar l'àudio." },
      },
      'strings',
    );
    const table = mergeStrings(en, accepted);
    expect(table.lang).toBe('ca');
    expect(table.label).toBe('Escolta aquest article');
    expect(table.play).toBe('Play');
    expect(table.timeOf('1 minut', '4 minuts')).toBe('1 minut de 4 minuts');
    expect(table.resumeAt('2:31')).toBe('Continua a 2:31');
    expect(table.higherQuality('Anna')).toBe('Anna (millor)');
    expect(table.errors['audio-load']).toBe("No s'ha pogut carregar l'àudio.");
    expect(table.errors['no-speech']).toBe(en.errors['no-speech']);
    expect(warnings()).toEqual([]);
  });

  it('leaves out unknown keys, __proto__ and values of the wrong kind, each with a warning', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const source = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": "x", "playy": "Jouer", "play": 3, "dir": "up", "lang": "not a tag!",' +
        ' "label": "  ", "units": {}, "errors": {"nope": "x", "audio-load": 5, "__proto__": "y"}, "pause": "Pause!"}',
    ) as unknown;
    const table = mergeStrings(en, validateStrings(source, 'strings-src /s.json'));
    expect(table.pause).toBe('Pause!');
    expect(table.play).toBe(en.play);
    expect(table.dir).toBe('ltr');
    expect(table.lang).toBe('en');
    expect(table.label).toBe(en.label);
    expect(table.errors).toEqual(en.errors);
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(table.errors)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const said = warnings().map(([message]) => message);
    for (const word of ['"__proto__"', '"constructor"', '"playy"', '"play"', '"dir"', '"lang"', '"label"', '"units"', '"nope"', '"audio-load"']) {
      expect(said.some((message) => message.includes(word)), word).toBe(true);
    }
    expect(said.every((message) => message.startsWith('listen-player: strings-src /s.json'))).toBe(true);
  });

  it('takes nothing from what is not an object of strings', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const source of [null, 'Play', ['Play'], 42]) expect(validateStrings(source, 'strings').size).toBe(0);
    expect(warnings()).toHaveLength(4);
  });

  it('applies the property over the whole table the player chose, warning once about a bad one however often it renders', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const changed = vi.fn();
    const given = { play: 'Start', nope: 'x' };
    for (let render = 0; render < 3; render++) {
      const { strings, locale } = applyOverrides({ strings: enShell, locale: 'en-GB' }, { strings: given }, changed);
      expect(strings.play).toBe('Start');
      expect('speechFallback' in strings).toBe(true);
      expect(locale).toBe('en-GB');
    }
    for (let render = 0; render < 3; render++) {
      const { strings } = applyOverrides({ strings: enShell, locale: 'en' }, { strings: 'Play' as never }, changed);
      expect(strings.play).toBe('Play');
    }
    expect(warnings()).toHaveLength(2);
    expect(changed).not.toHaveBeenCalled();
  });
});
