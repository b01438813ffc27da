/**
 * The element's early request for a timing manifest, so the total time shows before play: only for a URL the
 * audio engine would accept (http(s), on the page's origin unless the host allows others); the engine takes
 * the same request over when it loads (`fetch.ts`, which also words every failure).
 */
import { MANIFEST_MAX_DURATION } from './limits.js';

export interface PrefetchOptions {
  readonly allowCrossOrigin: boolean;
  readonly fetch?: typeof fetch | undefined;
}

/** Requests made early, by absolute URL, until the engine takes them. */
const early = new Map<string, Promise<Response>>();

/** Why `url` is refused as a manifest's: not http(s), or on another origin the host did not allow; null if accepted. */
export function manifestUrlRefusal(url: URL, allowCrossOrigin: boolean): 'protocol' | 'origin' | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'protocol';
  return !allowCrossOrigin && url.origin !== location.origin ? 'origin' : null;
}

export function requestManifest(url: URL, fetcher: typeof fetch = fetch): Promise<Response> {
  return fetcher(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
}

/** The early request for `href`, once (a retry fetches again). */
export function takeEarlyRequest(href: string): Promise<Response> | undefined {
  const request = early.get(href);
  early.delete(href);
  return request;
}

/**
 * Starts fetching the manifest at `src` for the engine; resolves to its `duration` in seconds, or to undefined
 * when it is not known (a URL the engine refuses, a failed request, a file without one): the engine reports
 * failures itself when it loads.
 */
export async function prefetchDuration(src: string, options: PrefetchOptions): Promise<number | undefined> {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return undefined;
  }
  if (manifestUrlRefusal(url, options.allowCrossOrigin)) return undefined;
  let request = early.get(url.href);
  if (!request) {
    request = requestManifest(url, options.fetch);
    early.set(url.href, request);
  }
  try {
    const response = await request;
    // Redirected elsewhere: the engine refuses it, so its length is not shown either.
    if (manifestUrlRefusal(new URL(response.url || url.href), options.allowCrossOrigin)) return undefined;
    const json: unknown = await response.clone().json();
    const duration = (json as { duration?: unknown } | null)?.duration;
    return typeof duration === 'number' && duration > 0 && duration <= MANIFEST_MAX_DURATION ? duration : undefined;
  } catch {
    return undefined;
  }
}
