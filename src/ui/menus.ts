/** The controls that depend on what the engine can do, as templates: the voice menu and the download link. */
import { css, html, nothing } from 'lit';
import type { EngineCapabilities } from '../engines/engine.js';
import { voiceGroups } from '../player/voice-groups.js';
import type { Strings } from './strings.js';

/**
 * The voice menu for Web Speech: a group per language and region, named in the player's language; first the
 * article's language (its regions in the order of their best voice), then, on a modest device, the others by
 * name (the groups: `player/voice-groups.ts`). Voices are listed best first, those the platform marks as better named so.
 */
export function renderVoiceMenu(strings: Strings, engine: EngineCapabilities, lang: string, onChange: (event: Event) => void) {
  if (!engine.voices.length) return nothing;
  const current = engine.voice;
  const groups = voiceGroups(engine.voices, lang, strings, engine.voiceContext, current);
  const option = (voice: SpeechSynthesisVoice, higher: boolean) => {
    const text = higher ? strings.higherQuality(voice.name) : voice.name;
    return html`<option value=${voice.name} ?selected=${voice === current}>${text}</option>`;
  };
  return html`<label part="voice"
    >${strings.voice}
    <select @change=${onChange}>
      ${groups.map(
        (group) => html`<optgroup label=${group.label}>${group.voices.map((voice) => option(voice, group.higherQuality.has(voice)))}</optgroup>`,
      )}
    </select></label
  >`;
}

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
