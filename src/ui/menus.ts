/** The download link, which only pre-rendered audio has (the voice menu is in `voice-menu.ts`). */
import { css, html, nothing } from 'lit';
import type { EngineCapabilities } from '../engines/engine.js';
import type { Strings } from './strings.js';

/** A link to the audio file while pre-rendered audio is playing. */
export function renderDownload(strings: Strings, engine: EngineCapabilities) {
  if (!engine.download) return nothing;
  return html`<a part="download" class="download" href=${engine.download} download>${strings.download}</a>`;
}

/** The download link's styles: it comes with the rest of the player, and so do they (see `session.ts`). */
export const menuStyles = css`
  .download {
    color: var(--_accent-fg);
    margin-inline-start: auto;
    padding: 0.25rem;
    border-radius: 4px;
  }
  @media (forced-colors: active) {
    .download {
      color: LinkText;
    }
  }
`;
