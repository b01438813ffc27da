/**
 * Bounds on a timing manifest's values that both the element's early request (before play, so kept tiny)
 * and the full validation apply.
 */

/** The longest audio a manifest may describe, in seconds (24 hours): longer is a broken or hostile file. */
export const MANIFEST_MAX_DURATION = 86_400;
