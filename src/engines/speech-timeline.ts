/**
 * The estimated timeline of Web Speech: the article cut into speakable chunks, each given a start time
 * (seconds at rate 1) from a characters-per-second estimate that is corrected as chunks are measured.
 * Speech has no clock of its own, so this is what time, seeking and the seek bar are made of.
 */
import { chunkText } from '../article/chunk.js';
import type { Segment } from '../article/segment.js';
import { INITIAL_CHARS_PER_SECOND } from './pace.js';

export interface TimedChunk {
  /** Index of the segment the chunk belongs to. */
  readonly segment: number;
  /** Offset of the chunk's first character in the segment's text. */
  readonly offset: number;
  readonly text: string;
  readonly lang: string;
}

export { INITIAL_CHARS_PER_SECOND };
/** Weight of the initial guess, in characters, against measured speech. */
const PRIOR_CHARS = 120;

export class SpeechTimeline {
  readonly chunks: readonly TimedChunk[];
  /** First chunk of each segment. */
  readonly #segmentFirstChunk: readonly number[];
  /** Start of each chunk on the timeline, plus the total at the end (length = chunks + 1). */
  #starts: Float64Array;
  #measuredChars = 0;
  #measuredSeconds = 0;

  constructor(segments: readonly Segment[], lang: string) {
    const chunks: TimedChunk[] = [];
    const first: number[] = [];
    segments.forEach((segment, i) => {
      first.push(chunks.length);
      const chunkLang = segment.lang || lang;
      for (const chunk of chunkText(segment.text, chunkLang)) chunks.push({ segment: i, offset: chunk.start, text: chunk.text, lang: chunkLang });
    });
    this.chunks = chunks;
    this.#segmentFirstChunk = first;
    this.#starts = this.#retime();
  }

  get length(): number {
    return this.chunks.length;
  }

  get duration(): number {
    return this.#starts[this.chunks.length]!;
  }

  /** Characters per second at rate 1: the prior guess, pulled towards what was measured. */
  get charsPerSecond(): number {
    return (PRIOR_CHARS + this.#measuredChars) / (PRIOR_CHARS / INITIAL_CHARS_PER_SECOND + this.#measuredSeconds);
  }

  /** Start of chunk `index` (`length` gives the end of the last). */
  start(index: number): number {
    return this.#starts[Math.min(Math.max(index, 0), this.chunks.length)]!;
  }

  /** First chunk of segment `index`, or undefined for a segment with nothing to say. */
  firstChunkOf(index: number): number | undefined {
    const chunk = this.#segmentFirstChunk[index];
    return chunk !== undefined && chunk < this.chunks.length && this.chunks[chunk]!.segment === index ? chunk : undefined;
  }

  /** Index of the chunk playing at `seconds` (binary search over the start times). */
  chunkAt(seconds: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= seconds) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Records that `chunk` took `seconds` (at rate 1) to speak, and re-times every chunk. */
  measure(chunk: TimedChunk, seconds: number): void {
    this.#measuredChars += chunk.text.length;
    this.#measuredSeconds += seconds;
    this.#starts = this.#retime();
  }

  #retime(): Float64Array {
    const cps = this.charsPerSecond;
    const starts = new Float64Array(this.chunks.length + 1);
    for (let i = 0; i < this.chunks.length; i++) starts[i + 1] = starts[i]! + this.chunks[i]!.text.length / cps;
    return starts;
  }
}
