/**
 * Helpers for the accessibility tests: where focus is (through shadow roots) and whether the reader can see it,
 * the reader's wheel, and a player ready to play with the keyboard.
 */
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './fake-speech.js';
import { miniPlayer } from './follow.js';
import { type ListenPlayer, controls, mount, untilState, voicesListed } from './player.js';

/** The element that has focus, through shadow roots. */
export function deepFocus(): Element | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/**
 * Whether the focused element is wholly inside the viewport. Layout is in fractions of a pixel and the page
 * scrolls by whole ones: an element at the very end of a page whose height has a fraction stays under a pixel
 * past the viewport's edge at the furthest scroll, and counts as on screen.
 */
export function focusOnScreen(): boolean {
  const focused = deepFocus();
  if (!focused || focused === document.body) return false;
  const box = focused.getBoundingClientRect();
  const edge = 1;
  return box.top > -edge && box.left > -edge && box.bottom < window.innerHeight + edge && box.right < window.innerWidth + edge && box.height > 0;
}

/** The mini player's play/pause button, or null while it is not shown. */
export function miniPlay(player: ListenPlayer): HTMLElement | null {
  return miniPlayer(player)?.querySelector<HTMLElement>('.mini-play') ?? null;
}

/** The reader scrolls with the mouse wheel over the middle of the view. */
export async function wheel(deltaY: number): Promise<void> {
  const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
  await userEvent.wheel(target, { delta: { y: deltaY } });
}

/** `markup` in `<main>`, with a slow fake voice, the voices listed (the rest of the player loaded). */
export async function loaded(markup: string): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(`<main>${markup}</main>`);
  await voicesListed(player);
  return player;
}

/** Presses the inline play button with the keyboard (focus on it, without scrolling), and waits for playing. */
export async function playByKeyboard(player: ListenPlayer): Promise<void> {
  controls(player).play.focus();
  await userEvent.keyboard('{Enter}');
  await untilState(player, 'playing');
}

