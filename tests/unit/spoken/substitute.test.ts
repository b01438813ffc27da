import { describe, expect, it } from 'vitest';
import { parseLexiconJson } from '../../../src/spoken/lexicon.js';
import { pageOffset } from '../../../src/spoken/said.js';
import { substitute } from '../../../src/spoken/substitute.js';

const lexicon = parseLexiconJson(
  JSON.stringify({
    entries: [
      { word: 'Zelensky', say: 'Zeh-LEN-skee' },
      { word: 'NATO', say: 'Nay-toe', case: 'sensitive' },
      { word: 'UK', say: 'U K', case: 'sensitive' },
      { word: 'Kyiv', say: 'Keev', lang: 'en' },
      { word: 'Volodymyr Zelensky', say: 'Vo-lo-DIM-ir Zeh-LEN-skee' },
      { word: 'Kyiv', say: 'Kiïv', lang: 'fr' },
      { word: 'U.S.', say: 'United States', case: 'sensitive' },
    ],
  }),
);

/** The page's text each character said stands for, as the engine maps a voice's index back. */
function back(text: string, lang: string) {
  const said = substitute(text, lang, lexicon);
  return { said: said.text, at: (spoken: string) => text.slice(pageOffset(said, said.text.indexOf(spoken))) };
}

describe('substitute', () => {
  it('replaces whole words, longest phrase first, by their case rule', () => {
    expect(substitute('Volodymyr Zelensky met NATO leaders in the UK; zelensky said nato.', 'en', lexicon).text).toBe(
      'Vo-lo-DIM-ir Zeh-LEN-skee met Nay-toe leaders in the U K; Zeh-LEN-skee said nato.',
    );
  });

  it('leaves words that only contain an entry alone, and takes a possessive as a word end', () => {
    expect(substitute('UKIP and DUKE, but the UK’s and NATO-led', 'en', lexicon).text).toBe('UKIP and DUKE, but the U K’s and Nay-toe-led');
  });

  it('matches an entry ending in a full stop where no letter follows it', () => {
    expect(substitute('The U.S. said U.S.A. and U.S.', 'en', lexicon).text).toBe('The United States said U.S.A. and United States');
  });

  it('applies an entry to its language (and its regions) only', () => {
    expect(substitute('Kyiv', 'en-GB', lexicon).text).toBe('Keev');
    expect(substitute('Kyiv', 'fr', lexicon).text).toBe('Kiïv');
    expect(substitute('Kyiv', 'de', lexicon).text).toBe('Kyiv');
    expect(substitute('Kyiv', '', lexicon).text).toBe('Kyiv');
  });

  it('maps every character said back to the page: replaced words to their start, the rest one to one', () => {
    const text = 'In Kyiv, Zelensky met NATO.';
    const { said, at } = back(text, 'en');
    expect(said).toBe('In Keev, Zeh-LEN-skee met Nay-toe.');
    expect(at('Keev')).toBe('Kyiv, Zelensky met NATO.');
    expect(at('LEN')).toBe('Zelensky met NATO.');
    expect(at('met')).toBe('met NATO.');
    expect(at('toe')).toBe('NATO.');
    expect(at('.')).toBe('.');
    const mapped = substitute(text, 'en', lexicon);
    expect(mapped.origins).toHaveLength(said.length);
    for (let i = 1; i < said.length; i++) expect(mapped.origins![i]!).toBeGreaterThanOrEqual(mapped.origins![i - 1]!);
  });

  it('says the text as it is (and maps one to one) without a lexicon or a match', () => {
    expect(substitute('Hello there.', 'en', null)).toEqual({ text: 'Hello there.', origins: null });
    expect(substitute('Hello there.', 'en', lexicon)).toEqual({ text: 'Hello there.', origins: null });
    expect(pageOffset({ text: 'Hello', origins: null }, 3, 10)).toBe(13);
  });

  it('clamps a voice\'s index outside what was said to its ends', () => {
    const said = substitute('the UK', 'en', lexicon);
    expect(pageOffset(said, -4)).toBe(0);
    expect(pageOffset(said, 999)).toBe(4);
    expect(pageOffset(said, Number.NaN)).toBe(0);
  });
});
