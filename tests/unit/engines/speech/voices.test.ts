import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chooseVoice,
  langMatch,
  languageName,
  loadVoices,
  normaliseLang,
  rankVoices,
} from '../../../../src/engines/speech/voices.js';
import { FakeSpeechSynthesis, LINUX_CHROMIUM_VOICES, fakeVoice } from '../../../fakes/speech-synthesis.js';

function settled<T>(promise: Promise<T>): { done: boolean; value?: T } {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => {
    state.done = true;
    state.value = value;
  });
  return state;
}

function names(voices: readonly SpeechSynthesisVoice[]): string[] {
  return voices.map((voice) => voice.name);
}

describe('loadVoices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves at once with voices that are already there, setting no timer', async () => {
    const synth = new FakeSpeechSynthesis();
    const voices = loadVoices(synth.engineOptions().synth, 1000);
    expect(vi.getTimerCount()).toBe(0);
    expect(names(await voices)).toEqual(names(LINUX_CHROMIUM_VOICES));
  });

  it('resolves on voiceschanged, before the next poll', async () => {
    const synth = new FakeSpeechSynthesis({ voicesDelay: 300 });
    const removed = vi.spyOn(synth, 'removeEventListener');
    const result = settled(loadVoices(synth.engineOptions().synth, 5000, 250));
    await vi.advanceTimersByTimeAsync(299);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.done).toBe(true);
    expect(result.value).toHaveLength(LINUX_CHROMIUM_VOICES.length);
    expect(removed).toHaveBeenCalledWith('voiceschanged', expect.any(Function));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds voices by polling when voiceschanged never fires', async () => {
    const synth = new FakeSpeechSynthesis({ voicesDelay: 300, voicesChangedEvent: false });
    const result = settled(loadVoices(synth.engineOptions().synth, 5000, 250));
    await vi.advanceTimersByTimeAsync(499);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.done).toBe(true);
    expect(result.value).toHaveLength(LINUX_CHROMIUM_VOICES.length);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps waiting when voiceschanged fires with no voices yet', async () => {
    const synth = new FakeSpeechSynthesis({ voicesDelay: Infinity });
    const result = settled(loadVoices(synth.engineOptions().synth, 5000, 1000));
    await vi.advanceTimersByTimeAsync(100);
    synth.setVoices([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(result.done).toBe(false);
    synth.setVoices([fakeVoice({ name: 'UK', lang: 'en-GB' })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(result.done).toBe(true);
    expect(names(result.value ?? [])).toEqual(['UK']);
  });

  it('resolves with [] after the timeout when voices never come', async () => {
    const synth = new FakeSpeechSynthesis({ voicesDelay: Infinity });
    const result = settled(loadVoices(synth.engineOptions().synth, 1000, 250));
    await vi.advanceTimersByTimeAsync(999);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ done: true, value: [] });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('normaliseLang', () => {
  it('lower-cases, trims and uses hyphens', () => {
    expect(normaliseLang('en_GB')).toBe('en-gb');
    expect(normaliseLang('  EN-us ')).toBe('en-us');
    expect(normaliseLang('zh_Hant_TW')).toBe('zh-hant-tw');
    expect(normaliseLang('')).toBe('');
  });

  it('replaces deprecated codes (Android lists iw-IL and in-ID) and keeps a malformed tag as written', () => {
    expect(normaliseLang('iw-IL')).toBe('he-il');
    expect(normaliseLang('in_ID')).toBe('id-id');
    expect(normaliseLang('cmn-CN')).toBe('zh-cn');
    expect(normaliseLang('i-Klingon')).toBe('i-klingon');
  });
});

describe('langMatch', () => {
  it.each([
    ['en-GB', 'en-GB', 3],
    ['en_GB', 'en-gb', 3],
    ['en-GB-x-rp', 'en-GB', 2],
    ['en', 'en-GB', 2],
    ['en-GB', 'en', 2],
    ['en-US', 'en-GB', 1],
    ['af', 'en', 0],
    ['de-DE', 'en-GB', 0],
    ['', 'en', 0],
    ['en', '', 0],
  ])('voice %j for %j scores %i', (voice, lang, score) => {
    expect(langMatch(voice, lang)).toBe(score);
  });

  it('does not take a longer language code for a region family (enm, Middle English, is not en)', () => {
    expect(langMatch('enm', 'en')).toBe(0);
    // …while a three-letter code of the same language is that language.
    expect(langMatch('eng', 'en')).toBe(3);
  });

  it('matches old codes with new ones, and Norwegian (no) with Bokmål (nb), but not with Nynorsk', () => {
    expect(langMatch('iw-IL', 'he-IL')).toBe(3);
    expect(langMatch('he-IL', 'iw')).toBe(2);
    expect(langMatch('nb-NO', 'no')).toBe(1);
    expect(langMatch('nb', 'no-NO')).toBe(1);
    expect(langMatch('nn-NO', 'no')).toBe(0);
  });
});

describe('rankVoices', () => {
  const voices = [
    fakeVoice({ name: 'Afrikaans', lang: 'af', default: true }),
    fakeVoice({ name: 'US remote', lang: 'en-US', localService: false }),
    fakeVoice({ name: 'US local', lang: 'en-US' }),
    fakeVoice({ name: 'UK', lang: 'en-GB' }),
    fakeVoice({ name: 'UK RP', lang: 'en-GB-x-rp' }),
    fakeVoice({ name: 'Australian default', lang: 'en-AU', default: true }),
    fakeVoice({ name: 'US second', lang: 'en-US' }),
  ];

  it('orders exact locale, then region family, then the same language (a remote voice first there)', () => {
    expect(names(rankVoices(voices, 'en-GB'))).toEqual([
      'UK',
      'UK RP',
      'US remote',
      'Australian default',
      'US local',
      'US second',
    ]);
  });

  it('puts remote voices first among equal matches, then the default, then keeps the platform order', () => {
    expect(names(rankVoices(voices, 'en'))).toEqual([
      'US remote',
      'Australian default',
      'US local',
      'UK',
      'UK RP',
      'US second',
    ]);
  });

  it('offline, puts local voices first and the remote one last', () => {
    expect(names(rankVoices(voices, 'en', { online: false }))).toEqual([
      'Australian default',
      'US local',
      'UK',
      'UK RP',
      'US second',
      'US remote',
    ]);
  });

  it('leaves out voices of other languages, the Afrikaans default included', () => {
    expect(names(rankVoices(voices, 'en-US'))).not.toContain('Afrikaans');
    expect(rankVoices(voices, 'fr')).toEqual([]);
    expect(rankVoices(voices, '')).toEqual([]);
    expect(names(rankVoices(voices, 'af'))).toEqual(['Afrikaans']);
  });
});

describe('chooseVoice', () => {
  const voices = [
    fakeVoice({ name: 'Afrikaans', lang: 'af', default: true }),
    fakeVoice({ name: 'US', lang: 'en-US' }),
    fakeVoice({ name: 'UK', lang: 'en-GB', voiceURI: 'urn:voice:uk' }),
    fakeVoice({ name: 'German', lang: 'de-DE' }),
  ];

  it('picks the best voice for the language', () => {
    expect(chooseVoice(voices, 'en-GB')?.name).toBe('UK');
    expect(chooseVoice(voices, 'de')?.name).toBe('German');
  });

  it('never falls back to the platform default of another language', () => {
    expect(chooseVoice(voices, 'en')?.name).not.toBe('Afrikaans');
    expect(chooseVoice(voices, 'fr')).toBeNull();
    expect(chooseVoice([], 'en')).toBeNull();
  });

  it('honours a named voice by name or voiceURI, whatever its language', () => {
    expect(chooseVoice(voices, 'en-GB', 'German')?.name).toBe('German');
    expect(chooseVoice(voices, 'de', 'urn:voice:uk')?.name).toBe('UK');
  });

  it('ignores an unknown or empty name', () => {
    expect(chooseVoice(voices, 'en-GB', 'Nobody')?.name).toBe('UK');
    expect(chooseVoice(voices, 'en-GB', '')?.name).toBe('UK');
    expect(chooseVoice(voices, 'en-GB', null)?.name).toBe('UK');
  });
});

describe('languageName', () => {
  it('names the language in the given display language', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('fr', 'de')).toBe('Französisch');
    expect(languageName('de-AT', 'en')).toMatch(/German/);
  });

  it('returns the code itself when it cannot name it', () => {
    expect(languageName('not a language!', 'en')).toBe('not a language!');
    expect(languageName('fr', 'not a locale!')).toBe('fr');
  });
});
