/**
 * The open paragraph list of "Play from a paragraph" (`play-from-here-list.ts` opens and closes it, and loads
 * this module the first time it opens): the options, which of them are in the DOM, and the keys that move
 * between them. Its styles are in `play-from-here-list-styles.ts`.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { chapterTarget, type Chapter } from '../article/chapters.js';
import { headingLevel } from '../article/headings.js';
import type { Segment } from '../article/segment.js';
import type { Chapters } from '../player/chapters.js';
import type { PlaybackController } from '../player/playback.js';
import { addStyles } from './add-styles.js';
import { listLayout, windowTree, type ListLayout, type WindowNode } from './play-from-here-list-groups.js';
import { paragraphListStyles } from './play-from-here-list-styles.js';

/** Characters of a paragraph shown in the list (cut at a word). */
const EXCERPT_LENGTH = 64;
/** How many options are in the DOM at once: the view's dozen, and room to scroll before the next render. */
export const LIST_WINDOW = 60;
/** The height of an option (px) until one has been measured. */
const ROW_GUESS = 30;

/** The paragraph's first words, cut at a word boundary. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

export interface OpenParagraphListOptions {
  /** Whether the list is open (a focus asked for before it closed is dropped). */
  isOpen(): boolean;
  /** Closes the list, focus back on its button. */
  close(): void;
  /** The article's chapters, which group the options (none: one flat list). */
  chapters?(): Chapters | null;
  /** Copies a link to paragraph `index`'s start (L on an option). */
  copyLink?: ((index: number) => void) | undefined;
}

export class OpenParagraphList {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: OpenParagraphListOptions;
  /** The list item holding the tab stop. */
  #focus = 0;
  /** The first option in the DOM. */
  #start = 0;
  /** An option's height (px), measured on the options in the DOM: the space of those not there. */
  #row = ROW_GUESS;
  /** The list's grouping, for the chapters it was worked out from. */
  #layout: { readonly chapters: readonly Chapter[]; readonly layout: ListLayout } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: OpenParagraphListOptions) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    const root = host.shadowRoot;
    if (root) addStyles(root, paragraphListStyles);
    // Made on the reader's intent (this module loads when the list's button is pointed at or focused), so the
    // press that opens the list finds the grouping of a long article worked out.
    const chapters = this.#chapters();
    if (chapters.length) this.#grouping(chapters);
  }

  /** The list just opened: on the paragraph being read, focused once it is rendered. */
  opened(): void {
    this.#focus = Math.min(Math.max(this.#playback.snapshot.segmentIndex, 0), this.#playback.segments.length - 1);
    this.#show(this.#focus);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#focusItem(this.#focus));
  }

  /** The list, named `label`. */
  render(label: string) {
    const segments = this.#playback.segments;
    const current = this.#playback.snapshot.segmentIndex;
    const count = segments.length;
    const [start, end] = this.#window();
    const chapters = this.#chapters();
    let items: unknown;
    if (chapters.length) {
      const layout = this.#grouping(chapters);
      items = this.#nodes(windowTree(chapters, layout, start, end), chapters, layout, current);
    } else {
      const shown = Array.from({ length: end - start }, (_, i) => start + i);
      items = repeat(
        shown,
        (index) => index,
        (index) => this.#item(segments[index]!, index, index + 1, count, current),
      );
    }
    return html`<div
      role="list"
      id="listen-paragraphs"
      part="paragraphs"
      class="paragraphs"
      aria-label=${label}
      @keydown=${this.#onKeyDown}
      @scroll=${this.#onScroll}
    >
      ${items}
    </div>`;
  }

  #chapters(): readonly Chapter[] {
    return this.#options.chapters?.()?.list ?? [];
  }

  #grouping(chapters: readonly Chapter[]): ListLayout {
    if (this.#layout?.chapters !== chapters) this.#layout = { chapters, layout: listLayout(chapters, this.#playback.segments.length) };
    return this.#layout.layout;
  }

  /**
   * The window's part of the grouped list: each chapter an item holding its own list, named by its heading. Keyed
   * by segment (options) and by chapter (lists), so scrolling moves options between lists without rebuilding all.
   */
  #nodes(nodes: readonly WindowNode[], chapters: readonly Chapter[], layout: ListLayout, current: number): unknown {
    const segments = this.#playback.segments;
    return repeat(
      nodes,
      (node) => (typeof node === 'number' ? node : `c${node.chapter}`),
      (node) => {
        if (typeof node === 'number') {
          const owner = layout.owner[node]!;
          const size = owner >= 0 ? layout.size[owner]! : layout.outerSize;
          return this.#item(segments[node]!, node, layout.position[node]!, size, current, owner >= 0 && chapters[owner]!.segment === node);
        }
        const chapter = chapters[node.chapter]!;
        const parent = chapter.parent;
        const heading = segments[chapter.segment]!;
        return html`<div
          role="listitem"
          class="chapter"
          aria-posinset=${layout.chapterPosition[node.chapter]!}
          aria-setsize=${parent >= 0 ? layout.size[parent]! : layout.outerSize}
        >
          <div role="list" aria-label=${chapter.title} lang=${heading.lang || nothing}>
            ${this.#nodes(node.children, chapters, layout, current)}
          </div>
        </div>`;
      },
    );
  }

  /** The first option in the DOM and the one after the last. */
  #window(): [number, number] {
    const count = this.#playback.segments.length;
    const start = Math.min(this.#start, Math.max(count - LIST_WINDOW, 0));
    return [start, Math.min(start + LIST_WINDOW, count)];
  }

  /**
   * After each render of the open list: the room of the options not in the DOM, set through the CSSOM (a
   * Content-Security-Policy without 'unsafe-inline' refuses a style attribute), from their measured height.
   */
  measure(): void {
    const list = this.#host.shadowRoot?.getElementById('listen-paragraphs');
    if (!list) return;
    // The options, in whichever chapter's list they are (an option is a row: a chapter adds none of its own).
    const items = list.querySelectorAll<HTMLElement>('button');
    const first = items[0]?.parentElement;
    const last = items[items.length - 1]?.parentElement;
    const row = first && last ? (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / items.length : 0;
    // Only a real change counts: sub-pixel rounding must not move the list every render.
    if (row > 0 && Math.abs(row - this.#row) > 0.5) {
      // What is in view stays in view: the scroll position moves with the room above.
      const top = list.scrollTop;
      this.#space(list, row);
      list.scrollTop = (top * row) / this.#row;
      this.#row = row;
    } else {
      this.#space(list, this.#row);
    }
  }

  #space(list: HTMLElement, row: number): void {
    const [start, end] = this.#window();
    list.style.setProperty('--_before', `${start * row}px`);
    list.style.setProperty('--_after', `${(this.#playback.segments.length - end) * row}px`);
  }

  /** Option `index`, `position` of `count` in its list; `chapter`: the heading that starts the chapter around it. */
  #item(segment: Segment, index: number, position: number, count: number, current: number, chapter = false) {
    const heading = headingLevel(segment.element) > 0;
    return html`<div role="listitem" class=${chapter ? 'chapter-heading' : ''} aria-setsize=${count} aria-posinset=${position} data-n=${index + 1}>
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
    </div>`;
  }

  #choose(index: number): void {
    this.#options.close();
    this.#playback.playSegment(index);
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
      case 'PageUp':
      case 'PageDown': {
        // To the previous/next chapter's heading in the list (not the player's: the list has focus).
        const chapters = this.#chapters();
        if (!chapters.length) return;
        next = chapterTarget(chapters, this.#focus, event.key === 'PageUp' ? -1 : 1) ?? this.#focus;
        break;
      }
      case 'Escape':
        event.preventDefault();
        this.#options.close();
        return;
      case 'l':
      case 'L':
        if (!this.#options.copyLink || event.ctrlKey || event.metaKey || event.altKey) return;
        event.preventDefault();
        this.#options.copyLink(Number((event.target as HTMLElement).dataset['index'] ?? this.#focus));
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
    this.#show(index);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      if (!this.#options.isOpen() || this.#focus !== index) return;
      const button = this.#button(index);
      button?.focus({ preventScroll: true });
      button?.scrollIntoView({ block: 'nearest' });
    });
  }

  #button(index: number): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>(`#listen-paragraphs button[data-index="${index}"]`);
  }

  /** Puts option `index` in the DOM, centred in the rendered window, unless it is there already. */
  #show(index: number): void {
    if (index >= this.#start && index < this.#start + LIST_WINDOW) return;
    this.#start = Math.max(index - LIST_WINDOW / 2, 0);
  }

  /** Scrolled (by wheel, bar or keys): the options now in view are rendered, and the tab stop stays among them. */
  readonly #onScroll = (event: Event): void => {
    const list = event.currentTarget as HTMLElement;
    const count = this.#playback.segments.length;
    const first = Math.min(Math.floor(list.scrollTop / this.#row), count - 1);
    const visible = Math.ceil(list.clientHeight / this.#row);
    const end = Math.min(this.#start + LIST_WINDOW, count);
    if (first >= this.#start && Math.min(first + visible, count) <= end) return;
    this.#start = Math.min(Math.max(first - Math.floor((LIST_WINDOW - visible) / 2), 0), Math.max(count - LIST_WINDOW, 0));
    if (this.#focus >= this.#start && this.#focus < this.#start + LIST_WINDOW) {
      this.#host.requestUpdate();
      return;
    }
    // The option with the tab stop is leaving the DOM: the stop (and focus, if it was there) moves into view.
    const focused = this.#host.shadowRoot?.activeElement?.closest('#listen-paragraphs') != null;
    this.#focus = Math.min(Math.max(first, this.#start), count - 1);
    this.#host.requestUpdate();
    if (focused) void this.#host.updateComplete.then(() => this.#button(this.#focus)?.focus({ preventScroll: true }));
  };
}
