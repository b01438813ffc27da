/**
 * Chapters, in real Chromium: the article's headings group the paragraph list, PageUp/PageDown move between
 * them with the browser's voice (the fake synthesiser) and with recorded audio (a manifest made here on the
 * seed audio), the slider marks their starts and names the chapter being read, and the Media Session lists
 * them where the browser takes chapters. The demo's explainer articles, with their sections, are read too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import blackSea from '../../src/demo/articles/black-sea.html?raw';
import ceasefire from '../../src/demo/articles/ceasefire.html?raw';
import { fingerprint } from '../../src/article/fingerprint.js';
import { LINUX_CHROMIUM_VOICES, fakeVoice } from '../fakes/speech-synthesis.js';
import { manyParagraphs } from '../fixtures/many-paragraphs.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { jsonResponse, useAudioOptions } from './helpers/audio.js';
import { audit } from './helpers/axe.js';
import { spySession } from './helpers/media-session.js';
import { openList, scrollToMiddle } from './helpers/paragraph-list.js';
import { type ListenPlayer, controls, mount, unmount, untilState, voicesListed } from './helpers/player.js';

/**
 * Segments: 0 the title, 1 the lede, 2 "Where it starts" (h2), 3–4 its paragraphs, 5 "A part of it" (h3),
 * 6 its paragraph, 7 "What happens next" (h2), 8 its paragraph.
 */
const ARTICLE = `
  <article id="story" lang="en-GB">
    <h1>A story in chapters.</h1>
    <p>The lede comes before any chapter.</p>
    <h2>Where it starts</h2>
    <p>The first chapter opens here.</p>
    <p>The first chapter goes on here.</p>
    <h3>A part of it</h3>
    <p>The part has a paragraph of its own.</p>
    <h2>What happens next</h2>
    <p>The last chapter ends the story.</p>
  </article>`;

const CHAPTERS = ['Where it starts', 'A part of it', 'What happens next'];
const CHAPTER_SEGMENTS = [2, 5, 7];

/** Seconds of the seed audio the manifest below spreads the segments over. */
const AUDIO_SECONDS = 290;

afterEach(async () => {
  unmount();
  await page.viewport(414, 896);
});

/** A manifest for the segments' texts on the seed audio, each segment as long as its text (whole seconds apart). */
function manifestFor(texts: readonly string[]) {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  let start = 0;
  const segments = texts.map((text) => {
    const end = Math.round((start + (text.length / total) * AUDIO_SECONDS) * 1e5) / 1e5;
    const segment = { start, end, fingerprint: fingerprint(text), length: text.length, words: [] };
    start = end;
    return segment;
  });
  const sources = [{ src: '/audio/seed.mp3', type: 'audio/mpeg' }];
  return { version: '1.0', lang: 'en-GB', voice: 'test', generator: 'chapters test', duration: AUDIO_SECONDS, sources, segments };
}

async function speaking(): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(`<main>${ARTICLE}<listen-player for="story"></listen-player></main>`);
  await voicesListed(player);
  return player;
}

/** The player reading `ARTICLE` from recorded audio: its manifest, made here, served through the engine's seam. */
async function recorded(): Promise<{ player: ListenPlayer; manifest: ReturnType<typeof manifestFor> }> {
  document.body.innerHTML = ARTICLE;
  const texts = [...document.querySelectorAll('#story > *')].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());
  const manifest = manifestFor(texts);
  useAudioOptions({ fetch: async () => jsonResponse(manifest) });
  const player = await mount(`<main>${ARTICLE}<listen-player for="story" src="/chapters.json"></listen-player></main>`);
  expect(player.segments.map((segment) => segment.text)).toEqual(texts);
  await expect.poll(() => player.duration, { timeout: 5000 }).toBe(AUDIO_SECONDS);
  return { player, manifest };
}

/** Resolves once `player` reads (or stands at) segment `index`: a key's move may be reported before anyone listens. */
async function atSegment(player: ListenPlayer, index: number): Promise<void> {
  await expect.poll(() => player.segmentIndex).toBe(index);
}

/** Each option of the list: its segment, the names of the lists around it (innermost last), and where it is in its own. */
function options(list: HTMLElement) {
  return [...list.querySelectorAll<HTMLButtonElement>('button')].map((button) => {
    const item = button.parentElement!;
    const lists: string[] = [];
    for (let node = item.parentElement; node && node !== list; node = node.parentElement) {
      if (node.getAttribute('role') === 'list') lists.unshift(node.getAttribute('aria-label')!);
    }
    return { index: Number(button.dataset['index']), lists, at: `${item.getAttribute('aria-posinset')}/${item.getAttribute('aria-setsize')}` };
  });
}

/** The chapter ticks' positions on the slider (percent of its length). */
function marks(player: ListenPlayer): number[] {
  return [...player.shadowRoot!.querySelectorAll('.chapter-marks rect')].map((rect) => Number.parseFloat(rect.getAttribute('x')!));
}

describe('chapters in the paragraph list', () => {
  it('groups the paragraphs under their chapters, each a list named by its heading, nested by level', async () => {
    const player = await speaking();
    const list = await openList(player);
    expect(options(list)).toEqual([
      { index: 0, lists: [], at: '1/4' },
      { index: 1, lists: [], at: '2/4' },
      { index: 2, lists: ['Where it starts'], at: '1/4' },
      { index: 3, lists: ['Where it starts'], at: '2/4' },
      { index: 4, lists: ['Where it starts'], at: '3/4' },
      { index: 5, lists: ['Where it starts', 'A part of it'], at: '1/2' },
      { index: 6, lists: ['Where it starts', 'A part of it'], at: '2/2' },
      { index: 7, lists: ['What happens next'], at: '1/2' },
      { index: 8, lists: ['What happens next'], at: '2/2' },
    ]);
    // Each chapter is an item of the list around it, in its place there.
    const chapterItems = [...list.querySelectorAll('[role="listitem"].chapter')].map((item) => item.getAttribute('aria-posinset'));
    expect(chapterItems).toEqual(['3', '4', '4']);
    // The numbers shown are the paragraphs' own, whatever list they are in.
    const shown = [...list.querySelectorAll('button')].map((button) => getComputedStyle(button.parentElement!, '::before').content);
    expect(shown).toEqual(['"1."', '"2."', '"3."', '"4."', '"5."', '"6."', '"7."', '"8."', '"9."']);
    expect(await audit(player)).toEqual([]);
  });

  it('moves focus by chapter with PageUp/PageDown inside the list, and plays from the heading chosen', async () => {
    const player = await speaking();
    const root = player.shadowRoot!;
    await openList(player);
    const focused = () => root.activeElement?.getAttribute('data-index');
    await expect.poll(focused).toBe('0');
    await userEvent.keyboard('{PageDown}');
    await expect.poll(focused).toBe('2');
    await userEvent.keyboard('{PageDown}{PageDown}');
    await expect.poll(focused).toBe('7');
    await userEvent.keyboard('{PageDown}');
    await expect.poll(focused).toBe('7');
    await userEvent.keyboard('{ArrowDown}{PageUp}');
    await expect.poll(focused).toBe('7');
    await userEvent.keyboard('{PageUp}');
    await expect.poll(focused).toBe('5');
    // Moving in the list is not moving the reading: nothing played.
    expect(player.state).toBe('idle');
    await userEvent.keyboard('{Enter}');
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(5);
  });

  it('stays one flat list, numbered as before, in an article without chapters', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`<main><article id="story" lang="en-GB"><h1>Title only.</h1><p>One.</p><p>Two.</p></article><listen-player for="story"></listen-player></main>`);
    await voicesListed(player);
    const list = await openList(player);
    expect(list.querySelectorAll('[role="list"], .chapter')).toHaveLength(0);
    expect(options(list).map((option) => option.at)).toEqual(['1/3', '2/3', '3/3']);
    expect(marks(player)).toEqual([]);
  });
});

describe('chapters in a narrow paragraph list', () => {
  it('keeps every option inside the player at 320 CSS px, five levels deep, without sideways scrolling', async () => {
    await page.viewport(320, 640);
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`<main><article id="story" lang="en-GB"><h1>Deep.</h1><p>Lede.</p>
      <h2>Two</h2><p>a</p><h3>Three</h3><p>b</p><h4>Four</h4><p>c</p><h5>Five</h5><p>d</p>
      <h6>Six, whose heading is long enough to wrap on a narrow screen</h6><p>A paragraph six levels down.</p>
      </article><listen-player for="story"></listen-player></main>`);
    await voicesListed(player);
    const list = await openList(player);
    expect(options(list).at(-1)!.lists).toEqual(['Two', 'Three', 'Four', 'Five', 'Six, whose heading is long enough to wrap on a narrow screen']);
    const root = document.scrollingElement!;
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    const box = list.getBoundingClientRect();
    for (const button of list.querySelectorAll('button')) {
      const at = button.getBoundingClientRect();
      expect(at.left).toBeGreaterThanOrEqual(box.left - 0.5);
      expect(at.right).toBeLessThanOrEqual(box.right + 0.5);
    }
    expect(await audit(player)).toEqual([]);
  });
});

describe('chapters in a long paragraph list', () => {
  it('keeps only the window in the DOM, in the chapters around it, each option saying its place in its chapter', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount('<main><listen-player for="long"></listen-player></main>');
    // 20,000 paragraphs; an h2 before every 20th (1, 21, …) and an h3 before the 10th of each.
    player.closest('main')!.append(manyParagraphs(20_000, 'long', 20));
    await expect.poll(() => player.segments.length, { timeout: 30_000 }).toBe(22_000);
    await voicesListed(player);
    const root = player.shadowRoot!;
    const list = await openList(player);
    const focused = () => Number(root.activeElement?.getAttribute('data-index'));

    await userEvent.keyboard('{End}');
    await expect.poll(focused).toBe(21_999);
    let shown = options(list);
    expect(shown.length).toBeLessThanOrEqual(100);
    // The last chapter: "Chapter 1000" (h2), its part (h3) from its 10th paragraph; 22 segments from 21,978.
    expect(shown.at(-1)).toEqual({ index: 21_999, lists: ['Chapter 1000', 'Part of chapter 1000'], at: '12/12' });
    expect(list.querySelectorAll('[role="list"]').length).toBeLessThanOrEqual(12);

    // Scrolled to the middle: what is in view is there, inside its chapters.
    await scrollToMiddle(list);
    shown = options(list);
    expect(shown.length).toBeLessThanOrEqual(100);
    for (const option of shown) {
      const chapter = Math.floor(option.index / 22) + 1;
      expect(option.lists[0]).toBe(`Chapter ${chapter}`);
    }
    expect([...list.querySelectorAll('button')].filter((option) => option.tabIndex === 0)).toHaveLength(1);

    // Page Down from the focused option goes to the next heading, in the DOM and focused.
    const from = focused();
    await userEvent.keyboard('{PageDown}');
    await expect.poll(focused).toBeGreaterThan(from);
    expect(player.segments[focused()]!.element.localName).toMatch(/^h[23]$/);
  });
});

describe('moving by chapter with PageUp and PageDown', () => {
  it('with the browser voice: to the next heading of any level, back to the chapter start, before the first to the start', async () => {
    const player = await speaking();
    const { play } = controls(player);
    play.focus();
    await userEvent.keyboard('{PageDown}');
    await atSegment(player, 2);
    // Paused (never played), it stays paused at each move, so each press starts from where the last went.
    expect(player.state).not.toBe('playing');
    await userEvent.keyboard('{PageDown}');
    await atSegment(player, 5);
    await userEvent.keyboard('{PageDown}');
    await atSegment(player, 7);
    await userEvent.keyboard('{PageUp}');
    await atSegment(player, 5);
    await userEvent.keyboard('{PageUp}');
    await atSegment(player, 2);
    await userEvent.keyboard('{PageUp}');
    await atSegment(player, 0);

    // While playing, it keeps playing from the chapter.
    player.playSegment(3);
    await untilState(player, 'playing');
    await userEvent.keyboard('{PageUp}');
    await atSegment(player, 2);
    await userEvent.keyboard('{PageDown}');
    await atSegment(player, 5);
    await untilState(player, 'playing');
    expect(await audit(player)).toEqual([]);
  });

  it('without chapters: the keys are the browser’s, the slider’s large step and the page’s scroll', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const plain = ARTICLE.replace(/<(\/?)h[1-6]>/g, '<$1p>');
    const player = await mount(`<main>${plain}<listen-player for="story"></listen-player></main>`);
    await voicesListed(player);
    expect(player.segments).toHaveLength(9);
    // Whether the page's own handlers (a scroll, here) would get the key: the player did not take it.
    const taken: boolean[] = [];
    const look = (event: KeyboardEvent) => taken.push(event.defaultPrevented);
    document.addEventListener('keydown', look);
    try {
      const { play, seek } = controls(player);
      const at = player.segmentIndex;
      play.focus();
      await userEvent.keyboard('{PageDown}');
      expect(taken).toEqual([false]);
      expect(player.segmentIndex).toBe(at);
      seek.focus();
      await userEvent.keyboard('{PageUp}{PageUp}{PageUp}');
      expect(taken).toEqual([false, false, false, false]);
      // The slider moved by its own steps (a tenth of its range each), and the player went there: a paragraph on.
      await expect.poll(() => player.segmentIndex).toBeGreaterThan(0);
      expect(player.currentTime).toBeGreaterThan(0);
      expect(Number(seek.value)).toBeGreaterThan(0);
    } finally {
      document.removeEventListener('keydown', look);
    }
  });

  it('with recorded audio: to the exact start of each chapter in the manifest', async () => {
    const { player, manifest } = await recorded();
    const { seek } = controls(player);
    seek.focus();
    await userEvent.keyboard('{PageDown}');
    await atSegment(player, 2);
    expect(player.currentTime).toBeCloseTo(manifest.segments[2]!.start, 3);
    await userEvent.keyboard('{PageDown}{PageDown}');
    await atSegment(player, 7);
    expect(player.currentTime).toBeCloseTo(manifest.segments[7]!.start, 3);
    // The slider took the key as the player's: it did not move by its own page step on top.
    await player.updateComplete;
    expect(Number(seek.value)).toBeCloseTo(manifest.segments[7]!.start, 3);
  });
});

describe('chapters on the slider', () => {
  it('marks each chapter start with recorded audio, and names the chapter being read in the spoken value', async () => {
    const { player, manifest } = await recorded();
    const { seek } = controls(player);
    // The marks come with the rest of the player: pointing at it loads it.
    await userEvent.hover(player);
    const expected = CHAPTER_SEGMENTS.map((segment) => (100 * manifest.segments[segment]!.start) / AUDIO_SECONDS);
    await expect.poll(() => marks(player)).toHaveLength(3);
    marks(player).forEach((at, i) => expect(at).toBeCloseTo(expected[i]!, 3));
    // Drawn over the slider, under its track, without taking room.
    const ticks = player.shadowRoot!.querySelector('.chapter-marks')!.getBoundingClientRect();
    const slider = seek.getBoundingClientRect();
    expect(ticks.width).toBeGreaterThan(slider.width / 2);
    expect(ticks.left).toBeGreaterThanOrEqual(slider.left);
    expect(ticks.right).toBeLessThanOrEqual(slider.right);
    expect(ticks.top).toBeGreaterThan(slider.top + slider.height / 2);
    expect(ticks.bottom).toBeLessThanOrEqual(slider.bottom + 1);

    expect(seek.getAttribute('aria-valuetext')).toBe('0 seconds of 4 minutes 50 seconds');
    player.seek(manifest.segments[8]!.start + 0.5);
    await expect.poll(() => seek.getAttribute('aria-valuetext')).toMatch(/ of 4 minutes 50 seconds, What happens next$/);
    player.seek(manifest.segments[6]!.start);
    await expect.poll(() => seek.getAttribute('aria-valuetext')).toMatch(/, A part of it$/);
    player.seek(manifest.segments[1]!.start + 0.5);
    await expect.poll(() => seek.getAttribute('aria-valuetext')).toMatch(/ of 4 minutes 50 seconds$/);
    expect(await audit(player)).toEqual([]);
  });

  it('marks the chapters on the browser voice’s estimated timeline, in order and inside the slider', async () => {
    const player = await speaking();
    await expect.poll(() => marks(player)).toHaveLength(3);
    const at = marks(player);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[0]).toBeGreaterThan(0);
    expect(at[2]).toBeLessThan(100);
  });
});

describe('chapters on a right-to-left slider', () => {
  it('mirrors the ticks: the slider starts on the right, and so do the chapters', async () => {
    useFakeSpeech({ voices: [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'Arabic', lang: 'ar' })], charsPerSecond: SLOW });
    const player = await mount(`<main>
      <article id="story" lang="ar" dir="rtl">
        <h1>قصة قصيرة.</h1>
        <p>الفقرة الأولى. فيها جملتان طويلتان بما يكفي لتبعد الفصل الأول عن البداية.</p>
        <h2>الفصل الأول</h2>
        <p>هذه هي الفقرة الثانية.</p>
        <h2>الفصل الثاني</h2>
        <p>هذه هي الفقرة الثالثة والأخيرة.</p>
      </article>
      <listen-player for="story"></listen-player>
    </main>`);
    await voicesListed(player);
    await expect.poll(() => marks(player)).toHaveLength(2);
    const [first, second] = [...player.shadowRoot!.querySelectorAll('.chapter-marks rect')].map((rect) => rect.getBoundingClientRect());
    const slider = controls(player).seek.getBoundingClientRect();
    expect(first!.left).toBeGreaterThan(second!.left);
    expect(first!.right).toBeLessThan(slider.right);
    expect(second!.left).toBeGreaterThan(slider.left);
    // Into the first chapter (speech moves to the start of the sentence there: its heading), named in Arabic.
    player.seek(player.duration * (marks(player)[0]! / 100) + 0.5);
    await expect.poll(() => controls(player).seek.getAttribute('aria-valuetext')).toMatch(/, الفصل الأول$/);
    expect(await audit(player)).toEqual([]);
  });
});

describe('chapters in the Media Session', () => {
  it('lists the chapters with their exact start times where the browser takes them', async () => {
    const spy = spySession();
    const { player, manifest } = await recorded();
    player.play();
    await untilState(player, 'playing');
    expect(spy.refused).toEqual([]);
    const metadata = navigator.mediaSession.metadata!;
    expect(metadata.title).toBe('A story in chapters.');
    // The Chromium these tests run in takes chapters (the next test is a browser that does not).
    expect('chapterInfo' in MediaMetadata.prototype).toBe(true);
    const chapters = (metadata as MediaMetadata & { chapterInfo: readonly { title: string; startTime: number }[] }).chapterInfo;
    expect(chapters.map((chapter) => chapter.title)).toEqual(CHAPTERS);
    chapters.forEach((chapter, i) => expect(chapter.startTime).toBeCloseTo(manifest.segments[CHAPTER_SEGMENTS[i]!]!.start, 3));
  });

  it('lists the chapters on the browser voice’s estimated timeline', async () => {
    const spy = spySession();
    const player = await speaking();
    player.play();
    await untilState(player, 'playing');
    expect(spy.refused).toEqual([]);
    const chapters = (navigator.mediaSession.metadata as MediaMetadata & { chapterInfo: readonly { title: string; startTime: number }[] }).chapterInfo;
    expect(chapters.map((chapter) => chapter.title)).toEqual(CHAPTERS);
    const starts = chapters.map((chapter) => chapter.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[2]).toBeLessThan(player.duration);
  });

  it('gives the rest of the metadata, without chapters, where the browser does not take them', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(MediaMetadata.prototype, 'chapterInfo');
    if (descriptor) delete (MediaMetadata.prototype as { chapterInfo?: unknown }).chapterInfo;
    try {
      const spy = spySession();
      const player = await speaking();
      player.play();
      await untilState(player, 'playing');
      expect(spy.refused).toEqual([]);
      expect(navigator.mediaSession.metadata?.title).toBe('A story in chapters.');
    } finally {
      if (descriptor) Object.defineProperty(MediaMetadata.prototype, 'chapterInfo', descriptor);
    }
  });
});

describe('the demo articles', () => {
  it.each([
    ['the ceasefire explainer', ceasefire, 4],
    ['the Black Sea grain route', blackSea, 3],
  ])('reads %s’s sections as chapters: the list, the keys and the slider', async (_, markup, count) => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const parsed = new DOMParser().parseFromString(markup, 'text/html');
    const main = parsed.querySelector('main')!;
    for (const script of main.querySelectorAll('script')) script.remove();
    // Read by the (fake) voice: the pages' recordings play in real time.
    main.querySelector('listen-player')!.removeAttribute('src');
    document.body.replaceChildren(document.importNode(main, true));
    const player = document.querySelector('listen-player')!;
    await player.updateComplete;
    await voicesListed(player);
    const sections = [...document.querySelectorAll('article h2')].map((heading) => heading.textContent!.replace(/\s+/g, ' ').trim());
    expect(sections).toHaveLength(count);

    const list = await openList(player);
    // The window of the list holds every option of these short articles, so every chapter's list is there.
    const named = [...list.querySelectorAll('[role="list"][aria-label]')].map((group) => group.getAttribute('aria-label'));
    expect(named).toEqual(sections);
    expect(await audit(player)).toEqual([]);
    await userEvent.keyboard('{Escape}');

    controls(player).play.focus();
    for (const section of sections) {
      await userEvent.keyboard('{PageDown}');
      await atSegment(player, player.segments.findIndex((segment) => segment.text === section));
    }
    await expect.poll(() => marks(player)).toHaveLength(count);
    expect(await audit(player)).toEqual([]);
  });
});
