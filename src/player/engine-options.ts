/**
 * Options the engines are made with, for tests only (a fake synthesiser, shorter timeouts, a held `fetch`). Not
 * part of the public API: the package's entry points do not export it; the browser tests set it through
 * tests/browser/helpers. A module of its own, not a static of the element, so the shipped class has no
 * writable hooks and every copy of the element (two bundles on a page) reads the same options.
 */
import type { AudioEngineOptions } from '../engines/audio/audio.js';
import type { SpeechEngineOptions } from '../engines/speech/options.js';

export interface EngineOptions {
  readonly speech?: SpeechEngineOptions | undefined;
  readonly audio?: Partial<AudioEngineOptions> | undefined;
}

let current: EngineOptions = {};

/** The options players made from now on use. */
export function engineOptions(): EngineOptions {
  return current;
}

/** Sets the engines' options of players made from now on (merged with those set before); `undefined` clears one. */
export function setEngineOptions(options: EngineOptions): void {
  current = { ...current, ...options };
}
