/**
 * The voice menu on recorded browser voice lists (fake speech): a group per language and region named in the
 * player's language, the article's language first and best first, the voices of higher quality marked in
 * their text, the choice by name; on a device with hundreds of voices, only the article's language and the
 * group of the voice reading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { RankContext } from '../../src/engines/speech/voices.js';
import { fakeVoice } from '../fakes/speech-synthesis.js';
import { browserVoices } from '../fixtures/voices/voices.js';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, mount, unmount, untilState, voicesListed } from './helpers/player.js';

const ONLINE = (): RankContext => ({ online: true, readerLangs: ['en-US'] });
const OFFLINE = (): RankContext => ({ online: false, readerLangs: ['en-US'] });

function page(lang: string, attributes = ''): string {
  return `<main><article id="story" lang="${lang}"><h1>A headline.</h1><p>A paragraph. Two sentences.</p></article>
    <listen-player for="story"${attributes}></listen-player></main>`;
}

async function open(
  voices: readonly SpeechSynthesisVoice[],
  markup: string,
  voiceContext = ONLINE,
): Promise<{ player: ListenPlayer; fake: ReturnType<typeof useFakeSpeech> }> {
  const fake = useFakeSpeech({ voices, voiceContext, charsPerSecond: SLOW });
  const player = await mount(markup);
  await voicesListed(player);
  return { player, fake };
}

/** The menu as the reader sees it: each group's label with its options' text. */
function menu(player: ListenPlayer): { label: string; options: string[] }[] {
  const select = controls(player).voice!;
  return [...select.querySelectorAll('optgroup')].map((group) => ({
    label: group.label,
    options: [...group.querySelectorAll('option')].map((option) => option.text),
  }));
}

afterEach(unmount);

describe('the voice menu', () => {
  it('groups Edge’s voices by language, the article’s first and best first, and marks the natural ones', async () => {
    const { player, fake } = await open(browserVoices('edge-windows'), page('en-GB'));
    const groups = menu(player);
    expect(groups.map((group) => group.label)).toEqual([
      'English (United Kingdom)',
      // The language in other regions, the reader's own first; then other languages by name.
      'English (United States)',
      'English (Australia)',
      'Arabic (Egypt)',
      'Arabic (Saudi Arabia)',
      'French (France)',
      'German (Austria)',
      'German (Germany)',
      'Japanese (Japan)',
      'Norwegian Bokmål (Norway)',
      'Welsh (United Kingdom)',
    ]);
    expect(groups[0]!.options).toEqual([
      'Microsoft Libby Online (Natural) - English (United Kingdom) — higher quality',
      'Microsoft Maisie Online (Natural) - English (United Kingdom) — higher quality',
      'Microsoft Ryan Online (Natural) - English (United Kingdom) — higher quality',
      'Microsoft Sonia Online (Natural) - English (United Kingdom) — higher quality',
      'Microsoft Thomas Online (Natural) - English (United Kingdom) — higher quality',
      'Microsoft Hazel - English (United Kingdom)',
    ]);
    expect(groups[1]!.options.at(-1)).toBe('Microsoft Zira - English (United States)');
    // Every voice of the device is listed once.
    expect(groups.flatMap((group) => group.options)).toHaveLength(browserVoices('edge-windows').length);

    const select = controls(player).voice!;
    expect(select.value).toBe('Microsoft Libby Online (Natural) - English (United Kingdom)');
    expect(await audit(player)).toEqual([]);

    // The choice is the voice's name, without the mark; it reads with it.
    await userEvent.selectOptions(select, 'Microsoft Sonia Online (Natural) - English (United Kingdom)');
    expect(player.voice).toBe('Microsoft Sonia Online (Natural) - English (United Kingdom)');
    player.play();
    await untilState(player, 'playing');
    expect(fake.current?.voice?.name).toBe('Microsoft Sonia Online (Natural) - English (United Kingdom)');
    expect(controls(player).voice!.value).toBe('Microsoft Sonia Online (Natural) - English (United Kingdom)');
  });

  it('lists the device’s own voices first when offline, as it reads', async () => {
    const { player } = await open(browserVoices('chrome-windows'), page('en-GB'), OFFLINE);
    expect(menu(player)[0]).toEqual({
      label: 'English (United Kingdom)',
      options: [
        'Microsoft Hazel - English (United Kingdom)',
        'Microsoft George - English (United Kingdom)',
        'Microsoft Susan - English (United Kingdom)',
        'Google UK English Female — higher quality',
        'Google UK English Male — higher quality',
      ],
    });
    expect(controls(player).voice!.value).toBe('Microsoft Hazel - English (United Kingdom)');
  });

  it('names groups and marks voices in German in a German player, sorting languages the German way', async () => {
    const { player } = await open(browserVoices('safari-macos'), page('de-DE'));
    const groups = menu(player);
    expect(groups[0]).toEqual({ label: 'Deutsch (Deutschland)', options: ['Anna (Enhanced) – höhere Qualität', 'Anna'] });
    const others = groups.slice(1).map((group) => group.label);
    expect(others).toEqual([...others].sort(new Intl.Collator('de').compare));
    expect(others).toContain('Englisch (Vereinigtes Königreich)');
    // Safari's voice for Arabic is for the world (ar-001): the language alone, where the browser cannot name it.
    expect(others).toContain(new Intl.DisplayNames(['de'], { type: 'region' }).of('001') === '001' ? 'Arabisch' : 'Arabisch (Welt)');
    const british = groups.find((group) => group.label === 'Englisch (Vereinigtes Königreich)')!;
    // Another language's voices are ranked for it too: premium, enhanced, compact, then the novelty voices.
    expect(british.options).toEqual([
      'Jamie (Premium) – höhere Qualität',
      'Daniel (Enhanced) – höhere Qualität',
      'Daniel',
      'Eddy (English (UK))',
      'Flo (English (UK))',
    ]);
    expect(controls(player).voice!.value).toBe('Anna (Enhanced)');
  });

  it('keeps a Latin voice name apart from the Arabic mark in an Arabic player', async () => {
    const { player } = await open(browserVoices('edge-windows'), page('ar-EG'));
    const [first] = menu(player);
    expect(first!.label).toBe(new Intl.DisplayNames(['ar'], { type: 'language', languageDisplay: 'standard' }).of('ar-EG'));
    expect(first!.options[0]).toBe('\u2068Microsoft Salma Online (Natural) - Arabic (Egypt)\u2069 — جودة أعلى');
  });

  it('with hundreds of voices, lists the article’s language and the group of the voice reading, no other', async () => {
    // Firefox on Linux lists every espeak-ng language and variant: here 250 more Esperanto variants.
    const many = [
      ...browserVoices('firefox-linux'),
      ...Array.from({ length: 250 }, (_, i) => fakeVoice({ name: `Esperanto+variant${i}`, lang: 'eo' })),
    ];
    const { player } = await open(many, page('en-GB', ' voice="German"'));
    const groups = menu(player);
    expect(groups.map((group) => group.label)).toEqual([
      'English (United Kingdom)',
      'English (United States)',
      // The Caribbean (029) where the browser can name it (Chromium cannot), else the language alone.
      new Intl.DisplayNames(['en'], { type: 'region' }).of('029') === '029' ? 'English' : 'English (Caribbean)',
      'German',
    ]);
    // espeak-ng's British variants and regional families read as British English: one group, exact locale first.
    expect(groups[0]!.options).toEqual([
      'English (Great Britain)',
      'English (Great Britain)+Andy',
      'English (Great Britain)+Annie',
      'English (Great Britain)+whisper',
      'English (Lancaster)',
      'English (Received Pronunciation)',
      'English (Scotland)',
    ]);
    expect(groups[3]!.options).toEqual(['German', 'German+Andy']);
    expect(controls(player).voice!.value).toBe('German');
  });

  it('lists voices that name no language last, under “Other languages”', async () => {
    const voices = [
      fakeVoice({ name: 'Mystery', lang: '' }),
      ...browserVoices('safari-ios').filter((voice) => /^(en-GB|ja-JP|de-DE)$/.test(voice.lang)),
    ];
    const { player } = await open(voices, page('ja'));
    // A Japanese page: the menu names the languages in Japanese, in Japanese order.
    expect(menu(player).map((group) => group.label)).toEqual(['日本語 (日本)', 'ドイツ語 (ドイツ)', '英語 (イギリス)', 'その他の言語']);
    expect(menu(player).at(-1)!.options).toEqual(['Mystery']);
    expect(controls(player).voice!.value).toBe('Kyoko');
  });
});
