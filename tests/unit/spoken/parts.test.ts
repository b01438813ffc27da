import { describe, expect, it } from 'vitest';
import { cutAtRuns, type Part } from '../../../src/spoken/parts.js';

const TEXT = 'He said je ne sais quoi, then left. Bye.';
// "je ne sais quoi" in French, the rest in English (a space between runs goes with the first).
const RUNS: Part[] = [
  { start: 0, end: 8, lang: 'en' },
  { start: 8, end: 23, lang: 'fr' },
  { start: 23, end: TEXT.length, lang: 'en' },
];

function cut(start: number, end: number, runs = RUNS): [string, string][] {
  return cutAtRuns(TEXT, start, end, runs).map((part) => [TEXT.slice(part.start, part.end), part.lang]);
}

describe('cutAtRuns', () => {
  it('cuts a sentence into one part per language, trimmed', () => {
    expect(cut(0, 35)).toEqual([
      ['He said', 'en'],
      ['je ne sais quoi', 'fr'],
      [', then left.', 'en'],
    ]);
  });

  it('leaves a sentence in one language whole', () => {
    expect(cut(36, TEXT.length)).toEqual([['Bye.', 'en']]);
  });

  it('gives a piece without a word (the full stop after a quote) to the part before it', () => {
    const text = 'Il a dit « oui ».';
    const runs: Part[] = [
      { start: 0, end: 11, lang: 'fr' },
      { start: 11, end: 14, lang: 'en' },
      { start: 14, end: text.length, lang: 'fr' },
    ];
    expect(cutAtRuns(text, 0, text.length, runs).map((p) => [text.slice(p.start, p.end), p.lang])).toEqual([
      ['Il a dit «', 'fr'],
      ['oui ».', 'en'],
    ]);
  });

  it('gives a leading piece without a word to the first part with one', () => {
    const text = '“Bonjour,” she said.';
    const runs: Part[] = [
      { start: 0, end: 1, lang: 'en' },
      { start: 1, end: 8, lang: 'fr' },
      { start: 8, end: text.length, lang: 'en' },
    ];
    expect(cutAtRuns(text, 0, text.length, runs).map((p) => [text.slice(p.start, p.end), p.lang])).toEqual([
      ['“Bonjour', 'fr'],
      [',” she said.', 'en'],
    ]);
  });

  it('keeps a wordless sentence as one part, and nothing of blank text', () => {
    expect(cutAtRuns('— …', 0, 3, [{ start: 0, end: 3, lang: 'en' }])).toEqual([{ start: 0, end: 3, lang: 'en' }]);
    expect(cutAtRuns('   ', 0, 3, [{ start: 0, end: 3, lang: 'en' }])).toEqual([]);
  });
});
