/**
 * The player's controls as one template, drawn from the store's snapshot and from its parts: those the element
 * draws itself before the rest of the player is loaded, then the loaded ones (`PlayerSession`), behind the same
 * interface, so the template never asks which it has.
 */
import { html, nothing } from 'lit';
import type { Segment } from '../article/segment.js';
import { clampRate } from '../article/pace.js';
import type { LanguageController } from './i18n.js';
import type { LoadStatus } from './loader.js';
import { nextIcon, pauseIcon, playIcon, previousIcon, retryIcon } from './icons.js';
import { renderSpeedMenu } from './speed-select.js';
import type { ShellStrings } from './strings-shell.js';
import type { PlayerStore } from '../player/store.js';
import { formatClock, spokenTime } from './time.js';

/** What the parts render beside the element's own controls. */
export interface PartsView {
  readonly strings: ShellStrings;
  /** Locale of times spoken in the UI. */
  readonly spoken: string;
  readonly time: number;
  readonly duration: number;
}

/** What the player adds to its controls, and what it reads: the element's own until the rest loads. */
export interface PlayerParts {
  /** What is read, in order. */
  segments(): readonly Segment[];
  /**
   * The position and length the slider reports (held while a screen reader would announce each change), and what
   * its spoken value adds (the chapter being read then); absent: as they are.
   */
  slider?(time: number, duration: number): readonly [number, number, string?];
  /** The status line: what the live region announces, and what it only shows. */
  status(strings: ShellStrings): readonly [announced: string, shown: string];
  /** The play button's name while it would play from somewhere said (a link's moment); null or absent: Play. */
  playLabel?(strings: ShellStrings): string | null;
  /** In place of the player's label (null or absent: the label). */
  renderBack?(strings: ShellStrings): unknown;
  renderParagraphs(strings: ShellStrings): unknown;
  renderMenus?(strings: ShellStrings): unknown;
  renderResume?(strings: ShellStrings): unknown;
  renderMini?(view: PartsView): unknown;
}

/** The element, as its template uses it: its speed, and its own play/pause and steps (called on the element). */
export interface ViewHost {
  readonly rate: number;
  toggle(): void;
  previous(): void;
  next(): void;
}

/** What the template reads of the player (`PlayerCore`): its store, parts, language and the controls' handlers. */
export interface ViewCore {
  readonly store: PlayerStore;
  readonly parts: PlayerParts;
  readonly language: LanguageController;
  readonly loader: { readonly status: LoadStatus };
  /** The slider's value while the reader drags it, else null. */
  readonly scrub: number | null;
  readonly duration: number;
  onSeekInput(event: Event): void;
  onSeekChange(event: Event): void;
  onRateChange(event: Event): void;
}

/** The player's controls, drawn from `core` (its store, parts, language and controls' state) for `host`. */
export function renderPlayer(host: ViewHost, core: ViewCore) {
  // Times are spoken in the UI's language, not the article's.
  const { strings: s, locale: spoken } = core.language.current;
  const { parts, duration } = core;
  const state = core.store.snapshot.state;
  // While the reader drags the slider it shows their value as it is.
  const time = core.scrub ?? Math.min(core.store.currentTime, duration);
  const [said, length, chapter = ''] = (core.scrub === null && parts.slider?.(time, duration)) || [time, duration];
  const active = state === 'playing' || state === 'loading';
  const playLabel = state === 'error' ? s.retry : active ? s.pause : parts.playLabel?.(s) || s.play;
  // Announced in the live region, or only shown (an error nobody asked for, see `PlayerSession.status`).
  const [announced, shown] = parts.status(s);
  // The row of the session's menus, kept from when it starts loading (nothing below moves when it arrives); a
  // grid row of its own, under the two the play button spans, so the button stays where it was (a pointer over
  // the player loads the rest of it, and the row must not move the button the reader is about to press).
  const menus = core.loader.status !== 'initial';
  // The host's `lang` is the article's; the controls speak the UI's language.
  return html`<div class="player" part="base" role="group" aria-label=${s.label} lang=${s.lang} dir=${s.dir}>
      <button class="play" part="play-button" aria-label=${playLabel} @click=${host.toggle}>
        ${state === 'error' ? retryIcon : active ? pauseIcon : playIcon}
      </button>
      <div class="top">
        ${parts.renderBack?.(s) ?? html`<span class="label" aria-hidden="true">${s.label}</span>`}
        <span class="time" part="time">${formatClock(time)} / ${formatClock(duration)}</span>
      </div>
      <div class="bar" part="controls">
        <button part="previous-button" aria-label=${s.previous} @click=${host.previous}>${previousIcon}</button>
        <input
          type="range"
          part="seek"
          aria-label=${s.position}
          min="0"
          max=${Math.max(length, 0)}
          step="any"
          .value=${String(said)}
          aria-valuetext=${s.timeOf(spokenTime(said, spoken), spokenTime(length, spoken)) + chapter}
          @input=${core.onSeekInput}
          @change=${core.onSeekChange}
        />
        <button part="next-button" aria-label=${s.next} @click=${host.next}>${nextIcon}</button>
        ${parts.renderParagraphs(s)}
        ${renderSpeedMenu(s, clampRate(host.rate), core.onRateChange)}
      </div>
      ${menus ? html`<div class="menus-row" part="menus"><div class="menus">${parts.renderMenus?.(s)}</div></div>` : nothing}
      ${parts.renderResume?.(s)}
      <div class="status ${state === 'error' ? 'error' : ''}" part="status">${shown} <span role="status">${announced}</span></div>
    </div>
    ${parts.renderMini?.({ strings: s, spoken, time, duration }) ?? nothing}`;
}
