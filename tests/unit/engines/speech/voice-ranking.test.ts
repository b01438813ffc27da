/**
 * The best voice by default, on the voice lists of real browsers (tests/fixtures/voices): the expected first
 * choice per browser and article language, exact locale before quality, quality marks before compact voices,
 * local before remote when offline, the reader's own choice first, and never a voice of another language.
 */
import { describe, expect, it } from 'vitest';
import {
  VoiceQuality,
  chooseVoice,
  isHigherQuality,
  rankContext,
  rankVoices,
  voiceQuality,
  type RankContext,
} from '../../../../src/engines/speech/voices.js';
import { BROWSERS, browserVoices, type Browser } from '../../../fixtures/voices/voices.js';

const ONLINE: RankContext = { online: true, readerLangs: [] };
const OFFLINE: RankContext = { online: false, readerLangs: [] };

function best(browser: Browser, lang: string, context: RankContext = ONLINE): string | null {
  return rankVoices(browserVoices(browser), lang, context)[0]?.name ?? null;
}

function ranked(browser: Browser, lang: string, context: RankContext = ONLINE): string[] {
  return rankVoices(browserVoices(browser), lang, context).map((voice) => voice.name);
}

describe('the first choice per browser and article language', () => {
  it.each<[Browser, string, string | null]>([
    ['chrome-windows', 'en-GB', 'Google UK English Female'],
    ['chrome-windows', 'en-US', 'Google US English'],
    ['chrome-windows', 'en', 'Google US English'],
    ['chrome-windows', 'en-AU', 'Google US English'],
    ['chrome-windows', 'de-AT', 'Google Deutsch'],
    ['chrome-windows', 'fr-CA', 'Google français'],
    ['chrome-windows', 'pt-PT', 'Google português do Brasil'],
    ['chrome-windows', 'zh-TW', 'Google 國語（臺灣）'],
    ['chrome-windows', 'cy', null],
    ['edge-windows', 'en-GB', 'Microsoft Libby Online (Natural) - English (United Kingdom)'],
    ['edge-windows', 'en-US', 'Microsoft Aria Online (Natural) - English (United States)'],
    ['edge-windows', 'en-AU', 'Microsoft Natasha Online (Natural) - English (Australia)'],
    ['edge-windows', 'de-AT', 'Microsoft Ingrid Online (Natural) - German (Austria)'],
    ['edge-windows', 'de-DE', 'Microsoft Amala Online (Natural) - German (Germany)'],
    ['edge-windows', 'ar-EG', 'Microsoft Salma Online (Natural) - Arabic (Egypt)'],
    ['edge-windows', 'no', 'Microsoft Pernille Online (Natural) - Norwegian Bokmål (Norway)'],
    ['edge-windows', 'cy', 'Microsoft Nia Online (Natural) - Welsh (United Kingdom)'],
    ['edge-windows', 'pt', null],
    ['safari-macos', 'en-GB', 'Jamie (Premium)'],
    ['safari-macos', 'en-US', 'Ava (Premium)'],
    ['safari-macos', 'en-AU', 'Karen (Premium)'],
    ['safari-macos', 'en-IE', 'Moira'],
    ['safari-macos', 'de-AT', 'Anna (Enhanced)'],
    ['safari-macos', 'fr-CA', 'Amélie'],
    ['safari-macos', 'fr-FR', 'Thomas'],
    ['safari-macos', 'he', 'Carmit'],
    ['safari-macos', 'iw', 'Carmit'],
    ['safari-macos', 'ar-SA', 'Majed'],
    ['safari-macos', 'no', 'Nora'],
    ['safari-macos', 'cy', null],
    ['safari-ios', 'en-GB', 'Daniel'],
    ['safari-ios', 'en-US', 'Ava (Enhanced)'],
    ['safari-ios', 'en-NZ', 'Ava (Enhanced)'],
    ['safari-ios', 'en-AU', 'Catherine'],
    ['safari-ios', 'de-CH', 'Anna'],
    ['safari-ios', 'ar-EG', 'Majed'],
    ['safari-ios', 'fr', 'Marie'],
    ['firefox-linux', 'en-GB', 'English (Great Britain)'],
    ['firefox-linux', 'en-US', 'English (America)'],
    ['firefox-linux', 'en_GB', 'English (Great Britain)'],
    ['firefox-linux', 'de-AT', 'German'],
    ['firefox-linux', 'fr-CA', 'French (France)'],
    ['firefox-linux', 'cy-GB', 'Welsh'],
    ['firefox-linux', 'no', 'Norwegian Bokmål'],
    ['firefox-linux', 'pt', null],
  ])('%s, %s: %s', (browser, lang, expected) => {
    expect(best(browser, lang)).toBe(expected);
    // The engine's choice is the ranking's first when no voice is named.
    expect(chooseVoice(browserVoices(browser), lang, undefined, ONLINE)?.name ?? null).toBe(expected);
  });
});

describe('never a voice of another language', () => {
  /** The language part of a tag, written independently of the code under test (old and alias codes mapped). */
  const language = (tag: string) => {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    return ({ iw: 'he', no: 'nb' } as Record<string, string>)[primary] ?? primary;
  };
  const LANGS = ['en', 'en-GB', 'en-NZ', 'de-CH', 'fr', 'ar-EG', 'ja', 'no', 'iw', 'cy', 'pt-PT', 'sw', 'zh-TW', 'es-MX', 'af'];

  it.each(BROWSERS)('%s: every ranked voice speaks the article’s language, offline too', (browser) => {
    const voices = browserVoices(browser);
    for (const lang of LANGS) {
      for (const context of [ONLINE, OFFLINE, { readerLangs: ['de-DE', 'fr-FR'] }]) {
        const list = rankVoices(voices, lang, context);
        expect(list.map((voice) => language(voice.lang)).filter((l) => l !== language(lang)), `${lang}`).toEqual([]);
        // …and every voice of that language is in the list, once.
        expect(new Set(list).size).toBe(voices.filter((voice) => language(voice.lang) === language(lang)).length);
      }
    }
  });

  it('does not take the platform default when it speaks another language', () => {
    // Firefox's default is American English; Chrome's is Microsoft David.
    expect(best('firefox-linux', 'de')).toBe('German');
    expect(best('chrome-windows', 'ja')).toBe('Google 日本語');
  });
});

describe('the ranking rules', () => {
  it('puts the exact locale first, then its region family, then the language elsewhere (the default first there)', () => {
    expect(ranked('firefox-linux', 'en-GB')).toEqual([
      'English (Great Britain)',
      'English (Great Britain)+Andy',
      'English (Great Britain)+Annie',
      'English (Great Britain)+whisper',
      'English (Lancaster)',
      'English (Received Pronunciation)',
      'English (Scotland)',
      'English (America)',
      'English (America)+Andy',
      'English (Caribbean)',
    ]);
  });

  it('keeps the exact locale above a better voice of another region', () => {
    // Moira (Irish, compact) before Jamie (British, premium); Jamie before American and Australian premium voices.
    const irish = ranked('safari-macos', 'en-IE');
    expect(irish[0]).toBe('Moira');
    const british = ranked('safari-macos', 'en-GB');
    expect(british.indexOf('Eddy (English (UK))')).toBeLessThan(british.indexOf('Ava (Premium)'));
  });

  it('puts premium above enhanced above no mark above compact above novelty voices', () => {
    expect(ranked('safari-macos', 'en-GB')).toEqual([
      'Jamie (Premium)',
      'Daniel (Enhanced)',
      'Daniel',
      'Eddy (English (UK))',
      'Flo (English (UK))',
      'Ava (Premium)',
      'Karen (Premium)',
      'Karen',
      'Moira',
      'Samantha',
      'Albert',
      'Bad News',
      'Eddy (English (US))',
      'Fred',
      'Zarvox',
    ]);
  });

  it('puts remote and "Online (Natural)" voices above the system’s own while online', () => {
    const chrome = ranked('chrome-windows', 'en-GB');
    expect(chrome.slice(0, 5)).toEqual([
      'Google UK English Female',
      'Google UK English Male',
      'Microsoft Hazel - English (United Kingdom)',
      'Microsoft George - English (United Kingdom)',
      'Microsoft Susan - English (United Kingdom)',
    ]);
    const edge = ranked('edge-windows', 'en-GB');
    expect(edge.slice(0, 5).every((name) => name.includes('Online (Natural) - English (United Kingdom)'))).toBe(true);
    expect(edge[5]).toBe('Microsoft Hazel - English (United Kingdom)');
  });

  it('puts local voices first when offline, a remote one of the language still last rather than none', () => {
    expect(best('chrome-windows', 'en-GB', OFFLINE)).toBe('Microsoft Hazel - English (United Kingdom)');
    expect(best('chrome-windows', 'en-US', OFFLINE)).toBe('Microsoft David - English (United States)');
    // No Australian voice on the device: the system's default English one, not a remote Australian one.
    expect(best('edge-windows', 'en-AU', OFFLINE)).toBe('Microsoft David - English (United States)');
    const offline = rankVoices(browserVoices('chrome-windows'), 'en', OFFLINE);
    expect(offline.slice(0, 6).every((voice) => voice.localService)).toBe(true);
    expect(offline.slice(6).every((voice) => !voice.localService)).toBe(true);
    expect(best('chrome-windows', 'de', OFFLINE)).toBe('Google Deutsch');
    // Safari's voices are all on the device: offline changes nothing.
    expect(ranked('safari-macos', 'en-GB', OFFLINE)).toEqual(ranked('safari-macos', 'en-GB'));
  });

  it('between equally good voices of other regions, takes the reader’s own region', () => {
    expect(best('edge-windows', 'en-IE', { readerLangs: ['en-GB', 'en'] })).toBe(
      'Microsoft Libby Online (Natural) - English (United Kingdom)',
    );
    expect(best('edge-windows', 'de-CH', { readerLangs: ['fr-CH', 'de-DE'] })).toBe(
      'Microsoft Amala Online (Natural) - German (Germany)',
    );
    expect(best('chrome-windows', 'en', { readerLangs: ['en-GB'] })).toBe('Google UK English Female');
    expect(best('safari-macos', 'en', { readerLangs: ['en-AU'] })).toBe('Karen (Premium)');
    // Never above a better voice, nor above the exact locale.
    expect(best('safari-ios', 'en-NZ', { readerLangs: ['en-GB'] })).toBe('Ava (Enhanced)');
    expect(best('edge-windows', 'en-GB', { readerLangs: ['en-US'] })).toBe(
      'Microsoft Libby Online (Natural) - English (United Kingdom)',
    );
  });

  it('gives the voice named by the page or remembered for the reader, by name or URI, over the ranking', () => {
    const safari = browserVoices('safari-macos');
    expect(chooseVoice(safari, 'en-GB', 'Daniel', ONLINE)?.voiceURI).toBe('com.apple.voice.compact.en-GB.Daniel');
    expect(chooseVoice(safari, 'en-GB', 'com.apple.voice.premium.en-GB.Malcolm', ONLINE)?.name).toBe('Jamie (Premium)');
    expect(chooseVoice(browserVoices('chrome-windows'), 'en-GB', 'Microsoft Susan - English (United Kingdom)', OFFLINE)?.name).toBe(
      'Microsoft Susan - English (United Kingdom)',
    );
    // A name the device does not have (remembered on another device) leaves the ranking to choose.
    expect(chooseVoice(safari, 'en-GB', 'Google UK English Female', ONLINE)?.name).toBe('Jamie (Premium)');
  });
});

describe('voiceQuality', () => {
  it.each<[Browser, string, VoiceQuality]>([
    ['edge-windows', 'Microsoft Sonia Online (Natural) - English (United Kingdom)', VoiceQuality.Best],
    ['safari-macos', 'Karen (Premium)', VoiceQuality.Best],
    ['safari-macos', 'Daniel (Enhanced)', VoiceQuality.Higher],
    ['chrome-windows', 'Google UK English Female', VoiceQuality.Higher],
    ['chrome-windows', 'Microsoft Hazel - English (United Kingdom)', VoiceQuality.Plain],
    ['firefox-linux', 'English (Great Britain)+Andy', VoiceQuality.Plain],
    ['safari-macos', 'Daniel', VoiceQuality.Compact],
    ['safari-ios', 'Martha', VoiceQuality.Compact],
    ['safari-macos', 'Fred', VoiceQuality.Novelty],
    ['safari-ios', 'Grandma (English (UK))', VoiceQuality.Novelty],
  ])('%s: %s is %i', (browser, name, quality) => {
    const voice = browserVoices(browser).find((v) => v.name === name)!;
    expect(voiceQuality(voice)).toBe(quality);
    expect(isHigherQuality(voice)).toBe(quality >= VoiceQuality.Higher);
  });

  it('reads a mark only as a word of its own', () => {
    const voice = (name: string, voiceURI = name) => ({ name, voiceURI, lang: 'en', localService: true, default: false });
    expect(voiceQuality(voice('Onlineton'))).toBe(VoiceQuality.Plain);
    expect(voiceQuality(voice('Supernatural Sam'))).toBe(VoiceQuality.Plain);
    expect(voiceQuality(voice('Kate', 'com.example.voice.neural.en-GB.Kate'))).toBe(VoiceQuality.Best);
  });
});

describe('rankContext', () => {
  it('reads whether the device is online and the reader’s languages from the navigator', () => {
    expect(rankContext({ onLine: false, languages: ['en-GB', 'de'] })).toEqual({ online: false, readerLangs: ['en-GB', 'de'] });
    expect(rankContext({ onLine: true, languages: [] })).toEqual({ online: true, readerLangs: [] });
    expect(rankContext(undefined)).toEqual({});
  });
});
