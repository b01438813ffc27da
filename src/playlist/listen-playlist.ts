import { LitElement, type PropertyDeclarations } from 'lit';
import { emit } from '../player/events.js';
import type { PlayerState } from '../player/store.js';
import type { ListenItemChangeDetail, ListenPlaylistErrorDetail } from './events.js';
import { PageError } from './fetch-page.js';
import type { PlaylistItem } from './items.js';
import { loadArticle } from './load-article.js';
import { PlaylistQueue } from './queue.js';
import { playlistStrings, type PlaylistStrings } from './strings.js';
import { playlistStyles, renderPlaylist } from './view.js';
import { ARTICLE_ID, type Current, ITEM_STATES, makePlayer, PLAYER_EVENTS } from './driven-player.js';

/**
 * A queue of articles read by one player: the links inside it (`<a href>`, in any wrapper), each read from its
 * page (same origin), one after the other.
 *
 * @fires listen-itemchange - `{ index }` when another article becomes the current one.
 * @fires listen-statechange - `{ state }` whenever `state` changes.
 * @fires listen-error - `{ code, message, index }` when an article is skipped: `item-load` (its page could not be fetched, or is on another origin), `no-article` (nothing to read there).
 * @fires listen-ended - when the last article ends.
 * @attribute state - the `state` property, kept on the host for styling (`listen-playlist[state='playing']`); set by the playlist.
 * @csspart base - the playlist's box.
 * @csspart controls - previous article, play/pause, next article, and the position.
 * @csspart play-button - plays or pauses the playlist.
 * @csspart previous-button - the previous article.
 * @csspart next-button - the next article.
 * @csspart position - "Article 2 of 3".
 * @csspart article-progress - how far into the current article.
 * @csspart queue-progress - how far into the playlist.
 * @csspart queue - the list of articles.
 * @csspart item - an article of the list (`aria-current="true"` on the current one, `data-state` its state).
 * @csspart item-button - plays that article.
 * @csspart status - the status line (a live region: the article now current, an article skipped).
 * @csspart transcript - the current article's text (a `<details>`).
 * @cssprop --listen-accent - the play button and the progress bars, as on the player.
 * @cssprop --listen-on-accent - the icon on the play button.
 * @cssprop --listen-surface - background of the playlist.
 * @cssprop --listen-text - text and icon colour.
 * @cssprop --listen-muted - secondary text colour (states, position, progress).
 * @cssprop --listen-focus-ring - focus outline colour.
 * @cssprop --listen-radius - corner radius of the playlist.
 * @cssprop --listen-control-size - size of its round buttons.
 * @cssprop --listen-font - the playlist's font shorthand.
 */
export class ListenPlaylist extends LitElement {
  static override styles = [playlistStyles];

  static override properties: PropertyDeclarations = {
    noContinue: { attribute: 'no-continue', type: Boolean },
    label: { attribute: 'label' },
    strings: { attribute: false },
  };

  /** Do not go on to the next article when one ends (the next is made current; play starts it). */
  noContinue = false;

  /** The playlist's accessible name; absent: "Playlist". */
  label = '';

  /** Strings over the playlist's English ones (a partial table; see docs/playlist.md). */
  strings: Partial<PlaylistStrings> | null = null;

  readonly #queue = new PlaylistQueue(this);
  #state: PlayerState = 'idle';
  #current: Current | null = null;
  /** The article being fetched, and whether it plays once there. */
  #loading: { readonly abort: AbortController; play: boolean } | null = null;
  #articleDone = 0;
  /** The last article skipped, said until the reader moves on themselves. */
  #notice = '';
  #status = '';
  #transcriptOpen = false;

  constructor() {
    super();
    // A pointer over the playlist or focus in it: the current article is fetched meanwhile.
    const intent = () => {
      if (!this.#current && !this.#loading) void this.#open(this.#queue.index, false);
    };
    this.addEventListener('pointerenter', intent);
    this.addEventListener('focusin', intent);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('state')) this.setAttribute('state', this.#state);
    const saved = this.#queue.saved();
    // A reader coming back: their article is there at once, with the player's "Resume at".
    if (saved !== null) void this.#open(saved, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort.abort();
    this.#loading = null;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    for (const type of PLAYER_EVENTS) root.addEventListener(type, this.#onPlayerEvent);
    return root;
  }

  /** The articles, in order: `{ title, href, src?, state }` (a copy). */
  get items(): readonly PlaylistItem[] {
    return this.#queue.items.map((item) => ({ ...item }));
  }

  /** Index of the current article in `items`. */
  get currentIndex(): number {
    return this.#queue.index;
  }

  /** `idle`, `loading`, `playing`, `paused`, `ended` (the last article ended) or `error` (the player cannot read). */
  get state(): PlayerState {
    return this.#state;
  }

  /** Plays the current article (from where it was), or the first again after the end. */
  play(): void {
    if (!this.#queue.items.length) return;
    if (this.#state === 'ended') return void this.#open(0, true);
    if (this.#loading) {
      this.#loading.play = true;
      this.#setState('loading');
    } else if (this.#current) this.#current.player.play();
    else void this.#open(this.#queue.index, true);
  }

  /** Pauses; `play()` goes on from here. */
  pause(): void {
    if (this.#loading?.play) {
      this.#loading.play = false;
      this.#setState(this.#current ? 'paused' : 'idle');
    }
    this.#current?.player.pause();
  }

  /** Makes article `index` the current one and plays it from its start (or where the reader left it). */
  playItem(index: number): void {
    if (Number.isInteger(index) && index >= 0 && index < this.#queue.items.length) void this.#open(index, true);
  }

  /** The next article; plays it if the playlist is playing. */
  next(): void {
    if (this.#queue.index < this.#queue.items.length - 1) void this.#open(this.#queue.index + 1, this.#active());
  }

  /** The previous article; plays it if the playlist is playing. */
  previous(): void {
    if (this.#queue.index > 0) void this.#open(this.#queue.index - 1, this.#active());
  }

  #active(): boolean {
    return this.#state === 'playing' || this.#state === 'loading';
  }

  #strings(): PlaylistStrings {
    return playlistStrings(this.strings);
  }

  #setState(state: PlayerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.setAttribute('state', state);
    this.requestUpdate();
    emit(this, 'listen-statechange', { state });
  }

  /**
   * Fetches article `index`, puts it and a player for it in place of the current one, and plays it if `play`.
   * `skipping`: the queue goes on past an article it skipped (whose notice stays said).
   */
  async #open(index: number, play: boolean, skipping = false): Promise<void> {
    const item = this.#queue.items[index];
    if (!item) return;
    if (!skipping) this.#notice = '';
    this.#loading?.abort.abort();
    const loading = (this.#loading = { abort: new AbortController(), play });
    this.#drop();
    if (index !== this.#queue.index || this.#state === 'ended') {
      this.#queue.moveTo(index);
      emit<ListenItemChangeDetail>(this, 'listen-itemchange', { index });
    }
    this.#queue.remember(index);
    this.#queue.set(index, 'loading');
    this.#articleDone = 0;
    this.#setState(play ? 'loading' : 'idle');
    const s = this.#strings();
    let current: Current;
    try {
      const loaded = await loadArticle(item, this.ownerDocument, ARTICLE_ID, loading.abort.signal);
      current = { article: loaded.article, player: makePlayer(this.ownerDocument, loaded, this, this.#transcriptOpen) };
    } catch (error) {
      if (loading.abort.signal.aborted) return;
      this.#loading = null;
      this.#skip(index, error);
      return;
    }
    if (loading.abort.signal.aborted) return;
    this.#current = current;
    this.#status = `${this.#notice} ${s.nowPlaying(item.title, index + 1, this.#queue.items.length)}`.trim();
    this.#queue.set(index, 'ready');
    this.requestUpdate();
    await this.updateComplete;
    if (this.#loading !== loading) return;
    this.#loading = null;
    if (loading.play) current.player.play();
  }

  /** Removes the current article and its player (which stops reading and keeps its place). */
  #drop(): void {
    if (!this.#current) return;
    this.#queue.requeue(this.#queue.index);
    this.#current = null;
    this.requestUpdate();
  }

  /** Article `index` could not be loaded or read: said, and the queue goes on to the next one. */
  #skip(index: number, error: unknown): void {
    const code = error instanceof PageError ? error.code : 'item-load';
    const message = error instanceof Error ? error.message : String(error);
    const s = this.#strings();
    this.#queue.set(index, 'skipped');
    this.#notice = `${this.#notice} ${s.skipped(this.#queue.items[index]!.title, s.errors[code])}`.trim();
    this.#status = this.#notice;
    emit<ListenPlaylistErrorDetail>(this, 'listen-error', { code, message, index });
    const play = this.#state === 'loading';
    if (index + 1 < this.#queue.items.length) void this.#open(index + 1, play, true);
    else this.#end(play);
  }

  /** The last article is done (or skipped): `ended` if the reader was listening, and forgotten. */
  #end(listening: boolean): void {
    this.#queue.remember(null);
    if (!listening) return this.#setState('idle');
    this.#status = `${this.#status} ${this.#strings().ended}`.trim();
    this.#setState('ended');
    emit(this, 'listen-ended', {});
  }

  readonly #onPlayerEvent = (event: Event): void => {
    // The player's events are the playlist's business: the page hears the playlist's own.
    event.stopPropagation();
    const current = this.#current;
    if (!current || event.target !== current.player) return;
    const detail = (event as CustomEvent).detail as Record<string, unknown>;
    if (event.type === 'listen-segmentchange') {
      const count = current.player.segments.length;
      this.#articleDone = count ? ((detail.index as number) + 1) / count : 0;
      this.requestUpdate();
    } else if (event.type === 'listen-statechange') {
      this.#playerState(detail.state as PlayerState);
    } else if (event.type === 'listen-error' && detail.code === 'no-article' && !detail.fallback) {
      this.#drop();
      this.#skip(this.#queue.index, new PageError('no-article', detail.message as string));
    }
  };

  #playerState(state: PlayerState): void {
    const index = this.#queue.index;
    this.#queue.set(index, ITEM_STATES[state]);
    if (state !== 'ended') return this.#setState(state);
    this.#articleDone = 1;
    const next = index + 1;
    if (next >= this.#queue.items.length) this.#end(true);
    else void this.#open(next, !this.noContinue);
  }

  readonly #transcriptToggled = (event: Event): void => {
    this.#transcriptOpen = (event.target as HTMLDetailsElement).open;
    if (this.#current) this.#current.player.noFollow = !this.#transcriptOpen;
  };

  protected override render() {
    const s = this.#strings();
    return renderPlaylist({
      strings: s,
      label: this.label || s.label,
      items: this.#queue.items,
      index: this.#queue.index,
      state: this.#state,
      articleDone: this.#articleDone,
      status: this.#status,
      player: this.#current?.player ?? null,
      article: this.#current?.article ?? null,
      transcriptOpen: this.#transcriptOpen,
      toggle: () => (this.#active() ? this.pause() : this.play()),
      previous: () => this.previous(),
      next: () => this.next(),
      playItem: (index) => this.playItem(index),
      transcriptToggled: this.#transcriptToggled,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-playlist': ListenPlaylist;
  }
}
