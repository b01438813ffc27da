/**
 * Loads a timing manifest for the audio engine: fetch, validate, check it against the page's article,
 * and expose the frame loop's look-ups. Every failure becomes a `TimingsError` with the player's error code.
 */
import type { Segment } from '../../article/segment.js';
import { fetchManifest, TimingsError, type FetchManifestOptions } from '../../manifest/fetch.js';
import { ManifestError, type Manifest, type ManifestSource } from '../../manifest/manifest.js';
import { parseManifest } from '../../manifest/parse.js';
import { checkManifestAgainst, findSegmentAt, findWordAt, lastStartedAt } from '../../manifest/lookup.js';

export interface AudioSource extends ManifestSource {
  /** howler's format name (`opus`, `mp3`, …), since URLs may carry no extension. */
  readonly format: string;
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
  /** The next time after `time` at which what is read may change: a start, or the end of the word at `time`. */
  nextChange(time: number): number;
}

export async function loadTimings(
  src: string,
  segments: readonly Segment[],
  options: FetchManifestOptions,
): Promise<Timings> {
  const { json, url } = await fetchManifest(src, options);
  let manifest: Manifest;
  try {
    manifest = parseManifest(json, url, { allowCrossOrigin: options.allowCrossOrigin, origin: location.origin });
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
    nextBoundary: (time) => nextStart(manifest, time),
    nextChange: (time) => {
      const words = manifest.segments[findSegmentAt(manifest, time)]?.words;
      const word = words?.[lastStartedAt(words, time)];
      return Math.min(nextStart(manifest, time), word && word.end > time ? word.end : Infinity);
    },
  };
}

/**
 * Why the audio file (`audio` seconds long, as the media element measured it) is not the one `manifest`
 * seconds long the manifest describes; null when they agree, within rounding and an encoder's padding (2 s,
 * or 2 % of a long file), or when the element cannot tell (a live stream's Infinity, NaN).
 */
export function durationMismatch(audio: number, manifest: number): string | null {
  if (!Number.isFinite(audio) || audio <= 0 || Math.abs(audio - manifest) <= Math.max(2, audio * 0.02)) return null;
  return `The audio file is ${audio.toFixed(1)} s long, but its timing manifest says ${manifest} s: they do not belong together.`;
}

/** The next time after `time` at which a segment or word starts (Infinity after the last). */
function nextStart(manifest: Manifest, time: number): number {
  const index = findSegmentAt(manifest, time);
  const nextSegment = manifest.segments[index + 1]?.start ?? Infinity;
  const words = manifest.segments[index]?.words;
  const nextWord = words ? (words[lastStartedAt(words, time) + 1]?.start ?? Infinity) : Infinity;
  return Math.min(nextSegment, nextWord);
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
