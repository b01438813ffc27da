/**
 * A part of the session that loads on first need (`import()`): the voice menu, the copy of a moment's link,
 * the chapters, the sleep timer's menu, the Up next offer, the paragraph list. `load()` imports it once, adds
 * its styles to the player's shadow root, and asks the element to draw again; a load that failed (offline, a
 * blocked file) is tried again on the next.
 * The part's exports are read as members of the module (`loaded.X`), not passed on whole, so the bundler leaves
 * the module's other exports (seams for tests) out of its file.
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import { addStyles } from './add-styles.js';

export class LazyPart<T> {
  /** The part, once it is there. */
  value: T | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Imports the part's module(s) and makes the part, with the styles it adds. */
  readonly #make: () => Promise<readonly [T, CSSResult?]>;
  #loading: Promise<T> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, make: () => Promise<readonly [T, CSSResult?]>) {
    this.#host = host;
    this.#make = make;
  }

  /** Whether the part is there or on its way. */
  get asked(): boolean {
    return !!this.#loading;
  }

  /** The part, loaded now if it is not there or on its way. */
  load(): Promise<T> {
    return (this.#loading ??= this.#make().then(
      ([value, styles]) => {
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
