/**
 * The voice menu for Web Speech, with the voices' grouping and ranking (`player/voice-groups.ts`): imported by
 * the session the first time there are voices to list, so a recording never downloads it.
 */
import { html, nothing } from 'lit';
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
