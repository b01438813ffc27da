/**
 * Fetching a page of the site (an article of a playlist, the next article after this one) and parsing it
 * without running it. Only pages on the page's own origin are fetched, and a redirect elsewhere is refused:
 * another site's page is neither read nor trusted for a title.
 */
import { sameOrigin } from './items.js';

/** Why a page could not be used: `item-load` (not fetched: another origin, the network, an HTTP error), `no-article` (nothing to read). */
export type ListenPlaylistErrorCode = 'item-load' | 'no-article';

export class PageError extends Error {
  readonly code: ListenPlaylistErrorCode;

  constructor(code: ListenPlaylistErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface FetchPageOptions {
  /** The fetch to use (a test's); default: the global one. */
  readonly fetch?: typeof fetch | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The origin pages must be on; default: the document's. */
  readonly origin?: string;
}

/** The page at `href`, parsed (`DOMParser`: inert, its scripts never run), and the URL it came from. */
export async function fetchPage(href: string, options: FetchPageOptions = {}): Promise<{ readonly doc: Document; readonly url: string }> {
  const origin = options.origin ?? location.origin;
  if (!sameOrigin(href, origin)) throw new PageError('item-load', `${href} is not on this site (${origin}); only the site's own pages are fetched.`);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(href, { credentials: 'same-origin', signal: options.signal ?? null, headers: { accept: 'text/html' } });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new PageError('item-load', `${href} could not be fetched (${error instanceof Error ? error.message : String(error)}).`);
  }
  const url = response.url || href;
  if (!sameOrigin(url, origin)) throw new PageError('item-load', `${href} redirected to ${url}, which is not on this site.`);
  if (!response.ok) throw new PageError('item-load', `${href} answered HTTP ${response.status}.`);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new PageError('item-load', `${href} was cut off while it loaded.`);
  }
  return { doc: new DOMParser().parseFromString(text, 'text/html'), url };
}
