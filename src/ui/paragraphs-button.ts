/**
 * The "Play from a paragraph" button: the element draws it before the rest of the player is loaded, the
 * paragraph list (`play-from-here-list.ts`) after, with the same markup so nothing moves when one takes over.
 */
import { html } from 'lit';
import { listIcon } from './icons.js';

export function renderParagraphsButton(label: string, expanded: boolean, onClick: () => void) {
  return html`<button
    part="paragraphs-button"
    aria-label=${label}
    aria-expanded=${expanded ? 'true' : 'false'}
    aria-controls="listen-paragraphs"
    @click=${onClick}
  >
    ${listIcon}
  </button>`;
}
