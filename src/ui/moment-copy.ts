/**
 * "Copy link to this moment": a URL to the page that opens the article at a spoken moment (`moment.ts`), put on
 * the clipboard. Where the browser refuses the clipboard (an insecure page, a permission denied, no Clipboard
 * API), the URL is shown in a read-only field, focused and selected for the reader to copy (Escape puts it
 * away); either way the status line says so once. The moment is the current position, or a paragraph's start (from the paragraph
 * list), on the engine's timeline at rate 1.
 */
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { fragmentWords, momentUrl } from '../player/moment-url.js';
import type { PlaybackController } from '../player/playback.js';
import type { PlayerState } from '../player/store.js';
import type { Strings } from './strings.js';

/** The words it uses, from the UI's table. */
export type MomentStrings = Pick<Strings, 'momentCopied' | 'momentLink' | 'momentRefused'>;

export class MomentCopy {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  /** The URL shown in the field (the clipboard was refused), or null. */
  #shown: string | null = null;
  /** What the status line says about the last copy, while the player stays in the state it was made in. */
  #message: { readonly copied: boolean; readonly state: PlayerState } | null = null;
  /** Copies made: an older copy's answer arriving late does not overwrite a newer one's. */
  #copies = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
  }

  /** The URL to the moment: segment `index`'s start, or the current position. */
  url(index?: number): string {
    const playback = this.#playback;
    const engine = playback.engine;
    const segments = playback.segments;
    const { currentTime, segmentIndex } = playback.snapshot;
    const at = index ?? Math.max(segmentIndex, 0);
    const timed = engine !== null && engine.duration > 0;
    const time = index !== undefined && timed ? engine.segmentStart(index) : timed ? engine.currentTime : currentTime;
    // The first paragraph needs no text fragment: the page opens at the top of the article anyway.
    const words = at > 0 ? fragmentWords(segments[at]?.text ?? '') : '';
    return momentUrl(this.#host.ownerDocument.defaultView?.location.href ?? '', Math.max(time, 0), words);
  }

  /** Puts the link to the moment on the clipboard, or shows it in a field. */
  copy(index?: number): void {
    const url = this.url(index);
    const copy = ++this.#copies;
    const clipboard = this.#host.ownerDocument.defaultView?.navigator.clipboard;
    const refused = () => copy === this.#copies && this.#done(url, false);
    if (!clipboard?.writeText) {
      refused();
      return;
    }
    clipboard.writeText(url).then(() => copy === this.#copies && this.#done(url, true), refused);
  }

  /** What the status line announces about the last copy ('' when nothing, or the state changed since). */
  status(strings: MomentStrings): string {
    const message = this.#message;
    if (message && message.state !== this.#playback.snapshot.state) this.#message = null;
    if (!this.#message) return '';
    return this.#message.copied ? strings.momentCopied : strings.momentRefused;
  }

  /** The field with the link, when the clipboard was refused; until the player's state changes, or Escape in it. */
  renderField(strings: MomentStrings) {
    if (this.#shown === null || !this.#message) return nothing;
    return html`<div class="moment-link" part="moment-link">
      <label>${strings.momentLink} <input type="text" readonly .value=${this.#shown} @keydown=${this.#onKeyDown} /></label>
    </div>`;
  }

  #done(url: string, copied: boolean): void {
    this.#shown = copied ? null : url;
    this.#message = { copied, state: this.#playback.snapshot.state };
    this.#host.requestUpdate();
    if (copied) return;
    void this.#host.updateComplete.then(() => {
      const field = this.#host.shadowRoot?.querySelector<HTMLInputElement>('[part~="moment-link"] input');
      field?.focus();
      field?.select();
    });
  }

  /** A text field keeps its keys: the player's shortcuts (Space, K, the arrows) leave them alone. */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#shown = null;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="play-button"]')?.focus());
  };
}

/** The field: a text control in the player's column (the list's copy button is styled with the list). */
export const momentStyles = css`
  .moment-link {
    grid-column: 2;
    margin-top: 0.25rem;
  }
  .moment-link label {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }
  .moment-link input {
    flex: 1 1 12rem;
    min-width: 0;
    padding: 0.25rem 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
  }
  @media (forced-colors: active) {
    .moment-link input {
      border-color: ButtonText;
    }
  }
`;
