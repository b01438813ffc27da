/**
 * Following the paragraph being read (auto-scroll that yields), in real Chromium with real scrolling: the
 * page scrolls to the active paragraph, a reader's own wheel scroll pauses that and offers "Back to the current
 * paragraph", the paragraph coming back into view resumes it, reduced motion scrolls instantly, `no-follow`
 * turns it off, and an article in a scrollable box is followed inside the box. Fake speech (slow: a paragraph
 * stays active while the test looks).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import {
  LONG_PAGE,
  backButtons,
  emulateReducedMotion,
  inView,
  scrollSettled,
  segmentElement,
  spyOnScrollIntoView,
} from './helpers/follow.js';
import { type ListenPlayer, controls, longArticle, mount, sleep, untilSegment, untilState, unmount, voicesListed } from './helpers/player.js';

/** The page with `markup`, playing from the start with a slow fake voice. */
async function playing(markup = LONG_PAGE): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(markup);
  await voicesListed(player);
  await userEvent.click(controls(player).play);
  await untilState(player, 'playing');
  return player;
}

/** Jumps to segment `index` and waits until it is the active one. */
async function jump(player: ListenPlayer, index: number): Promise<void> {
  const reached = untilSegment(player, index);
  player.playSegment(index);
  await reached;
}

/** Moves to the next paragraph and waits until it is active. */
async function next(player: ListenPlayer): Promise<void> {
  const reached = untilSegment(player, player.segmentIndex + 1);
  player.next();
  await reached;
}

afterEach(() => {
  unmount();
  window.scrollTo(0, 0);
});

describe('following the paragraph being read', () => {
  it('scrolls the active paragraph into view (centred, smoothly), and only when it is not in view already', async () => {
    const scrolls = spyOnScrollIntoView();
    const player = await playing();
    await sleep(200);
    expect(scrolls, 'the heading read first is in view: nothing to scroll').not.toHaveBeenCalled();
    expect(window.scrollY).toBe(0);

    await jump(player, 20);
    await expect.poll(() => inView(segmentElement(player, 20))).toBe(true);
    expect(window.scrollY).toBeGreaterThan(1000);
    expect(scrolls).toHaveBeenCalledTimes(1);
    expect(scrolls.mock.contexts[0]).toBe(segmentElement(player, 20));
    expect(scrolls.mock.calls[0]![0]).toEqual({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    await scrollSettled();

    // The next paragraph is below the centred one, inside the view: the page stays where it is.
    const settledAt = window.scrollY;
    await next(player);
    await sleep(300);
    expect(inView(segmentElement(player, 21))).toBe(true);
    expect(scrolls).toHaveBeenCalledTimes(1);
    expect(window.scrollY).toBe(settledAt);
  });

  it('yields to the reader scrolling away, then "Back to the current paragraph" returns there and follows again', async () => {
    const scrolls = spyOnScrollIntoView();
    const player = await playing();
    await jump(player, 20);
    await scrollSettled();
    expect(backButtons(player)).toHaveLength(0);

    await userEvent.wheel(segmentElement(player, 20), { delta: { y: 2500 } });
    // Inline (off-screen now) and in the mini player that appeared.
    await expect.poll(() => backButtons(player).length).toBe(2);
    expect(backButtons(player).map((button) => button.textContent?.trim())).toEqual([
      'Back to the current paragraph',
      'Back to the current paragraph',
    ]);

    scrolls.mockClear();
    const readerAt = window.scrollY;
    await next(player);
    await sleep(400);
    expect(scrolls, 'a paragraph change while the reader is elsewhere does not scroll').not.toHaveBeenCalled();
    expect(window.scrollY).toBe(readerAt);
    expect(inView(segmentElement(player, 21))).toBe(false);

    const mini = player.shadowRoot!.querySelector<HTMLButtonElement>('.mini [part~="back-to-current"]')!;
    await userEvent.click(mini);
    await expect.poll(() => inView(segmentElement(player, 21))).toBe(true);
    expect(backButtons(player)).toHaveLength(0);
    // The button went away under the reader's focus: focus is on the mini player's play button, not lost.
    expect(player.shadowRoot!.activeElement).toBe(player.shadowRoot!.querySelector('.mini-play'));
    await scrollSettled();

    // Following again: a paragraph far below is scrolled to.
    await jump(player, 35);
    await expect.poll(() => inView(segmentElement(player, 35))).toBe(true);
  });

  it('follows again by itself when reading reaches a paragraph in view, or the reader scrolls back to it', async () => {
    const scrolls = spyOnScrollIntoView();
    const player = await playing();
    await jump(player, 10);
    await scrollSettled();

    await userEvent.wheel(segmentElement(player, 10), { delta: { y: 2000 } });
    await expect.poll(() => backButtons(player).length).toBeGreaterThan(0);

    // Reading reaches a paragraph the reader is looking at (the one in the middle of the view).
    const middle = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)!.closest('p')!;
    const looking = player.segments.findIndex((segment) => segment.element === middle);
    expect(looking).toBeGreaterThan(10);
    scrolls.mockClear();
    await jump(player, looking);
    await expect.poll(() => backButtons(player)).toHaveLength(0);
    expect(scrolls).not.toHaveBeenCalled();

    // Away again (up), then back by the reader's own scrolling: following resumes without the button.
    await userEvent.wheel(middle, { delta: { y: -1800 } });
    await expect.poll(() => backButtons(player).length).toBeGreaterThan(0);
    const { top } = middle.getBoundingClientRect();
    await userEvent.wheel(document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)!, {
      delta: { y: top - window.innerHeight / 2 },
    });
    await expect.poll(() => backButtons(player)).toHaveLength(0);
    expect(scrolls).not.toHaveBeenCalled();

    await jump(player, 38);
    await expect.poll(() => inView(segmentElement(player, 38))).toBe(true);
  });

  it('scrolls instantly under prefers-reduced-motion, even on a page whose CSS asks for smooth scrolling', async () => {
    await emulateReducedMotion();
    const scrolls = spyOnScrollIntoView();
    // 'auto' would take this page's smooth scrolling: only 'instant' honours the reader's setting.
    const player = await playing(`<style>html { scroll-behavior: smooth; }</style>${LONG_PAGE}`);
    await jump(player, 25);
    await expect.poll(() => scrolls.mock.calls.length).toBe(1);
    expect(scrolls.mock.calls[0]![0]).toMatchObject({ behavior: 'instant', block: 'center' });
    // No animation: in view by the next frame.
    await new Promise(requestAnimationFrame);
    expect(inView(segmentElement(player, 25))).toBe(true);
  });

  it('does not scroll with no-follow, and follows once it is removed', async () => {
    const scrolls = spyOnScrollIntoView();
    const player = await playing(LONG_PAGE.replace('<listen-player', '<listen-player no-follow'));
    expect(player.noFollow).toBe(true);
    await jump(player, 20);
    await sleep(400);
    expect(scrolls).not.toHaveBeenCalled();
    expect(window.scrollY).toBe(0);
    await userEvent.wheel(segmentElement(player, 1), { delta: { y: 1500 } });
    await sleep(200);
    expect(backButtons(player), 'nothing to go back to when not following').toHaveLength(0);

    player.removeAttribute('no-follow');
    await player.updateComplete;
    await jump(player, 30);
    await expect.poll(() => inView(segmentElement(player, 30))).toBe(true);
  });

  it('follows an article in a scrollable box inside the box, and yields to a scroll of the box', async () => {
    const scrolls = spyOnScrollIntoView();
    const player = await playing(
      `<main><listen-player for="long"></listen-player>
        <div id="box" tabindex="0" style="height: 320px; overflow: auto">${longArticle(40)}</div></main>`,
    );
    const box = document.getElementById('box')!;
    const inBox = (element: Element) => {
      const outer = box.getBoundingClientRect();
      const { top, bottom } = element.getBoundingClientRect();
      return top >= outer.top && bottom <= outer.bottom;
    };
    await jump(player, 20);
    await expect.poll(() => inBox(segmentElement(player, 20))).toBe(true);
    expect(box.scrollTop).toBeGreaterThan(1000);
    expect(window.scrollY).toBe(0);
    await scrollSettled(box);

    await userEvent.wheel(segmentElement(player, 20), { delta: { y: 1500 } });
    await expect.poll(() => backButtons(player)).toHaveLength(1);
    scrolls.mockClear();
    const readerAt = box.scrollTop;
    await next(player);
    await sleep(400);
    expect(scrolls).not.toHaveBeenCalled();
    expect(box.scrollTop).toBe(readerAt);

    await userEvent.click(backButtons(player)[0]!);
    await expect.poll(() => inBox(segmentElement(player, 21))).toBe(true);
    expect(backButtons(player)).toHaveLength(0);
  });
});
