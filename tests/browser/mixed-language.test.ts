/**
 * Inline languages and the pronunciation lexicon in real Chromium. With the browser's real speech
 * (speech-dispatcher and espeak-ng, which has a French voice): an English paragraph holding a French phrase is
 * read as three utterances, English, French, English, the paragraph highlighted throughout. With the fake
 * synthesiser (which sends word boundaries): the lexicon changes what is said, never the words highlighted,
 * and a lexicon that cannot be loaded is reported while reading goes on without it.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { LINUX_CHROMIUM_VOICES, fakeVoice } from '../fakes/speech-synthesis.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { highlighted, mount, record, unmount, untilState } from './helpers/player.js';

const LEXICON = '/tests/fixtures/lexicon/news.json';

/** An English paragraph with a French phrase in it, between two plain English ones. */
const MIXED = `
  <article id="story" lang="en-GB">
    <p>First, in English.</p>
    <p id="mixed">He said <span lang="fr">je ne sais quoi</span> and left.</p>
    <p>Back to English.</p>
  </article>
  <listen-player for="story"></listen-player>`;

/** Each utterance the player speaks, with its voice's language and what was highlighted when it started. */
function watchSpeech() {
  const spoken: { text: string; lang: string; highlighted: Element[]; ended: boolean }[] = [];
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  vi.spyOn(speechSynthesis, 'speak').mockImplementation((utterance) => {
    const entry = { text: utterance.text, lang: utterance.voice?.lang ?? '', highlighted: [] as Element[], ended: false };
    utterance.addEventListener('start', () => (entry.highlighted = highlighted()));
    utterance.addEventListener('end', () => (entry.ended = true));
    spoken.push(entry);
    speak(utterance);
  });
  return spoken;
}

afterEach(() => {
  vi.restoreAllMocks();
  unmount();
  speechSynthesis.cancel();
});

describe('a phrase in another language inside a paragraph (real speech)', () => {
  it('is read by a French voice, and the paragraph goes on in English, highlighted throughout', async () => {
    const player = await mount(MIXED);
    player.rate = 2;
    const spoken = watchSpeech();
    const events = record(player);
    player.play();
    await untilState(player, 'ended', 60_000);

    expect(spoken.map((entry) => entry.text)).toEqual(['First, in English.', 'He said', 'je ne sais quoi', 'and left.', 'Back to English.']);
    expect(spoken.map((entry) => entry.lang.toLowerCase().slice(0, 2))).toEqual(['en', 'en', 'fr', 'en', 'en']);
    // Each utterance was heard to its end before the next (the last one's end is the player's `ended`), and while
    // each of the paragraph's three was, the paragraph (and only it) was highlighted: a change of voice is not a
    // change of paragraph.
    expect(spoken.slice(0, -1).every((entry) => entry.ended)).toBe(true);
    const paragraph = document.getElementById('mixed')!;
    for (const entry of spoken.slice(1, 4)) expect(entry.highlighted).toEqual([paragraph]);
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2]);
    expect(events.errors).toEqual([]);
  });
});

describe('lang-override (fake speech)', () => {
  it('reads what the page marked in its wrong language in the override\'s, keeping other marks', async () => {
    const fake = useFakeSpeech({ voices: [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'French (France)', lang: 'fr-FR' })], charsPerSecond: 400 });
    const player = await mount(`
      <article id="story" lang="en">
        <p>Le président a parlé. <span lang="de">Guten Tag</span>, a-t-il dit.</p>
      </article>
      <listen-player for="story" lang-override="fr"></listen-player>`);
    expect(player.langOverride).toBe('fr');
    player.play();
    await untilState(player, 'ended');
    expect(fake.log.map((entry) => [entry.text, entry.voice?.name])).toEqual([
      ['Le président a parlé.', 'French (France)'],
      ['Guten Tag', 'German'],
      [', a-t-il dit.', 'French (France)'],
    ]);
  });

  it('gives the player\'s own words in the override\'s language, as if the page had declared it', async () => {
    useFakeSpeech({ charsPerSecond: 400 });
    const player = await mount(`
      <article id="story" lang="en"><p>Ein Artikel.</p></article>
      <listen-player for="story" lang-override="de"></listen-player>`);
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('lang')).toBe('de');
  });
});

describe('the pronunciation lexicon (fake speech with word boundaries)', () => {
  const STORY = `
    <article id="story" lang="en-GB">
      <p>Zelensky met NATO leaders.</p>
    </article>
    <listen-player for="story" highlight="word" lexicon="${LEXICON}"></listen-player>`;

  it('changes what is said and not what is highlighted', async () => {
    const fake = useFakeSpeech({ boundaries: true, charsPerSecond: 40 });
    const player = await mount(STORY);
    const shown: string[] = [];
    const words: string[] = [];
    const stop = new AbortController();
    onTestFinished(() => stop.abort());
    player.addEventListener(
      'listen-wordchange',
      ({ detail }) => {
        words.push(player.segments[detail.segment]!.text.slice(detail.offset, detail.offset + detail.length));
        shown.push([...(CSS.highlights.get('listen-word') ?? [])].map((range) => (range as Range).toString()).join('|'));
      },
      { signal: stop.signal },
    );
    const events = record(player);
    player.play();
    await untilState(player, 'ended');
    expect(fake.texts).toEqual(['Zeh-LEN-skee met Nay-toe leaders.']);
    expect(words).toEqual(['Zelensky', 'met', 'NATO', 'leaders']);
    expect(shown).toEqual(['Zelensky', 'met', 'NATO', 'leaders']);
    expect(player.segments[0]!.text).toBe('Zelensky met NATO leaders.');
    expect(events.errors).toEqual([]);
  });

  it('reports a lexicon that cannot be loaded, and reads on without it', async () => {
    const fake = useFakeSpeech({ charsPerSecond: 400 });
    const player = await mount(STORY.replace(LEXICON, '/tests/fixtures/lexicon/missing.json'));
    const events = record(player);
    player.play();
    await untilState(player, 'ended');
    expect(fake.texts).toEqual(['Zelensky met NATO leaders.']);
    expect(events.errors).toEqual([
      {
        code: 'lexicon-load',
        message: expect.stringMatching(/^The pronunciation lexicon (could not be loaded \(HTTP 404\)|was not found \(the server sent a web page\))\. Reading without it\.$/),
        fallback: 'continue',
      },
    ]);
    expect(events.states).toEqual(['loading', 'playing', 'ended']);
  });
});
