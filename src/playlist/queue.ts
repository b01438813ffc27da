/**
 * The playlist's queue: its items, read from the links in the element's light DOM and read again whenever the
 * page changes them (an article keeps its state where its link stays), which one is current, and that place
 * remembered for a reader coming back (memory.ts). A controller apart from the element (listen-playlist.ts),
 * which plays the queue: this one only keeps it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readItems, type PlaylistItem, type PlaylistItemState } from './items.js';
import { loadPlace, playlistKey, savePlace } from './memory.js';

export class PlaylistQueue implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer = new MutationObserver(() => this.#read());
  /** The articles, in order. */
  items: PlaylistItem[] = [];
  /** Index of the current article in `items`. */
  index = 0;
  /** The playlist as remembered: by its articles, in order. */
  #key = '';

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#read();
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'data-listen-src'] });
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  /** Sets the state of item `index` (a new item: the element hands out copies). */
  set(index: number, state: PlaylistItemState): void {
    const item = this.items[index];
    if (item && item.state !== state) {
      this.items[index] = { ...item, state };
      this.#host.requestUpdate();
    }
  }

  /** Puts article `index` back in the queue, unless it was listened to the end. */
  requeue(index: number): void {
    if (this.items[index]?.state !== 'played') this.set(index, 'queued');
  }

  /** Makes article `index` the current one; the one left goes back to the queue if it was only fetched or made ready. */
  moveTo(index: number): void {
    const left = this.items[this.index]?.state;
    if (left === 'loading' || left === 'ready') this.set(this.index, 'queued');
    this.index = index;
  }

  /** The article the reader was at when they last left this playlist, if it is still in it. */
  saved(): number | null {
    const saved = loadPlace(this.#key);
    return saved !== null && saved < this.items.length ? saved : null;
  }

  /** Remembers `index` as the reader's place; null forgets it (the queue was listened to the end). */
  remember(index: number | null): void {
    savePlace(this.#key, index);
  }

  /** The links, read again; the current article stays current where its link stays. */
  #read(): void {
    const before = new Map(this.items.map((item) => [item.href, item.state]));
    const href = this.items[this.index]?.href;
    this.items = readItems(this.#host, this.#host.ownerDocument.baseURI).map((item) => ({ ...item, state: before.get(item.href) ?? 'queued' }));
    this.#key = playlistKey(this.items.map((item) => item.href));
    const found = this.items.findIndex((item) => item.href === href);
    this.index = found >= 0 ? found : Math.min(this.index, Math.max(this.items.length - 1, 0));
    this.#host.requestUpdate();
  }
}
