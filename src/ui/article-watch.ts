/**
 * Waits for an article that is not on the page yet: `for` names an element a client-rendered page adds later,
 * or the article the player sits in (or beside) is filled in after the player. While the player has no article
 * with text, a MutationObserver watches the player's root (and the document, where `for` falls back to it from
 * a shadow root); once the article is there it is reported and the observer is disconnected. Nothing is watched
 * once it is found, nor after the player is removed. The player's state is untouched while it waits (`idle`, or
 * the `no-article` error if play was pressed meanwhile).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ArticleWatchOptions {
  /** The article once it has text (an empty shell a framework fills in later is not ready yet). */
  ready(): Element | null;
  /** Whether the player is reading an article already (an engine is loaded for it): nothing to wait for. */
  loaded(): boolean;
  /** Called once when the article (with some text) appears after the player's first render. */
  found(article: Element): void;
}

/** An id set later makes an existing element the article too. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['id'] };

export class ArticleWatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ArticleWatchOptions;
  #observer: MutationObserver | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ArticleWatchOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * After every update, so a new `for` that names a missing element is waited for too. Costs nothing while an
   * article is being read; an update may also notice the article before the observer's callback does.
   */
  hostUpdated(): void {
    if (this.#observer) {
      if (this.article()) this.#check();
    } else if (!this.#options.loaded() && !this.article()) {
      this.#watch();
    }
  }

  hostDisconnected(): void {
    this.#stop();
  }

  article(): Element | null {
    return this.#options.ready();
  }

  #watch(): void {
    if (this.#observer || !this.#host.isConnected) return;
    const root = this.#host.getRootNode();
    this.#observer = new MutationObserver(() => this.#check());
    this.#observer.observe(root, OBSERVE);
    const page = this.#host.ownerDocument;
    if (root !== page) this.#observer.observe(page, OBSERVE);
  }

  #check(): void {
    const article = this.article();
    if (!article) return;
    this.#stop();
    this.#options.found(article);
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
