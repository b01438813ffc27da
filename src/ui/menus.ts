/** The player's secondary controls as templates: the speed and voice menus and the download link. */
import { html, nothing, type TemplateResult } from 'lit';
import { AudioEngine } from '../engines/audio.js';
import type { Engine } from '../engines/engine.js';
import { SpeechEngine } from '../engines/speech.js';
import { rankVoices, rankContext } from '../engines/voices.js';
import type { Strings } from './strings.js';

/** Speeds offered in the menu and stepped through by `<` and `>`. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
/** Above this many voices on the device, the menu lists only the article's language (Linux has thousands). */
const ALL_VOICES_LIMIT = 200;

/** The next speed on the menu, slower or faster than `rate`; undefined at either end. */
export function stepRate(rate: number, direction: -1 | 1): number | undefined {
  return direction > 0
    ? RATES.find((r) => r > rate + 1e-9)
    : [...RATES].reverse().find((r) => r < rate - 1e-9);
}

export function renderSpeedMenu(strings: Strings, rate: number, onChange: (event: Event) => void): TemplateResult {
  // A rate set by the page that is not on the menu (1.1) is offered too, so the menu never lies.
  const rates: readonly number[] = RATES.includes(rate as (typeof RATES)[number]) ? RATES : [...RATES, rate].sort((a, b) => a - b);
  return html`<label part="speed"
    >${strings.speed}
    <select @change=${onChange}>
      ${rates.map((r) => html`<option value=${r} ?selected=${r === rate}>${r}×</option>`)}
    </select></label
  >`;
}

/** The voice menu for Web Speech: voices of the article's language first, others only on a modest device. */
export function renderVoiceMenu(strings: Strings, engine: Engine | null, lang: string, onChange: (event: Event) => void) {
  if (!(engine instanceof SpeechEngine) || !engine.voices.length) return nothing;
  const own = rankVoices(engine.voices, lang, rankContext());
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
