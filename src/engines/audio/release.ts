import type { Howl } from './howler.js';

/** Howler's internal hook that frees an HTML5 audio element on `stop()` of a stream and on `unload()`. */
type Releasable = Howl & { _clearSound?: (node: HTMLAudioElement) => void };

/**
 * Makes `howl` free its audio elements without a `data:` URL. Howler stops a download by pointing the element
 * at a tiny `data:audio/wav` file, which a page's `media-src 'self'` refuses (a CSP violation report on every
 * unload, e.g. when the reader switches to the browser's voice). Removing `src` and calling `load()` is the
 * HTML standard's way to abort a media element's download and fetches nothing at all
 * (https://html.spec.whatwg.org/multipage/media.html#best-practices-for-authors-using-media-elements).
 */
export function releaseWithoutDataUrl(howl: Howl): void {
  (howl as Releasable)._clearSound = (node) => {
    try {
      node.removeAttribute('src');
      node.load();
    } catch {
      // An element that cannot be reset is left for the garbage collector.
    }
  };
}
