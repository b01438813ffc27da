/**
 * Splits a segment's text into speakable chunks: at most one sentence, and never longer than `max` characters.
 * Chrome stops an utterance after ~15 s without an `end` event (https://crbug.com/679437), so long sentences
 * are cut at the last word boundary that fits.
 */

/** A run of a segment's text, by UTF-16 offsets into it. */
export interface Chunk {
  /** Offset of the first character in the segment text. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  readonly text: string;
}

export const MAX_CHUNK_LENGTH = 200;

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

export function segmentersFor(lang: string): { sentence: Intl.Segmenter; word: Intl.Segmenter } {
  let cached = segmenters.get(lang);
  if (!cached) {
    let locale: string | undefined = lang || undefined;
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      locale = undefined; // An invalid `lang` attribute must not break reading.
    }
    cached = {
      sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }),
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
    };
    segmenters.set(lang, cached);
  }
  return cached;
}

/** Splits `text` into chunks of whole sentences, each at most `max` characters (longer ones cut between words). */
export function chunkText(text: string, lang = '', max = MAX_CHUNK_LENGTH): Chunk[] {
  const chunks: Chunk[] = [];
  const { sentence, word } = segmentersFor(lang);
  for (const s of sentence.segment(text)) {
    let start = s.index;
    const end = s.index + s.segment.length;
    while (end - start > max) {
      // Cut before the last word that would cross the limit; if one word is longer than `max`, cut inside it.
      let cut = start;
      for (const w of word.segment(text.slice(start, start + max + 1))) {
        if (w.index > 0 && w.index <= max && w.isWordLike) cut = start + w.index;
      }
      if (cut === start) cut = start + max;
      pushTrimmed(chunks, text, start, cut);
      start = cut;
    }
    pushTrimmed(chunks, text, start, end);
  }
  return chunks;
}

function pushTrimmed(chunks: Chunk[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) chunks.push({ start, end, text: text.slice(start, end) });
}

/** The words of a text by UTF-16 offsets: word `i` is `text.slice(starts[i], ends[i])`. */
export interface WordSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * The words of `text` (word-like segments of `Intl.Segmenter`, so CJK without spaces works), ascending.
 * Punctuation and spaces are not words; "don't" and "2pm" are one word each.
 */
export function wordSpans(text: string, lang = ''): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const w of segmentersFor(lang).word.segment(text)) {
    if (!w.isWordLike) continue;
    starts.push(w.index);
    ends.push(w.index + w.segment.length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Offsets of the words in `text` (see `wordSpans`), ascending. Used to snap a voice's `charIndex` to a real
 * word start: some voices report wrong indices.
 */
export function wordStarts(text: string, lang = ''): Int32Array {
  return wordSpans(text, lang).starts;
}

/** Index of the word containing offset `at` (the last word starting at or before it), −1 before the first. */
export function wordIndexAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
