import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../../src/article/chunk.js';
import type { Segment } from '../../../src/article/segment.js';
import { SpeechTimeline } from '../../../src/engines/speech/timeline.js';
import { completeStrings, loadedStringTables, loadStrings, stringsFor, UI_LANGUAGES, uiLocale } from '../../../src/ui/i18n.js';
import { en, type Strings } from '../../../src/ui/strings.js';
import { spokenTime } from '../../../src/ui/time.js';

const ERROR_CODES = Object.keys(en.errors).sort();
// The tables other than English load on demand; these tests read them all.
await Promise.all(UI_LANGUAGES.map((lang) => loadStrings(lang)));

describe('string tables', () => {
  // Whole tables: English's rest comes with the player's session (`completeStrings`).
  const tables = [...loadedStringTables()].map(([key, table]) => [key, completeStrings(table, en)] as const);

  it('loads every table the UI speaks', () => {
    expect(tables.map(([key]) => key).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it('has English, a right-to-left language and one more', () => {
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(tables.some(([, table]) => table.dir === 'rtl')).toBe(true);
    for (const [key, table] of tables) expect(table.lang).toBe(key);
  });

  it.each(tables)('%s has every key English has, each a non-empty string or a string builder', (_key, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(table.errors).sort()).toEqual(ERROR_CODES);
    for (const [key, value] of Object.entries(table) as [keyof Strings, unknown][]) {
      if (typeof value === 'function') {
        // Every builder puts its arguments into the sentence, in some order.
        const text = (value as (...args: string[]) => string)('«1»', '«2»');
        expect(text, key).toContain('«1»');
        if (value.length === 2) expect(text, key).toContain('«2»');
        expect(text.replace(/«\d»/g, '').trim().length, key).toBeGreaterThan(0);
      } else if (typeof value === 'string') {
        expect(value.trim().length, key).toBeGreaterThan(0);
      }
    }
    for (const message of Object.values(table.errors)) expect(message.trim().length).toBeGreaterThan(10);
  });

  it('translates: no table but English repeats an English sentence', () => {
    for (const [, table] of tables) {
      if (table === en) continue;
      for (const key of ['label', 'play', 'previous', 'next', 'backToCurrent', 'startOver', 'playFromParagraph', 'startingVoice', 'waitingForVoices'] as const) {
        expect(table[key], `${table.lang}.${key}`).not.toBe(en[key]);
      }
      for (const code of ERROR_CODES) expect(table.errors[code as keyof Strings['errors']]).not.toBe(en.errors[code as keyof Strings['errors']]);
    }
  });

  it('writes Arabic in Arabic script and right to left', () => {
    const ar = completeStrings(stringsFor('ar'), en);
    expect(ar.dir).toBe('rtl');
    for (const key of ['label', 'play', 'pause', 'previous', 'next', 'position', 'speed', 'voice'] as const) {
      expect(ar[key], key).toMatch(/^[\u0600-\u06FF\s:…]+$/u);
    }
  });
});

describe('language fallback', () => {
  it.each([
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['AR_eg', 'ar'],
    ['ar-Arab-EG-u-nu-latn', 'ar'],
    ['de', 'de'],
    ['de-CH', 'de'],
    ['en-GB', 'en'],
    ['xx', 'en'],
    ['', 'en'],
    ['not a tag!', 'en'],
  ])('%j → %s', (lang, table) => {
    expect(stringsFor(lang).lang).toBe(table);
  });

  it('tries the page’s language when the article’s has no table', () => {
    expect(stringsFor('cy', 'de-DE').lang).toBe('de');
    expect(stringsFor('en-GB', 'de').lang).toBe('en');
    expect(stringsFor('cy', 'xx').lang).toBe('en');
    expect(uiLocale('cy', 'ar-EG')).toBe('ar-EG');
  });

  it('formats times in the tag asked for when it has a table, else in the table’s language', () => {
    expect(uiLocale('ar-EG')).toBe('ar-EG');
    expect(uiLocale('de-at')).toBe('de-AT');
    expect(uiLocale('xx')).toBe('en');
    expect(uiLocale('fr-FR')).toBe('en');
    expect(uiLocale('ar-!')).toBe('ar');
  });
});

describe('spoken time in the UI’s language', () => {
  it('says Arabic units, with the dual and plural forms', () => {
    expect(spokenTime(60, 'ar')).toBe('دقيقة');
    expect(spokenTime(120, 'ar')).toBe('دقيقتان');
    const text = stringsFor('ar').timeOf(spokenTime(65, 'ar'), spokenTime(11 * 60, 'ar'));
    expect(text).toMatch(/دقيقة/u);
    expect(text).toMatch(/ثوان/u);
    expect(text).toContain(' من ');
    expect(text).not.toMatch(/[a-z]/i);
  });

  it('says German units, joined with "von"', () => {
    expect(stringsFor('de').timeOf(spokenTime(65, 'de'), spokenTime(340, 'de'))).toBe(
      '1 Minute, 5 Sekunden von 5 Minuten, 40 Sekunden',
    );
  });
});

describe('words follow each segment’s language', () => {
  it('splits Japanese into words without spaces', () => {
    const text = '今日は良い天気です。';
    const { starts, ends } = wordSpans(text, 'ja');
    const words = [...starts].map((start, i) => text.slice(start, ends[i]));
    expect(words.length).toBeGreaterThanOrEqual(4);
    expect(words.join('')).toBe('今日は良い天気です');
    expect(words).toContain('天気');
  });

  it('gives a Japanese paragraph of an English article Japanese chunks', () => {
    const element = {} as Element;
    const segments: Segment[] = [
      { text: 'An English paragraph.', lang: 'en', element },
      { text: '今日は良い天気です。明日は雨です。', lang: 'ja', element },
    ];
    const timeline = new SpeechTimeline(segments, 'en');
    expect([0, 1].flatMap((i) => timeline.chunksOf(i)).map((chunk) => [chunk.text, chunk.lang])).toEqual([
      ['An English paragraph.', 'en'],
      ['今日は良い天気です。', 'ja'],
      ['明日は雨です。', 'ja'],
    ]);
  });
});
