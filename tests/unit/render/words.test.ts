import { describe, expect, it } from 'vitest';
import { espeakInput, soundEnd, wordSpans, type WordEvent, type WordSpan } from '../../../src/render/words.js';

/** Samples: `loud` runs of sound and `quiet` runs of silence, in the order given. */
function audio(...runs: [kind: 'loud' | 'quiet', samples: number][]): Int16Array {
  const pcm = new Int16Array(runs.reduce((sum, [, n]) => sum + n, 0));
  let at = 0;
  for (const [kind, n] of runs) {
    if (kind === 'loud') for (let i = 0; i < n; i++) pcm[at + i] = i % 2 ? 8000 : -8000;
    at += n;
  }
  return pcm;
}

/** The 1-based code point position of `word`'s first character in the espeak input for `text`. */
function positionOf(text: string, word: string, from = 0): number {
  const index = text.indexOf(word, from);
  if (index < 0) throw new Error(`${word} not in ${text}`);
  return Array.from(espeakInput(text.slice(0, index)).text).length + 1;
}

function words(text: string, spans: readonly WordSpan[]): string[] {
  return spans.map((span) => text.slice(span.offset, span.offset + span.length));
}

describe('espeakInput', () => {
  it('passes plain text through, one origin per code point', () => {
    const input = espeakInput('Hi “you”');
    expect(input.text).toBe('Hi “you”');
    expect([...input.origins]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('maps code points back to UTF-16 offsets past astral characters', () => {
    const text = 'a 😀 b';
    const input = espeakInput(text);
    expect([...input.origins]).toEqual([0, 1, 2, 4, 5]);
    expect(text[input.origins[4]!]).toBe('b');
  });

  it('escapes SSML and phoneme markup, mapping every added character to the original', () => {
    const text = 'x<b> & [[y]]';
    const input = espeakInput(text);
    expect(input.text).toBe('x&lt;b&gt; &amp; [ [y]]');
    const origins = [...input.origins];
    expect(origins).toHaveLength(Array.from(input.text).length);
    expect(origins.slice(0, 5)).toEqual([0, 1, 1, 1, 1]); // x &lt;
    expect(text[origins[input.text.indexOf('&amp;') + 4]!]).toBe('&');
    expect(text[origins[input.text.indexOf('[ [') + 1]!]).toBe('['); // the added space
    expect(text[origins.at(-1)!]).toBe(']');
  });
});

describe('wordSpans', () => {
  const pcm = audio(['loud', 10_000]);
  const span = (text: string, events: WordEvent[], samples = pcm): WordSpan[] =>
    wordSpans(text, espeakInput(text), events, samples, 500);

  it('maps non-ASCII text to JS string offsets, without quotes and trailing punctuation', () => {
    const text = '“It’s naïve,” she said — 😀 fine.';
    const spans = span(text, [
      { position: positionOf(text, 'It’s'), sample: 0 },
      { position: positionOf(text, 'naïve'), sample: 1000 },
      { position: positionOf(text, 'she'), sample: 2000 },
      { position: positionOf(text, 'said'), sample: 3000 },
      { position: positionOf(text, '😀'), sample: 4000 },
      { position: positionOf(text, 'fine'), sample: 5000 },
    ]);
    expect(words(text, spans)).toEqual(['It’s', 'naïve', 'she', 'said', '😀', 'fine']);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
      [3000, 4000],
      [4000, 5000],
      [5000, 10_000],
    ]);
  });

  it('takes words espeak gives no event for with the word before them', () => {
    const text = 'In preparation for the Trump-Putin call';
    const spans = span(text, [
      { position: 1, sample: 0 },
      { position: positionOf(text, 'preparation'), sample: 100 },
      { position: positionOf(text, 'for'), sample: 200 },
      { position: positionOf(text, 'Trump'), sample: 300 },
      { position: positionOf(text, 'call'), sample: 400 },
    ]);
    expect(words(text, spans)).toEqual(['In', 'preparation', 'for the', 'Trump-Putin', 'call']);
  });

  it('makes one word of several events in one token, or of ones that land mid-word', () => {
    const text = 'At 2pm, so far 1,234 went';
    const spans = span(text, [
      { position: 1, sample: 0 },
      { position: positionOf(text, '2pm'), sample: 100 },
      { position: positionOf(text, 'pm'), sample: 200 },
      { position: positionOf(text, 'so'), sample: 300 },
      { position: positionOf(text, 'o far'), sample: 400 },
      { position: positionOf(text, '1,234'), sample: 500 },
      { position: positionOf(text, '234'), sample: 600 },
      { position: positionOf(text, '34'), sample: 700 },
      { position: positionOf(text, 'went'), sample: 800 },
    ]);
    expect(words(text, spans)).toEqual(['At', '2pm', 'so far', '1,234', 'went']);
    expect(spans.map((s) => s.start)).toEqual([0, 100, 300, 500, 800]);
  });

  it('folds an event on a space into the word before (an emoji read as two words)', () => {
    const text = 'a 😀 here';
    const spans = span(text, [
      { position: 1, sample: 0 },
      { position: 3, sample: 100 },
      { position: 4, sample: 200 },
      { position: 5, sample: 300 },
    ]);
    expect(words(text, spans)).toEqual(['a', '😀', 'here']);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 100],
      [100, 300],
      [300, 10_000],
    ]);
  });

  it('starts the first word at the text even when espeak starts later, and trims a leading dash', () => {
    const text = '"Yes" - it began';
    const spans = span(text, [
      { position: positionOf(text, 'Yes'), sample: 0 },
      { position: positionOf(text, '- it'), sample: 100 },
      { position: positionOf(text, 'began'), sample: 200 },
    ]);
    expect(words(text, spans)).toEqual(['Yes', 'it', 'began']);
  });

  it('keeps currency signs and inner apostrophes and hyphens', () => {
    const text = 'It cost £5 for rock’n’roll co-op';
    const spans = span(text, ['It', 'cost', '£5', 'for', 'rock', 'co-op'].map((w, i) => ({ position: positionOf(text, w), sample: i * 100 })));
    expect(words(text, spans)).toEqual(['It', 'cost', '£5', 'for', 'rock’n’roll', 'co-op']);
  });

  it('drops events that go backwards or start past the end of the audio', () => {
    const text = 'one two three';
    const short = audio(['loud', 250]);
    const spans = span(
      text,
      [
        { position: 1, sample: 0 },
        { position: positionOf(text, 'two'), sample: 100 },
        { position: 1, sample: 150 },
        { position: positionOf(text, 'three'), sample: 300 },
      ],
      short,
    );
    expect(spans).toEqual([
      { start: 0, end: 100, offset: 0, length: 3 },
      { start: 100, end: 250, offset: 4, length: 9 }, // "two three": no audio left for a third word
    ]);
  });

  it('gives words that espeak starts on the same sample one sample each, in order', () => {
    const text = 'a b c';
    const spans = span(text, [
      { position: 1, sample: 50 },
      { position: 3, sample: 50 },
      { position: 5, sample: 50 },
    ]);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [50, 51],
      [51, 52],
      [52, 10_000],
    ]);
  });

  it('ends a word at a pause before the next one, but not at a short gap', () => {
    const text = 'Hello, world and more';
    const samples = audio(['loud', 1000], ['quiet', 600], ['loud', 1000], ['quiet', 200], ['loud', 1000], ['loud', 500], ['quiet', 700]);
    const spans = span(
      text,
      [
        { position: 1, sample: 0 },
        { position: positionOf(text, 'world'), sample: 1600 },
        { position: positionOf(text, 'and'), sample: 2800 },
        { position: positionOf(text, 'more'), sample: 3800 },
      ],
      samples,
    );
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 1000], // the 600-sample pause after "Hello," is not part of it
      [1600, 2800], // a 200-sample gap is
      [2800, 3800],
      [3800, 4300], // trailing silence is not
    ]);
  });

  it('returns no words without events', () => {
    expect(span('Hello', [])).toEqual([]);
  });
});

describe('soundEnd', () => {
  const pcm = audio(['loud', 100], ['quiet', 50]);

  it('is where the silence begins when it lasts long enough', () => {
    expect(soundEnd(pcm, 0, 150, 50)).toBe(100);
    expect(soundEnd(pcm, 0, 150, 51)).toBe(150);
  });

  it('never goes back past `from`', () => {
    const silent = new Int16Array(100);
    expect(soundEnd(silent, 40, 100, 10)).toBe(40);
  });
});
