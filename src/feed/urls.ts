/** The public URLs the feed names: built with `new URL` against a base, and only ever http(s). */

/** A URL the feed cannot use: the message says which and why. */
export class FeedUrlError extends Error {
  override readonly name = 'FeedUrlError';
}

/**
 * `text` as the public URL of a folder: absolute http(s), without user name, password, query or fragment,
 * and ending in `/` (`https://example.org/audio` is the folder `audio/`). Throws FeedUrlError.
 */
export function folderUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FeedUrlError(`${what} must be an absolute http(s) URL, such as https://example.org/audio/, not ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FeedUrlError(`${what} must be an http(s) URL, not ${url.protocol} (${text})`);
  if (url.username || url.password) throw new FeedUrlError(`${what} must not hold a user name or password`);
  if (url.search || url.hash) throw new FeedUrlError(`${what} must be a folder's URL, without ?query or #fragment (${text})`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** `reference` resolved against `base`, when that gives an http(s) URL without credentials; else null. */
export function publicUrl(reference: string, base: URL | string): string | null {
  let url: URL;
  try {
    url = new URL(reference.trim(), base);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
  return url.href;
}

/** The URL of the file `name` in the folder `base` (names are plain file names, see `isPlainName`). */
export function fileUrl(name: string, base: URL): string {
  return new URL(encodeURIComponent(name), base).href;
}
