/**
 * An existing Listen manifest → a manifest for this article, as it is now. A manifest keeps no text, only
 * each segment's fingerprint and length, so segments are matched whole: an unchanged paragraph keeps its
 * exact times, an edited or added one is marked without audio (the player can speak it), and a paragraph
 * deleted since the recording is left out (its audio plays as a pause in nobody's highlight).
 */
import { wordSpans } from '../article/chunk.js';
import { fingerprint } from '../article/fingerprint.js';
import type { ManifestSegmentJson } from '../manifest/manifest.js';
import { parseManifest } from '../manifest/parse.js';
import { alignTokens } from './align.js';
import type { AlignedSegments, UnmatchedRun } from './build.js';

export interface Retargeted extends AlignedSegments {
  readonly lang: string;
  readonly voice: string;
  readonly generator: string;
  readonly duration: number;
}

/** `json` is the old manifest (validated here); `texts` the article's segment texts. */
export function retargetManifest(json: unknown, texts: readonly string[], lang: string): Retargeted {
  // Any base URL will do: only the timings are kept, the sources are replaced by the given audio.
  const old = parseManifest(json, 'https://example.invalid/manifest.json');
  const key = (print: string, length: number): string => `${print}:${length}`;
  const match = alignTokens(
    texts.map((text) => key(fingerprint(text), text.length)),
    old.segments.map((segment) => key(segment.fingerprint, segment.length)),
  );
  const counts = texts.map((text) => wordSpans(text, lang).starts.length);
  const runs: UnmatchedRun[] = [];
  let previousEnd = 0;
  const segments = texts.map((text, i): ManifestSegmentJson => {
    const j = match[i]!;
    const from = j >= 0 ? old.segments[j] : undefined;
    if (from && from.audio !== false) {
      previousEnd = from.end;
      return {
        start: from.start,
        end: from.end,
        fingerprint: from.fingerprint,
        length: from.length,
        words: from.words.map((word) => [word.start, word.end, word.offset, word.length] as const),
        ...(from.estimated ? { estimated: true } : {}),
      };
    }
    if (counts[i]! > 0) runs.push({ side: 'article', words: counts[i]!, context: `[${text.length > 80 ? `${text.slice(0, 80)}…` : text}]`, time: previousEnd });
    return { start: previousEnd, end: previousEnd, fingerprint: fingerprint(text), length: text.length, words: [], audio: false };
  });
  const articleWords = counts.reduce((sum, n) => sum + n, 0);
  const matchedWords = counts.reduce((sum, n, i) => sum + (segments[i]!.audio === false ? 0 : n), 0);
  return {
    lang: old.lang || lang,
    voice: old.voice,
    generator: old.generator,
    duration: old.duration,
    segments,
    report: {
      articleWords,
      matchedWords,
      matchedShare: articleWords === 0 ? 0 : matchedWords / articleWords,
      audioWords: old.segments.reduce((sum, segment) => sum + segment.words.length, 0),
      segmentsWithoutAudio: segments.flatMap((segment, i) => (segment.audio === false ? [i] : [])),
      runs,
    },
  };
}
