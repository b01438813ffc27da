/**
 * `listen-progress` in real Chromium: with the seed audio, each threshold fires when playback reaches it from
 * just before, not when a seek jumps past it, 100 at the end, once each per listen, and again in the next
 * listen; with Web Speech, a whole pass fires 25, 50, 75, 100 in order.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { placeDemo, seedManifest } from './helpers/audio.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, SHORT_ARTICLE, mount, untilState, unmount, voicesListed } from './helpers/player.js';

afterEach(unmount);

/** The percents of `listen-progress` events, recorded on the document (so they bubble) until the test ends. */
function progress(player: ListenPlayer): number[] {
  const percents: number[] = [];
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  document.addEventListener(
    'listen-progress',
    (event) => {
      if (event.composedPath().includes(player)) percents.push(event.detail.percent);
    },
    { signal: stop.signal },
  );
  return percents;
}

/** Resolves when `percents` has `count` entries; rejects after `timeout` ms. */
async function until(percents: number[], count: number, timeout = 3000): Promise<void> {
  await expect.poll(() => percents.length, { timeout }).toBeGreaterThanOrEqual(count);
}

async function demo(): Promise<{ player: ListenPlayer; duration: number }> {
  const { duration } = await seedManifest();
  const player = placeDemo();
  await player.updateComplete;
  await expect.poll(() => player.duration, { timeout: 5000 }).toBe(duration);
  return { player, duration };
}

describe('listen-progress with recorded narration', () => {
  it('fires a threshold played into, not one seeked past, and 100 at the end, once each', async () => {
    const { player, duration } = await demo();
    const percents = progress(player);
    player.seek(duration * 0.25 - 0.5);
    player.play();
    await untilState(player, 'playing', 10_000);
    await until(percents, 1);
    expect(percents).toEqual([25]);

    // Jumping past 50 % is not listening to it (however far it then plays on).
    player.seek(duration * 0.5 + 0.2);
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(duration * 0.5 + 0.7);
    expect(percents).toEqual([25]);

    player.seek(duration * 0.75 - 0.5);
    await until(percents, 2);
    player.seek(duration - 0.5);
    await untilState(player, 'ended', 3000);
    // Played again over 75 % in the same listen: nothing new.
    player.seek(duration * 0.75 - 0.5);
    player.play();
    await untilState(player, 'playing', 5000);
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(duration * 0.75 + 0.3);
    expect(percents).toEqual([25, 75, 100]);
  });

  it('fires again in the next listen: after the end, and after going back to the start', async () => {
    const { player, duration } = await demo();
    const percents = progress(player);
    player.seek(duration - 0.5);
    player.play();
    await untilState(player, 'ended', 10_000);
    expect(percents).toEqual([100]);

    // A play after the end starts over from the beginning: a new listen.
    player.play();
    await untilState(player, 'playing', 5000);
    player.seek(duration * 0.25 - 0.5);
    await until(percents, 2);
    expect(percents).toEqual([100, 25]);

    // "Start over" while playing: back to 0 is a new listen too.
    // Back at the start, as the player has told its listeners, and sent on again at once.
    const back = new Promise<void>((resolve) => {
      const listener = (event: CustomEvent<{ index: number }>) => {
        if (event.detail.index !== 0) return;
        player.removeEventListener('listen-segmentchange', listener);
        resolve();
      };
      player.addEventListener('listen-segmentchange', listener);
    });
    player.seek(0);
    await back;
    player.seek(duration * 0.25 - 0.5);
    await until(percents, 3);
    expect(percents).toEqual([100, 25, 25]);
  });
});

describe('listen-progress with Web Speech', () => {
  it('fires 25, 50, 75 and 100 in order over a whole pass, and again on the next', async () => {
    // A voice a third faster than the engine's first estimate (so its clock jumps ahead at each sentence's
    // end), at 3×: about 2 s a pass.
    useFakeSpeech({ charsPerSecond: 20 });
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story" rate="3"></listen-player>`);
    await voicesListed(player);
    const percents = progress(player);
    player.play();
    await untilState(player, 'ended', 10_000);
    expect(percents).toEqual([25, 50, 75, 100]);

    player.play();
    await untilState(player, 'ended', 10_000);
    expect(percents).toEqual([25, 50, 75, 100, 25, 50, 75, 100]);
  });
});

declare global {
  interface DocumentEventMap {
    'listen-progress': HTMLElementEventMap['listen-progress'];
  }
}
