/**
 * The element's own parts until the rest of the player loads: it reads the article (the segments, the engine
 * that will read them, how long that takes, all into the store), offers the paragraph list's button, and says
 * in the status line what only it knows (the rest of the player loading for a recording, or failing to load).
 */
import { extractSegments } from '../article/extract.js';
import type { Segment } from '../article/segment.js';
import { estimateSpeechSeconds } from '../article/pace.js';
import { engineOptions } from '../player/engine-options.js';
import type { PlayerStore } from '../player/store.js';
import { renderParagraphsButton } from './paragraphs-button.js';
import type { PlayerParts } from './player-view.js';
import type { PlayerSession } from './session.js';
import type { ShellStrings } from './strings-shell.js';

/** What the shell reads of the player (`PlayerCore`): its store, the article, and the rest of the player. */
export interface ShellCore {
  readonly store: PlayerStore;
  readonly loader: { readonly value: PlayerSession | undefined };
  article(): Element | null;
  /** Runs `action` on the rest of the player once it is there (loading it). */
  request(action: (session: PlayerSession) => void): void;
}

/** The element, as the shell reads it: not read itself, and where its recording is. */
export type ShellHost = HTMLElement & { readonly src: string; readonly allowCrossOrigin: boolean };

export class ShellParts implements PlayerParts {
  /** The player: its store, the article it reads, and the rest of it (the paragraph list comes with it). */
  readonly #core: ShellCore;
  /** The element, which is not read, and its `src` and `allowCrossOrigin`. */
  readonly #host: ShellHost;
  /** The article's segments, read once (handed to the rest of the player when it loads). */
  #segments: readonly Segment[] | null = null;

  constructor(core: ShellCore, host: ShellHost) {
    this.#core = core;
    this.#host = host;
  }

  /** Whether the article was read and has something to read. */
  get read(): boolean {
    return Boolean(this.#segments?.length);
  }

  segments(): readonly Segment[] {
    if (!this.#segments) {
      const article = this.#core.article();
      this.#segments = article ? Object.freeze(extractSegments(article, { exclude: [this.#host] })) : [];
    }
    return this.#segments;
  }

  /** The segments read so far, for the rest of the player to take over (once), or null. */
  take(): readonly Segment[] | null {
    const segments = this.#segments;
    this.#segments = null;
    return segments?.length ? segments : null;
  }

  /** The article changed (`for`, `lang`, `src`): what was read of it no longer holds. */
  forget(): void {
    this.#segments = null;
    this.#core.store.dispatch({ type: 'estimate', duration: 0 });
  }

  /** Reads the article for the first render: its segments, the engine to read them, and how long that takes. */
  preview(): void {
    const { store } = this.#core;
    const host = this.#host;
    this.#segments = null;
    const segments = this.segments();
    const src = host.src;
    store.dispatch({ type: 'engine', engine: segments.length ? (src ? 'audio' : 'speech') : null });
    if (!src) {
      store.dispatch({ type: 'estimate', duration: estimateSpeechSeconds(segments) });
      return;
    }
    // Only a recording needs it: a page read by the browser's voice never downloads it. Should the rest of the
    // player arrive first, its engine makes the one request for the manifest.
    const options = { allowCrossOrigin: host.allowCrossOrigin, fetch: engineOptions().audio?.fetch };
    void import('../manifest/prefetch.js')
      .then((prefetch) => (this.#core.loader.value ? undefined : prefetch.prefetchDuration(src, options)))
      .then((duration) => {
        if (duration !== undefined && host.src === src) store.dispatch({ type: 'estimate', duration });
      }, () => {});
  }

  status(s: ShellStrings): readonly [announced: string, shown: string] {
    const { state, loadingReason, error } = this.#core.store.snapshot;
    if (state === 'error') return [error?.code === 'player-load' ? s.errors['player-load'] : '', ''];
    // "Loading audio…" for a recording (the session goes on saying so, once); the browser's voice is the
    // session's to announce as it starts.
    return [loadingReason === 'player' && this.#host.src ? s.loading : '', ''];
  }

  renderParagraphs(s: ShellStrings) {
    return this.read ? renderParagraphsButton(s.playFromParagraph, false, this.#openParagraphs) : null;
  }

  /** Opens the paragraph list, which comes with the rest of the player. */
  readonly #openParagraphs = () => {
    this.#core.request((session) => session.openParagraphs());
  }
}
