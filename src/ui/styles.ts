import { css } from 'lit';

/**
 * Layered custom properties: a host sets `--listen-accent` (and friends); every part reads a private `--_x`
 * derived from them, so one brand colour restyles the whole player.
 */
export const playerStyles = css`
  :host {
    --_accent: var(--listen-accent, #1a56b8);
    --_on-accent: var(--listen-on-accent, #ffffff);
    --_surface: var(--listen-surface, #f3f5f8);
    --_text: var(--listen-text, #1b1f24);
    --_muted: var(--listen-muted, #4a5361);
    --_radius: var(--listen-radius, 12px);
    --_focus: var(--listen-focus-ring, #1a56b8);
    --_size: var(--listen-button-size, 48px);
    display: block;
    color: var(--_text);
    font: var(--listen-font, 500 0.95rem/1.4 system-ui, sans-serif);
    margin: 1.25em 0;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--listen-accent, #8ab4f8);
      --_on-accent: var(--listen-on-accent, #0b1a33);
      --_surface: var(--listen-surface, #1f242b);
      --_text: var(--listen-text, #e8eaed);
      --_muted: var(--listen-muted, #b4bcc8);
      --_focus: var(--listen-focus-ring, #8ab4f8);
    }
  }
  :host([hidden]) {
    display: none;
  }
  .player {
    display: grid;
    grid-template-columns: auto 1fr;
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
    width: 2.25rem;
    height: 2.25rem;
    color: var(--_text);
  }
  button:hover {
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
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
  input[type='range'] {
    flex: 1 1 8rem;
    min-width: 6rem;
    accent-color: var(--_accent);
    margin: 0 0.25rem;
    height: 1.5rem;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    color: var(--_muted);
  }
  select {
    background: transparent;
    border: 1px solid color-mix(in srgb, var(--_text) 35%, transparent);
    border-radius: 6px;
    padding: 0.15rem 0.25rem;
    max-width: 12rem;
  }
  select option {
    color: initial;
    background: initial;
  }
  .download {
    color: var(--_accent);
    margin-inline-start: auto;
    padding: 0.25rem;
    border-radius: 4px;
  }
  .status {
    grid-column: 1 / -1;
    color: var(--_muted);
    min-height: 1.4em;
  }
  .status.error {
    color: var(--listen-error, #b3261e);
  }
  @media (prefers-color-scheme: dark) {
    .status.error {
      color: var(--listen-error, #f2b8b5);
    }
  }
  @media (forced-colors: active) {
    .play {
      border: 2px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
