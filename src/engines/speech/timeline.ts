/**
 * The estimated timeline of Web Speech: the article cut into speakable chunks, each given a start time
 * (seconds at rate 1) from a characters-per-second estimate that is corrected as chunks are measured.
 * Speech has no clock of its own, so this is what time, seeking and the seek bar are made of.
 *
 * Times come from character counts, which need no cutting; a segment is cut into chunks only when reading,
 * seeking or skipping reaches it, so an article of 100,000 paragraphs starts as fast as one of ten.
 */
import { chunkText } from '../../article/chunk.js';
import type { Segment } from '../../article/segment.js';
import { INITIAL_CHARS_PER_SECOND } from '../../article/pace.js';

export interface TimedChunk {
  /** Index of the segment the chunk belongs to. */
  readonly segment: number;
  /** Offset of the chunk's first character in the segment's text. */
  readonly offset: number;
  readonly text: string;
  readonly lang: string;
}

/** Where a chunk is: its segment, and its rank among the segment's chunks. */
export interface ChunkPlace {
  readonly segment: number;
  readonly chunk: number;
}

/** Weight of the initial guess, in characters, against measured speech. */
const PRIOR_CHARS = 120;

export class SpeechTimeline {
  readonly #segments: readonly Segment[];
  readonly #lang: string;
  /** Characters before each segment, plus the total at the end (length = segments + 1). */
  readonly #before: Float64Array;
  /** Each segment's chunks, cut on first use. */
  readonly #chunks: (readonly TimedChunk[] | undefined)[];
  #cut = 0;
  #measuredChars = 0;
  #measuredSeconds = 0;

  constructor(segments: readonly Segment[], lang: string) {
    this.#segments = segments;
    this.#lang = lang;
    this.#before = new Float64Array(segments.length + 1);
    for (let i = 0; i < segments.length; i++) this.#before[i + 1] = this.#before[i]! + segments[i]!.text.length;
    this.#chunks = new Array<readonly TimedChunk[] | undefined>(segments.length);
  }

  /** Whether there is nothing to say at all. */
  get empty(): boolean {
    return this.firstFrom(0) === null;
  }

  /** How many segments have been cut into chunks so far. */
  get cutSegments(): number {
    return this.#cut;
  }

  get duration(): number {
    return this.#before[this.#segments.length]! / this.charsPerSecond;
  }

  /** Characters per second at rate 1: the prior guess, pulled towards what was measured. */
  get charsPerSecond(): number {
    return (PRIOR_CHARS + this.#measuredChars) / (PRIOR_CHARS / INITIAL_CHARS_PER_SECOND + this.#measuredSeconds);
  }

  /** The languages the chunks will be read in: the article's, or the one their segment is marked with. */
  langs(): string[] {
    const langs = new Set<string>();
    for (const segment of this.#segments) langs.add(segment.lang || this.#lang);
    return [...langs];
  }

  /** The chunks of segment `index` (none for a segment with nothing to say, or out of range). */
  chunksOf(index: number): readonly TimedChunk[] {
    const segment = this.#segments[index];
    if (!segment) return [];
    let chunks = this.#chunks[index];
    if (!chunks) {
      const lang = segment.lang || this.#lang;
      chunks = chunkText(segment.text, lang).map((chunk) => ({ segment: index, offset: chunk.start, text: chunk.text, lang }));
      this.#chunks[index] = chunks;
      this.#cut++;
    }
    return chunks;
  }

  chunk(place: ChunkPlace | null): TimedChunk | undefined {
    return place ? this.chunksOf(place.segment)[place.chunk] : undefined;
  }

  /** Start of the chunk at `place`; null (past the last chunk) gives the end. */
  start(place: ChunkPlace | null): number {
    const chunk = this.chunk(place);
    if (!chunk) return this.duration;
    return (this.#before[chunk.segment]! + chunk.offset) / this.charsPerSecond;
  }

  /** End of the chunk at `place`, by its own characters (the space before the next sentence is not spoken). */
  end(place: ChunkPlace | null): number {
    const chunk = this.chunk(place);
    if (!chunk) return this.duration;
    return (this.#before[chunk.segment]! + chunk.offset + chunk.text.length) / this.charsPerSecond;
  }

  /** The first chunk of segment `index`, or null for a segment with nothing to say. */
  firstOf(index: number): ChunkPlace | null {
    return this.chunksOf(index).length ? { segment: index, chunk: 0 } : null;
  }

  /** The first chunk at or after segment `index`. */
  firstFrom(index: number): ChunkPlace | null {
    for (let i = Math.max(index, 0); i < this.#segments.length; i++) if (this.chunksOf(i).length) return { segment: i, chunk: 0 };
    return null;
  }

  /** The last chunk at or before segment `index` (by default: of the article). */
  lastUpTo(index = this.#segments.length - 1): ChunkPlace | null {
    for (let i = Math.min(index, this.#segments.length - 1); i >= 0; i--) {
      const count = this.chunksOf(i).length;
      if (count) return { segment: i, chunk: count - 1 };
    }
    return null;
  }

  next(place: ChunkPlace): ChunkPlace | null {
    if (place.chunk + 1 < this.chunksOf(place.segment).length) return { segment: place.segment, chunk: place.chunk + 1 };
    return this.firstFrom(place.segment + 1);
  }

  previous(place: ChunkPlace): ChunkPlace | null {
    if (place.chunk > 0) return { segment: place.segment, chunk: place.chunk - 1 };
    return this.lastUpTo(place.segment - 1);
  }

  /** The chunk playing at `seconds` (the first or last chunk outside the timeline). */
  at(seconds: number): ChunkPlace | null {
    const chars = seconds * this.charsPerSecond;
    // The last segment starting at or before `chars`, by binary search over the running totals.
    let lo = 0;
    let hi = this.#segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#before[mid]! <= chars) lo = mid;
      else hi = mid - 1;
    }
    const chunks = this.chunksOf(lo);
    if (!chunks.length) return this.firstFrom(lo) ?? this.lastUpTo(lo);
    const offset = chars - this.#before[lo]!;
    let chunk = 0;
    while (chunk + 1 < chunks.length && chunks[chunk + 1]!.offset <= offset) chunk++;
    return { segment: lo, chunk };
  }

  /** Records that `chunk` took `seconds` (at rate 1) to speak; every time after it moves with the new pace. */
  measure(chunk: TimedChunk, seconds: number): void {
    this.#measuredChars += chunk.text.length;
    this.#measuredSeconds += seconds;
  }
}
