/**
 * Fault matrix, size: what the player does per render or per play must not grow with the article. Each test
 * counts the work (options rendered, segments chunked, manifests fetched, characters iterated) rather than
 * timing it; the times are in the benchmark (tests/bench, scale rows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SEED, placeDemo, seedManifest, useAudioOptions } from './helpers/audio.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { miniPlayer } from './helpers/follow.js';
import { openList, scrollToMiddle } from './helpers/paragraph-list.js';
import { type ListenPlayer, controls, mount, record, unmount, untilState, voicesListed } from './helpers/player.js';
import { manyParagraphs } from '../fixtures/many-paragraphs.js';

afterEach(() => unmount());

/** Counts how often a string longer than `length` is iterated (`[...text]`, `for…of`) until the test ends. */
function countIterations(length: number): { readonly count: number; restore(): void } {
  const native = String.prototype[Symbol.iterator];
  const counter = { count: 0, restore: () => Object.defineProperty(String.prototype, Symbol.iterator, { value: native }) };
  Object.defineProperty(String.prototype, Symbol.iterator, {
    configurable: true,
    writable: true,
    value(this: string) {
      if (this.length > length) counter.count++;
      return native.call(this);
    },
  });
  return counter;
}

/** Counts the calls of `Intl.Segmenter.prototype.segment` (cutting text into sentences or words) until restored. */
function countSegmenting(): { readonly count: number; restore(): void } {
  const native = Intl.Segmenter.prototype.segment;
  const counter = { count: 0, restore: () => (Intl.Segmenter.prototype.segment = native) };
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    counter.count++;
    return native.call(this, input);
  };
  return counter;
}


describe('faults: 20,000 paragraphs in the paragraph list', () => {
  /** The options in the DOM: their index (0-based), position and set size as a screen reader hears them. */
  function options(player: ListenPlayer) {
    const items = [...player.shadowRoot!.querySelectorAll<HTMLElement>('[part~="paragraphs"] > [role="listitem"]')];
    return items.map((item) => ({
      index: Number(item.querySelector('button')!.dataset['index']),
      posinset: item.getAttribute('aria-posinset'),
      setsize: item.getAttribute('aria-setsize'),
      // The number shown beside the option.
      value: Number.parseInt(getComputedStyle(item, '::before').content.replace(/^"|"$/g, ''), 10),
    }));
  }

  it('renders only the options around the view; keys and scrolling reach every one, each saying where it is', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount('<listen-player for="story"></listen-player>');
    document.body.append(manyParagraphs(20_000, 'story'));
    await expect.poll(() => player.segments.length, { timeout: 30_000 }).toBe(20_000);
    await voicesListed(player);
    const root = player.shadowRoot!;
    // The list's module loads the first time it opens.
    const list = await openList(player);

    let shown = options(player);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown[0]).toEqual({ index: 0, posinset: '1', setsize: '20000', value: 1 });
    expect(root.activeElement?.getAttribute('data-index')).toBe('0');
    // No HTML list: Chromium numbers a list's items by walking the whole page each time they change.
    expect(root.querySelectorAll('ol, ul, li')).toHaveLength(0);

    await userEvent.keyboard('{End}');
    await expect.poll(() => root.activeElement?.getAttribute('data-index')).toBe('19999');
    shown = options(player);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown.at(-1)).toEqual({ index: 19_999, posinset: '20000', setsize: '20000', value: 20_000 });
    expect(root.activeElement!.textContent!.trim()).toBe(player.segments[19_999]!.text);
    // Scrolled into view at the end of the list.
    const box = list.getBoundingClientRect();
    const last = root.activeElement!.getBoundingClientRect();
    expect(last.top).toBeGreaterThanOrEqual(box.top - 1); // sub-pixel layout
    expect(last.bottom).toBeLessThanOrEqual(box.bottom + 1);
    expect(list.scrollTop + list.clientHeight).toBeGreaterThan(list.scrollHeight - 50);
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => root.activeElement?.getAttribute('data-index')).toBe('19998');

    // Scrolled to the middle with the bar or wheel: what is in view is there, and the tab stop goes along.
    await scrollToMiddle(list);
    shown = options(player);
    expect(shown.length).toBeLessThanOrEqual(100);
    const middle = shown.map((option) => option.index);
    expect(Math.min(...middle)).toBeGreaterThan(5_000);
    expect(Math.max(...middle)).toBeLessThan(15_000);
    expect(shown.every((option) => option.posinset === String(option.index + 1) && option.setsize === '20000')).toBe(true);
    expect([...list.querySelectorAll('button')].filter((option) => option.tabIndex === 0)).toHaveLength(1);
    const stop = list.querySelector<HTMLButtonElement>('button[tabindex="0"]')!;
    await expect.poll(() => root.activeElement).toBe(stop);

    // Home, and a choice plays from there.
    await userEvent.keyboard('{Home}{ArrowDown}{Enter}');
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(1);
  });
});

describe('faults: 100,000 paragraphs', () => {
  it('play cuts only the paragraph it reads into sentences, and the time is still the whole article', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount('<listen-player for="story"></listen-player>');
    // Counted from before the article is there: the engine may load (and once cut everything) before play.
    const segmenting = countSegmenting();
    try {
      document.body.append(manyParagraphs(100_000, 'story'));
      await expect.poll(() => player.segments.length, { timeout: 30_000 }).toBe(100_000);
      await voicesListed(player);
      player.play();
      await untilState(player, 'playing', 30_000);
    } finally {
      segmenting.restore();
    }
    expect(fake.texts).toEqual(['Paragraph 1 of the long story.']);
    // One paragraph into sentences, and its first sentence into words (for the word timing).
    expect(segmenting.count).toBeLessThan(10);
    // The estimate is by characters: every paragraph counts, cut or not (14.5 characters a second at first).
    const chars = player.segments.reduce((sum, segment) => sum + segment.text.length, 0);
    expect(player.duration).toBeCloseTo(chars / 14.5, 0);

    // Seeking far on cuts only the paragraph it lands in.
    const far = countSegmenting();
    try {
      player.playSegment(99_999);
      await expect.poll(() => fake.texts.at(-1)).toBe('Paragraph 100000 of the long story.');
    } finally {
      far.restore();
    }
    expect(far.count).toBeLessThan(10);
  });
});

describe('faults: src changed 500 times while playing', () => {
  it('loads the first and the last source only, and plays the last', async () => {
    const manifest = JSON.stringify(await seedManifest());
    const asked: string[] = [];
    useAudioOptions({
      fetch: async (input) => {
        asked.push(String(input));
        return new Response(manifest, { headers: { 'Content-Type': 'application/json' } });
      },
    });
    const player = placeDemo();
    await player.updateComplete;
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing', 20_000);
    const events = record(player);
    asked.length = 0;

    for (let i = 1; i <= 500; i++) {
      player.src = `${SEED}?take=${i}`;
      await player.updateComplete;
    }
    await expect.poll(() => asked.at(-1), { timeout: 10_000 }).toMatch(/\?take=500$/);
    await untilState(player, 'playing', 20_000);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/\?take=1$/);
    expect(player.activeEngine).toBe('audio');
    expect(events.errors).toEqual([]);
    player.pause();
    await untilState(player, 'paused');
  });
});

describe('faults: a 5 MB paragraph', () => {
  it('the mini player renders its preview without going through the paragraph', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const sentence = 'The river was high after a week of rain, and the bridge was closed to traffic. ';
    const text = sentence.repeat(Math.ceil(5_000_000 / sentence.length)).trim();
    const player = await mount('<listen-player for="story"></listen-player><article id="story" lang="en-GB"><p></p></article>');
    document.querySelector('#story p')!.textContent = text;
    await voicesListed(player);
    expect(player.segments[0]!.text.length).toBeGreaterThan(5_000_000);
    player.play();
    await untilState(player, 'playing', 30_000);
    await userEvent.wheel(document.body, { delta: { y: 2000 } });
    await expect.poll(() => miniPlayer(player), { timeout: 5000 }).not.toBeNull();

    const iterations = countIterations(1_000_000);
    try {
      for (let render = 0; render < 5; render++) {
        player.requestUpdate();
        await player.updateComplete;
      }
    } finally {
      iterations.restore();
    }
    expect(iterations.count).toBe(0);
    expect(miniPlayer(player)!.querySelector('.mini-text')!.textContent).toBe(text.slice(0, 160));
  });
});
