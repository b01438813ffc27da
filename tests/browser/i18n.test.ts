/**
 * The player's language: the strings table chosen from the player's `lang`, else the article's or the page's,
 * with fallback (`ar-EG` → Arabic, `xx` → English); German strings and spoken times; errors shown in the UI's
 * language while `listen-error` keeps its English message; and a French paragraph of an English article read
 * by a French voice where the device has one; strings a site supplies (`strings`, `strings-src`), checked and
 * warned about. Fake speech.
 */
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINUX_CHROMIUM_VOICES, fakeVoice } from '../fakes/speech-synthesis.js';
import { useAudioOptions } from './helpers/audio.js';
import { INSTANT, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, mount, place, record, untilState, unmount, voicesListed } from './helpers/player.js';
import { loadStrings, UI_LANGUAGES, uiLocale } from '../../src/ui/languages.js';
import { spokenTime } from '../../src/ui/time.js';

function article(lang: string, player = '<listen-player for="story"></listen-player>'): string {
  return `<article id="story" lang="${lang}"><h1>Titel.</h1><p>Erster Absatz. Zwei Sätze.</p></article>${player}`;
}

function box(player: ListenPlayer): HTMLElement {
  return player.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
}

afterEach(unmount);

describe('UI language', () => {
  it('speaks German for a German article: names, status and spoken time', async () => {
    useFakeSpeech();
    const player = await mount(article('de-DE'));
    await voicesListed(player);
    const c = controls(player);
    expect(box(player).getAttribute('lang')).toBe('de');
    expect(box(player).getAttribute('dir')).toBe('ltr');
    expect(box(player).getAttribute('aria-label')).toBe('Artikel anhören');
    expect(c.play.getAttribute('aria-label')).toBe('Wiedergabe');
    expect(c.previous.getAttribute('aria-label')).toBe('Vorheriger Absatz');
    expect(c.next.getAttribute('aria-label')).toBe('Nächster Absatz');
    expect(c.speed.closest('label')!.textContent).toContain('Tempo');
    expect(c.voice!.closest('label')!.textContent).toContain('Stimme');
    expect(c.seek.getAttribute('aria-valuetext')).toMatch(/^0 Sekunden von \d+ Sekunden$/);
  });

  it('takes the player’s own lang over the article’s, and follows it when it changes', async () => {
    useFakeSpeech({ voices: [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'Arabic', lang: 'ar' })] });
    const player = await mount(article('de', '<listen-player for="story" lang="ar-EG"></listen-player>'));
    expect(box(player).getAttribute('lang')).toBe('ar');
    expect(box(player).getAttribute('dir')).toBe('rtl');
    expect(controls(player).play.getAttribute('aria-label')).toBe('تشغيل');

    player.lang = 'xx';
    await player.updateComplete;
    expect(box(player).getAttribute('lang')).toBe('en');
    expect(box(player).getAttribute('dir')).toBe('ltr');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Play');
    expect(controls(player).seek.getAttribute('aria-valuetext')).toMatch(/^0 seconds of \d+ seconds?$/);
  });

  it('falls back to the document’s language when neither the player nor the article has one', async () => {
    useFakeSpeech();
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    html.lang = 'de-CH';
    try {
      const player = await mount('<article id="story"><p>Ein Absatz.</p></article><listen-player for="story"></listen-player>');
      expect(controls(player).next.getAttribute('aria-label')).toBe('Nächster Absatz');
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });

  it('says what went wrong in German, while listen-error keeps its English message and code', async () => {
    useNoSpeech();
    const player = place(article('de'));
    const events = record(player);
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'no-speech', message: expect.stringMatching(/speech synthesis/) }]);
    expect(controls(player).status.textContent!.trim()).toBe('Dieser Browser kann auf diesem Gerät nicht vorlesen.');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Erneut versuchen');
  });

  it('speaks the page’s language for an article in a language without a table, naming what is missing', async () => {
    useFakeSpeech();
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    html.lang = 'de';
    try {
      const player = await mount(article('cy'));
      await untilState(player, 'error');
      expect(box(player).getAttribute('lang')).toBe('de');
      expect(controls(player).status.textContent!.trim()).toBe('Auf diesem Gerät ist keine Stimme für Walisisch installiert.');
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });
});

describe('spoken times in every language, in Chromium', () => {
  it('says no table’s times in English (Chromium’s Intl has no unit names for some languages)', async () => {
    await Promise.all(UI_LANGUAGES.map((lang) => loadStrings(lang)));
    const english = [65, 3725].map((seconds) => spokenTime(seconds, 'en'));
    for (const lang of UI_LANGUAGES.filter((key) => key !== 'en')) {
      const locale = uiLocale(lang);
      expect([65, 3725].map((seconds) => spokenTime(seconds, locale)), lang).not.toEqual(expect.arrayContaining([english[0]]));
      expect(spokenTime(3725, locale), lang).not.toBe(english[1]);
    }
  });
});

describe('notices in the UI’s language', () => {
  it('says in German why recorded audio gave way to the browser’s voice', async () => {
    useFakeSpeech({ voices: LINUX_CHROMIUM_VOICES });
    useAudioOptions({ fetch: async () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } }) });
    const player = place(article('de', '<listen-player for="story" src="/audio/missing.json"></listen-player>'));
    const events = record(player);
    await player.updateComplete;
    // The reader reaches for the player: the rest of it loads and finds the recording missing.
    await userEvent.hover(player);
    await expect.poll(() => events.errors.length).toBe(1);
    expect(events.errors[0]).toMatchObject({ code: 'audio-load', fallback: 'speech', message: expect.stringMatching(/could not be loaded/) });
    await expect.poll(() => player.activeEngine).toBe('speech');
    await player.updateComplete;
    expect(controls(player).status.textContent!.trim()).toBe(
      'Die Audiodatei konnte nicht geladen werden. Stattdessen liest die Stimme des Browsers vor.',
    );
  });
});

describe('voices follow the language of each paragraph', () => {
  const MIXED = `
    <article id="story" lang="en-GB">
      <p>An English paragraph.</p>
      <p lang="fr">Un paragraphe en français.</p>
      <p>English again.</p>
    </article>
    <listen-player for="story"></listen-player>`;

  async function readAloud(voices: readonly SpeechSynthesisVoice[]): Promise<[string, string | undefined][]> {
    const fake = useFakeSpeech({ voices, charsPerSecond: INSTANT });
    const player = await mount(MIXED);
    await voicesListed(player);
    player.play();
    await untilState(player, 'ended');
    return fake.log.map((entry) => [entry.text, entry.voice?.name]);
  }

  it('reads a French paragraph with a French voice', async () => {
    const french = fakeVoice({ name: 'French (France)', lang: 'fr-FR' });
    expect(await readAloud([...LINUX_CHROMIUM_VOICES, french])).toEqual([
      ['An English paragraph.', 'English (Great Britain)'],
      ['Un paragraphe en français.', 'French (France)'],
      ['English again.', 'English (Great Britain)'],
    ]);
  });

  it('reads it with the English voice where the device has no French one', async () => {
    const log = await readAloud(LINUX_CHROMIUM_VOICES);
    expect(log.map(([, voice]) => voice)).toEqual(['English (Great Britain)', 'English (Great Britain)', 'English (Great Britain)']);
  });
});

describe('strings a site supplies', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('takes a partial table from the strings property, before the first render and after', async () => {
    useFakeSpeech();
    const player = place(article('en'));
    player.strings = { label: 'Hear this story', play: 'Start', timeOf: '{elapsed} out of {total}' };
    await player.updateComplete;
    expect(box(player).getAttribute('aria-label')).toBe('Hear this story');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Start');
    expect(controls(player).next.getAttribute('aria-label')).toBe('Next paragraph');
    expect(controls(player).seek.getAttribute('aria-valuetext')).toMatch(/^0 seconds out of \d+ seconds$/);

    player.strings = { play: 'Go' };
    await player.updateComplete;
    expect(controls(player).play.getAttribute('aria-label')).toBe('Go');
    expect(box(player).getAttribute('aria-label')).toBe('Listen to this article');
  });

  it('gives a language the UI lacks its words from a JSON file, and warns about a key that is no string of the player', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    useFakeSpeech({ voices: [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'Montserrat', lang: 'ca-ES' })] });
    const player = await mount(article('ca', '<listen-player for="story" strings-src="/tests/fixtures/strings/ca.json"></listen-player>'));
    await expect.poll(() => box(player).getAttribute('aria-label')).toBe('Escolta aquest article');
    await player.updateComplete;
    expect(box(player).getAttribute('lang')).toBe('ca');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Reprodueix');
    expect(controls(player).speed.closest('label')!.textContent).toContain('Velocitat');
    // Spoken times in Catalan, by Intl.
    expect(controls(player).seek.getAttribute('aria-valuetext')).toMatch(/^0 segons de \d+ segons$/);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([expect.stringMatching(/unknown string "colour" ignored/)]);
  });

  it('refuses a strings file on another origin, says why, and keeps its own strings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    useFakeSpeech();
    const player = await mount(article('de', '<listen-player for="story" strings-src="https://elsewhere.invalid/strings.json"></listen-player>'));
    await expect.poll(() => warn.mock.calls.length).toBe(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/another origin.*allow-cross-origin/);
    await player.updateComplete;
    expect(controls(player).play.getAttribute('aria-label')).toBe('Wiedergabe');
  });
});
