/**
 * Helpers for the tests of the paragraph list ("Play from a paragraph"): opening it from its button, and
 * scrolling it to where its options must be rendered anew.
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ListenPlayer } from './player.js';

/** Opens the paragraph list from its button; resolves once it is there (its module loads on first use). */
export async function openList(player: ListenPlayer): Promise<HTMLElement> {
  const root = player.shadowRoot!;
  root.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!.focus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => root.querySelector('[part~="paragraphs"]')).not.toBeNull();
  await player.updateComplete;
  return root.querySelector<HTMLElement>('[part~="paragraphs"]')!;
}

/** Scrolls `list` to its middle (as the bar or wheel does); resolves once an option is rendered at the top of its view. */
export async function scrollToMiddle(list: HTMLElement): Promise<void> {
  list.scrollTop = list.scrollHeight / 2;
  await expect
    .poll(() => {
      const top = list.getBoundingClientRect().top + 10;
      return [...list.querySelectorAll('button')].some((option) => option.getBoundingClientRect().bottom > top && option.getBoundingClientRect().top <= top);
    })
    .toBe(true);
}
