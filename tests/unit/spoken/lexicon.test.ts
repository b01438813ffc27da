import { describe, expect, it } from 'vitest';
import { LEXICON_MAX_CHARS, LEXICON_MAX_ENTRIES, LexiconError, parseLexiconJson } from '../../../src/spoken/lexicon.js';
import { parseLexicon, parsePls } from '../../../src/spoken/pls.js';

const json = (value: unknown) => JSON.stringify(value);

describe('parseLexiconJson', () => {
  it('reads entries with their case rule and language (the lexicon\'s, unless the entry has one)', () => {
    const lexicon = parseLexiconJson(
      json({
        lang: 'en',
        entries: [
          { word: 'Kyiv', say: 'Keev' },
          { word: 'NATO', say: 'Nay-toe', case: 'sensitive' },
          { word: '  Volodymyr\n Zelensky ', say: 'Vo-lo-DIM-ir Zeh-LEN-skee', lang: 'en_GB' },
        ],
      }),
    );
    expect(lexicon.entries).toEqual([
      { word: 'Kyiv', say: 'Keev', case: 'insensitive', lang: 'en' },
      { word: 'NATO', say: 'Nay-toe', case: 'sensitive', lang: 'en' },
      { word: 'Volodymyr Zelensky', say: 'Vo-lo-DIM-ir Zeh-LEN-skee', case: 'insensitive', lang: 'en-gb' },
    ]);
    expect(lexicon.startingWith('volodymyr').map((e) => e.word)).toEqual(['Volodymyr Zelensky']);
  });

  it('takes prototype keys as plain data and never reads inherited properties', () => {
    const text = '{"__proto__": {"entries": [{"word": "x", "say": "y"}]}, "entries": [{"word": "constructor", "say": "builder", "__proto__": {"case": "bad"}}, {"word": "hasOwnProperty", "say": "has own"}]}';
    const lexicon = parseLexiconJson(text);
    expect(lexicon.entries.map((e) => [e.word, e.say, e.case])).toEqual([['constructor', 'builder', 'insensitive'], ['hasOwnProperty', 'has own', 'insensitive']]);
    expect(lexicon.startingWith('__proto__')).toEqual([]);
    expect(lexicon.startingWith('constructor')).toHaveLength(1);
    expect(lexicon.startingWith('toString')).toEqual([]);
    expect(({} as Record<string, unknown>)['entries']).toBeUndefined();
    expect(() => parseLexiconJson('{"__proto__": {"entries": []}}')).toThrow(/"entries" array/);
  });

  it.each([
    ['not JSON', '{"entries": [', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['no entries', '{}', /"entries" array/],
    ['an entry that is not an object', json({ entries: ['Kyiv'] }), /entry 1: must be an object/],
    ['a missing say', json({ entries: [{ word: 'Kyiv' }] }), /entry 1: "word" and "say" must be text/],
    ['an empty word', json({ entries: [{ word: ' ', say: 'x' }] }), /must not be empty/],
    ['a word not starting with a letter or digit', json({ entries: [{ word: '#tag', say: 'x' }] }), /must start with a letter or digit/],
    ['an unknown case rule', json({ entries: [{ word: 'a', say: 'b', case: 'upper' }] }), /"case" must be/],
    ['a word too long', json({ entries: [{ word: 'a'.repeat(201), say: 'b' }] }), /at most 200/],
  ])('refuses %s with a clear error', (_, text, message) => {
    expect(() => parseLexiconJson(text)).toThrow(LexiconError);
    expect(() => parseLexiconJson(text)).toThrow(message);
  });

  it('refuses huge files before parsing them, and too many entries', () => {
    const huge = json({ entries: [{ word: 'a', say: 'x'.repeat(LEXICON_MAX_CHARS) }] });
    expect(() => parseLexiconJson(huge)).toThrow(/too large/);
    const many = json({ entries: Array.from({ length: LEXICON_MAX_ENTRIES + 1 }, () => ({ word: 'a', say: 'b' })) });
    expect(() => parseLexiconJson(many)).toThrow(/too many entries/);
  });

  it('tells PLS from JSON by its first character', () => {
    expect((parseLexicon(' \n{"entries": [{"word": "UK", "say": "U K"}]}')).entries[0]!.say).toBe('U K');
    const pls = '\uFEFF<?xml version="1.0"?><lexicon version="1.0"><lexeme><grapheme>UK</grapheme><alias>U K</alias></lexeme></lexicon>';
    expect((parseLexicon(pls)).entries[0]!.word).toBe('UK');
  });
});

describe('parsePls', () => {
  const PLS = `<?xml version="1.0" encoding="UTF-8"?>
<!-- names in the news -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-GB">
  <lexeme>
    <grapheme>Kyiv</grapheme>
    <grapheme>Kiev</grapheme>
    <alias>Keev</alias>
    <alias>ignored second alias</alias>
  </lexeme>
  <lexeme case="sensitive"><grapheme>NATO</grapheme><alias>Nay&#x2D;toe</alias></lexeme>
  <lexeme><grapheme>AT&amp;T</grapheme><alias><![CDATA[A T & T]]></alias></lexeme>
  <lexeme><grapheme>tomato</grapheme><phoneme>təˈmɑːtəʊ</phoneme></lexeme>
</lexicon>`;

  it('reads graphemes and their first alias, with the lexicon\'s language; phoneme-only lexemes are left out', () => {
    expect(parsePls(PLS).entries).toEqual([
      { word: 'Kyiv', say: 'Keev', case: 'insensitive', lang: 'en-gb' },
      { word: 'Kiev', say: 'Keev', case: 'insensitive', lang: 'en-gb' },
      { word: 'NATO', say: 'Nay-toe', case: 'sensitive', lang: 'en-gb' },
      { word: 'AT&T', say: 'A T & T', case: 'insensitive', lang: 'en-gb' },
    ]);
  });

  it.each([
    ['a DOCTYPE (where entities are declared)', '<!DOCTYPE lexicon [<!ENTITY a "aaaa">]><lexicon><lexeme><grapheme>&a;</grapheme><alias>x</alias></lexeme></lexicon>', /DOCTYPE or entity/],
    ['an unknown entity', '<lexicon><lexeme><grapheme>&lol;</grapheme><alias>x</alias></lexeme></lexicon>', /unknown entity &lol;/],
    ['an unclosed tag', '<lexicon><lexeme', /not closed/],
    ['an unclosed element', '<lexicon><lexeme><grapheme>a</grapheme>', /ends inside an element/],
    ['another root', '<speak>hi</speak>', /one <lexicon> element/],
    ['two roots', '<lexicon></lexicon><lexicon></lexicon>', /one <lexicon> element/],
    ['text outside', 'hello <lexicon></lexicon>', /text outside/],
    ['not XML at all', '<lexicon>< 1></lexicon>', /is not a tag/],
    ['an unclosed comment', '<lexicon><!-- forever', /not closed with -->/],
    ['a stray end tag', '</lexicon>', /closes nothing/],
    ['a surrogate reference', '<lexicon><lexeme><grapheme>&#xD800;</grapheme><alias>x</alias></lexeme></lexicon>', /unknown entity/],
  ])('refuses %s with a clear error', (_, text, message) => {
    expect(() => parsePls(text)).toThrow(LexiconError);
    expect(() => parsePls(text)).toThrow(message);
  });

  it('ends hostile input of the largest size allowed with an answer: unclosed quotes and comments, stray ampersands', () => {
    // A scanner that looks ahead again from every `<`, quote or `&` would take quadratic time on these.
    expect(() => parsePls(`<lexicon>${'<a x="'.repeat(80_000)}`)).toThrow(/a tag is not closed/);
    expect(() => parsePls(`<lexicon>${'<!--'.repeat(100_000)}`)).toThrow(/not closed with -->/);
    expect(parsePls(`<lexicon>${'&'.repeat(400_000)}</lexicon>`).entries).toEqual([]);
    const ampersands = `<lexicon><lexeme><grapheme>A${'&amp'.repeat(40)}</grapheme><alias>${'&lt'.repeat(100_000)}</alias></lexeme></lexicon>`;
    expect(() => parsePls(ampersands)).toThrow(/at most 200 characters/);
    expect(() => parsePls(`<lexicon>${' '.repeat(LEXICON_MAX_CHARS)}</lexicon>`)).toThrow(/too large/);
  });
});
