/**
 * "Play from a paragraph": the keyboard and screen-reader way to start at any paragraph, inside the player's
 * own UI, so the host's article gets no extra controls or tab stops. A disclosure button opens a list of the
 * article's segments (their first words) as real buttons; one press plays from there.
 *
 * Keys in the list: ↑/↓ move between paragraphs, Home/End to the first/last, Enter or Space plays, Escape
 * closes. The list is a single tab stop (roving `tabindex`), so Tab leaves it; it opens on the paragraph being
 * read, marked `aria-current`.
 *
 * Only the options in view and a few dozen around them are in the DOM (an article may have 100,000
 * paragraphs); space stands in for the rest, so the scroll bar is the whole list's. Each option says where it
 * is (`aria-posinset` of `aria-setsize`, and its number), so a screen reader still hears "5,000 of 20,000".
 * The list itself (`play-from-here-list-options.ts`, styled by `play-from-here-list-styles.ts`) loads the
 * first time the reader reaches for its button (a pointer over it, or focus on it), so that it is there by the
 * press: most readers never open it, and on a very long page every extra frame before the list shows is costly.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Chapters } from '../player/chapters.js';
import type { PlaybackController } from '../player/playback.js';
import { LazyPart } from './lazy-part.js';
import type { OpenParagraphList } from './play-from-here-list-options.js';
import { renderParagraphsButton } from './paragraphs-button.js';

/** The article's chapters as the session has them: their module loads only for an article with headings. */
export interface ListChapters {
  /** The chapters, or null while they are not there. */
  readonly now: Chapters | null;
  /** Settles once they are there, or there are none to wait for. */
  ready(): Promise<unknown>;
}

export interface ParagraphListStrings {
  /** The button that opens the list, and the list's name. */
  readonly playFromParagraph: string;
  /** The button with the open list that copies a link to the moment being read. */
  readonly copyMoment: string;
}

export class ParagraphListController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  #open = false;
  /** Asked to open while the list's module loads. */
  #opening = false;
  /** The list's module, then the open list, kept with its place between openings. */
  readonly #list: LazyPart<OpenParagraphList>;
  /** Copies a link to the moment: the current one, or paragraph `index`'s start. */
  readonly #copyLink: ((index?: number) => void) | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    playback: PlaybackController,
    chapters?: ListChapters,
    copyLink?: (index?: number) => void,
  ) {
    this.#host = host;
    this.#playback = playback;
    this.#copyLink = copyLink;
    // With the chapters, when the article has some: the list opens grouped.
    this.#list = new LazyPart(host, () =>
      Promise.all([import('./play-from-here-list-options.js'), chapters?.ready()]).then(([loaded]) => [
        new loaded.OpenParagraphList(host, playback, {
          isOpen: () => this.#open,
          close: () => this.#close(),
          chapters: () => chapters?.now ?? null,
          copyLink,
        }),
      ] as const),
    );
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerover', this.#onIntent);
    this.#host.addEventListener('focusin', this.#onIntent);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerover', this.#onIntent);
    this.#host.removeEventListener('focusin', this.#onIntent);
    this.#open = false;
    this.#opening = false;
  }

  /** A pointer over the list's button, or focus on it: the list is about to be opened, so it loads now. */
  readonly #onIntent = (event: Event): void => {
    if (this.#list.asked) return;
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest('[part~="paragraphs-button"]')) this.#list.load().catch(() => {});
  };

  /** After a render of the open list: the room of the options not in the DOM. */
  hostUpdated(): void {
    if (this.#open) this.#list.value?.measure();
  }

  /** The toggle button and, when open, the list; nothing while the article has nothing to read. */
  render(strings: ParagraphListStrings) {
    if (!this.#playback.segments.length) return nothing;
    const list = this.#open ? this.#list.value : undefined;
    const copy = this.#copyLink;
    return renderParagraphsButton(
      strings.playFromParagraph,
      this.#open,
      this.#toggle,
      list
        ? html`${list.render(strings.playFromParagraph)}
          ${copy ? html`<button class="moment-copy" part="moment-button" @click=${() => copy()}>${strings.copyMoment}</button>` : nothing}`
        : nothing,
    );
  }

  /** Opens the list with focus on the paragraph being read, or closes it. */
  toggle(): void {
    this.#toggle();
  }

  readonly #toggle = (): void => {
    if (this.#open || this.#opening) {
      this.#open = false;
      this.#opening = false;
      this.#host.requestUpdate();
      return;
    }
    this.#opening = true;
    this.#list.load().then(
      (list) => {
        if (!this.#opening) return;
        this.#opening = false;
        this.#open = true;
        list.opened();
      },
      // Offline, or the file blocked: the button stays closed, and the next press tries again.
      () => (this.#opening = false),
    );
  };

  /** Closes the list and puts focus back on its button (the list's buttons are going away). */
  #close(): void {
    this.#open = false;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="paragraphs-button"]')?.focus(),
    );
  }
}
