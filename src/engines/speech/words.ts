/**
 * Word timing for the Web Speech engine. A voice that sends `boundary` events says which word it is at; its
 * `charIndex` is snapped to a real word, since some voices report indices that are off. Many voices send none
 * at all (Chrome's Google voices, speech-dispatcher on Linux): then each sentence's words are spread over the
 * sentence's estimated duration in proportion to where they start in its characters — the same
 * characters-per-second estimate the timeline keeps, corrected as sentences are measured — and the timing
 * says `estimated`. The first real boundary switches to the voice's own timing for good (until the voice
 * changes).
 */
import { wordIndexAt, wordSpans, type WordSpans } from '../../article/chunk.js';
import type { Segment } from '../../article/segment.js';
import type { WordTiming } from '../engine.js';
import type { TimedChunk } from './timeline.js';

/** Reports word `word` of segment `segment`, at `offset`/`length` in the segment's text. */
export type WordReporter = (segment: number, word: number, offset: number, length: number) => void;

/** The words of one chunk: indices `first`…`last` into its segment's words. */
export interface ChunkWords {
  readonly spans: WordSpans;
  readonly first: number;
  readonly last: number;
}

/** Any whitespace: a voice's index before it belongs to the word before, not to the next one. */
const SPACE = /\s/;

export class SpeechWords {
  readonly #report: WordReporter;
  readonly #now: () => number;
  #segments: readonly Segment[] = [];
  /**
   * The words of the segment being spoken, only: an article of thousands of paragraphs keeps no word lists
   * around, and segmenting one paragraph again takes microseconds.
   */
  #cached: { readonly segment: number; readonly spans: WordSpans } | null = null;
  #timing: WordTiming | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The word last reported (segment, word), so an estimate and a boundary for the same word report it once. */
  #lastSegment = -1;
  #lastWord = -1;

  constructor(report: WordReporter, now: () => number) {
    this.#report = report;
    this.#now = now;
  }

  /** `exact` once the voice has sent a word boundary, `estimated` while speaking without; null before. */
  get timing(): WordTiming | null {
    return this.#timing;
  }

  /** A new article: forgets words, timing and timers. */
  reset(segments: readonly Segment[]): void {
    this.stop();
    this.#segments = segments;
    this.#cached = null;
    this.#timing = null;
  }

  /** Another voice may or may not send boundaries: estimate again until it does. */
  voiceChanged(): void {
    if (this.#timing === 'exact') this.#timing = null;
  }

  /**
   * `chunk` started and is expected to take `seconds` (real time, at the current rate): without boundaries,
   * its first word is shown now and each later one when its share of the time has passed.
   */
  started(chunk: TimedChunk, seconds: number): void {
    this.#clearTimer();
    if (this.#timing === 'exact') return;
    this.#timing = 'estimated';
    const words = this.#wordsOf(chunk);
    if (!words) return;
    this.#emit(chunk.segment, words.spans, words.first);
    if (words.last === words.first || !(seconds > 0)) return;
    const startedAt = this.#now();
    const msPerChar = (seconds * 1000) / chunk.text.length;
    const due = (word: number) => startedAt + (words.spans.starts[word]! - chunk.offset) * msPerChar;
    const next = (word: number): void => {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        // Timers run late in background tabs: show the latest word due rather than replaying each one.
        let current = word;
        while (current < words.last && due(current + 1) <= this.#now()) current++;
        this.#emit(chunk.segment, words.spans, current);
        if (current < words.last) next(current + 1);
      }, Math.max(0, due(word) - this.#now()));
    };
    next(words.first + 1);
  }

  /** A `boundary` event of `chunk`'s utterance: the voice keeps time itself, so estimates stop. */
  boundary(chunk: TimedChunk, charIndex: number, name: string): void {
    // Some voices also send sentence boundaries; only words say where the voice is.
    if (name && name !== 'word') return;
    this.#clearTimer();
    this.#timing = 'exact';
    const words = this.#wordsOf(chunk);
    if (!words) return;
    const at = chunk.offset + Math.min(Math.max(Number.isFinite(charIndex) ? charIndex : 0, 0), chunk.text.length - 1);
    this.#emit(chunk.segment, words.spans, snapToWord(this.#segments[chunk.segment]?.text ?? '', words, at));
  }

  /** Speech stopped or moved: no timer is left, and the next word is reported even if it is the same. */
  stop(): void {
    this.#clearTimer();
    this.#lastSegment = -1;
    this.#lastWord = -1;
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #emit(segment: number, spans: WordSpans, word: number): void {
    if (segment === this.#lastSegment && word === this.#lastWord) return;
    this.#lastSegment = segment;
    this.#lastWord = word;
    const start = spans.starts[word]!;
    this.#report(segment, word, start, spans.ends[word]! - start);
  }

  /** The words starting inside `chunk`, or null when it has none (only punctuation or digits' symbols). */
  #wordsOf(chunk: TimedChunk): ChunkWords | null {
    let cached = this.#cached;
    if (cached?.segment !== chunk.segment) {
      cached = { segment: chunk.segment, spans: wordSpans(this.#segments[chunk.segment]?.text ?? '', chunk.lang) };
      this.#cached = cached;
    }
    const { spans } = cached;
    const first = wordIndexAt(spans.starts, chunk.offset - 1) + 1;
    const last = wordIndexAt(spans.starts, chunk.offset + chunk.text.length - 1);
    return last >= first ? { spans, first, last } : null;
  }
}

/**
 * The word a voice means by offset `at` of `text`: the word holding it; in the gap after a word, the next
 * word when `at` is on its leading punctuation (a quote, a bracket: no space between), else the word before;
 * always one of the chunk's words `first`…`last`.
 */
export function snapToWord(text: string, words: ChunkWords, at: number): number {
  const { spans, first, last } = words;
  const i = wordIndexAt(spans.starts, at);
  if (i < first) return first;
  if (i >= last) return last;
  if (at >= spans.ends[i]! && !SPACE.test(text.slice(at, spans.starts[i + 1]!))) return i + 1;
  return i;
}
