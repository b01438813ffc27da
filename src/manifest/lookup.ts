/**
 * Look-ups on a parsed timing manifest: which segment and word the audio clock is in (binary searches,
 * no allocation, for the frame loop) and whether the manifest still matches the article on the page.
 */
import { fingerprint } from '../article/fingerprint.js';
import type { Manifest, ManifestSegment } from './manifest.js';

/**
 * Index of the segment being read at `time`: the last one started at or before it (the pause after a
 * segment belongs to it); −1 before the first starts or for a time that is not a number. O(log n), no
 * allocation: safe to call every animation frame.
 */
export function findSegmentAt(manifest: Pick<Manifest, 'segments'>, time: number): number {
  return lastStartedAt(manifest.segments, time);
}

/**
 * Index of the word spoken at `time` in `segment` (start ≤ time < end), or −1 in a pause between words,
 * before the first or after the last. O(log n), no allocation.
 */
export function findWordAt(segment: Pick<ManifestSegment, 'words'>, time: number): number {
  const index = lastStartedAt(segment.words, time);
  return index >= 0 && time < segment.words[index]!.end ? index : -1;
}

/** Index of the last item started at or before `time` (−1 if none): a binary search, no allocation. */
export function lastStartedAt(items: readonly { readonly start: number }[], time: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.start <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Indices of the segments whose text differs between the manifest and the page (`texts`: the page's
 * normalised segment texts, in order), judged by fingerprint and length. Empty when the audio matches
 * the article; a segment missing on either side counts as differing.
 */
export function checkManifestAgainst(manifest: Pick<Manifest, 'segments'>, texts: readonly string[]): number[] {
  const mismatched: number[] = [];
  const count = Math.max(manifest.segments.length, texts.length);
  for (let i = 0; i < count; i++) {
    const segment = manifest.segments[i];
    const text = texts[i];
    if (segment === undefined || text === undefined || segment.length !== text.length || segment.fingerprint !== fingerprint(text)) {
      mismatched.push(i);
    }
  }
  return mismatched;
}
