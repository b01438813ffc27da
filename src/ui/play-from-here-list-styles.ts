/**
 * The styles of the paragraph list (`play-from-here-list.ts`): numbered options without a list's numbering, the
 * room of the options not in the DOM, the paragraph being read marked by more than a tint.
 */
import { css } from 'lit';

/** The list takes the controls' full width on a line of its own (last in the wrapping row), scrolling when long. */
export const paragraphListStyles = css`
  .paragraphs {
    order: 1;
    flex: 1 1 100%;
    max-height: 16rem;
    overflow: auto;
    margin: 0.4rem 0 0;
    /* The numbers' room at the inline start: the left, or the right in right-to-left text. */
    padding-block: 0.25rem;
    padding-inline: 2.25rem 0.25rem;
    border-top: 1px solid color-mix(in srgb, var(--_text) 25%, transparent);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  /* Above and below the options in the DOM, the room of those that are not (content, so it scrolls). */
  .paragraphs::before,
  .paragraphs::after {
    content: '';
    display: block;
  }
  .paragraphs::before {
    height: var(--_before, 0px);
  }
  .paragraphs::after {
    height: var(--_after, 0px);
  }
  /*
   * Each option's number, where a list marker would be. Not an <ol>: in Chromium a list's numbering walks the
   * whole page each time options come and go (~100–400 ms on a page of 100,000 paragraphs).
   */
  .paragraphs [role='listitem'] {
    position: relative;
  }
  .paragraphs [role='listitem']:not(.chapter)::before {
    content: attr(data-n) '.';
    position: absolute;
    inset-inline-end: 100%;
    padding-block: 0.3rem;
    padding-inline-end: 0.35rem;
    white-space: nowrap;
  }
  /*
   * A chapter's list: its paragraphs indented under its heading, a rule at their inline start. No margin or
   * padding in the block direction: every option is one row, which the room of those not in the DOM counts on.
   */
  .paragraphs [role='list'] {
    padding-inline-start: 1rem;
    border-inline-start: 2px solid color-mix(in srgb, var(--_text) 25%, transparent);
  }
  .paragraphs .chapter-heading {
    margin-inline-start: calc(-1rem - 2px);
  }
  .paragraphs button {
    display: block;
    width: 100%;
    height: auto;
    padding: 0.3rem 0.5rem;
    border-radius: 6px;
    text-align: start;
    font-weight: 400;
  }
  .paragraphs button.heading {
    font-weight: 650;
  }
  /* Not by the tint alone (1.4.1): a bar at the inline start in the accent as text (3:1 or more on the surface). */
  .paragraphs button[aria-current='true'] {
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    box-shadow: inset 4px 0 0 var(--_accent-fg);
    color: var(--_text);
  }
  .paragraphs button[aria-current='true']:dir(rtl) {
    box-shadow: inset -4px 0 0 var(--_accent-fg);
  }
  .paragraphs button:focus-visible {
    /* Inside the scrolling list an outer ring would be clipped. */
    outline-offset: -3px;
  }
  /* "Copy link to this moment", shown with the open list. */
  button.moment-copy {
    width: auto;
    height: auto;
    min-height: 2.25rem;
    padding: 0.3rem 0.9rem;
    border: 1px solid var(--_border);
  }
  @media (forced-colors: active) {
    .paragraphs button[aria-current='true'] {
      border: 2px solid Highlight;
    }
    button.moment-copy {
      border-color: ButtonText;
    }
  }
`;
