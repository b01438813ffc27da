/**
 * The sleep timer's menu: a native select beside the speed and voice menus (its keys are the browser's). Drawn
 * by the session before a timer is set (`sleep-select.ts`), then by the timer's menu (`sleep-menu.ts`), with what
 * follows it (`after`: the badge) in this one template: the menu stays the same element when the timer's module
 * arrives, and a reader who chose from the keyboard keeps focus on it.
 */
import { html, nothing } from 'lit';
import { SLEEP_MINUTES, type SleepTimerSetting } from '../player/sleep-setting.js';
import type { Strings } from './strings.js';
import { spokenTime } from './time.js';

/** The words it uses, from the UI's table; minutes are spoken by `Intl` in the UI's language. */
export type SleepStrings = Pick<Strings, 'lang' | 'paused' | 'sleepTimer' | 'sleepOff' | 'sleepParagraph' | 'sleepArticle'>;

/** The menu showing `setting` (a time not on the menu is offered there, so the menu never lies); `chosen` gets the reader's choice. */
export function renderSleepSelect(
  strings: SleepStrings,
  setting: SleepTimerSetting | null,
  chosen: (setting: SleepTimerSetting | null) => void,
  after: unknown = nothing,
) {
  const value = !setting ? '' : setting.kind === 'end' ? setting.of : String(setting.minutes);
  const minutes: readonly number[] =
    setting?.kind === 'minutes' && !SLEEP_MINUTES.includes(setting.minutes as (typeof SLEEP_MINUTES)[number])
      ? [...SLEEP_MINUTES, setting.minutes].sort((a, b) => a - b)
      : SLEEP_MINUTES;
  const option = (option: string, text: string) => html`<option value=${option} ?selected=${option === value}>${text}</option>`;
  const change = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    chosen(value === '' ? null : value === 'paragraph' || value === 'article' ? { kind: 'end', of: value } : { kind: 'minutes', minutes: Number(value) });
  };
  return html`<label part="sleep"
    >${strings.sleepTimer}
    <select @change=${change}>
      ${option('', strings.sleepOff)} ${option('paragraph', strings.sleepParagraph)} ${option('article', strings.sleepArticle)}
      ${minutes.map((m) => option(String(m), spokenTime(m * 60, strings.lang)))}
    </select></label
  >${after}`;
}
