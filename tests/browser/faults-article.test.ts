/**
 * Fault matrix, odd articles: empty, only images, one 50,000-character paragraph, 20,000 paragraphs, Arabic,
 * Japanese without spaces, mixed languages, hostile markup, and an article that changes while it is read.
 * Each ends in a defined state with its event and message; nothing in the article runs, and nothing hidden
 * is read. `for` naming no element: tests/browser/player-errors.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { LINUX_CHROMIUM_VOICES, fakeVoice } from '../fakes/speech-synthesis.js';
import { recordWords } from './helpers/audio.js';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import {
  type ListenPlayer,
  controls,
  highlighted,
  mount,
  place,
  record,
  sleep,
  unmount,
  untilSegment,
  untilState,
  voicesListed,
} from './helpers/player.js';

afterEach(() => {
  unmount();
  delete (window as { pwned?: unknown }).pwned;
});

const NO_TEXT = 'This article has no text to read.';

function status(player: ListenPlayer): string {
  return controls(player).status.textContent!.trim();
}

/** Mounts `article` (with id "story") and its player, and waits for the voices. */
async function ready(article: string, attributes = ''): Promise<ListenPlayer> {
  const player = await mount(`${article}<listen-player for="story" ${attributes}></listen-player>`);
  await voicesListed(player);
  return player;
}

describe('faults: articles with nothing to read', () => {
  it('an empty article: idle and silent until play, then no-article and "Try again"', async () => {
    const fake = useFakeSpeech();
    const player = place('<article id="story" lang="en"></article><listen-player for="story"></listen-player>');
    const events = record(player);
    await player.updateComplete;
    await sleep(200);
    expect(player.state).toBe('idle');
    expect(events.log).toEqual([]);

    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'no-article', message: NO_TEXT }]);
    expect(events.states).toEqual(['loading', 'error']);
    expect(status(player)).toBe(NO_TEXT);
    // The reader asked to play: the error is announced, not only shown.
    expect(controls(player).live.textContent!.trim()).toBe(NO_TEXT);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Try again');
    expect(fake.log).toEqual([]);
  });

  it('an article of images only (with a caption, which is not read): no-article on the first render', async () => {
    const fake = useFakeSpeech();
    const player = place(`
      <article id="story" lang="en">
        <img src="/src/demo/images/call.svg" alt="A phone call">
        <figure><img src="/src/demo/images/tomatoes.svg" alt="Tomatoes"><figcaption>Tomatoes at the market.</figcaption></figure>
      </article>
      <listen-player for="story"></listen-player>`);
    const events = record(player);
    await player.updateComplete;
    await untilState(player, 'error');
    expect(player.segments).toEqual([]);
    expect(events.errors).toEqual([{ code: 'no-article', message: NO_TEXT }]);
    expect(status(player)).toBe(NO_TEXT);
    expect(fake.log).toEqual([]);
  });
});

describe('faults: very large articles', () => {
  it('one 50,000-character paragraph without a full stop: read whole, in chunks of at most 200 characters', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const words = Array.from({ length: 6000 }, (_, i) => ['river', 'bridge', 'village', 'evening', 'road'][i % 5] + String(i % 97));
    const text = words.join(' ').slice(0, 50_000).trim();
    const player = await ready(`<article id="story" lang="en-GB"><p>${text}</p></article>`);
    const events = record(player);
    expect(player.segments.map((segment) => segment.text.length)).toEqual([text.length]);
    expect(text.length).toBeGreaterThan(49_900);

    player.play();
    await untilState(player, 'ended', 30_000);
    expect(events.errors).toEqual([]);
    expect(events.ended).toBe(1);
    expect(Math.max(...fake.texts.map((chunk) => chunk.length))).toBeLessThanOrEqual(200);
    expect(fake.texts.join(' ')).toBe(text);
  });

  it('20,000 paragraphs: all of them segments; reading the last ones ends cleanly', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const body = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i + 1} of the long story.</p>`).join('');
    const player = await ready(`<article id="story" lang="en-GB">${body}</article>`);
    const events = record(player);
    expect(player.segments).toHaveLength(20_000);
    expect(player.duration).toBeGreaterThan(0);

    player.playSegment(19_998);
    await untilState(player, 'ended', 30_000);
    expect(events.segments.map((segment) => segment.index)).toEqual([19_998, 19_999]);
    expect(fake.texts).toEqual(['Paragraph 19999 of the long story.', 'Paragraph 20000 of the long story.']);
    expect(events.states).toEqual(['loading', 'playing', 'ended']);
    expect(events.errors).toEqual([]);
  });
});

describe('faults: scripts and languages', () => {
  it('Arabic (right to left): read in order with an Arabic voice, the player mirrored', async () => {
    const arabic = fakeVoice({ name: 'Arabic', lang: 'ar' });
    const fake = useFakeSpeech({ voices: [...LINUX_CHROMIUM_VOICES, arabic], charsPerSecond: INSTANT });
    const player = await ready(`
      <article id="story" lang="ar" dir="rtl">
        <h1>افتتاح الجسر الجديد</h1>
        <p>افتتح الجسر الجديد صباح اليوم. عبره مئات السكان.</p>
        <p>قال رئيس البلدية إن العمل استمر عامين.</p>
      </article>`);
    const events = record(player);
    player.play();
    await untilState(player, 'ended');
    expect(events.errors).toEqual([]);
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2]);
    expect(new Set(fake.log.map((entry) => entry.voice?.name))).toEqual(new Set(['Arabic']));
    expect(fake.texts.join(' ')).toBe(player.segments.map((segment) => segment.text).join(' '));
    expect(player.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).toBe('rtl');
  });

  it('Japanese without spaces: cut at words into chunks of at most 200 characters, its words found inside the text', async () => {
    const fake = useFakeSpeech({ charsPerSecond: 300 });
    const sentence = '東京の古い商店街では毎朝八時に市場が開き近所の人々が新鮮な野菜や魚を買いに集まってくる';
    const long = sentence.repeat(6); // no 。 and no spaces: one 258-character run
    const player = await ready(`<article id="story" lang="ja"><h1>商店街の朝</h1><p>${long}</p></article>`, 'highlight="word"');
    const words = recordWords(player);
    const events = record(player);
    player.play();
    await untilState(player, 'ended', 20_000);
    expect(events.errors).toEqual([]);
    const chunks = fake.texts.slice(1);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(200);
    expect(chunks.join('')).toBe(long);
    expect(new Set(fake.log.map((entry) => entry.voice?.name))).toEqual(new Set(['Japanese']));
    // Words found by Intl.Segmenter (short ones, not the whole run), none running past the text.
    const inLong = words.filter((word) => word.segment === 1);
    expect(inLong.length).toBeGreaterThan(1);
    for (const word of inLong) {
      expect(word.length).toBeLessThanOrEqual(10);
      expect(word.offset + word.length).toBeLessThanOrEqual(long.length);
    }
  });

  it('mixed languages: each paragraph with the voice for its language, or the article’s voice where there is none', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await ready(`
      <article id="story" lang="en-GB">
        <p>The mayor spoke first.</p>
        <p lang="de">Wir sind sehr froh.</p>
        <p lang="ar">نحن سعداء جدا.</p>
        <p>Then she cut the ribbon.</p>
      </article>`);
    player.play();
    await untilState(player, 'ended');
    expect(fake.log.map((entry) => [entry.text, entry.voice?.name])).toEqual([
      ['The mayor spoke first.', 'English (Great Britain)'],
      ['Wir sind sehr froh.', 'German'],
      ['نحن سعداء جدا.', 'English (Great Britain)'],
      ['Then she cut the ribbon.', 'English (Great Britain)'],
    ]);
  });
});

describe('faults: hostile and hidden content', () => {
  const HOSTILE = `
    <article id="story" lang="en-GB">
      <h1>Markup in the text.</h1>
      <p>Written as text: &lt;img src=x onerror="window.pwned='img'"&gt; and &lt;script&gt;window.pwned='script'&lt;/script&gt;.</p>
      <p onclick="window.pwned='onclick'" onmouseover="window.pwned='onmouseover'">A paragraph with inline handlers.</p>
      <script>window.pwned = 'inline script';</script>
      <template><p>Template text.</p></template>
      <noscript><p>Noscript text.</p></noscript>
      <p hidden>Hidden text.</p>
      <p aria-hidden="true">Aria-hidden text.</p>
      <div hidden><p>Text in a hidden block.</p></div>
      <p>The last paragraph.</p>
    </article>`;

  it('reads only the visible text, runs nothing, and shows markup in the text as text', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await ready(HOSTILE);
    const events = record(player);
    const texts = [
      'Markup in the text.',
      `Written as text: <img src=x onerror="window.pwned='img'"> and <script>window.pwned='script'</script>.`,
      'A paragraph with inline handlers.',
      'The last paragraph.',
    ];
    expect(player.segments.map((segment) => segment.text)).toEqual(texts);

    // Through every control that touches the paragraphs: play, next, the paragraph list, play from a click.
    player.play();
    await untilState(player, 'ended');
    player.previous();
    await userEvent.click(player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!);
    // The list's module loads the first time it opens.
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="paragraphs"]')).not.toBeNull();
    const list = player.shadowRoot!.querySelector('[part~="paragraphs"]')!;
    // The list may shorten a long paragraph; what it shows is the text, markup characters and all.
    expect(list.textContent).toContain(`Written as text: <img src=x onerror="window.pwned='img'">`);
    expect(list.querySelector('img, script')).toBeNull();
    expect(player.shadowRoot!.querySelector('img, script, template:not(:empty)')).toBeNull();

    expect(events.errors).toEqual([]);
    expect(fake.texts.join(' ')).toBe(texts.join(' '));
    expect(fake.texts.join(' ')).not.toMatch(/Template|Noscript|Hidden|hidden block/);
    expect((window as { pwned?: unknown }).pwned).toBeUndefined();
  });
});

describe('faults: the article changes while it is read', () => {
  const STORY = `
    <article id="story" lang="en-GB">
      <h1>Live: the harbour.</h1>
      <p id="p1">The first update came at nine.</p>
      <p id="p2">The second update came at ten.</p>
      <p id="p3">The third update came at eleven.</p>
      <aside>An advert that changes.</aside>
    </article>`;

  function paragraph(id: string): HTMLElement {
    return document.getElementById(id)!;
  }

  it('a paragraph inserted before the one being read: reading goes on with that paragraph, at its new index', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready(STORY);
    player.playSegment(2);
    await untilState(player, 'playing');
    const events = record(player);
    expect(fake.current?.text).toBe('The second update came at ten.');

    paragraph('p1').insertAdjacentHTML('beforebegin', '<p>Breaking: a new first update.</p>');
    await untilSegment(player, 3);
    await untilState(player, 'playing');
    expect(player.segments.map((segment) => segment.text)).toContain('Breaking: a new first update.');
    expect(player.segments[3]!.element).toBe(paragraph('p2'));
    expect(highlighted()).toEqual([paragraph('p2')]);
    expect(fake.current?.text).toBe('The second update came at ten.');
    expect(events.errors).toEqual([]);
    expect(events.states.at(-1)).toBe('playing');
  });

  it('the paragraph being read is removed: reading goes on with the next one', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready(STORY);
    player.playSegment(2);
    await untilState(player, 'playing');
    const events = record(player);

    paragraph('p2').remove();
    await expect.poll(() => fake.current?.text).toBe('The third update came at eleven.');
    await untilState(player, 'playing');
    expect(player.segments).toHaveLength(3);
    expect(player.segmentIndex).toBe(2);
    expect(highlighted()).toEqual([paragraph('p3')]);
    expect(events.errors).toEqual([]);
    // Nothing speaks the removed paragraph any more.
    expect(fake.log.filter((entry) => entry.outcome === 'speaking' || entry.outcome === 'queued')).toHaveLength(1);
  });

  it('the last paragraphs are removed while the last is read: it stops (idle) at the new last paragraph, nothing speaking', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready(STORY);
    player.playSegment(3);
    await untilState(player, 'playing');
    const events = record(player);

    paragraph('p3').remove();
    await expect.poll(() => player.segments.length).toBe(3);
    await sleep(100);
    expect(fake.speaking).toBe(false);
    expect(player.state).toBe('idle');
    expect(player.segmentIndex).toBe(2);
    expect(events.errors).toEqual([]);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Play');
  });

  it('every paragraph removed: stops with no-article, nothing speaking', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready(STORY);
    player.play();
    await untilState(player, 'playing');
    const events = record(player);

    for (const element of [...document.querySelectorAll('#story > :not(aside)')]) element.remove();
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'no-article', message: NO_TEXT }]);
    expect(status(player)).toBe(NO_TEXT);
    expect(fake.speaking).toBe(false);
    expect(highlighted()).toEqual([]);
  });

  it('a change to what is not read (an advert): nothing happens', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready(STORY);
    player.play();
    await untilState(player, 'playing');
    const events = record(player);

    document.querySelector('#story aside')!.textContent = 'Another advert.';
    await sleep(200);
    expect(events.log).toEqual([]);
    expect(fake.log).toHaveLength(1);
    expect(player.state).toBe('playing');
  });
});
