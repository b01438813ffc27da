// Word alignment for the import command: normalisation, and a sequence alignment that survives what
// vendors' texts do to an article (added intros, dropped paragraphs, numbers as words) at article scale.
import { describe, expect, it } from 'vitest';
import { alignTokens, normaliseWord, wordTokens } from '../../../src/import/align.js';

/** Matched pairs as [i, j], checking that each pair is equal and both sides strictly increase. */
function pairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const match = alignTokens(a, b);
  const found: [number, number][] = [];
  match.forEach((j, i) => {
    if (j >= 0) found.push([i, j]);
  });
  found.forEach(([i, j], k) => {
    expect(a[i]).toBe(b[j]);
    if (k > 0) {
      expect(i).toBeGreaterThan(found[k - 1]![0]);
      expect(j).toBeGreaterThan(found[k - 1]![1]);
    }
  });
  return found;
}

/** A deterministic pseudo-random stream, so the large cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('normaliseWord', () => {
  it.each([
    ['“It’s', "it's"],
    ["it's", "it's"],
    ['Paris,”', 'paris'],
    ['Amélie', 'amélie'],
    ['ﬁnal', 'final'], // the NFKC ligature
    ['ÉCOLE', 'école'],
    ['—', ''],
    ['‘quoted’', 'quoted'],
    ['２０２４', '2024'], // full-width digits
  ])('%s → %s', (word, expected) => {
    expect(normaliseWord(word)).toBe(expected);
  });

  it('spells out whole numbers below 1000 in English only, so "12" meets "twelve"', () => {
    expect(wordTokens('12', 'en-GB')).toEqual(['twelve']);
    expect(wordTokens('25', 'en')).toEqual(['twenty', 'five']);
    expect(wordTokens('40', '')).toEqual(['forty']);
    expect(wordTokens('305', 'en-US')).toEqual(['three', 'hundred', 'five']);
    expect(wordTokens('2024', 'en')).toEqual(['2024']);
    expect(wordTokens('12', 'de')).toEqual(['12']);
    expect(wordTokens('', 'en')).toEqual([]);
  });
});

describe('alignTokens', () => {
  it('matches everything of equal sequences, and nothing of disjoint ones', () => {
    const words = 'the harbour wall reopened on monday'.split(' ');
    expect(pairs(words, [...words])).toEqual(words.map((_, i) => [i, i]));
    expect(pairs(words, 'completely different words here'.split(' '))).toEqual([]);
    expect(pairs([], words)).toEqual([]);
  });

  it('skips an added intro and a dropped stretch without losing step', () => {
    const page = 'the café opens at five every day photo the queue on a saturday regulars say the butter is the secret'.split(' ');
    const audio = ['listen', 'to', 'this', 'article', ...page.slice(0, 7), ...page.slice(13)];
    const found = pairs(page, audio);
    expect(found).toHaveLength(page.length - 6);
    expect(found[0]).toEqual([0, 4]);
    expect(found.some(([i]) => i >= 7 && i < 13)).toBe(false);
    expect(found.at(-1)).toEqual([page.length - 1, audio.length - 1]);
  });

  it('aligns a 10 000-word article with a transcript that differs every few dozen words', () => {
    const next = random(7);
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    // Common words repeat as in prose, so most of the text has no unique anchor of its own.
    const common = ['the', 'a', 'of', 'and', 'to', 'in'];
    const page = Array.from({ length: 10_000 }, () => (next() < 0.4 ? common[Math.floor(next() * common.length)]! : vocabulary[Math.floor(next() * vocabulary.length)]!));
    const audio: string[] = ['listen', 'to', 'this', 'article'];
    let changed = 0;
    page.forEach((word, i) => {
      if (i >= 5000 && i < 5100) return; // a dropped paragraph
      const roll = next();
      if (roll < 0.01) changed++; // a word the vendor drops
      else if (roll < 0.02) audio.push('inserted', word);
      else if (roll < 0.03) (changed++, audio.push(`${word}x`));
      else audio.push(word);
    });
    const found = pairs(page, audio);
    // Everything that was kept is matched (random repeats may match a little more, never less).
    expect(found.length).toBeGreaterThanOrEqual(page.length - 100 - changed - 5);
    expect(found.some(([i]) => i >= 5000 && i < 5100)).toBe(false);
  });

  it('gives up on a huge stretch with no word in common, instead of an n × m table', () => {
    const page = Array.from({ length: 5000 }, (_, i) => `p${i % 50}`);
    const audio = Array.from({ length: 5000 }, (_, i) => `q${i % 50}`);
    expect(pairs(page, audio)).toEqual([]);
  });
});
