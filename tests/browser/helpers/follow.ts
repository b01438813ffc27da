/**
 * Helpers for the tests of following (auto-scroll) and the mini player: a page long enough to scroll, where
 * things are on screen, and the follow controls in the player's shadow root.
 */
import { expect, onTestFinished, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import { type ListenPlayer, longArticle } from './player.js';

/** The player above a 40-paragraph article (segment 0 is the heading, segment k the k-th paragraph). */
export const LONG_PAGE = `<main><listen-player for="long"></listen-player>${longArticle(40)}<button id="after">After</button></main>`;

/** Whether `element` is wholly inside the window's viewport. */
export function inView(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= 0 && bottom <= window.innerHeight;
}

/** The page element read as segment `index`. */
export function segmentElement(player: ListenPlayer, index: number): Element {
  const element = player.segments[index]?.element;
  if (!element) throw new Error(`No segment ${index}.`);
  return element;
}

/** Every "Back to the current paragraph" button in the player (inline and in the mini player). */
export function backButtons(player: ListenPlayer): HTMLButtonElement[] {
  return [...player.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="back-to-current"]')];
}

/** The mini player, or null while it is not shown. */
export function miniPlayer(player: ListenPlayer): HTMLElement | null {
  return player.shadowRoot!.querySelector('[part~="mini-player"]');
}

/** Resolves once nothing has scrolled for a few frames (a smooth scroll has finished). */
export async function scrollSettled(scroller: { scrollTop: number } = document.scrollingElement!): Promise<void> {
  let last = NaN;
  let still = 0;
  await expect
    .poll(
      async () => {
        await new Promise(requestAnimationFrame);
        still = scroller.scrollTop === last ? still + 1 : 0;
        last = scroller.scrollTop;
        return still;
      },
      { timeout: 5000, interval: 30 },
    )
    .toBeGreaterThanOrEqual(3);
}

/** Spies on `scrollIntoView` (still scrolling) until the test finishes. */
export function spyOnScrollIntoView() {
  const spy = vi.spyOn(Element.prototype, 'scrollIntoView');
  onTestFinished(() => spy.mockRestore());
  return spy;
}

/** Emulates `prefers-reduced-motion: reduce` in the browser (as the reader's system setting would) for this test. */
export async function emulateReducedMotion(): Promise<void> {
  const session = cdp();
  await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
  onTestFinished(async () => {
    await session.send('Emulation.setEmulatedMedia', { features: [] });
  });
  expect(window.matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
}
