/**
 * The mini player, in real Chromium with real scrolling: an axe audit first; when it appears and goes (out of
 * view while playing, kept while paused, gone when the player is back in view or reading ends); closing it
 * (focus goes to the inline play button, brought into view; it stays closed for this listen); the keyboard; no layout shift;
 * its place at the inline end. Fake speech; most tests turn following off so only the reader scrolls.
 */
import { audit } from './helpers/axe.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { LONG_PAGE, backButtons, miniPlayer, segmentElement } from './helpers/follow.js';
import { type ListenPlayer, controls, mount, sleep, untilSegment, untilState, unmount, voicesListed } from './helpers/player.js';

const UNFOLLOWED_PAGE = LONG_PAGE.replace('<listen-player', '<listen-player no-follow');

/** The page with `markup` (by default: following off), playing from the inline play button. */
async function playing(markup = UNFOLLOWED_PAGE, charsPerSecond = SLOW): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond });
  const player = await mount(markup);
  await voicesListed(player);
  await userEvent.click(controls(player).play);
  await untilState(player, 'playing');
  return player;
}

/** The reader scrolls the page with the mouse wheel, over whatever is in the middle of the view. */
async function wheel(deltaY: number): Promise<void> {
  const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
  await userEvent.wheel(target, { delta: { y: deltaY } });
}

/**
 * Resolves once the player has seen itself come into view (`inView`) or leave it, and has rendered what that
 * changes: an observer made now, on the player and with its threshold, is told after the player's own.
 */
async function seen(player: ListenPlayer, inView: boolean): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.at(-1)!.intersectionRatio >= 0.5 !== inView) return;
        observer.disconnect();
        resolve();
      },
      { threshold: 0.5 },
    );
    observer.observe(player);
  });
  await player.updateComplete;
}

/** Scrolls until the inline player is out of view and waits for the mini player. */
async function scrollAway(player: ListenPlayer): Promise<HTMLElement> {
  await wheel(2000);
  await expect.poll(() => miniPlayer(player)).not.toBeNull();
  const mini = miniPlayer(player)!;
  // Its entrance (a short fade) over: what is audited and measured is what the reader sees once it is there.
  await Promise.all(mini.getAnimations().map((animation) => animation.finished));
  return mini;
}

function miniControl(player: ListenPlayer, selector: '.mini-play' | '.mini-close' | 'progress'): HTMLElement {
  const control = miniPlayer(player)?.querySelector<HTMLElement>(selector);
  if (!control) throw new Error(`No ${selector} in the mini player.`);
  return control;
}

/** Whether `element` is wholly inside the viewport. */
function onScreen(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= 0 && bottom <= window.innerHeight;
}

/** The element focused inside the player's shadow root, or the page's focused element when focus is outside. */
function focused(player: ListenPlayer): Element | null {
  return player.shadowRoot!.activeElement ?? document.activeElement;
}

afterEach(async () => {
  unmount();
  window.scrollTo(0, 0);
  await page.viewport(414, 896);
});

describe('mini player', () => {
  it('finds nothing to fix with axe-core, with the back button and paused', async () => {
    const player = await playing(LONG_PAGE);
    const mini = await scrollAway(player);
    await expect.poll(() => backButtons(player).length).toBe(2);
    expect(mini.getAttribute('aria-label')).toBe('Listen to this article: mini player');
    expect(mini.localName).toBe('section');
    expect(await audit(player)).toEqual([]);
    await userEvent.click(miniControl(player, '.mini-play'));
    await untilState(player, 'paused');
    expect(await audit(player)).toEqual([]);
  });

  it('appears when the inline player leaves the view while playing, shows the paragraph, and goes when it is back', async () => {
    const player = await playing();
    expect(miniPlayer(player)).toBeNull();
    const mini = await scrollAway(player);
    expect(getComputedStyle(mini).position).toBe('fixed');
    const { bottom } = mini.getBoundingClientRect();
    expect(bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(bottom).toBeGreaterThan(window.innerHeight - 40);
    expect(miniControl(player, '.mini-play').getAttribute('aria-label')).toBe('Pause');
    expect(mini.querySelector('.mini-text')!.textContent).toBe(player.segments[player.segmentIndex]!.text.slice(0, 160));
    expect(miniControl(player, 'progress').getAttribute('aria-label')).toBe('Position');

    // The paragraph changes: so does the preview.
    const reached = untilSegment(player, 7);
    player.playSegment(7);
    await reached;
    await player.updateComplete;
    expect(mini.querySelector('.mini-text')!.textContent).toMatch(/^Paragraph 7 begins/);

    await wheel(-5000);
    await expect.poll(() => miniPlayer(player)).toBeNull();
  });

  it('stays while paused from it, does not appear for a player paused before scrolling, and goes when reading ends', async () => {
    const player = await playing(UNFOLLOWED_PAGE, 400);
    await scrollAway(player);
    await userEvent.click(miniControl(player, '.mini-play'));
    await untilState(player, 'paused');
    await sleep(100);
    expect(miniPlayer(player), 'kept while paused so the reader can resume').not.toBeNull();
    expect(miniControl(player, '.mini-play').getAttribute('aria-label')).toBe('Play');

    await wheel(-5000);
    await expect.poll(() => miniPlayer(player)).toBeNull();
    await wheel(2000);
    await seen(player, false);
    expect(miniPlayer(player), 'paused with the player in view, then scrolled away').toBeNull();

    // Playing again (by the keyboard shortcut on the player) brings it; reading to the end removes it.
    controls(player).play.focus({ preventScroll: true });
    await userEvent.keyboard('k');
    await untilState(player, 'playing');
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    player.playSegment(player.segments.length - 1);
    await untilState(player, 'ended');
    expect(miniPlayer(player)).toBeNull();
  });

  it('closes for the rest of the listen, with focus on the inline play button, brought into view', async () => {
    const player = await playing();
    await scrollAway(player);
    const close = miniControl(player, '.mini-close');
    expect(close.getAttribute('aria-label')).toBe('Close the mini player');
    await userEvent.click(close);
    await expect.poll(() => miniPlayer(player)).toBeNull();
    expect(focused(player)).toBe(controls(player).play);
    expect(onScreen(controls(player).play), 'focus is never left off-screen').toBe(true);

    // Back up past the player and down again, still playing: it stays closed.
    await wheel(-5000);
    await seen(player, true);
    await wheel(2000);
    await seen(player, false);
    expect(miniPlayer(player)).toBeNull();

    // Play pressed again in the inline player: a new start, it comes back when the player leaves the view.
    await wheel(-5000);
    await userEvent.click(controls(player).play);
    await untilState(player, 'paused');
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    await scrollAway(player);
  });

  it('is reached with Shift+Tab from the end of the page; shortcuts work in it and Escape closes it', async () => {
    const player = await playing();
    const after = document.getElementById('after')!;
    after.focus();
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    const readerAt = window.scrollY;

    await userEvent.tab({ shift: true });
    expect(focused(player)).toBe(miniControl(player, '.mini-close'));
    await userEvent.tab({ shift: true });
    const play = miniControl(player, '.mini-play');
    expect(focused(player)).toBe(play);
    expect(play.matches(':focus-visible')).toBe(true);
    expect(getComputedStyle(play).outlineStyle).not.toBe('none');
    expect(window.scrollY, 'the fixed bar is reached without scrolling').toBe(readerAt);

    await userEvent.keyboard('k');
    await untilState(player, 'paused');
    await userEvent.keyboard(' ');
    await untilState(player, 'playing');
    expect(focused(player)).toBe(miniControl(player, '.mini-play'));

    await userEvent.keyboard('{Escape}');
    await expect.poll(() => miniPlayer(player)).toBeNull();
    expect(focused(player)).toBe(controls(player).play);
    expect(onScreen(controls(player).play), 'focus is brought into view with it').toBe(true);
    expect(player.state).toBe('playing');
  });

  it('appears (with the back button, inline and in the bar) without moving anything on the page', async () => {
    const player = await playing(LONG_PAGE);
    const first = segmentElement(player, 1);
    const pageTop = () => first.getBoundingClientRect().top + window.scrollY;
    const before = pageTop();
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    });
    observer.observe({ type: 'layout-shift' });
    await scrollAway(player);
    await expect.poll(() => backButtons(player).length).toBe(2);
    await sleep(300);
    observer.disconnect();
    expect(pageTop()).toBe(before);
    expect(shifts).toEqual([]);
  });

  it('sits at the inline end on a wide screen: right in left-to-right text, left in right-to-left', async () => {
    await page.viewport(1000, 700);
    const player = await playing();
    let mini = await scrollAway(player);
    let box = mini.getBoundingClientRect();
    expect(box.width).toBeLessThan(500);
    expect(box.right).toBeGreaterThan(document.documentElement.clientWidth - 20);
    unmount();
    window.scrollTo(0, 0);

    const rtl = await playing(UNFOLLOWED_PAGE.replace('<main>', '<main dir="rtl">'));
    mini = await scrollAway(rtl);
    box = mini.getBoundingClientRect();
    expect(box.width).toBeLessThan(500);
    expect(box.left).toBeLessThan(20);
  });
});
