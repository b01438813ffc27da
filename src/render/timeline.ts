/**
 * Lays the segments' audio end to end with a pause between them and writes the timing manifest for the
 * result. Every time is computed from sample counts, so it is exact against the joined audio.
 */
import { fingerprint } from '../article/fingerprint.js';
import { MANIFEST_VERSION, type ManifestJson, type ManifestSegmentJson } from '../manifest/manifest.js';
import type { WordSpan } from './words.js';

/** Silence between two segments, in seconds. */
export const SEGMENT_PAUSE_SECONDS = 0.6;

export interface RenderedSegment {
  readonly text: string;
  /** Length of the segment's audio, in samples. */
  readonly samples: number;
  /** Words in samples from the segment's own start. */
  readonly words: readonly WordSpan[];
}

/** Where each segment lands in the joined audio, and the total, in samples. */
export interface Layout {
  readonly starts: readonly number[];
  readonly pause: number;
  readonly total: number;
}

/** The pause between segments in samples: a whole number, so every segment starts on a sample. */
export function pauseSamples(sampleRate: number): number {
  return Math.round(SEGMENT_PAUSE_SECONDS * sampleRate);
}

export function layOut(samples: readonly number[], sampleRate: number): Layout {
  const pause = pauseSamples(sampleRate);
  const starts: number[] = [];
  let at = 0;
  samples.forEach((count, i) => {
    if (i > 0) at += pause;
    starts.push(at);
    at += count;
  });
  return { starts, pause, total: at };
}

export interface ManifestInfo {
  readonly lang: string;
  readonly voice: string;
  readonly generator: string;
  readonly hash: string;
  readonly sampleRate: number;
  readonly sources: readonly { readonly src: string; readonly type: string }[];
}

export function buildManifest(info: ManifestInfo, segments: readonly RenderedSegment[]): ManifestJson {
  const { starts, total } = layOut(
    segments.map((s) => s.samples),
    info.sampleRate,
  );
  const seconds = (sample: number): number => Math.round((sample / info.sampleRate) * 1e5) / 1e5;
  return {
    version: MANIFEST_VERSION,
    lang: info.lang,
    voice: info.voice,
    generator: info.generator,
    hash: info.hash,
    duration: seconds(total),
    sources: info.sources,
    segments: segments.map((segment, i): ManifestSegmentJson => {
      const start = starts[i]!;
      return {
        start: seconds(start),
        end: seconds(start + segment.samples),
        fingerprint: fingerprint(segment.text),
        length: segment.text.length,
        words: segment.words.map((w) => [seconds(start + w.start), seconds(start + w.end), w.offset, w.length] as const),
      };
    }),
  };
}

/**
 * The manifest as written to disk: one field per line and one segment per line, so a re-render after an
 * edit shows in a diff as the paragraphs that changed.
 */
export function formatManifest(manifest: ManifestJson): string {
  const { segments, ...header } = manifest;
  const lines = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const body = segments.map((segment) => `    ${JSON.stringify(segment)}`).join(',\n');
  return `{\n${lines.join('\n')}\n  "segments": [\n${body}\n  ]\n}\n`;
}
