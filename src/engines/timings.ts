/**
 * Loads a timing manifest for the audio engine: fetch, validate, check it against the page's article,
 * and expose the frame loop's look-ups. Every failure becomes a `TimingsError` with the player's error code.
 */
import type { Segment } from '../article/segment.js';
import type { ListenErrorCode } from './engine.js';
import {
  ManifestError,
  parseManifest,
  type Manifest,
  type ManifestSource,
} from './manifest.js';
import { checkManifestAgainst, findSegmentAt, findWordAt, lastStartedAt } from './manifest-lookup.js';

export interface AudioSource extends ManifestSource {
  /** howler's format name (`opus`, `mp3`, …), since URLs may carry no extension. */
  readonly format: string;
}

export class TimingsError extends Error {
  override readonly name = 'TimingsError';
  constructor(
    readonly code: ListenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Timings {
  readonly manifest: Manifest;
  readonly duration: number;
  readonly sources: readonly AudioSource[];
  readonly segments: Manifest['segments'];
  /** Segment at `time` (−1 before the first). O(log n), no allocation. */
  segmentAt(time: number): number;
  /** Word of `segment` at `time` (−1 between words). O(log n), no allocation. */
  wordAt(segment: number, time: number): number;
  /** The next time after `time` at which a segment or word starts (Infinity after the last). O(log n). */
  nextBoundary(time: number): number;
}

export interface LoadTimingsOptions {
  readonly allowCrossOrigin: boolean;
  readonly fetch?: typeof fetch;
}

export async function loadTimings(
  src: string,
  segments: readonly Segment[],
  options: LoadTimingsOptions,
): Promise<Timings> {
  const url = new URL(src, document.baseURI);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TimingsError('manifest-invalid', `The timing manifest must be an http(s) URL, not ${url.protocol}`);
  }
  if (!options.allowCrossOrigin && url.origin !== location.origin) {
    throw new TimingsError('manifest-invalid', `The timing manifest is on another origin (${url.origin}).`);
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
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
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new TimingsError('manifest-invalid', 'The audio timing file is not valid JSON.');
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(json, response.url || url.href, { allowCrossOrigin: options.allowCrossOrigin });
  } catch (error) {
    if (error instanceof ManifestError) throw new TimingsError('manifest-invalid', error.message);
    throw error;
  }
  const mismatched = checkManifestAgainst(
    manifest,
    segments.map((segment) => segment.text),
  );
  if (mismatched.length) {
    const first = mismatched[0]!;
    throw new TimingsError(
      'manifest-mismatch',
      `The recorded audio does not match this article (${mismatched.length} of ${Math.max(manifest.segments.length, segments.length)} paragraphs differ, first at ${first + 1}).`,
    );
  }
  return {
    manifest,
    duration: manifest.duration,
    sources: manifest.sources.map((source) => ({ ...source, format: formatOf(source) })),
    segments: manifest.segments,
    segmentAt: (time) => findSegmentAt(manifest, time),
    wordAt: (segment, time) => {
      const entry = manifest.segments[segment];
      return entry ? findWordAt(entry, time) : -1;
    },
    nextBoundary: (time) => {
      const index = findSegmentAt(manifest, time);
      const nextSegment = manifest.segments[index + 1]?.start ?? Infinity;
      const words = manifest.segments[index]?.words;
      const nextWord = words ? (words[lastStartedAt(words, time) + 1]?.start ?? Infinity) : Infinity;
      return Math.min(nextSegment, nextWord);
    },
  };
}

function formatOf(source: ManifestSource): string {
  const type = source.type.toLowerCase();
  if (type.includes('opus')) return 'opus';
  if (type.startsWith('audio/mpeg') || type.startsWith('audio/mp3')) return 'mp3';
  if (type.startsWith('audio/wav') || type.startsWith('audio/wave') || type.startsWith('audio/x-wav')) return 'wav';
  if (type.startsWith('audio/ogg')) return 'ogg';
  if (type.startsWith('audio/mp4') || type.startsWith('audio/aac')) return 'm4a';
  if (type.startsWith('audio/webm')) return 'webm';
  return new URL(source.url).pathname.split('.').pop()?.toLowerCase() ?? '';
}
