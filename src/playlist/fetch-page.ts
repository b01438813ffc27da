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
  readonly signal?: AbortSignal | undefined;
  /** The origin pages must be on; default: the document's. */
  readonly origin?: string;
}

/**
 * The page at `href`, parsed, and the URL it came from. Parsed by the browser's own XHR document loading:
 * inert (its scripts never run, nothing in it loads), and no Trusted Types sink, so a page that requires
 * Trusted Types for scripts allows it as it is (`DOMParser` would need a policy).
 */
export async function fetchPage(href: string, options: FetchPageOptions = {}): Promise<{ readonly doc: Document; readonly url: string }> {
  const origin = options.origin ?? location.origin;
  if (!sameOrigin(href, origin)) throw new PageError('item-load', `${href} is not on this site (${origin}); only the site's own pages are fetched.`);
  const { doc, status, url } = await requestDocument(href, options.signal);
  if (!sameOrigin(url, origin)) throw new PageError('item-load', `${href} redirected to ${url}, which is not on this site.`);
  if (status < 200 || status > 299) throw new PageError('item-load', `${href} answered HTTP ${status}.`);
  if (!doc) throw new PageError('item-load', `${href} is not an HTML page.`);
  return { doc, url };
}

function requestDocument(href: string, signal: AbortSignal | undefined): Promise<{ doc: Document | null; status: number; url: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const request = new XMLHttpRequest();
    request.open('GET', href);
    request.responseType = 'document';
    request.setRequestHeader('Accept', 'text/html');
    request.onload = () => resolve({ doc: request.responseXML, status: request.status, url: request.responseURL || href });
    request.onerror = () => reject(new PageError('item-load', `${href} could not be fetched (the network failed).`));
    request.onabort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send();
  });
}
