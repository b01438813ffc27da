/**
 * The estimated timeline of Web Speech: the article cut into speakable chunks, each given a start time
 * (seconds at rate 1) from a characters-per-second estimate that is corrected as chunks are measured.
 * Speech has no clock of its own, so this is what time, seeking and the seek bar are made of.
 *
 * Times come from character counts, which need no cutting; a segment is cut into chunks only when reading,
 * seeking or skipping reaches it, so an article of 100,000 paragraphs starts as fast as one of ten.
 */
import { chunkText } from '../../article/chunk.js';
import type { LangRun } from '../../article/lang-runs.js';
import type { Segment } from '../../article/segment.js';
import { cutAtRuns, primaryOf, readIn } from '../../spoken/parts.js';
import { INITIAL_CHARS_PER_SECOND } from '../../article/pace.js';
import { lastAtOrBefore } from '../../article/search.js';

export interface TimedChunk {
  /** Index of the segment the chunk belongs to. */
  readonly segment: number;
  /** Offset of the chunk's first character in the segment's text. */
  readonly offset: number;
  readonly text: string;
  /** The language it is read in: its segment's, or an inline run's (`<span lang="fr">`); one chunk, one language. */
  readonly lang: string;
  /** Whether it goes on with the sentence of the chunk before (cut where the language changed). */
  readonly continues?: boolean;
}

/** Where a chunk is: its segment, and its rank among the segment's chunks. */
export interface ChunkPlace {
  readonly segment: number;
  readonly chunk: number;
}

/** The language runs of segment `index` (`langRuns`, imported only for an article that has inline languages). */
export type RunsOf = (segments: readonly Segment[], index: number) => LangRun[];

/** A segment read in its own language throughout: one run. */
const wholeSegment: RunsOf = (segments, index) => {
  const segment = segments[index];
  return segment ? [{ start: 0, end: segment.text.length, lang: segment.lang }] : [];
};

/** Weight of the initial guess, in characters, against measured speech. */
const PRIOR_CHARS = 120;

export class SpeechTimeline {
  readonly #segments: readonly Segment[];
  readonly #lang: string;
  /** The page's language when `lang-override` corrects it: text marked with it is read in `#lang`. */
  readonly #relabel: string;
  /** Characters before each segment, plus the total at the end (length = segments + 1). */
  readonly #before: Float64Array;
  /** Each segment's chunks, cut on first use. */
  readonly #chunks: (readonly TimedChunk[] | undefined)[];
  #cut = 0;
  #measuredChars = 0;
  #measuredSeconds = 0;
  #runs: RunsOf;

  constructor(segments: readonly Segment[], lang: string, relabel = '', runs: RunsOf = wholeSegment) {
    this.#segments = segments;
    this.#lang = lang;
    this.#relabel = relabel;
    this.#runs = runs;
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
    for (const segment of this.#segments) langs.add(this.langOf(segment.lang));
    return [...langs];
  }

  /** The language text marked `lang` is read in: the article's when unmarked, or marked with the language corrected. */
  langOf(lang: string): string {
    return readIn(lang, this.#lang, this.#relabel);
  }

  /**
   * The chunks of segment `index` (none for a segment with nothing to say, or out of range): its sentences, each
   * cut again where a phrase in another language starts or ends, so each chunk has one language.
   */
  chunksOf(index: number): readonly TimedChunk[] {
    const segment = this.#segments[index];
    if (!segment) return [];
    let chunks = this.#chunks[index];
    if (!chunks) {
      const { text } = segment;
      const lang = this.langOf(segment.lang);
      // A run in a region of the segment's language (`en` in `en-GB`) is read by the same voice: no cut there.
      const runs = this.#runs(this.#segments, index).map((run) => {
        const own = this.langOf(run.lang);
        return { ...run, lang: primaryOf(own) === primaryOf(lang) ? lang : own };
      });
      chunks = chunkText(text, lang).flatMap((sentence) =>
        cutAtRuns(text, sentence.start, sentence.end, runs).map((part, i) => ({
          segment: index,
          offset: part.start,
          text: text.slice(part.start, part.end),
          lang: part.lang,
          continues: i > 0,
        })),
      );
      this.#chunks[index] = chunks;
      this.#cut++;
    }
    return chunks;
  }

  /**
   * Cuts at language runs from now on (`runs` arrived after the timeline was made): the chunks cut so far are
   * cut again on their next use. Times do not move (they come from characters).
   */
  useRuns(runs: RunsOf): void {
    this.#runs = runs;
    this.#chunks.fill(undefined);
    this.#cut = 0;
  }

  /**
   * The chunk of segment `segment` that holds `offset` (its last chunk starting at or before it); for a segment
   * with nothing to say, the nearest chunk after it, else before.
   */
  placeAt(segment: number, offset: number): ChunkPlace | null {
    const chunks = this.chunksOf(segment);
    if (!chunks.length) return this.firstFrom(segment) ?? this.lastUpTo(segment);
    let chunk = 0;
    while (chunk + 1 < chunks.length && chunks[chunk + 1]!.offset <= offset) chunk++;
    return { segment, chunk };
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

  /**
   * Where skipping from `place` goes: the start of the next sentence (`direction` 1), or of the one before, or
   * of its own from a phrase inside it (−1). A phrase in another language is a chunk, not a sentence to stop at.
   */
  sentence(place: ChunkPlace, direction: -1 | 1): ChunkPlace | null {
    const step = (from: ChunkPlace) => (direction > 0 ? this.next(from) : this.previous(from));
    let next = step(place);
    while (next && this.chunk(next)?.continues) next = step(next);
    return next;
  }

  /** The chunk playing at `seconds` (the first or last chunk outside the timeline). */
  at(seconds: number): ChunkPlace | null {
    const chars = seconds * this.charsPerSecond;
    // The last segment starting at or before `chars` (the first, for a time before it), by the running totals.
    const segment = Math.max(lastAtOrBefore(chars, this.#segments.length, (index) => this.#before[index]!), 0);
    return this.placeAt(segment, chars - this.#before[segment]!);
  }

  /** Records that `chunk` took `seconds` (at rate 1) to speak; every time after it moves with the new pace. */
  measure(chunk: TimedChunk, seconds: number): void {
    this.#measuredChars += chunk.text.length;
    this.#measuredSeconds += seconds;
  }
}
