/** The controls that need an engine, as templates: the voice menu and the download link. */
import { html, nothing } from 'lit';
import { AudioEngine } from '../engines/audio.js';
import type { Engine } from '../engines/engine.js';
import { SpeechEngine } from '../engines/speech.js';
import { voicesFor } from '../engines/voices.js';
import type { Strings } from './strings.js';

/** Above this many voices on the device, the menu lists only the article's language (Linux has thousands). */
const ALL_VOICES_LIMIT = 200;

/** The voice menu for Web Speech: voices of the article's language first, others only on a modest device. */
export function renderVoiceMenu(strings: Strings, engine: Engine | null, lang: string, onChange: (event: Event) => void) {
  if (!(engine instanceof SpeechEngine) || !engine.voices.length) return nothing;
  const own = voicesFor(engine.voices, lang);
  const others = engine.voices.length <= ALL_VOICES_LIMIT ? engine.voices.filter((voice) => !own.includes(voice)) : [];
  const current = engine.voice?.name ?? '';
  const option = (voice: SpeechSynthesisVoice) =>
    html`<option value=${voice.name} ?selected=${voice.name === current}>${voice.name}</option>`;
  return html`<label part="voice"
    >${strings.voice}
    <select @change=${onChange}>
      ${own.map(option)}
      ${others.length ? html`<optgroup label=${strings.otherLanguages}>${others.map(option)}</optgroup>` : nothing}
    </select></label
  >`;
}

/** A link to the audio file while pre-rendered audio is playing. */
export function renderDownload(strings: Strings, engine: Engine | null) {
  const source = engine instanceof AudioEngine ? engine.source : null;
  if (!source) return nothing;
  return html`<a part="download" class="download" href=${source.url} download>${strings.download}</a>`;
}
