/**
 * Links to a spoken moment: `#listen=151` on the page's URL (seconds on the engine's timeline at rate 1, or
 * `2:31`, `1:02:31`), optionally followed by a text fragment naming the paragraph's first words
 * (`#listen=151:~:text=The%20third%20paragraph`). The browser scrolls to the text and strips the fragment
 * directive (`:~:…`) from `location.hash` before the page's scripts see it, so the player reads only
 * `#listen=151`; a browser without text fragments leaves the directive in, and it is ignored here.
 * Pure: parsing (`link-start.ts` and `moment-offer.ts` act on it); writing such a link is `moment-url.ts`'s (loaded with the copy).
 */

/** The fragment's key: `#listen=<time>`. */
export const MOMENT_KEY = 'listen';

/** The fragment directive's delimiter (https://wicg.github.io/scroll-to-text-fragment/#the-fragment-directive). */
export const DIRECTIVE = ':~:';

/**
 * The time a URL fragment (`#listen=151`, with or without `#`) names, in seconds; null when it names none or a
 * bad one (negative, not a number, `1:75`). Whether it is inside the article is the player's to check.
 */
export function parseMoment(hash: string): number | null {
  let fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const directive = fragment.indexOf(DIRECTIVE);
  if (directive >= 0) fragment = fragment.slice(0, directive);
  const prefix = `${MOMENT_KEY}=`;
  if (!fragment.startsWith(prefix)) return null;
  return parseTime(fragment.slice(prefix.length));
}

/** `151`, `151.5`, `2:31`, `2:31.5` or `1:02:31`: seconds, or null. Minutes and seconds after a colon are below 60. */
export function parseTime(text: string): number | null {
  if (!/^\d+(?::\d{1,2}){0,2}(?:\.\d+)?$/.test(text)) return null;
  const parts = text.split(':').map(Number);
  if (parts.slice(1).some((part) => part >= 60)) return null;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return Number.isFinite(seconds) ? seconds : null;
}
