/**
 * Fetches a timing manifest's JSON: an http(s) URL on the page's origin (unless the host allows others), a
 * successful answer that is not a web page, valid JSON. Every failure is a `TimingsError` with the player's
 * error code. The element may have asked for the file already (`prefetch.ts`); that request is
 * taken over, so the file is fetched once.
 */
import type { ListenErrorCode } from '../engines/engine.js';
import { manifestUrlRefusal, requestManifest, takeEarlyRequest } from './prefetch.js';

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
  refuse(url, options.allowCrossOrigin, false);
  let response: Response;
  try {
    response = await (takeEarlyRequest(url.href) ?? requestManifest(url, options.fetch));
  } catch {
    throw new TimingsError('audio-load', 'The audio timing file could not be loaded (network error).');
  }
  if (!response.ok) {
    throw new TimingsError('audio-load', `The audio timing file could not be loaded (HTTP ${response.status}).`);
  }
  // fetch follows redirects: the address the file came from is judged as the one asked for was, and the
  // audio's relative URLs resolve against it.
  const final = new URL(response.url || url.href);
  refuse(final, options.allowCrossOrigin, true);
  const type = response.headers.get('content-type') ?? '';
  // Many hosts (single-page apps, dev servers) answer a missing file with their HTML page and status 200.
  if (/^text\/html\b/i.test(type)) {
    throw new TimingsError('audio-load', 'The audio timing file was not found (the server sent a web page).');
  }
  if (!isManifestType(type)) {
    throw new TimingsError('manifest-invalid', `The audio timing file is not JSON (the server sent ${type.split(';')[0]!.trim()}).`);
  }
  try {
    return { json: await response.json(), url: final.href };
  } catch {
    throw new TimingsError('manifest-invalid', 'The audio timing file is not valid JSON.');
  }
}

/** Throws when the manifest's URL (as asked for, or where `redirected`) is one the player does not read from. */
function refuse(url: URL, allowCrossOrigin: boolean, redirected: boolean): void {
  const refused = manifestUrlRefusal(url, allowCrossOrigin);
  if (refused === 'protocol') {
    throw new TimingsError('manifest-invalid', `The timing manifest must be an http(s) URL, not ${url.protocol}`);
  }
  if (refused === 'origin') {
    throw new TimingsError('manifest-invalid', `The timing manifest ${redirected ? 'was redirected to' : 'is on'} another origin (${url.origin}).`);
  }
}

/**
 * The content types a manifest is read from: JSON (`application/json`, `text/json`, any `+json`), or the
 * generic types a host that does not know `.json` sends (`text/plain`, `application/octet-stream`, none).
 * Anything else (a web page, SVG or other XML, an image, a script) is not a manifest.
 */
export function isManifestType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === '' || /^(?:application|text)\/(?:[\w.-]+\+)?json$/.test(type) || type === 'text/plain' || type === 'application/octet-stream';
}
