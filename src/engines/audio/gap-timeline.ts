/**
 * The audio engine's timeline when the recording lacks paragraphs (manifest 1.1 `"audio": false`): the
 * recording's, with each such paragraph given room of its own, so that time, the seek bar and progress keep
 * moving while Web Speech reads it (`gaps.ts`).
 *
 * - A run of consecutive segments without audio is one speech span. Each of its segments takes an
 *   estimated length (its text at `GAP_CHARS_PER_SECOND`, the speech timeline's first guess at rate 1).
 * - It replaces the stretch of the recording from the run's point (its `start`, where it would have been)
 *   to the start of the next segment with audio (or the end of the file): that stretch is at best a pause,
 *   and a recording of an older text may even hold words the page no longer has.
 * - Everything else is audio span: the recording as it is, shifted by the room the spans before it took.
 *
 * A manifest without such segments gives one audio span, the whole file, and the timeline is the file's.
 * Pure: no DOM, no speech.
 */
import type { ManifestSegment } from '../../manifest/manifest.js';

/**
 * Characters per second at rate 1 that a segment without audio is given on the timeline: the speech
 * timeline's initial estimate (`INITIAL_CHARS_PER_SECOND`), repeated here so the audio engine does not
 * load the speech modules to know it (a unit test keeps the two equal).
 */
export const GAP_CHARS_PER_SECOND = 14.5;

/** Part of the recording, played as it is: `[from, from + length)` of the file, at `at` on the timeline. */
export interface AudioSpan {
  readonly kind: 'audio';
  readonly at: number;
  readonly length: number;
  /** Where it starts in the file, in seconds. */
  readonly from: number;
}

/** Consecutive segments without audio, read by Web Speech, at `at` on the timeline. */
export interface SpeechSpan {
  readonly kind: 'speech';
  readonly at: number;
  readonly length: number;
  /** Where the recording goes on after it, in seconds of the file. */
  readonly resume: number;
  /** Its segments in order: their index in the article and their start on the timeline. */
  readonly segments: readonly { readonly index: number; readonly at: number }[];
}

export type Span = AudioSpan | SpeechSpan;

export class GapTimeline {
  readonly spans: readonly Span[];
  readonly duration: number;
  /** Start of each segment on the timeline. */
  readonly #starts: Float64Array;

  /**
   * `segments`: the manifest's (validated: in order, not overlapping); `texts`: the page's segment texts
   * (the manifest matched them), whose lengths give the spoken segments their room; `fileDuration`: the
   * recording's length in seconds.
   */
  constructor(segments: readonly Pick<ManifestSegment, 'start' | 'audio'>[], texts: readonly string[], fileDuration: number) {
    const spans: Span[] = [];
    const starts = new Float64Array(segments.length);
    let cursor = 0; // in the file
    let at = 0; // on the timeline
    const playTo = (end: number): void => {
      if (end > cursor) {
        spans.push({ kind: 'audio', at, length: end - cursor, from: cursor });
        at += end - cursor;
        cursor = end;
      }
    };
    for (let i = 0; i < segments.length; ) {
      if (segments[i]!.audio !== false) {
        starts[i] = at + Math.max(segments[i]!.start - cursor, 0);
        i++;
        continue;
      }
      playTo(segments[i]!.start);
      const run: { index: number; at: number }[] = [];
      const spanAt = at;
      for (; i < segments.length && segments[i]!.audio === false; i++) {
        starts[i] = at;
        run.push({ index: i, at });
        at += estimatedLength(texts[i] ?? '');
      }
      // The file goes on where the next segment with audio starts; after a trailing run, nowhere.
      const resume = Math.max(cursor, i < segments.length ? segments[i]!.start : fileDuration);
      spans.push({ kind: 'speech', at: spanAt, length: at - spanAt, resume, segments: run });
      cursor = resume;
    }
    playTo(fileDuration);
    if (spans.length === 0) spans.push({ kind: 'audio', at: 0, length: 0, from: 0 });
    this.spans = spans;
    this.duration = at;
    this.#starts = starts;
  }

  /** True when some segment is not in the recording (there is a speech span). */
  get partial(): boolean {
    return this.spans.some((span) => span.kind === 'speech');
  }

  /** Index of the span at `time` on the timeline: the last one started at or before it (clamped). */
  spanAt(time: number): number {
    let low = 0;
    let high = this.spans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.spans[middle]!.at <= time) low = middle;
      else high = middle - 1;
    }
    // A span of no length (a run of empty texts) is never "at" a time: the one after it is.
    while (low + 1 < this.spans.length && this.spans[low]!.length === 0 && this.spans[low + 1]!.at <= time) low++;
    return low;
  }

  /** Start of segment `index` on the timeline (0 for an index out of range). */
  segmentStart(index: number): number {
    return this.#starts[index] ?? 0;
  }

  /** Where the file is at `time` on the timeline: inside an audio span, the same moment; in a speech span, where it resumes. */
  toFile(time: number): number {
    const span = this.spans[this.spanAt(time)]!;
    if (span.kind === 'speech') return span.resume;
    return span.from + Math.min(Math.max(time - span.at, 0), span.length);
  }

  /** The timeline's time of `fileTime` played in audio span `index`. */
  fromFile(fileTime: number, index: number): number {
    const span = this.spans[index];
    if (!span || span.kind !== 'audio') return this.duration;
    return span.at + Math.max(fileTime - span.from, 0);
  }

  /** The segment read at `time` when it falls in a speech span (by the estimated starts), else −1. */
  spokenSegmentAt(time: number): number {
    const span = this.spans[this.spanAt(time)]!;
    if (span.kind !== 'speech') return -1;
    let found = span.segments[0]!.index;
    for (const segment of span.segments) if (segment.at <= time) found = segment.index;
    return found;
  }
}

/** Room on the timeline of a segment speech reads: its text at the speech timeline's first estimate. */
export function estimatedLength(text: string): number {
  return text.length / GAP_CHARS_PER_SECOND;
}
