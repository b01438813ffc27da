/**
 * Timing files from text-to-speech vendors and captions → one list of timed words. Each reader keeps the
 * vendor's own text for the words; matching them to the article is align.ts's job.
 *
 * - Amazon Polly speech marks: JSON lines, `time` in ms, `type` word/sentence/ssml/viseme, `start`/`end`
 *   UTF-8 byte offsets into the synthesised text.
 * - ElevenLabs alignment: `characters` with `character_start_times_seconds` / `…_end_…`, bare or inside
 *   the `alignment` / `normalized_alignment` objects its with-timestamps endpoints return.
 * - WebVTT: cues of a sentence or a paragraph; word times inside a cue are estimated by character length.
 */
import { wordSpans } from '../article/chunk.js';

export type TimingFormat = 'polly' | 'elevenlabs' | 'vtt' | 'manifest';
export const TIMING_FORMATS: readonly TimingFormat[] = ['polly', 'elevenlabs', 'vtt', 'manifest'];

export interface TimedWord {
  readonly text: string;
  /** Seconds. */
  readonly start: number;
  readonly end: number;
  /** True when the time is an estimate (inside a caption cue), not the vendor's measurement. */
  readonly estimated: boolean;
}

/** A timing file that cannot be read as the format it is (or was detected as). */
export class TimingsError extends Error {
  override readonly name = 'TimingsError';
}

/** Which format `text` is, judged by its content; null when it is none of them. */
export function detectFormat(text: string): TimingFormat | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(trimmed)) return 'vtt';
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // Polly writes one JSON object per line, so the whole file is not one JSON value.
    const first = trimmed.split(/\r?\n/, 1)[0] ?? '';
    try {
      const mark: unknown = JSON.parse(first);
      if (isObject(mark) && typeof mark['time'] === 'number' && typeof mark['type'] === 'string') return 'polly';
    } catch {
      return null;
    }
    return null;
  }
  if (!isObject(json)) return null;
  if (elevenLabsAlignment(json)) return 'elevenlabs';
  if (typeof json['version'] === 'string' && Array.isArray(json['segments']) && Array.isArray(json['sources'])) return 'manifest';
  if (typeof json['time'] === 'number' && typeof json['type'] === 'string') return 'polly'; // a single mark
  return null;
}

/** Reads Polly speech marks. `duration` (seconds, if known) bounds the last word. */
export function readPolly(text: string, duration?: number): TimedWord[] {
  const marks: { time: number; type: string; start: number; end: number; value: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let mark: unknown;
    try {
      mark = JSON.parse(line);
    } catch {
      throw new TimingsError(`line ${i + 1} is not JSON: ${line.slice(0, 60)}`);
    }
    if (!isObject(mark) || typeof mark['time'] !== 'number' || typeof mark['type'] !== 'string') {
      throw new TimingsError(`line ${i + 1} is not a speech mark (it needs "time" and "type")`);
    }
    const start = Number(mark['start']);
    const end = Number(mark['end']);
    marks.push({ time: mark['time'] / 1000, type: mark['type'], start, end, value: typeof mark['value'] === 'string' ? mark['value'] : '' });
  });
  // The synthesised text, rebuilt byte by byte from the sentence marks: word offsets are UTF-8 byte
  // offsets into it, so "café" or an emoji before a word would shift a character-based reading.
  const bytes: number[] = [];
  for (const mark of marks) {
    if (mark.type !== 'sentence' || !Number.isInteger(mark.start)) continue;
    const encoded = new TextEncoder().encode(mark.value);
    for (let k = 0; k < encoded.length; k++) bytes[mark.start + k] = encoded[k]!;
  }
  const source = Uint8Array.from(bytes, (byte) => byte ?? 0x20);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const wordText = (mark: (typeof marks)[number]): string => {
    if (Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.end > mark.start && mark.end <= source.length) {
      try {
        const slice = decoder.decode(source.subarray(mark.start, mark.end));
        if (slice.trim() !== '') return slice;
      } catch {
        // Offsets that cut a character in two: the mark's own value is the better witness.
      }
    }
    return mark.value;
  };
  const words = marks.filter((mark) => mark.type === 'word');
  if (words.length === 0) throw new TimingsError('the speech marks have no "word" marks (ask Polly for SpeechMarkTypes word and sentence)');
  // Polly gives a word's start only. Inside a sentence a word lasts until the next one starts; before a
  // pause (the sentence's last word) that would swallow the pause, so its length is taken from the pace
  // measured on the others: duration ≈ a + b × characters, fitted by least squares.
  const ordered = marks.filter((mark) => mark.type === 'word' || mark.type === 'sentence').sort((x, y) => x.time - y.time);
  const texts = new Map(words.map((mark) => [mark, wordText(mark)]));
  const samples: [number, number][] = [];
  ordered.forEach((mark, k) => {
    const next = ordered[k + 1];
    if (mark.type === 'word' && next?.type === 'word' && next.time > mark.time) samples.push([texts.get(mark)!.length, next.time - mark.time]);
  });
  const pace = fitPace(samples);
  // Walked from the end, carrying the first later time: one pass, however many marks share a time.
  const timed: TimedWord[] = [];
  let next = duration ?? Infinity;
  for (let k = ordered.length - 1; k >= 0; k--) {
    const mark = ordered[k]!;
    const after = ordered[k + 1];
    if (after && after.time > mark.time) next = after.time;
    if (mark.type === 'word') {
      const text = texts.get(mark)!;
      const length = after?.type === 'word' ? next - mark.time : Math.min(next - mark.time, pace(text.length));
      timed.push({ text, start: mark.time, end: mark.time + Math.max(0, length), estimated: false });
    }
  }
  return timed.reverse();
}

/** Seconds a word of n characters takes, fitted to `samples` of [characters, seconds]. */
function fitPace(samples: readonly [number, number][]): (chars: number) => number {
  const n = samples.length;
  const fallback = (chars: number): number => 0.15 + 0.065 * chars; // about 170 words a minute
  if (n < 3) return fallback;
  const meanX = samples.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = samples.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = samples.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  if (sxx === 0) return () => meanY;
  const slope = Math.max(0, samples.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0) / sxx);
  const intercept = Math.max(0.05, meanY - slope * meanX);
  return (chars) => intercept + slope * chars;
}

interface Alignment {
  readonly characters: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

function elevenLabsAlignment(json: Record<string, unknown>): Alignment | null {
  // The original text's alignment matches the page better than the normalised one (numbers spelled out).
  for (const candidate of [json, json['alignment'], json['normalized_alignment']]) {
    if (!isObject(candidate)) continue;
    const { characters, character_start_times_seconds: starts, character_end_times_seconds: ends } = candidate;
    if (Array.isArray(characters) && Array.isArray(starts) && Array.isArray(ends)) {
      return { characters: characters as string[], starts: starts as number[], ends: ends as number[] };
    }
  }
  return null;
}

/** Reads an ElevenLabs alignment: words are rebuilt from its characters with the article's word rules. */
export function readElevenLabs(text: string, lang: string): TimedWord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TimingsError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const alignment = isObject(json) ? elevenLabsAlignment(json) : null;
  if (!alignment) throw new TimingsError('no "characters" with "character_start_times_seconds" and "character_end_times_seconds"');
  const { characters, starts, ends } = alignment;
  if (starts.length !== characters.length || ends.length !== characters.length) {
    throw new TimingsError(`${characters.length} characters but ${starts.length} start and ${ends.length} end times`);
  }
  // Where each character begins in the joined text, so a word's span maps back to its characters' times.
  const owner: number[] = [];
  let joined = '';
  characters.forEach((character, i) => {
    const piece = typeof character === 'string' ? character : '';
    for (let k = 0; k < piece.length; k++) owner.push(i);
    joined += piece;
    if (typeof starts[i] !== 'number' || typeof ends[i] !== 'number') throw new TimingsError(`character ${i} has no times`);
  });
  const spans = wordSpans(joined, lang);
  return Array.from(spans.starts, (from, w) => {
    const to = spans.ends[w]!;
    return { text: joined.slice(from, to), start: starts[owner[from]!]!, end: ends[owner[to - 1]!]!, estimated: false };
  });
}

/** Reads WebVTT cues; each cue's words get times in proportion to their place in its text. */
export function readVtt(text: string, lang: string): TimedWord[] {
  const words: TimedWord[] = [];
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  let cues = 0;
  for (const block of blocks) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0 || /^(NOTE|STYLE|REGION)\b/.test(lines[0] ?? '')) continue;
    const match = /^\s*((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})/.exec(lines[timing]!);
    if (!match) throw new TimingsError(`a cue timing cannot be read: ${lines[timing]!.trim().slice(0, 80)}`);
    const start = vttTime(match[1]!);
    const end = vttTime(match[2]!);
    if (!(end > start)) continue;
    cues++;
    // Voice spans, classes and inline timestamps are markup, not words; entities are the few VTT knows.
    const body = lines
      .slice(timing + 1)
      .join(' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ')
      .trim();
    if (body === '') continue;
    const spans = wordSpans(body, lang);
    if (spans.starts.length === 0) continue;
    // The cue runs from its first word to its last: an opening quote or a closing full stop is not spoken.
    const first = spans.starts[0]!;
    const span = spans.ends[spans.ends.length - 1]! - first;
    const at = (offset: number): number => start + ((end - start) * (offset - first)) / span;
    for (let w = 0; w < spans.starts.length; w++) {
      words.push({ text: body.slice(spans.starts[w], spans.ends[w]), start: at(spans.starts[w]!), end: at(spans.ends[w]!), estimated: true });
    }
  }
  if (cues === 0) throw new TimingsError('the WebVTT file has no cues');
  return words;
}

function vttTime(stamp: string): number {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
