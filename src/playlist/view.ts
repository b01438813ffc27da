/** The playlist's template and styles: its controls, the queue, the progress, and the current article. */
import { css, html, nothing } from 'lit';
import type { PlayerState } from '../player/store.js';
import { nextIcon, pauseIcon, playIcon, previousIcon } from '../ui/icons.js';
import type { PlaylistItem } from './items.js';
import type { PlaylistStrings } from './strings.js';

export interface PlaylistView {
  readonly strings: PlaylistStrings;
  /** The playlist's name (its `label`, else the strings'). */
  readonly label: string;
  readonly items: readonly PlaylistItem[];
  readonly index: number;
  readonly state: PlayerState;
  /** How far into the current article (0–1). */
  readonly articleDone: number;
  /** What the status line says (announced when it changes). */
  readonly status: string;
  /** The current article's player and text, once loaded. */
  readonly player: Element | null;
  readonly article: Element | null;
  readonly transcriptOpen: boolean;
  readonly toggle: () => void;
  readonly previous: () => void;
  readonly next: () => void;
  readonly playItem: (index: number) => void;
  readonly transcriptToggled: (event: Event) => void;
}

export function renderPlaylist(view: PlaylistView) {
  const { strings: s, items, index, state } = view;
  const active = state === 'playing' || state === 'loading';
  const total = items.length;
  const current = items[index];
  const articlePercent = Math.round(view.articleDone * 100);
  const queuePercent = total ? Math.round(((index + (state === 'ended' ? 1 : view.articleDone)) / total) * 100) : 0;
  const first = index <= 0;
  const last = index >= total - 1;
  return html`<section class="playlist" part="base" aria-label=${view.label} lang=${s.lang} dir=${s.dir}>
    <div class="controls" part="controls">
      <button part="previous-button" aria-label=${s.previousArticle} aria-disabled=${first ? 'true' : 'false'} @click=${view.previous}>${previousIcon}</button>
      <button class="play" part="play-button" aria-label=${active ? s.pause : s.play} ?disabled=${!total} @click=${view.toggle}>
        ${active ? pauseIcon : playIcon}
      </button>
      <button part="next-button" aria-label=${s.nextArticle} aria-disabled=${last ? 'true' : 'false'} @click=${view.next}>${nextIcon}</button>
      <span class="where" part="position">${total ? s.position(index + 1, total) : ''}</span>
    </div>
    <div class="progress">
      <label>${s.articleProgress} <progress part="article-progress" max="100" .value=${articlePercent} aria-valuetext=${s.percent(articlePercent)}></progress></label>
      <label>${s.queueProgress} <progress part="queue-progress" max="100" .value=${queuePercent} aria-valuetext=${s.percent(queuePercent)}></progress></label>
    </div>
    <ol part="queue" aria-label=${s.queue}>
      ${items.map(
        (item, i) => html`<li part="item" aria-current=${i === index ? 'true' : 'false'} data-state=${item.state}>
          <button part="item-button" @click=${() => view.playItem(i)}>
            <span class="title" dir="auto">${item.title}</span>${s.states[item.state] ? html`<span class="state">, ${s.states[item.state]}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ol>
    <p class="status" part="status" role="status">${view.status}</p>
    ${view.player
      ? html`<div class="player">${view.player}</div>
          <details part="transcript" ?open=${view.transcriptOpen} @toggle=${view.transcriptToggled}>
            <summary>${s.transcript(current?.title ?? '')}</summary>
            <div class="text" dir="auto">${view.article}</div>
          </details>`
      : nothing}
  </section>`;
}

/** The player's look (its custom properties), with logical properties only: right to left lays out by itself. */
export const playlistStyles = css`
  :host {
    --_accent: var(--listen-accent, #1a56b8);
    --_on-accent: var(--listen-on-accent, #ffffff);
    --_surface: var(--listen-surface, #f3f5f8);
    --_text: var(--listen-text, #1b1f24);
    --_muted: var(--listen-muted, #4a5361);
    --_focus: var(--listen-focus-ring, var(--_accent));
    --_radius: var(--listen-radius, 12px);
    --_control-size: var(--listen-control-size, 2.25rem);
    display: block;
    color: var(--_text);
    font: var(--listen-font, 500 0.95rem/1.4 system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--listen-accent, #8ab4f8);
      --_on-accent: var(--listen-on-accent, #0b1a33);
      --_surface: var(--listen-surface, #1f242b);
      --_text: var(--listen-text, #e8eaed);
      --_muted: var(--listen-muted, #b4bcc8);
    }
  }
  .playlist {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
  }
  .controls {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .controls button {
    inline-size: var(--_control-size);
    block-size: var(--_control-size);
    border-radius: 50%;
    padding: 0.4em;
    display: grid;
    place-items: center;
  }
  .controls .play {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  svg {
    inline-size: 100%;
    block-size: 100%;
    fill: currentColor;
  }
  [dir='rtl'] :is([part~='previous-button'], [part~='next-button']) svg {
    transform: scaleX(-1);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .where,
  .state,
  .progress {
    color: var(--_muted);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin-block: 0.5em;
  }
  progress {
    accent-color: var(--_accent);
    vertical-align: middle;
  }
  ol {
    margin: 0.5em 0;
    padding-inline-start: 1.5em;
  }
  li[aria-current='true'] {
    font-weight: 700;
  }
  li button {
    /* A title over two lines keeps its number beside its first line (an inline block sits on its last). */
    vertical-align: top;
    text-align: start;
    padding: 0;
  }
  li + li {
    margin-block-start: 0.4em;
  }
  li[data-state='skipped'] .title {
    text-decoration: line-through;
  }
  summary {
    cursor: pointer;
    margin-block: 0.5em;
  }
  .text {
    font-weight: 400;
  }
`;
