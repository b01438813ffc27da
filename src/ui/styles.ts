import { css } from 'lit';

/**
 * Dark defaults, for `theme="dark"` and for `theme="auto"` (the default) when the reader's system is dark.
 * Only base colours change; everything derived from them (borders, focus, the accent as text) follows.
 */
const dark = css`
  --_accent: var(--listen-accent, #8ab4f8);
  --_on-accent-default: #0b1a33;
  --_surface: var(--listen-surface, #1f242b);
  --_text: var(--listen-text, #e8eaed);
  --_muted: var(--listen-muted, #b4bcc8);
  --_error: var(--listen-error, #f2b8b5);
  /* The accent drawn on the surface (links, the slider, the focus ring) is kept at least this light. */
  --_fg-min: 0.74;
  --_fg-max: 1;
  color-scheme: dark;
`;

/**
 * Layered custom properties: a host sets `--listen-accent` (and friends); every part reads a private `--_x`
 * derived from them, so one brand colour restyles the whole player. Light and dark follow the reader's
 * system unless the `theme` attribute says otherwise. Default contrast (WCAG 2.2, against `--listen-surface`):
 * light text 15.2:1, muted 7.1:1, error 6.0:1, accent and focus ring 6.3:1, icon on accent 6.9:1, edges 4.3:1;
 * dark text 13.0:1, muted 8.2:1, error 9.1:1, accent and focus ring 7.4:1, icon on accent 10.0:1, edges 5.6:1
 * (tests/browser/theme.test.ts measures them).
 */
export const playerStyles = css`
  :host {
    --_accent: var(--listen-accent, #1a56b8);
    --_on-accent-default: #ffffff;
    --_on-accent: var(--listen-on-accent, var(--_on-accent-default));
    --_surface: var(--listen-surface, #f3f5f8);
    --_text: var(--listen-text, #1b1f24);
    --_muted: var(--listen-muted, #4a5361);
    --_error: var(--listen-error, #b3261e);
    --_fg-min: 0;
    --_fg-max: 0.5;
    /* Where relative colours are unknown the accent itself is used as text (the defaults pass either way). */
    --_accent-fg: var(--_accent);
    --_focus: var(--listen-focus-ring, var(--_accent-fg));
    --_focus-width: var(--listen-focus-width, 3px);
    --_border: var(--listen-border, color-mix(in srgb, var(--_text) 60%, var(--_surface)));
    --_radius: var(--listen-radius, 12px);
    --_size: var(--listen-button-size, 48px);
    --_control-size: var(--listen-control-size, 2.25rem);
    color-scheme: light;
    display: block;
    color: var(--_text);
    font: var(--listen-font, 500 0.95rem/1.4 system-ui, sans-serif);
    margin: 1.25em 0;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  /*
   * One brand colour must work in both themes (a site rarely sets two): with relative colours, the accent
   * used as text or as a ring on the surface is clamped in lightness (OKLCH L at most 0.5 on light, at least
   * 0.74 on dark, about 4.5:1 or more against the default surfaces), and the icon on the accent is white or
   * black, whichever contrasts (both give about 4.6:1 near OKLCH L 0.57, the switch). A host's
   * --listen-on-accent still wins.
   */
  @supports (color: oklch(from red l c h)) {
    :host {
      --_accent-fg: oklch(from var(--_accent) clamp(var(--_fg-min), l, var(--_fg-max)) c h);
      --_on-accent: var(--listen-on-accent, oklch(from var(--_accent) clamp(0, (0.57 - l) * 1000, 1) 0 0));
    }
  }
  :host([hidden]) {
    display: none;
  }
  .player {
    display: grid;
    /* minmax(0, …): a long label or button never widens the column past the player (reflow at 320 CSS px). */
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.25rem 0.9rem;
    align-items: center;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-grid;
    place-items: center;
    border: 0;
    background: transparent;
    cursor: pointer;
    border-radius: 999px;
    padding: 0;
    width: var(--_control-size);
    height: var(--_control-size);
    color: var(--_text);
  }
  button:hover {
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .play {
    grid-row: span 2;
    width: var(--_size);
    height: var(--_size);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .play:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  svg {
    width: 1.5rem;
    height: 1.5rem;
    fill: currentColor;
  }
  .top {
    min-width: 0;
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .label {
    font-weight: 650;
  }
  .time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    flex-wrap: wrap;
  }
  /*
   * The row of the voice and sleep timer menus and the download link (drawn with the rest of the player: see
   * menuStyles in menus.ts), kept from when the rest of the player starts loading: for a returning reader it loads with the
   * page, and nothing below may move then. Two rows where the menus do not fit side by side. A grid row of its own
   * under the bar, not in it: the play button is centred on the two rows beside it, and a pointer over the player
   * loads the rest of it; the row arriving inside the bar moved the button away from under the pointer about to
   * press it. Its width is that of the bar (the same column), and, as a size container, never more than that.
   */
  .menus-row {
    grid-column: 2;
    container-type: inline-size;
  }
  .menus {
    min-block-size: 1.75rem;
  }
  @container (max-width: 36rem) {
    .menus {
      min-block-size: 3.75rem;
    }
  }
  input[type='range'] {
    flex: 1 1 8rem;
    min-width: 6rem;
    /* The thumb and the played part are drawn on the surface: the accent as a foreground (3:1 or more). */
    accent-color: var(--_accent-fg);
    margin: 0 0.25rem;
    height: 1.5rem;
  }
  label {
    display: inline-flex;
    /* On a narrow player a long voice name goes under its label rather than past the player's edge. */
    flex-wrap: wrap;
    max-width: 100%;
    align-items: center;
    gap: 0.3rem;
    color: var(--_muted);
  }
  select {
    background: transparent;
    /* A menu's edge is what shows it is a control: 3:1 against the surface (WCAG 1.4.11). */
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.15rem 0.25rem;
    max-width: min(12rem, 100%);
  }
  select option {
    /* The open list is drawn by the system in the player's colour scheme. */
    color: initial;
    background: initial;
  }
  .status {
    grid-column: 1 / -1;
    color: var(--_muted);
    min-height: 1.4em;
  }
  .status.error {
    color: var(--_error);
  }
  /*
   * What only right-to-left needs beyond logical properties: paragraph icons point the way the paragraphs go.
   * The play triangle stays as it is: it means "play" in either direction.
   */
  [dir='rtl'] :is([part~='previous-button'], [part~='next-button'], [part~='paragraphs-button']) svg {
    transform: scaleX(-1);
  }
  /*
   * Forced colours (Windows High Contrast and the like): backgrounds and colours become the system's, so
   * every control needs an edge or a system colour of its own to stay visible.
   */
  @media (forced-colors: active) {
    .player {
      border: 1px solid CanvasText;
    }
    .play {
      border: 2px solid ButtonText;
    }
    select {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The `theme` attribute: `auto` follows `prefers-color-scheme`; any other value counts as `auto`. */
export type ThemeMode = 'light' | 'dark' | 'auto';
