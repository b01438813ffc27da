/** Reflow at a narrow viewport: nothing scrolls sideways, and every control and label of the player stays in its box. */
import type { ListenPlayer } from './player.js';

export function overflowing(player: ListenPlayer): string[] {
  const problems: string[] = [];
  const root = document.scrollingElement!;
  if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const base = player.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
  for (const element of player.shadowRoot!.querySelectorAll<HTMLElement>('[part~="base"] :is(button, input, select, a, label, [part])')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < base.left - 0.5 || box.right > base.right + 0.5) {
      problems.push(`${element.getAttribute('part') ?? element.localName}: ${box.left}–${box.right} outside ${base.left}–${base.right}`);
    }
  }
  return problems;
}
