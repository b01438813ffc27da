/**
 * "Up next": when the article ends, the next one (the player's `next`, else the page's `<link rel="next">`)
 * is offered with a short countdown, then opened, where its player goes on reading. This controller comes
 * with the session and only watches: for the end of the article, and for a page "Up next" opened; what it
 * offers (`up-next.ts`) loads then.
 */
import { nothing, type ReactiveController } from 'lit';
import { tracksOf } from '../player/media-tracks.js';
import type { PlaybackController } from '../player/playback.js';
import { safeStorage } from '../player/persistence.js';
import { CONTINUE_KEY } from '../player/storage-keys.js';
import { absolute } from '../playlist/items.js';
import { LazyPart } from './lazy-part.js';
import type { UpNext, UpNextHost } from './up-next.js';

/**
 * The next article's URL: `next` on the player, else the page's `<link rel="next">`; '' when there is none,
 * and for a player a playlist drives (the playlist goes on to its own next article).
 */
export function nextArticleUrl(host: Element & { readonly nextArticle: string }): string {
  if (tracksOf(host)) return '';
  const doc = host.ownerDocument;
  const declared = host.nextArticle.trim();
  if (declared) return absolute(declared, doc.baseURI) ?? '';
  return doc.querySelector<HTMLLinkElement>('link[rel~="next" i][href]')?.href ?? '';
}

export class UpNextHook implements ReactiveController {
  readonly #host: UpNextHost;
  readonly #playback: PlaybackController;
  readonly #part: LazyPart<UpNext>;
  #unsubscribe: (() => void) | null = null;

  constructor(host: UpNextHost, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
    this.#part = new LazyPart(host, () => import('./up-next.js').then((loaded) => [new loaded.UpNext(host, playback), loaded.upNextStyles] as const));
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#playback.store.subscribe((next, previous) => {
      if (next.state === previous.state) return;
      if (next.state === 'ended') {
        const url = nextArticleUrl(this.#host);
        if (url) this.#part.load().then((part) => part.offer(url), () => {});
      }
      this.#part.value?.stateChanged(next);
    });
    if (continuing()) this.#part.load().then((part) => part.arrive(), () => {});
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#part.value?.withdraw();
  }

  /** What the offer says in the player's live region, once ('' when there is nothing to say). */
  get announcement(): string {
    return this.#part.value?.announcement ?? '';
  }

  render(): unknown {
    return this.#part.value?.render() ?? nothing;
  }
}

function continuing(): boolean {
  return safeStorage(() => sessionStorage).get(CONTINUE_KEY) !== null;
}
