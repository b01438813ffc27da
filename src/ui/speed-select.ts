/**
 * The speed menu: what the player offers before anything is loaded. What `<` and `>` step through is in
 * `speed-menu.ts`, which comes with the rest of the player.
 */
import { html, type TemplateResult } from 'lit';
import type { ShellStrings } from './strings-shell.js';
import { formatter } from './time.js';

/** Speeds offered in the menu and stepped through by `<` and `>`. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

export function renderSpeedMenu(strings: ShellStrings, rate: number, onChange: (event: Event) => void): TemplateResult {
  // A rate set by the page that is not on the menu (1.1) is offered too, so the menu never lies.
  const rates: readonly number[] = RATES.includes(rate as (typeof RATES)[number]) ? RATES : [...RATES, rate].sort((a, b) => a - b);
  // In the UI's language (`1,25×` in French), in Latin digits as the clock beside it; made once (this draws on
  // every position update).
  const number = formatter(`${strings.lang}|latn`, strings.lang, (tag) => new Intl.NumberFormat(tag, { numberingSystem: 'latn' }));
  return html`<label part="speed"
    >${strings.speed}
    <select @change=${onChange}>
      ${rates.map((r) => html`<option value=${r} ?selected=${r === rate}>${number.format(r)}×</option>`)}
    </select></label
  >`;
}
