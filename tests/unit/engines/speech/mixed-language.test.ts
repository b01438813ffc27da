// @vitest-environment happy-dom
/**
 * The speech engine on inline languages and the pronunciation lexicon: a phrase with its own `lang` inside a
 * paragraph is an utterance of its own in a voice of that language, and the lexicon changes what is said, while
 * the words reported (and so highlighted) stay the page's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractSegments } from '../../../../src/article/extract.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { fakeVoice, LINUX_CHROMIUM_VOICES } from '../../../fakes/speech-synthesis.js';
import { setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';

const VOICES = [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'French (France)', lang: 'fr-FR' })];

function article(html: string, lang = 'en') {
  document.body.innerHTML = `<article lang="${lang}">${html}</article>`;
  return extractSegments(document.body.firstElementChild!);
}

/** Serves `body` as the lexicon at any URL of the page's origin, counting requests. */
function serveLexicon(body: string, status = 200) {
  const fetch = vi.fn(async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The words reported, as the page's text they point at. */
function wordsOf(events: EngineEvent[], texts: readonly string[]): string[] {
  return events.flatMap((e) => (e.type === 'word' && e.offset !== undefined ? [texts[e.segment]!.slice(e.offset, e.offset + e.length!)] : []));
}

useFakeClock();
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SpeechEngine: a phrase in another language inside a paragraph', () => {
  it('reads it as its own utterance with a voice of its language, then goes on in the paragraph\'s', async () => {
    const segments = article('<p>He said <span lang="fr">je ne sais quoi</span> and left. Then he came back.</p>');
    const { synth, engine, events, errors } = setupSpeech({ voices: VOICES, boundaries: true });
    await engine.load(segments, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.log.map((entry) => [entry.text, entry.voice?.name, entry.lang])).toEqual([
      ['He said', 'English (Great Britain)', 'en-GB'],
      ['je ne sais quoi', 'French (France)', 'fr-FR'],
      ['and left.', 'English (Great Britain)', 'en-GB'],
      ['Then he came back.', 'English (Great Britain)', 'en-GB'],
    ]);
    // Every word of the paragraph, once, in order, at its place in the page's text.
    expect(wordsOf(events, segments.map((s) => s.text))).toEqual(['He', 'said', 'je', 'ne', 'sais', 'quoi', 'and', 'left', 'Then', 'he', 'came', 'back']);
    expect(events.filter((e) => e.type === 'position').every((e) => e.type === 'position' && e.segment === 0)).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'ended' });
    expect(errors()).toEqual([]);
  });

  it('skips by sentence: a phrase in another language is not a place to stop at', async () => {
    const segments = article('<p>He said <span lang="fr">je ne sais quoi</span> and left. Then he came back.</p><p>The end.</p>');
    const { synth, engine } = setupSpeech({ voices: VOICES });
    await engine.load(segments, { lang: 'en-GB', rate: 1 });
    /** Runs the fake clock until the synthesiser speaks `text` (a minute of speech at most). */
    const until = async (text: string) => {
      for (let ms = 0; ms < 60_000 && synth.current?.text !== text; ms += 20) await vi.advanceTimersByTimeAsync(20);
      expect(synth.current?.text).toBe(text);
    };
    engine.play();
    await until('je ne sais quoi');
    engine.skip(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(synth.current?.text).toBe('Then he came back.');
    engine.skip(-1);
    await vi.advanceTimersByTimeAsync(0);
    expect(synth.current?.text).toBe('He said');
    engine.seek(engine.segmentStart(0) + 0.01);
    await until('and left.');
    engine.skip(-1);
    await vi.advanceTimersByTimeAsync(0);
    expect(synth.current?.text).toBe('He said');
  });

  it('reads the phrase with the article\'s voice when the device has none for its language', async () => {
    const segments = article('<p>A <i lang="it">dolce vita</i> indeed.</p>');
    const { synth, engine } = setupSpeech();
    await engine.load(segments, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.log.map((entry) => [entry.text, entry.voice?.name])).toEqual([
      ['A', 'English (Great Britain)'],
      ['dolce vita', 'English (Great Britain)'],
      ['indeed.', 'English (Great Britain)'],
    ]);
  });

  it('does not cut at a phrase marked with a region of the paragraph\'s own language (the same voice reads it)', async () => {
    const segments = article('<p>Colour, or <span lang="en-US">color</span> in <i lang="en">American</i> spelling.</p>', 'en-GB');
    const { synth, engine } = setupSpeech({ voices: VOICES });
    await engine.load(segments, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual(['Colour, or color in American spelling.']);
  });

  it('with lang-override, reads what the page marked in its wrong language in the right one, and other marks as they are', async () => {
    // The page says English, but the article is French; the quote in English is marked as such, as is the German.
    const segments = article('<p>Il a dit <span lang="de">Guten Tag</span> puis <q lang="en-US">goodbye</q>.</p>');
    const { synth, engine } = setupSpeech({ voices: VOICES });
    await engine.load(segments, { lang: 'fr', relabel: 'en', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.log.map((entry) => [entry.text, entry.voice?.name])).toEqual([
      ['Il a dit', 'French (France)'],
      ['Guten Tag', 'German'],
      // `en-US` is the page's declared language (a region of it): the page meant French here too.
      ['puis goodbye.', 'French (France)'],
    ]);
  });
});

describe('SpeechEngine: the pronunciation lexicon', () => {
  const LEXICON = JSON.stringify({
    entries: [
      { word: 'Zelensky', say: 'Zeh-LEN-skee' },
      { word: 'NATO', say: 'Nay-toe', case: 'sensitive' },
      { word: 'Kyiv', say: 'Keev', lang: 'en' },
    ],
  });

  it('changes what is said, not the words reported: a voice\'s index in the said text maps back to the page', async () => {
    const fetch = serveLexicon(LEXICON);
    const segments = article('<p>Zelensky met NATO in Kyiv.</p><p>Not <span lang="fr">Kyiv</span> here.</p>');
    const { synth, engine, events, errors } = setupSpeech({ voices: VOICES, boundaries: true });
    await engine.load(segments, { lang: 'en-GB', rate: 1, lexicon: '/pronunciations.json' });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual(['Zeh-LEN-skee met Nay-toe in Keev.', 'Not', 'Kyiv', 'here.']);
    expect(wordsOf(events, segments.map((s) => s.text))).toEqual(['Zelensky', 'met', 'NATO', 'in', 'Kyiv', 'Not', 'Kyiv', 'here']);
    expect(errors()).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports a lexicon it cannot load as a notice and reads without it', async () => {
    serveLexicon('nope', 404);
    const segments = article('<p>Zelensky spoke.</p>');
    const { synth, engine, events, errors } = setupSpeech();
    await engine.load(segments, { lang: 'en-GB', rate: 1, lexicon: '/missing-lexicon.json' });
    expect(events.filter((e) => e.type === 'notice')).toEqual([
      { type: 'notice', code: 'lexicon-load', message: 'The pronunciation lexicon could not be loaded (HTTP 404). Reading without it.' },
    ]);
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual(['Zelensky spoke.']);
    expect(events.at(-1)).toEqual({ type: 'ended' });
    expect(errors()).toEqual([]);
  });

  it('refuses a lexicon on another origin, and one that is not a lexicon, with what is wrong', async () => {
    const fetch = serveLexicon('{"entries": [{"word": "#x", "say": "y"}]}');
    const segments = article('<p>Text.</p>');
    const { engine, events } = setupSpeech();
    await engine.load(segments, { lang: 'en', rate: 1, lexicon: 'https://elsewhere.example/lexicon.json' });
    await engine.load(segments, { lang: 'en', rate: 1, lexicon: '/bad-lexicon.json' });
    expect(events.flatMap((e) => (e.type === 'notice' ? [e.message] : []))).toEqual([
      'The pronunciation lexicon is on another origin (https://elsewhere.example). Reading without it.',
      'The pronunciation lexicon could not be read: entry 1: "#x" must start with a letter or digit (entries match whole words). Reading without it.',
    ]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
