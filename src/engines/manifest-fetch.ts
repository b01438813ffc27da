/**
 * Fetches a timing manifest's JSON: an http(s) URL on the page's origin (unless the host allows others), a
 * successful answer that is not a web page, valid JSON. Every failure is a `TimingsError` with the player's
 * error code. The element may have asked for the file already (`manifest-prefetch.ts`); that request is
 * taken over, so the file is fetched once.
 */
import type { ListenErrorCode } from './engine.js';
import { manifestUrlRefusal, requestManifest, takeEarlyRequest } from './manifest-prefetch.js';

export class TimingsError extends Error {
  override readonly name = 'TimingsError';
  constructor(
    readonly code: ListenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchManifestOptions {
  readonly allowCrossOrigin: boolean;
  readonly fetch?: typeof fetch;
}

export interface FetchedManifest {
  readonly json: unknown;
  /** The URL it came from after redirects: the audio's relative URLs resolve against it. */
  readonly url: string;
}

/** The manifest at `src`: the element's early request for it if there is one (taken once: a retry fetches again). */
export async function fetchManifest(src: string, options: FetchManifestOptions): Promise<FetchedManifest> {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new TimingsError('manifest-invalid', `The timing manifest URL is not valid: ${src}`);
  }
  const refused = manifestUrlRefusal(url, options.allowCrossOrigin);
  if (refused === 'protocol') {
    throw new TimingsError('manifest-invalid', `The timing manifest must be an http(s) URL, not ${url.protocol}`);
  }
  if (refused === 'origin') {
    throw new TimingsError('manifest-invalid', `The timing manifest is on another origin (${url.origin}).`);
  }
  let response: Response;
  try {
    response = await (takeEarlyRequest(url.href) ?? requestManifest(url, options.fetch));
  } catch {
    throw new TimingsError('audio-load', 'The audio timing file could not be loaded (network error).');
  }
  if (!response.ok) {
    throw new TimingsError('audio-load', `The audio timing file could not be loaded (HTTP ${response.status}).`);
  }
  // Many hosts (single-page apps, dev servers) answer a missing file with their HTML page and status 200.
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
    throw new TimingsError('audio-load', 'The audio timing file was not found (the server sent a web page).');
  }
  try {
    return { json: await response.json(), url: response.url || url.href };
  } catch {
    throw new TimingsError('manifest-invalid', 'The audio timing file is not valid JSON.');
  }
}
