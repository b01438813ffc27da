/**
 * Reflow (WCAG 1.4.10) at 320 CSS px, 400 % zoom of a 1280 px window, in real Chromium: no horizontal scroll
 * and every control inside the player, idle, playing, with "Back to the current paragraph", the paragraph list
 * and the mini player, on a plain page and on the demo page (with its recording: the download link too); axe
 * finds nothing in each. Fake speech (slow).
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import demoCss from '../../src/demo/demo.css?inline';
import { loaded, playByKeyboard, wheel } from './helpers/a11y.js';
import { placeDemo } from './helpers/audio.js';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { backButtons, miniPlayer, scrollSettled } from './helpers/follow.js';
import { type ListenPlayer, longArticle, untilSegment, unmount, voicesListed } from './helpers/player.js';
import { overflowing } from './helpers/reflow.js';

afterEach(async () => {
  unmount();
  window.scrollTo(0, 0);
  await page.viewport(414, 896);
});

/** No horizontal scroll on the page, every control and label of the player inside its box, and the mini player on screen. */
function reflowProblems(player: ListenPlayer): string[] {
  const problems = overflowing(player);
  const mini = miniPlayer(player)?.getBoundingClientRect();
  if (mini && (mini.left < 0 || mini.right > document.scrollingElement!.clientWidth)) problems.push(`mini player ${mini.left}–${mini.right}`);
  return problems;
}

describe('reflow at 320 CSS px (400 % zoom of 1280 px)', () => {
  it('holds idle, playing, with the back button, the paragraph list and the mini player; axe finds nothing in each', async () => {
    await page.viewport(320, 640);
    const player = await loaded(`<listen-player for="long"></listen-player>${longArticle(30)}<button id="after">After</button>`);
    expect(reflowProblems(player)).toEqual([]);
    expect(await audit(player)).toEqual([]);

    await playByKeyboard(player);
    expect(reflowProblems(player)).toEqual([]);

    // Reading on far below, then the reader scrolls back up to the player: "Back to the current paragraph".
    const reached = untilSegment(player, 20);
    player.playSegment(20);
    await reached;
    await scrollSettled();
    await wheel(-40_000);
    await expect.poll(() => backButtons(player).length).toBeGreaterThan(0);
    await scrollSettled();
    expect(reflowProblems(player)).toEqual([]);
    expect(await audit(player)).toEqual([]);

    // The paragraph list open.
    player.shadowRoot!.querySelector<HTMLElement>('[part~="paragraphs-button"]')!.click();
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="paragraphs"]')).not.toBeNull();
    expect(reflowProblems(player)).toEqual([]);
    expect(await audit(player)).toEqual([]);
    await userEvent.keyboard('{Escape}');

    // The mini player, at 320 px.
    window.scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    await Promise.all(miniPlayer(player)!.getAnimations().map((animation) => animation.finished));
    expect(reflowProblems(player)).toEqual([]);
    expect(await audit(player)).toEqual([]);
  });
});

/** The demo page with its own styles (removed when the test finishes). */
function demoPage(): ListenPlayer {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(demoCss);
  document.adoptedStyleSheets = [sheet];
  onTestFinished(() => {
    document.adoptedStyleSheets = [];
  });
  return placeDemo();
}

describe('the demo page at 320 CSS px', () => {
  it('keeps the recording’s controls (download link included) inside the player', async () => {
    await page.viewport(320, 640);
    const player = demoPage();
    await player.updateComplete;
    await userEvent.hover(player);
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="download"]'), { timeout: 10_000 }).not.toBeNull();
    expect(reflowProblems(player)).toEqual([]);
  });

  it('has no horizontal scroll, idle and playing with the mini player, and axe finds nothing', async () => {
    await page.viewport(320, 640);
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = demoPage();
    // Web Speech here: the recording is not what this test is about.
    player.removeAttribute('src');
    await player.updateComplete;
    expect(reflowProblems(player)).toEqual([]);
    await voicesListed(player);
    await playByKeyboard(player);
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    await Promise.all(miniPlayer(player)!.getAnimations().map((animation) => animation.finished));
    expect(reflowProblems(player)).toEqual([]);
    expect(await audit(player)).toEqual([]);
  });
});

