/**
 * "Play from a paragraph": the keyboard and screen-reader way to start at any paragraph, inside the player's
 * own UI, so the host's article gets no extra controls or tab stops. A disclosure button opens a list of the
 * article's segments (their first words) as real buttons; one press plays from there.
 *
 * Keys in the list: ↑/↓ move between paragraphs, Home/End to the first/last, Enter or Space plays, Escape
 * closes. The list is a single tab stop (roving `tabindex`), so Tab leaves it; it opens on the paragraph being
 * read, marked `aria-current`.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { renderParagraphsButton } from './paragraphs-button.js';
import type { Segment } from '../article/segment.js';
import type { PlaybackController } from '../player/playback.js';

/** Characters of a paragraph shown in the list (cut at a word). */
const EXCERPT_LENGTH = 64;


export interface ParagraphListStrings {
  /** The button that opens the list, and the list's name. */
  readonly playFromParagraph: string;
}

/** The paragraph's first words, cut at a word boundary. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

export class ParagraphListController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  #open = false;
  /** The list item holding the tab stop. */
  #focus = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  hostDisconnected(): void {
    this.#open = false;
  }

  /** The toggle button and, when open, the list; nothing while the article has nothing to read. */
  render(strings: ParagraphListStrings) {
    const segments = this.#playback.segments;
    if (!segments.length) return nothing;
    const current = this.#playback.snapshot.segmentIndex;
    return html`${renderParagraphsButton(strings.playFromParagraph, this.#open, this.#toggle)}
      ${this.#open
        ? html`<ol id="listen-paragraphs" part="paragraphs" class="paragraphs" aria-label=${strings.playFromParagraph} @keydown=${this.#onKeyDown}>
            ${segments.map((segment, i) => this.#item(segment, i, current))}
          </ol>`
        : nothing}`;
  }

  #item(segment: Segment, index: number, current: number) {
    const heading = /^h[1-6]$/.test(segment.element.localName);
    return html`<li>
      <button
        class=${heading ? 'heading' : ''}
        tabindex=${index === this.#focus ? 0 : -1}
        aria-current=${index === current ? 'true' : nothing}
        data-index=${index}
        lang=${segment.lang || nothing}
        @click=${() => this.#choose(index)}
      >
        ${excerpt(segment.text)}
      </button>
    </li>`;
  }

  /** Opens the list with focus on the paragraph being read, or closes it. */
  toggle(): void {
    this.#toggle();
  }

  readonly #toggle = (): void => {
    this.#open = !this.#open;
    if (this.#open) {
      this.#focus = Math.min(Math.max(this.#playback.snapshot.segmentIndex, 0), this.#playback.segments.length - 1);
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => this.#focusItem(this.#focus));
    } else {
      this.#host.requestUpdate();
    }
  };

  #choose(index: number): void {
    this.#close();
    this.#playback.playSegment(index);
  }

  /** Closes the list and puts focus back on its button (the list's buttons are going away). */
  #close(): void {
    this.#open = false;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="paragraphs-button"]')?.focus(),
    );
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const last = this.#playback.segments.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(this.#focus + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(this.#focus - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        event.preventDefault();
        this.#close();
        return;
      default:
        return;
    }
    // Handled here: the page does not scroll, and the player's own shortcuts leave the event alone.
    event.preventDefault();
    this.#focusItem(next);
  };

  #focusItem(index: number): void {
    this.#focus = index;
    this.#host.requestUpdate();
    const button = this.#host.shadowRoot?.querySelector<HTMLElement>(`#listen-paragraphs button[data-index="${index}"]`);
    button?.focus();
    button?.scrollIntoView({ block: 'nearest' });
  }
}

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
  @media (forced-colors: active) {
    .paragraphs button[aria-current='true'] {
      border: 2px solid Highlight;
    }
  }
`;
