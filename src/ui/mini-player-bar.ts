/**
 * The mini player's bar: its markup and styles. When it shows, and what it does, is `MiniPlayerController`'s
 * (`mini-player.ts`).
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { Segment } from '../article/segment.js';
import { pauseIcon, playIcon } from './icons.js';
import type { Strings } from './strings.js';
import { spokenTime } from './time.js';

/** What the bar shows and what its controls do. */
export interface MiniBarView {
  readonly strings: Strings;
  /** Position and length in seconds. */
  readonly time: number;
  readonly duration: number;
  /** Locale for spoken times. */
  readonly locale: string;
  /** Playing or loading: the button pauses. */
  readonly reading: boolean;
  /** The paragraph being read, if any. */
  readonly segment: Segment | undefined;
  /** "Back to the current paragraph", while following waits. */
  readonly back: TemplateResult | typeof nothing;
  toggle(): void;
  dismiss(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** How much of a paragraph's text goes into the DOM; CSS truncates what shows to the bar's width. */
const PREVIEW_CHARACTERS = 160;

/**
 * The first `count` characters (code points, so no surrogate pair is split) of `text`. Only they are looked at:
 * the bar renders every second, and a paragraph may be megabytes long.
 */
function leading(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return text.slice(0, end);
}

/**
 * A right-to-left UI lays the bar out right to left; a left-to-right one keeps the page's direction, which
 * places the card at the page's inline end (left on a right-to-left page).
 */
export function renderMiniBar(view: MiniBarView) {
  const { strings: s, time, duration, locale, reading, segment } = view;
  const preview = segment ? leading(segment.text, PREVIEW_CHARACTERS) : '';
  return html`<section class="mini" part="mini-player" aria-label=${s.miniPlayer} lang=${s.lang} dir=${s.dir === 'rtl' ? 'rtl' : nothing} @keydown=${view.onKeyDown}>
    ${view.back}
    <button type="button" class="mini-play" aria-label=${reading ? s.pause : s.play} @click=${() => view.toggle()}>
      ${reading ? pauseIcon : playIcon}
    </button>
    <span class="mini-text" lang=${segment?.lang || nothing}>${preview}</span>
    <progress
      class="mini-progress"
      aria-label=${s.position}
      max=${duration > 0 ? duration : nothing}
      value=${duration > 0 ? Math.min(time, duration) : nothing}
      aria-valuetext=${s.timeOf(spokenTime(time, locale), spokenTime(duration, locale))}
    ></progress>
    <button type="button" class="mini-close" aria-label=${s.closeMiniPlayer} @click=${() => view.dismiss()}>
      ${closeIcon}
    </button>
  </section>`;
}

const closeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18.3 5.7 16.9 4.3 12 9.2 7.1 4.3 5.7 5.7l4.9 4.9-4.9 4.9 1.4 1.4 4.9-4.9 4.9 4.9 1.4-1.4-4.9-4.9z"/></svg>`;

/** Uses the player's private colours (so `--listen-*` restyles it too); a host repositions it with `::part(mini-player)`. */
export const miniPlayerStyles = css`
  .mini {
    position: fixed;
    z-index: 1000;
    inset-inline: 0.75rem;
    inset-block-end: max(0.75rem, env(safe-area-inset-bottom));
    /* Full width on a phone; on a wide screen a card at the inline end (left in right-to-left text). */
    max-width: 28rem;
    margin-inline-start: auto;
    box-sizing: border-box;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas:
      'back back back'
      'play text close'
      'play progress close';
    align-items: center;
    gap: 0.15rem 0.6rem;
    padding: 0.5rem 0.6rem;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    box-shadow:
      0 1px 3px rgb(0 0 0 / 0.2),
      0 6px 20px rgb(0 0 0 / 0.18);
  }
  @media (prefers-reduced-motion: no-preference) {
    .mini {
      animation: listen-mini-in 180ms ease-out;
    }
  }
  @keyframes listen-mini-in {
    from {
      opacity: 0;
      transform: translateY(0.75rem);
    }
  }
  .back-mini {
    grid-area: back;
    justify-self: start;
    max-width: 100%;
    margin: 0;
    padding-block: 0.15rem;
  }
  .mini-play {
    grid-area: play;
    width: 2.5rem;
    height: 2.5rem;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .mini-play:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  .mini-text {
    grid-area: text;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_muted);
  }
  .mini-progress {
    grid-area: progress;
    width: 100%;
    height: 0.35rem;
    accent-color: var(--_accent-fg);
  }
  .mini-close {
    grid-area: close;
  }
  /* A short viewport (a phone on its side, 400 % zoom): one row, without the paragraph's words (WCAG 1.4.10). */
  @media (max-height: 30rem) {
    .mini {
      grid-template-areas:
        'back back back'
        'play progress close';
      padding-block: 0.3rem;
    }
    .mini-text {
      display: none;
    }
  }
  /* A bar fixed to the viewport would be printed over the text of every page. */
  @media print {
    .mini {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .mini {
      border: 2px solid CanvasText;
    }
    .mini-play {
      border: 2px solid ButtonText;
    }
  }
`;
