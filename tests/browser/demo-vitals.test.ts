/**
 * The demo page's Core Web Vitals panel (src/demo/vitals.ts) with the player's mini player, on a phone-sized
 * screen, with the demo's own styles: the panel sits where the mini player never is, so neither covers the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/demo/demo.css';
import { showVitals } from '../../src/demo/vitals.js';
import { placeDemo } from './helpers/audio.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { miniPlayer } from './helpers/follow.js';
import { controls, unmount, untilState, voicesListed } from './helpers/player.js';

afterEach(async () => {
  unmount();
  window.scrollTo(0, 0);
  await page.viewport(414, 896);
});

function box(element: Element): { left: number; top: number; right: number; bottom: number } {
  const { left, top, right, bottom } = element.getBoundingClientRect();
  return { left, top, right, bottom };
}

describe('the demo page on a phone', () => {
  it('keeps the vitals panel clear of the mini player', async () => {
    await page.viewport(375, 667);
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = placeDemo();
    // The browser's voice, and only the reader scrolls.
    player.removeAttribute('src');
    player.setAttribute('no-follow', '');
    await player.updateComplete;
    showVitals();
    const panel = document.querySelector('.vitals');
    expect(panel).not.toBeNull();

    await voicesListed(player);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
    await userEvent.wheel(target, { delta: { y: 2500 } });
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    const mini = miniPlayer(player)!;
    await Promise.all(mini.getAnimations().map((animation) => animation.finished));

    const a = box(panel!);
    const b = box(mini);
    // Both in view, and apart.
    for (const shown of [a, b]) {
      expect(shown.top).toBeGreaterThanOrEqual(0);
      expect(shown.bottom).toBeLessThanOrEqual(window.innerHeight);
    }
    const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect({ panel: a, mini: b, overlap }).toEqual({ panel: a, mini: b, overlap: false });
  });
});
