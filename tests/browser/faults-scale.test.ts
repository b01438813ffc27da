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
