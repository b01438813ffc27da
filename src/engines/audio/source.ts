/** Which of a manifest's audio files the browser plays, and, when one fails to load, why. */
import type { ListenErrorCode } from '../engine.js';
import type { AudioSource } from './timings.js';

/** Opus where the browser plays it (smaller), else MP3, else whatever it can play. */
export function pickSource(sources: readonly AudioSource[]): AudioSource | null {
  if (typeof document === 'undefined') return sources[0] ?? null;
  const probe = document.createElement('audio');
  const playable = sources.filter((source) => probe.canPlayType(source.type) !== '');
  return playable.find((s) => s.type.includes('opus')) ?? playable[0] ?? null;
}

/**
 * Tells a missing file (404, network) from one that cannot be decoded, after the media element failed on
 * `url` with `error` (howler passes the `MediaError` code: 3 decode, 4 not supported).
 */
export async function loadFailure(url: string, error: unknown): Promise<{ code: ListenErrorCode; message: string }> {
  let reachable = false;
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store', headers: { Accept: 'audio/*' } });
    // A web page in place of the file (a host's "not found" page with status 200) is a missing file. So is
    // one redirected to another origin: the media element follows redirects, and the page's CSP `media-src`
    // refusing the new address reads as "not supported", though nothing was decoded.
    reachable =
      response.ok &&
      !/^text\/html\b/i.test(response.headers.get('content-type') ?? '') &&
      new URL(response.url || url, location.href).origin === new URL(url, location.href).origin;
  } catch {
    reachable = false;
  }
  return reachable && (error === 3 || error === 4)
    ? { code: 'audio-decode', message: 'The audio file could not be decoded.' }
    : { code: 'audio-load', message: 'The audio file could not be loaded.' };
}
