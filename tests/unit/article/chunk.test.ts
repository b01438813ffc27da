import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_LENGTH, chunkText, type Chunk } from '../../../src/article/chunk.js';

function texts(chunks: readonly Chunk[]): string[] {
  return chunks.map((chunk) => chunk.text);
}

/** Every chunk is the text between its offsets, trimmed, non-empty and within `max`. */
function expectWellFormed(text: string, chunks: readonly Chunk[], max = MAX_CHUNK_LENGTH): void {
  let previousEnd = 0;
  for (const chunk of chunks) {
    expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeGreaterThan(0);
    expect(chunk.text.length).toBeLessThanOrEqual(max);
    expect(chunk.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = chunk.end;
  }
}

describe('chunkText', () => {
  it('gives one chunk per sentence', () => {
    const text = 'The council met on Monday. Did it vote? Yes! It kept the library.';
    const chunks = chunkText(text, 'en');
    expect(texts(chunks)).toEqual(['The council met on Monday.', 'Did it vote?', 'Yes!', 'It kept the library.']);
    expectWellFormed(text, chunks);
  });

  it('gives one chunk for text without sentence punctuation', () => {
    expect(texts(chunkText('A heading without a full stop', 'en'))).toEqual(['A heading without a full stop']);
  });

  it('trims whitespace around sentences, keeping offsets into the original text', () => {
    const text = '  Hello there.   How are you?\u00a0 ';
    const chunks = chunkText(text, 'en');
    expect(chunks).toEqual([
      { start: 2, end: 14, text: 'Hello there.' },
      { start: 17, end: 29, text: 'How are you?' },
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('   \n\t ')).toEqual([]);
  });

  it('cuts a sentence longer than the limit between words, each piece within the limit', () => {
    const words = Array.from({ length: 60 }, (_, i) => `Item${i}`);
    const sentence = `${words.join(' ')}.`;
    const text = `Short first. ${sentence} Short last.`;
    const chunks = chunkText(text, 'en');
    expectWellFormed(text, chunks);
    const spoken = texts(chunks);
    expect(spoken[0]).toBe('Short first.');
    expect(spoken.at(-1)).toBe('Short last.');
    const middle = spoken.slice(1, -1);
    expect(middle.length).toBe(Math.ceil(sentence.length / MAX_CHUNK_LENGTH));
    expect(middle.join(' ')).toBe(sentence);
    for (const piece of middle) expect(piece).toMatch(/^Item\d+( Item\d+)*\.?$/);
  });

  it('fills each piece as far as the limit allows', () => {
    const text = `${'abcd '.repeat(100).trim()}.`; // 500 characters: words of 4 and spaces
    const chunks = chunkText(text, 'en');
    expectWellFormed(text, chunks);
    // Words start every 5 characters, so the 41st starts exactly at the limit: 40 whole words fit.
    expect(chunks[0]?.text).toBe('abcd '.repeat(40).trim());
  });

  it('honours a custom limit', () => {
    const text = 'one two three four five six seven eight nine ten.';
    const chunks = chunkText(text, 'en', 12);
    expectWellFormed(text, chunks, 12);
    expect(texts(chunks)).toEqual(['one two', 'three four', 'five six', 'seven eight', 'nine ten.']);
  });

  it('cuts inside a single word longer than the limit', () => {
    const word = 'x'.repeat(450);
    const chunks = chunkText(word, 'en');
    expect(chunks).toEqual([
      { start: 0, end: 200, text: word.slice(0, 200) },
      { start: 200, end: 400, text: word.slice(200, 400) },
      { start: 400, end: 450, text: word.slice(400) },
    ]);
  });

  it('keeps the words before a huge word whole', () => {
    const text = `Look: ${'z'.repeat(300)} ends here.`;
    const chunks = chunkText(text, 'en');
    expectWellFormed(text, chunks);
    expect(texts(chunks)).toEqual(['Look:', 'z'.repeat(200), `${'z'.repeat(100)} ends here.`]);
  });

  it('splits Japanese at 。 with no spaces between sentences', () => {
    const text = '吾輩は猫である。名前はまだ無い。';
    const chunks = chunkText(text, 'ja');
    expect(texts(chunks)).toEqual(['吾輩は猫である。', '名前はまだ無い。']);
    expectWellFormed(text, chunks);
  });

  it('cuts long Japanese without spaces at word boundaries, losing nothing', () => {
    const clause = '吾輩は猫である名前はまだ無いどこで生れたかとんと見当がつかぬ';
    const text = `${clause.repeat(8)}。`;
    const chunks = chunkText(text, 'ja', 20);
    expectWellFormed(text, chunks, 20);
    expect(texts(chunks).join('')).toBe(text);
    const words = new Intl.Segmenter('ja', { granularity: 'word' });
    const boundaries = new Set([...words.segment(text)].map((segment) => segment.index));
    for (const chunk of chunks) expect(boundaries.has(chunk.start)).toBe(true);
  });

  it('does not break on an invalid language tag', () => {
    expect(texts(chunkText('Hello, world. Again.', 'not a lang!'))).toEqual(['Hello, world.', 'Again.']);
  });
});
