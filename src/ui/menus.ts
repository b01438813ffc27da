/** The controls that depend on what the engine can do: the voice menu (drawn by `voice-menu.ts`) and the download link. */
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { EngineCapabilities } from '../engines/engine.js';
import { LazyPart } from './lazy-part.js';
import type { Strings } from './strings.js';
import type { renderVoiceMenu } from './voice-menu.js';

/**
 * The voice menu, whose module (with the voices' grouping and ranking) is imported the first time there are
 * voices to list: only the speech engine has any, so a recording never downloads it. Draws nothing until then,
 * and has the host render again when it arrives.
 */
export class VoiceMenu {
  readonly #host: ReactiveControllerHost & HTMLElement & { voice: string };
  readonly #part: LazyPart<typeof renderVoiceMenu>;

  constructor(host: ReactiveControllerHost & HTMLElement & { voice: string }) {
    this.#host = host;
    this.#part = new LazyPart(host, () => import('./voice-menu.js').then((loaded) => [loaded.renderVoiceMenu] as const));
  }

  render(strings: Strings, engine: EngineCapabilities, lang: string) {
    if (!engine.voices.length) return nothing;
    const render = this.#part.value;
    if (render) return render(strings, engine, lang, this.#onChange);
    // Not loadable now (offline): the next render tries again.
    if (!this.#part.asked) this.#part.load().catch(() => {});
    return nothing;
  }

  readonly #onChange = (event: Event): void => {
    this.#host.voice = (event.target as HTMLSelectElement).value;
  };
}

/** A link to the audio file while pre-rendered audio is playing. */
export function renderDownload(strings: Strings, engine: EngineCapabilities) {
  if (!engine.download) return nothing;
  return html`<a part="download" class="download" href=${engine.download} download>${strings.download}</a>`;
}

/** The menus row's layout and the download link's styles: they come with the rest of the player, and so do these (see `session.ts`). */
export const menuStyles = css`
  .menus {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    /* A menu shown alone stays on the first row when another comes to the second. */
    align-content: flex-start;
    gap: 0.25rem 0.75rem;
    line-height: 1.25;
  }
  .download {
    color: var(--_accent-fg);
    margin-inline-start: auto;
    /* As tall as the menus beside it (the row's height is kept from the start, see the player's styles). */
    display: inline-flex;
    align-items: center;
    padding: 0 0.25rem;
    border-radius: 4px;
  }
  @media (forced-colors: active) {
    .download {
      color: LinkText;
    }
  }
`;
