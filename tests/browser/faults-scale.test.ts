/**
 * Fault matrix, size: what the player does per render or per play must not grow with the article. Each test
 * counts the work (options rendered, segments chunked, manifests fetched, characters iterated) rather than
 * timing it; the times are in the benchmark (tests/bench, scale rows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { miniPlayer } from './helpers/follow.js';
import { mount, unmount, untilState, voicesListed } from './helpers/player.js';

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

/** An article of `count` short paragraphs (id "story"), built in the page rather than parsed from a string. */
function manyParagraphs(count: number): HTMLElement {
  const article = document.createElement('article');
  article.id = 'story';
  article.lang = 'en-GB';
  for (let i = 1; i <= count; i++) {
    const paragraph = document.createElement('p');
    paragraph.textContent = `Paragraph ${i} of the long story. It has two sentences.`;
    article.append(paragraph);
  }
  return article;
}

describe('faults: 100,000 paragraphs', () => {
  it('play cuts only the paragraph it reads into sentences, and the time is still the whole article', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount('<listen-player for="story"></listen-player>');
    // Counted from before the article is there: the engine may load (and once cut everything) before play.
    const segmenting = countSegmenting();
    try {
      document.body.append(manyParagraphs(100_000));
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
