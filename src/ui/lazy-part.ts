/**
 * A part of the session that loads on first need (`import()`): the copy of a moment's link, the chapters, the
 * sleep timer's menu, the Up next offer. `load()` imports it once, adds its styles to the player's shadow root,
 * and asks the element to draw again; a load that failed (offline, a blocked file) is tried again on the next.
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import { addStyles } from './add-styles.js';

export class LazyPart<T, M = unknown> {
  /** The part, once it is there. */
  value: T | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Imports the part's module(s). */
  readonly #import: () => Promise<M>;
  /** Makes the part from them, with the styles it adds. */
  readonly #make: (loaded: M) => readonly [T, CSSResult?];
  #loading: Promise<T> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, load: () => Promise<M>, make: (loaded: M) => readonly [T, CSSResult?]) {
    this.#host = host;
    this.#import = load;
    this.#make = make;
  }

  /** Whether the part is there or on its way. */
  get asked(): boolean {
    return !!this.#loading;
  }

  /** The part, loaded now if it is not there or on its way. */
  load(): Promise<T> {
    return (this.#loading ??= this.#import().then(
      (loaded) => {
        const [value, styles] = this.#make(loaded);
        if (styles && this.#host.shadowRoot) addStyles(this.#host.shadowRoot, styles);
        this.value = value;
        this.#host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }
}
