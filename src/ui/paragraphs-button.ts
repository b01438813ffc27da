/**
 * The "Play from a paragraph" button: the element draws it before the rest of the player is loaded, the
 * paragraph list (`play-from-here-list.ts`) after, with what follows it (`after`: the open list). Both draw it
 * from this one template, so it stays the same element when one takes over: nothing moves, and a reader whose
 * focus is on it (focus loads the rest of the player) keeps it.
 */
import { html, nothing } from 'lit';
import { listIcon } from './icons.js';

export function renderParagraphsButton(label: string, expanded: boolean, onClick: () => void, after: unknown = nothing) {
  return html`<button
    part="paragraphs-button"
    aria-label=${label}
    aria-expanded=${expanded ? 'true' : 'false'}
    aria-controls="listen-paragraphs"
    @click=${onClick}
  >
    ${listIcon}
  </button>${after}`;
}
