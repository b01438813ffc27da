import { describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../src/article/segment.js';
import { LanguageVoices } from '../../../../src/engines/speech/language-voices.js';
import { LINUX_CHROMIUM_VOICES, fakeVoice } from '../../../fakes/speech-synthesis.js';
import { setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';

const FRENCH = fakeVoice({ name: 'French (France)', lang: 'fr-FR' });
const WITH_FRENCH = [...LINUX_CHROMIUM_VOICES, FRENCH];
const byName = (name: string) => WITH_FRENCH.find((voice) => voice.name === name)!;

const element = {} as Element;
const ARTICLE: Segment[] = [
  { text: 'An English paragraph.', lang: 'en-GB', element },
  { text: 'Un paragraphe en français.', lang: 'fr', element },
  { text: 'Another English one.', lang: 'en-GB', element },
  { text: 'One more in American English.', lang: 'en-US', element },
];

useFakeClock();

describe('LanguageVoices', () => {
  it('keeps the article’s voice for its language and its regions, and picks the best voice for another', () => {
    const voices = new LanguageVoices();
    const british = byName('English (Great Britain)');
    voices.reset(WITH_FRENCH, 'en-GB');
    expect(voices.voiceFor('en-GB', british)).toBe(british);
    expect(voices.voiceFor('en-US', british)).toBe(british);
    expect(voices.voiceFor('', british)).toBe(british);
    expect(voices.voiceFor('fr', british)).toBe(FRENCH);
    expect(voices.voiceFor('de-AT', british)?.name).toBe('German');
  });

  it('falls back to the article’s voice for a language the device cannot speak', () => {
    const voices = new LanguageVoices();
    const british = byName('English (Great Britain)');
    voices.reset(LINUX_CHROMIUM_VOICES, 'en-GB');
    expect(voices.voiceFor('fr', british)).toBe(british);
  });

  it('keeps the article’s voice for the page’s language when the player’s lang corrects it', () => {
    // <html lang="en"> on a French article whose player says lang="fr": the segments say "en".
    const voices = new LanguageVoices();
    voices.reset(WITH_FRENCH, 'fr', ['en', 'en', 'en', 'de']);
    expect(voices.voiceFor('en', FRENCH)).toBe(FRENCH);
    expect(voices.voiceFor('de', FRENCH)?.name).toBe('German');
  });
});

describe('SpeechEngine: a voice per chunk language', () => {
  async function speakAll(voices: readonly SpeechSynthesisVoice[], voice?: string) {
    const { synth, engine, errors } = setupSpeech({ voices, charsPerSecond: 1000 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1, voice });
    engine.play();
    await vi.advanceTimersByTimeAsync(5000);
    expect(errors()).toEqual([]);
    return synth.log.map((entry) => [entry.text, entry.voice?.name, entry.lang]);
  }

  it('speaks a French paragraph of an English article with a French voice, and the rest with the English one', async () => {
    expect(await speakAll(WITH_FRENCH)).toEqual([
      ['An English paragraph.', 'English (Great Britain)', 'en-GB'],
      ['Un paragraphe en français.', 'French (France)', 'fr-FR'],
      ['Another English one.', 'English (Great Britain)', 'en-GB'],
      ['One more in American English.', 'English (Great Britain)', 'en-GB'],
    ]);
  });

  it('speaks it with the English voice where the device has no French one', async () => {
    const log = await speakAll(LINUX_CHROMIUM_VOICES);
    expect(log.map(([, voice]) => voice)).toEqual(Array(4).fill('English (Great Britain)'));
  });

  it('applies the reader’s choice of voice to the article’s language only', async () => {
    const log = await speakAll(WITH_FRENCH, 'English (America)');
    expect(log.map(([, voice]) => voice)).toEqual(['English (America)', 'French (France)', 'English (America)', 'English (America)']);
  });
});
