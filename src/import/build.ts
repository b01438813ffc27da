/**
 * Timed vendor words + the article's segments → the manifest's segments, and a report of how well they
 * matched. Each article word takes the time of the vendor word aligned to it; an unmatched word inside a
 * paragraph that has audio gets a time between its matched neighbours, in proportion to its length; a
 * paragraph with no matched word at all has no audio (`audio: false`, an empty time range where it would be).
 */
import { wordSpans } from '../article/chunk.js';
import { fingerprint } from '../article/fingerprint.js';
import type { ManifestSegmentJson } from '../manifest/manifest.js';
import { alignTokens, normaliseWord, wordTokens } from './align.js';
import type { TimedWord } from './formats.js';

/** Words of context shown on each side of an unmatched run in the report. */
const CONTEXT_WORDS = 4;
/** A run of unmatched words is listed if it has at least this many (single misses are noise). */
const REPORTED_RUN = 2;

export interface UnmatchedRun {
  /** 'article': page words with no audio; 'audio': words in the audio that are not on the page. */
  readonly side: 'article' | 'audio';
  readonly words: number;
  /** `…before [the run] after…`, for people. */
  readonly context: string;
  /** Seconds into the audio near which it is. */
  readonly time: number;
}

export interface AlignmentReport {
  readonly articleWords: number;
  readonly matchedWords: number;
  /** matchedWords / articleWords, 0–1. */
  readonly matchedShare: number;
  readonly audioWords: number;
  readonly segmentsWithoutAudio: readonly number[];
  readonly runs: readonly UnmatchedRun[];
}

export interface AlignedSegments {
  readonly segments: ManifestSegmentJson[];
  readonly report: AlignmentReport;
}

interface ArticleWord {
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  start: number;
  end: number;
  matched: boolean;
  estimated: boolean;
}

export function alignSegments(texts: readonly string[], lang: string, timed: readonly TimedWord[], duration: number): AlignedSegments {
  const words: ArticleWord[] = [];
  const articleTokens: string[] = [];
  const tokenWord: number[] = [];
  texts.forEach((text, segment) => {
    const spans = wordSpans(text, lang);
    for (let w = 0; w < spans.starts.length; w++) {
      const offset = spans.starts[w]!;
      const wordText = text.slice(offset, spans.ends[w]);
      for (const token of wordTokens(normaliseWord(wordText), lang)) {
        articleTokens.push(token);
        tokenWord.push(words.length);
      }
      words.push({ segment, offset, length: wordText.length, text: wordText, start: 0, end: 0, matched: false, estimated: false });
    }
  });
  // A vendor word may hold several of the page's words (Polly's "twenty-five" is "twenty", "five" on the
  // page's word rules): each token gets a share of its time.
  const audioTokens: string[] = [];
  const tokenTime: [start: number, end: number, estimated: boolean, word: number][] = [];
  timed.forEach((word, index) => {
    const spans = wordSpans(word.text, lang);
    const tokens = Array.from(spans.starts, (from, k) => word.text.slice(from, spans.ends[k])).flatMap((part) => wordTokens(normaliseWord(part), lang));
    const step = (word.end - word.start) / Math.max(1, tokens.length);
    tokens.forEach((token, k) => {
      audioTokens.push(token);
      tokenTime.push([word.start + step * k, word.start + step * (k + 1), word.estimated, index]);
    });
  });

  const match = alignTokens(articleTokens, audioTokens);
  const audioMatched = new Uint8Array(audioTokens.length);
  match.forEach((j, i) => {
    if (j < 0) return;
    audioMatched[j] = 1;
    const word = words[tokenWord[i]!]!;
    const [start, end, estimated] = tokenTime[j]!;
    if (!word.matched) word.start = start;
    word.end = Math.max(word.end, end);
    word.matched = true;
    word.estimated ||= estimated;
  });

  const segments = buildSegments(texts, words, duration);
  const matchedWords = words.filter((word) => word.matched).length;
  return {
    segments,
    report: {
      articleWords: words.length,
      matchedWords,
      matchedShare: words.length === 0 ? 0 : matchedWords / words.length,
      audioWords: timed.length,
      segmentsWithoutAudio: segments.flatMap((segment, i) => (segment.audio === false ? [i] : [])),
      runs: [...articleRuns(words), ...audioRuns(timed, tokenTime, audioMatched)].sort((x, y) => x.time - y.time),
    },
  };
}

function buildSegments(texts: readonly string[], words: ArticleWord[], duration: number): ManifestSegmentJson[] {
  const round = (seconds: number): number => Math.round(Math.min(seconds, duration) * 1e5) / 1e5;
  // Speaking pace over the matched words, to size unmatched words at a paragraph's edges.
  const matched = words.filter((word) => word.matched);
  const spoken = matched.reduce((sum, word) => sum + (word.end - word.start), 0);
  const letters = matched.reduce((sum, word) => sum + word.length, 0);
  const perChar = letters > 0 && spoken > 0 ? spoken / letters : 0.07;

  const bySegment: ArticleWord[][] = texts.map(() => []);
  for (const word of words) bySegment[word.segment]!.push(word);
  let previousEnd = 0;
  return texts.map((text, segment): ManifestSegmentJson => {
    const own = bySegment[segment]!;
    const anchors = own.filter((word) => word.matched);
    if (anchors.length === 0) {
      // No audio: an empty range where it would be, so a 1.0 reader passes over it and a 1.1 reader knows.
      const at = round(previousEnd);
      return { start: at, end: at, fingerprint: fingerprint(text), length: text.length, words: [], audio: false };
    }
    fillUnmatched(own, perChar, previousEnd, duration);
    let cursor = previousEnd;
    const entries = own.map((word) => {
      const start = Math.max(word.start, cursor);
      const end = Math.max(word.end, start);
      cursor = end;
      return [round(start), round(end), word.offset, word.length] as const;
    });
    const start = entries[0]![0];
    const end = Math.max(start, entries[entries.length - 1]![1]);
    previousEnd = end;
    const estimated = own.some((word) => word.estimated);
    return { start, end, fingerprint: fingerprint(text), length: text.length, words: entries, ...(estimated ? { estimated: true } : {}) };
  });
}

/** Gives each unmatched word of a paragraph that has audio a time between its matched neighbours. */
function fillUnmatched(own: ArticleWord[], perChar: number, floor: number, duration: number): void {
  let k = 0;
  while (k < own.length) {
    if (own[k]!.matched) {
      k++;
      continue;
    }
    let stop = k;
    while (stop < own.length && !own[stop]!.matched) stop++;
    const run = own.slice(k, stop);
    const chars = run.reduce((sum, word) => sum + word.length, 0);
    const before = own[k - 1];
    const after = own[stop];
    // Between two matched words the gap is known; at an edge, the run is sized at the measured pace.
    const from = before ? before.end : Math.max(floor, after!.start - chars * perChar);
    const to = after ? after.start : Math.min(duration, before!.end + chars * perChar);
    let at = 0;
    for (const word of run) {
      word.start = from + ((to - from) * at) / chars;
      at += word.length;
      word.end = from + ((to - from) * at) / chars;
      word.estimated = true;
    }
    k = stop;
  }
}

function articleRuns(words: readonly ArticleWord[]): UnmatchedRun[] {
  const runs: UnmatchedRun[] = [];
  let k = 0;
  while (k < words.length) {
    if (words[k]!.matched) {
      k++;
      continue;
    }
    let stop = k;
    while (stop < words.length && !words[stop]!.matched) stop++;
    if (stop - k >= REPORTED_RUN) {
      const text = (from: number, to: number): string => words.slice(Math.max(0, from), to).map((word) => word.text).join(' ');
      runs.push({
        side: 'article',
        words: stop - k,
        context: describe(text(k - CONTEXT_WORDS, k), text(k, stop), text(stop, stop + CONTEXT_WORDS)),
        time: words[k - 1]?.end ?? 0,
      });
    }
    k = stop;
  }
  return runs;
}

function audioRuns(timed: readonly TimedWord[], tokenTime: readonly [number, number, boolean, number][], matched: Uint8Array): UnmatchedRun[] {
  // Judged per vendor word: a word is unmatched when none of its tokens found a partner.
  const hit = new Uint8Array(timed.length);
  tokenTime.forEach(([, , , word], j) => (hit[word] ||= matched[j]!));
  const runs: UnmatchedRun[] = [];
  let k = 0;
  while (k < timed.length) {
    if (hit[k]) {
      k++;
      continue;
    }
    let stop = k;
    while (stop < timed.length && !hit[stop]) stop++;
    if (stop - k >= REPORTED_RUN) {
      const text = (from: number, to: number): string => timed.slice(Math.max(0, from), to).map((word) => word.text).join(' ');
      runs.push({ side: 'audio', words: stop - k, context: describe(text(k - CONTEXT_WORDS, k), text(k, stop), text(stop, stop + CONTEXT_WORDS)), time: timed[k]!.start });
    }
    k = stop;
  }
  return runs;
}

function describe(before: string, run: string, after: string): string {
  const clip = (text: string): string => (text.length > 120 ? `${text.slice(0, 60)} … ${text.slice(-60)}` : text);
  return `${before ? `…${before} ` : ''}[${clip(run)}]${after ? ` ${after}…` : ''}`;
}
