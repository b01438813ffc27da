/**
 * Writing a link to a spoken moment (`moment.ts` reads them): `#listen=151`, with the paragraph's first words
 * as a text fragment. Pure; loaded with "Copy link to this moment" (`moment-copy.ts`).
 */
import { DIRECTIVE, MOMENT_KEY } from './moment.js';

/** Words of the paragraph in the text fragment: enough to be unique in most articles, short enough to share. */
export const TEXT_FRAGMENT_WORDS = 6;

/**
 * Seconds as they go in a link: whole seconds, or tenths where they matter (`151`, `151.3`). Rounded up, so a
 * paragraph's start stays in that paragraph, not a hair before it in the one before.
 */
export function formatMomentTime(seconds: number): string {
  const tenths = Math.ceil(Math.max(seconds, 0) * 10 - 1e-6) / 10;
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
}

/** The first `words` words of a paragraph, for its text fragment; empty for a paragraph without words. */
export function fragmentWords(text: string, words = TEXT_FRAGMENT_WORDS): string {
  return text.trim().split(/\s+/u).slice(0, words).join(' ');
}

/**
 * A text directive's value, percent-encoded as the spec asks: `-`, `,` and `&` are syntax there, so they are
 * escaped along with everything `encodeURIComponent` escapes.
 */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The fragment for a moment (without `#`): `listen=151`, and the paragraph's text fragment when given words. */
export function momentFragment(seconds: number, words = ''): string {
  const time = `${MOMENT_KEY}=${formatMomentTime(seconds)}`;
  return words ? `${time}${DIRECTIVE}text=${encodeTextDirective(words)}` : time;
}

/** `href` (the page's URL) pointing at the moment, in place of any fragment it had. */
export function momentUrl(href: string, seconds: number, words = ''): string {
  const hash = href.indexOf('#');
  return `${hash >= 0 ? href.slice(0, hash) : href}#${momentFragment(seconds, words)}`;
}
