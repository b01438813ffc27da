import { beforeAll, describe, expect, it } from 'vitest';
import { Espeak, pickVoice } from '../../../src/render/espeak.js';

describe('pickVoice', () => {
  const voices = [
    { name: 'English (America)', identifier: 'gmw/en-US', languages: [{ priority: 2, name: 'en-us' }, { priority: 3, name: 'en' }] },
    { name: 'English (Great Britain)', identifier: 'gmw/en', languages: [{ priority: 2, name: 'en-gb' }, { priority: 2, name: 'en' }] },
    { name: 'English (Received Pronunciation)', identifier: 'gmw/en-GB-x-rp', languages: [{ priority: 4, name: 'en-gb' }] },
    { name: 'French (France)', identifier: 'roa/fr', languages: [{ priority: 5, name: 'fr-fr' }, { priority: 5, name: 'fr' }] },
  ];

  it.each([
    ['en-gb', 'gmw/en'],
    ['en-GB', 'gmw/en'],
    ['en', 'gmw/en'], // priority 2 beats 3
    ['en-us', 'gmw/en-US'],
    ['gmw/en-GB-x-rp', 'gmw/en-GB-x-rp'],
    ['English (America)', 'gmw/en-US'],
    ['fr-CA', 'roa/fr'], // no fr-ca: its primary language
    ['en-AU', 'gmw/en'],
  ])('%s → %s', (wanted, identifier) => {
    expect(pickVoice(voices, wanted)?.identifier).toBe(identifier);
  });

  it('finds nothing for an unknown language or an empty name', () => {
    expect(pickVoice(voices, 'xx-yy')).toBeUndefined();
    expect(pickVoice(voices, ' ')).toBeUndefined();
  });
});

describe('Espeak', () => {
  let espeak: Espeak;
  beforeAll(async () => {
    espeak = await Espeak.create();
  });

  it('speaks British English at 22 050 Hz and refuses voices it does not have', () => {
    expect(espeak.sampleRate).toBe(22_050);
    expect(espeak.setVoice('en-gb').name).toBe('English (Great Britain)');
    expect(() => espeak.setVoice('xx-nowhere')).toThrow(/no voice for "xx-nowhere"/);
  });

  it('places every word of non-ASCII text at its JS string offset, in order and inside the audio', () => {
    espeak.setVoice('en-gb');
    espeak.setRate(175);
    const text = '“It’s a relief,” said Ms O’Neill — naïve 😀 café owners & <b>friends</b> agreed.';
    const { pcm, words } = espeak.synthesize(text);
    expect(pcm.length).toBeGreaterThan(espeak.sampleRate * 2);
    const spoken = words.map((w) => text.slice(w.offset, w.offset + w.length));
    expect(spoken).toEqual(expect.arrayContaining(['It’s', 'relief', 'O’Neill', 'naïve', 'café', 'owners', '&', 'agreed']));
    expect(spoken.join(' ')).toMatch(/^It’s .*agreed$/);
    for (const [i, word] of words.entries()) {
      expect(word.end).toBeGreaterThan(word.start);
      expect(word.end).toBeLessThanOrEqual(pcm.length);
      if (i > 0) {
        expect(word.start).toBeGreaterThanOrEqual(words[i - 1]!.end);
        expect(word.offset).toBeGreaterThanOrEqual(words[i - 1]!.offset + words[i - 1]!.length);
      }
    }
  });

  it('reads markup-like text as text and speaks faster at a higher rate', () => {
    espeak.setVoice('en-gb');
    espeak.setRate(175);
    const text = 'Press <break time="5s"/> twice.';
    const normal = espeak.synthesize(text).pcm.length;
    // Were the tag obeyed there would be five seconds of silence.
    expect(normal).toBeLessThan(espeak.sampleRate * 4);
    espeak.setRate(350);
    const fast = espeak.synthesize(text).pcm.length;
    espeak.setRate(175);
    expect(fast).toBeLessThan(normal * 0.75);
  });
});
