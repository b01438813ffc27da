/**
 * From espeak's word events to word ranges in the segment text. Pure: no espeak, no Node.
 *
 * espeak reports a word as the 1-based position of its first character in the *input*, counted in
 * Unicode code points (so “, ’ and é count one each, and an emoji one, where a JS string counts two), plus
 * the sample it starts at. Its reported word lengths are unreliable past the first non-ASCII letter
 * ("naïve" comes back as 0), and it gives no event at all for some words it runs together, so a word's
 * extent is taken from the text instead (see `wordSpans`).
 */
import { isLanguageTag } from './language-tag.js';

/** The text as handed to espeak, and where each of its code points came from in the original. */
export interface EspeakInput {
  readonly text: string;
  /** For each code point of `text`, the UTF-16 offset of the original character it stands for. */
  readonly origins: Int32Array;
}

/** A stretch of a segment as it is said, in its language: see `spoken.ts`. */
export interface InputRun {
  readonly lang: string;
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in the segment's text it stands for. */
  readonly origins: readonly number[];
}

/**
 * espeak reads its input with SSML and `[[phoneme]]` markup switched on. Article text is neither: `&`,
 * `<` and `>` become entities and `[[` gets a space, so every character is read as itself.
 *
 * With `runs` (the segment in its languages, with the lexicon's replacements), each run in a language other
 * than the voice's (`voiceLang`, by primary language) is put in `<voice xml:lang="…">`: eSpeak NG switches
 * to a voice of that language mid-sentence, without a pause, and back after it. Its word events count the
 * markup's characters too: the opening tag's stand for the run's first character, the closing tag's for its last.
 */
export function espeakInput(text: string, runs?: readonly InputRun[] | null, voiceLang = ''): EspeakInput {
  let out = '';
  const origins: number[] = [];
  const parts = runs ?? [{ lang: '', text, origins: Array.from({ length: text.length }, (_, i) => i) }];
  const voicePrimary = primary(voiceLang);
  for (const run of parts) {
    const first = run.origins[0] ?? 0;
    const markup = (tag: string, origin: number) => {
      out += tag;
      for (let k = 0; k < tag.length; k++) origins.push(origin);
    };
    const other = run.lang && isLanguageTag(run.lang) && primary(run.lang) !== voicePrimary;
    if (other) markup(`<voice xml:lang="${run.lang}">`, first);
    for (let i = 0; i < run.text.length; ) {
      const point = run.text.codePointAt(i)!;
      const char = String.fromCodePoint(point);
      const replacement =
        char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '[' && run.text[i + 1] === '[' ? '[ ' : char;
      for (const unit of replacement) {
        out += unit;
        origins.push(run.origins[i] ?? first);
      }
      i += char.length;
    }
    if (other) markup('</voice>', run.origins.at(-1) ?? first);
  }
  return { text: out, origins: Int32Array.from(origins) };
}

function primary(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** A word event as espeak gives it. */
export interface WordEvent {
  /** 1-based code point position in the espeak input. */
  readonly position: number;
  /** Sample (from the start of this synthesis) at which the word starts. */
  readonly sample: number;
}

/** A word in samples of its segment's audio and UTF-16 code units of its text. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
  readonly length: number;
}

/** Samples at or below this magnitude are silence (about −44 dBFS). */
const SILENCE = 200;

const SPACE = /\s/;
/** What a word does not begin or end with: "“It’s" → "It’s", "left." → "left", "- it" → "it". */
const EDGE = /[\p{P}\s]/u;

/**
 * Word ranges in `text` and `pcm` (the segment's samples) from espeak's word events: in text order, never
 * overlapping, each at least one character and one sample long.
 *
 * espeak is taken at its word for *when*, and the text decides *what*: an event is moved to the start of
 * the whitespace-delimited token it falls in, and a word runs to the next one's start, less the spaces and
 * punctuation at either end. So the words espeak runs together without an event of their own ("for the
 * Trump-Putin call" gives none for "the") are highlighted with the word before them, several events in
 * one token ("2pm", "1,234") make one word, and every token is covered. The first word starts at the
 * start of the text, and events past the end of the audio are dropped.
 *
 * A word ends where the next begins, or earlier when a pause of at least `minPause` samples comes first
 * (a clause or sentence break).
 */
export function wordSpans(
  text: string,
  input: EspeakInput,
  events: readonly WordEvent[],
  pcm: Int16Array,
  minPause: number,
): WordSpan[] {
  const starts: { offset: number; sample: number }[] = [];
  for (const event of events) {
    let offset = input.origins[event.position - 1];
    if (offset === undefined) continue;
    while (offset > 0 && !SPACE.test(text[offset - 1]!)) offset--;
    const last = starts.at(-1);
    if (last && offset <= last.offset) continue;
    // Every word gets at least one sample, so times strictly increase with the text.
    const sample = last ? Math.max(event.sample, last.sample + 1) : Math.max(event.sample, 0);
    if (sample >= pcm.length) break;
    starts.push({ offset: last ? offset : 0, sample });
  }

  return starts.map(({ offset, sample }, i) => {
    const next = starts[i + 1];
    const [from, to] = trimmed(text, offset, next ? next.offset : text.length);
    const until = next ? next.sample : pcm.length;
    return { start: sample, end: Math.max(soundEnd(pcm, sample, until, minPause), sample + 1), offset: from, length: to - from };
  });
}

/** `text[from, to)` without spaces and punctuation at its ends; the first token as it is if nothing is left. */
function trimmed(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (end > start && EDGE.test(text[end - 1]!)) end--;
  while (start < end && EDGE.test(text[start]!)) start++;
  if (start < end) return [start, end];
  start = from;
  while (start < to - 1 && SPACE.test(text[start]!)) start++;
  end = start + 1;
  while (end < to && !SPACE.test(text[end]!)) end++;
  return [start, end];
}

/**
 * Where sound stops before `until` (exclusive), looking no further back than `from`: `until` itself unless
 * the last `minPause` samples or more before it are silence.
 */
export function soundEnd(pcm: Int16Array, from: number, until: number, minPause: number): number {
  let i = until;
  while (i > from && Math.abs(pcm[i - 1]!) <= SILENCE) i--;
  return until - i >= minPause ? i : until;
}
