/**
 * The accessibility statement (docs/accessibility.md), tested as a keyboard-only reader would meet it, in real
 * Chromium with real scrolling: focus stays on screen whenever the player scrolls the page (Play, "Back to the
 * current paragraph", the mini player closing) and follows the reader's intent; the mini player is reached with
 * Alt+Shift+P and closed with Escape from anywhere, and steps aside for a page control focused under it; the
 * group's name is said once. Reflow is in reflow.test.ts. Fake speech (slow).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { deepFocus, focusOnScreen, loaded, miniPlay, playByKeyboard, wheel } from './helpers/a11y.js';
import { LONG_PAGE, backButtons, miniPlayer, scrollSettled, segmentElement } from './helpers/follow.js';
import { controls, longArticle, untilSegment, untilState, unmount } from './helpers/player.js';

/** The player under a tall lead picture, as on a news page: its heading (read first) is far above it. */
const LEAD_PAGE = longArticle(30).replace(
  '</h1>',
  '</h1><div style="height: 1600px"></div><listen-player for="long"></listen-player>',
);

afterEach(async () => {
  unmount();
  window.scrollTo(0, 0);
  await page.viewport(414, 896);
});

describe('focus stays on screen when the player scrolls the page', () => {
  it('Play scrolls up to the heading: focus moves to the mini player’s pause button, in view', async () => {
    await page.viewport(1280, 800);
    const player = await loaded(LEAD_PAGE);
    player.scrollIntoView({ block: 'center' });
    await playByKeyboard(player);
    await expect.poll(() => segmentElement(player, 0).getBoundingClientRect().top >= 0).toBe(true);
    await scrollSettled();
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    expect(focusOnScreen()).toBe(true);
    expect(miniPlay(player)!.getAttribute('aria-label')).toBe('Pause');
    expect(miniPlay(player)!.matches(':focus-visible')).toBe(true);
  });

  it('"Back to the current paragraph" (inline) leaves focus on the mini player’s play button, in view', async () => {
    await page.viewport(1280, 800);
    const player = await loaded(`${'<listen-player for="long"></listen-player>'}${longArticle(40)}`);
    await playByKeyboard(player);
    const reached = untilSegment(player, 25);
    player.playSegment(25);
    await reached;
    await scrollSettled();
    // The reader goes back up to the player with the wheel: following waits and the inline button is offered.
    await wheel(-20_000);
    await expect.poll(() => backButtons(player).length).toBeGreaterThan(0);
    await scrollSettled();
    const back = backButtons(player)[0]!;
    back.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => segmentElement(player, 25).getBoundingClientRect().top > 0).toBe(true);
    await scrollSettled();
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    expect(focusOnScreen()).toBe(true);
  });

  it('"Back to the current paragraph" while paused brings the mini player, with focus on its play button', async () => {
    await page.viewport(1280, 800);
    const player = await loaded(`<listen-player for="long"></listen-player>${longArticle(40)}`);
    await playByKeyboard(player);
    const reached = untilSegment(player, 25);
    player.playSegment(25);
    await reached;
    await scrollSettled();
    await wheel(-20_000);
    await expect.poll(() => backButtons(player).length).toBeGreaterThan(0);
    await scrollSettled();
    controls(player).play.focus();
    await userEvent.keyboard('k');
    await untilState(player, 'paused');
    await expect.poll(() => miniPlayer(player)).toBeNull();
    backButtons(player)[0]!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    await scrollSettled();
    expect(focusOnScreen()).toBe(true);
    expect(miniPlay(player)!.getAttribute('aria-label')).toBe('Play');
  });

  it('closing the mini player from inside it puts focus on the inline play button, scrolled into view', async () => {
    await page.viewport(1280, 800);
    const player = await loaded(LEAD_PAGE);
    player.scrollIntoView({ block: 'center' });
    await playByKeyboard(player);
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => miniPlayer(player)).toBeNull();
    await scrollSettled();
    expect(deepFocus()).toBe(controls(player).play);
    expect(focusOnScreen()).toBe(true);
    expect(player.state).toBe('playing');

    // Focus is in the player and the bar is closed: reading on to a paragraph out of view does not scroll the
    // page away from focus; following waits and offers the way back.
    const reached = untilSegment(player, 20);
    player.playSegment(20);
    await reached;
    await expect.poll(() => backButtons(player).length).toBe(1);
    expect(focusOnScreen()).toBe(true);
    expect(deepFocus()).toBe(controls(player).play);
  });

  it('"Start over" from the resume offer moves focus to the mini player’s pause button once reading scrolls away', async () => {
    await page.viewport(1280, 800);
    const endPage = `${longArticle(20)}<listen-player for="long"></listen-player>`;
    const first = await loaded(endPage);
    const reached = untilSegment(first, 6);
    first.playSegment(6);
    await reached;
    await untilState(first, 'playing');
    first.pause();
    await untilState(first, 'paused');
    // The reader leaves (the place is saved) and comes back: the offer stands.
    document.body.replaceChildren();
    const player = await loaded(endPage);
    const startOver = player.shadowRoot!.querySelector<HTMLElement>('[part~="start-over-button"]');
    expect(startOver).not.toBeNull();
    player.scrollIntoView({ block: 'center' });
    startOver!.focus();
    await userEvent.keyboard('{Enter}');
    await untilState(player, 'playing');
    await scrollSettled();
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    expect(focusOnScreen()).toBe(true);
    expect(player.segmentIndex).toBe(0);
  });
});

describe('names', () => {
  it('says the group’s name once: the label shown inside it is hidden from the accessibility tree', async () => {
    const player = await loaded(`<listen-player for="long"></listen-player>${longArticle(2)}`);
    const group = player.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Listen to this article');
    const label = player.shadowRoot!.querySelector('.label')!;
    expect(label.textContent).toBe('Listen to this article');
    expect(label.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('the mini player from anywhere on the page', () => {
  it('Alt+Shift+P focuses it from the end of the page; Escape there closes it; focus never hides under it', async () => {
    const player = await loaded(`${LONG_PAGE.replace('<main>', '').replace('</main>', '')}`);
    await playByKeyboard(player);
    const after = document.getElementById('after')!;
    after.scrollIntoView({ block: 'center' });
    after.focus();
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    const readerAt = window.scrollY;

    await userEvent.keyboard('{Alt>}{Shift>}P{/Shift}{/Alt}');
    expect(deepFocus()).toBe(miniPlay(player));
    expect(focusOnScreen()).toBe(true);
    expect(window.scrollY, 'reached without scrolling').toBe(readerAt);
    after.focus();

    await userEvent.keyboard('{Escape}');
    await expect.poll(() => miniPlayer(player)).toBeNull();
    expect(deepFocus(), 'focus stays where the reader is').toBe(after);
    expect(player.state).toBe('playing');
  });

  it('steps aside for a page control focused under it, and comes back on Alt+Shift+P or when focus moves on (320 × 256)', async () => {
    await page.viewport(320, 256);
    const player = await loaded(`<listen-player for="long" no-follow></listen-player>${longArticle(12)}<footer>
      <button id="top" style="position: fixed; top: 0">Top</button><a id="last-link" href="#about">About</a></footer>`);
    await playByKeyboard(player);
    window.scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    const mini = miniPlayer(player)!;
    expect(mini.getBoundingClientRect().height, 'one row at a short viewport').toBeLessThan(70);
    const last = document.getElementById('last-link')!;
    last.focus();
    await expect.poll(() => miniPlayer(player)).toBeNull();
    expect(focusOnScreen()).toBe(true);
    // Alt+Shift+P brings it back, focused.
    await userEvent.keyboard('{Alt>}{Shift>}P{/Shift}{/Alt}');
    await expect.poll(() => miniPlay(player) !== null && deepFocus() === miniPlay(player)).toBe(true);
    expect(focusOnScreen()).toBe(true);
    // Focus moves on to the page under it again, then to a control clear of it: it steps aside and returns.
    last.focus();
    await expect.poll(() => miniPlayer(player)).toBeNull();
    document.getElementById('top')!.focus();
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
  });
});
