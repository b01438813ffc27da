/**
 * The UI's string tables: every language has every string (the key set is the table type's, through
 * `STRING_KINDS`), each table is small enough to load on demand, a tag finds its table by the fallback chain,
 * and times are spoken in the table's language (by `Intl`, or by the table's own unit names and
 * `Intl.PluralRules`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../../src/article/chunk.js';
import type { Segment } from '../../../src/article/segment.js';
import { SpeechTimeline } from '../../../src/engines/speech/timeline.js';
import { completeStrings } from '../../../src/ui/i18n.js';
import { loadedStringTables, loadStrings, stringsFor, tableKey, UI_LANGUAGES, uiLocale, unitSpeaker } from '../../../src/ui/languages.js';
import { STRING_KINDS } from '../../../src/ui/overrides.js';
import { en, type Strings } from '../../../src/ui/strings.js';
import { spokenTime } from '../../../src/ui/time.js';

const ERROR_CODES = Object.keys(en.errors).sort();
/** Every key a table must have: the table type's, as `STRING_KINDS` spells them (the compiler checks that). */
const REQUIRED = Object.keys(STRING_KINDS).filter((key) => key !== 'units').sort();
const OPTIONAL = ['units'];
// The tables other than English load on demand; these tests read them all.
await Promise.all(UI_LANGUAGES.map((lang) => loadStrings(lang)));
const tables = [...loadedStringTables()].map(([key, table]) => [key, completeStrings(table, en)] as const);
const table = (lang: string): Strings => completeStrings(stringsFor(lang), en);

const REQUIRED_LANGUAGES = [
  // The European Union's 24 languages.
  ...'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' '),
  ...'ar he fa ur hi bn zh-hans zh-hant ja ko id vi th tr uk ru sw pt-br'.split(' '),
];
const RTL = ['ar', 'fa', 'he', 'ur'];

describe('string tables', () => {
  it('speaks at least 30 languages, each its own table', () => {
    expect(UI_LANGUAGES.length).toBeGreaterThanOrEqual(30);
    expect([...UI_LANGUAGES].sort()).toEqual(expect.arrayContaining(REQUIRED_LANGUAGES));
    expect(tables.map(([key]) => key).sort()).toEqual([...UI_LANGUAGES].sort());
    for (const [key, strings] of tables) expect(strings.lang.toLowerCase(), key).toBe(key);
  });

  it('has the English table’s keys and no other', () => {
    expect(Object.keys(en).sort()).toEqual(REQUIRED);
  });

  it.each(tables)('%s has every string, and no string that is not a table’s', (_key, strings) => {
    const keys = Object.keys(strings);
    expect(REQUIRED.filter((key) => !keys.includes(key)), 'missing').toEqual([]);
    expect(keys.filter((key) => !REQUIRED.includes(key) && !OPTIONAL.includes(key)), 'extra').toEqual([]);
    expect(Object.keys(strings.errors).sort()).toEqual(ERROR_CODES);
    for (const [key, value] of Object.entries(strings) as [keyof Strings, unknown][]) {
      if (typeof value === 'function') {
        // Every builder puts its arguments into the sentence, in some order.
        const text = (value as (...args: string[]) => string)('«1»', '«2»');
        expect(text, key).toContain('«1»');
        if (value.length === 2) expect(text, key).toContain('«2»');
        expect(text.replace(/«\d»/g, '').trim().length, key).toBeGreaterThan(0);
      } else if (typeof value === 'string') {
        expect(value.trim().length, key).toBeGreaterThan(0);
        expect(value, key).not.toMatch(/\s{2}|^\s|\s$/);
      }
    }
    // A sentence (Chinese says one in seven characters).
    for (const message of Object.values(strings.errors)) expect([...message.trim()].length).toBeGreaterThan(5);
  });

  it('translates: no table but English repeats an English sentence', () => {
    for (const [, strings] of tables) {
      if (strings === en) continue;
      for (const key of ['label', 'play', 'previous', 'next', 'backToCurrent', 'startOver', 'playFromParagraph', 'startingVoice', 'waitingForVoices', 'miniPlayer'] as const) {
        expect(strings[key], `${strings.lang}.${key}`).not.toBe(en[key]);
      }
      for (const code of ERROR_CODES) {
        expect(strings.errors[code as keyof Strings['errors']], `${strings.lang} ${code}`).not.toBe(en.errors[code as keyof Strings['errors']]);
      }
    }
  });

  it('writes Arabic, Hebrew, Persian and Urdu right to left, in their scripts; the others left to right', () => {
    for (const [key, strings] of tables) expect(strings.dir, key).toBe(RTL.includes(key) ? 'rtl' : 'ltr');
    for (const lang of ['ar', 'fa', 'ur']) {
      for (const key of ['label', 'play', 'pause', 'previous', 'next', 'position', 'speed', 'voice'] as const) {
        expect(table(lang)[key], `${lang}.${key}`).toMatch(/^[\u0600-\u06FF\u200C\s:…]+$/u);
      }
    }
    for (const key of ['label', 'play', 'pause', 'previous', 'next', 'position', 'speed', 'voice'] as const) {
      expect(table('he')[key], key).toMatch(/^[\u0590-\u05FF\s:…]+$/u);
    }
  });

  it('keeps each table within 1.5 KB gzipped, as compiled', () => {
    const folder = join(import.meta.dirname, '../../../src/ui/strings');
    for (const key of UI_LANGUAGES.filter((lang) => lang !== 'en')) {
      const file = `${stringsFor(key).lang}.ts`;
      const source = readFileSync(join(folder, file), 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
      }).outputText;
      const bytes = gzipSync(js, { level: 9 }).length;
      expect(bytes, file).toBeGreaterThan(500); // a whole table was read
      expect(bytes, file).toBeLessThanOrEqual(1536);
    }
  });
});

describe('language fallback', () => {
  it.each([
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['AR_eg', 'ar'],
    ['ar-Arab-EG-u-nu-latn', 'ar'],
    ['de-CH', 'de'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['pt-AO', 'pt'],
    ['pt', 'pt'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['iw', 'he'],
    ['ga-IE', 'ga'],
    ['nb', 'en'],
    ['xx', 'en'],
    ['', 'en'],
    ['not a tag!', 'en'],
  ])('%j → %s', (lang, expected) => {
    expect(stringsFor(lang).lang).toBe(expected);
  });

  it('has no table for a script the language is not written in', () => {
    expect(tableKey('sr-Latn')).toBeUndefined();
    expect(tableKey('az-Arab')).toBeUndefined();
  });

  it('tries the page’s language when the article’s has no table', () => {
    expect(stringsFor('cy', 'de-DE').lang).toBe('de');
    expect(stringsFor('en-GB', 'de').lang).toBe('en');
    expect(stringsFor('cy', 'xx').lang).toBe('en');
    expect(uiLocale('cy', 'ar-EG')).toBe('ar-EG');
  });

  it('formats in the tag asked for when it has a table, else in the table’s language', () => {
    expect(uiLocale('ar-EG')).toBe('ar-EG');
    expect(uiLocale('de-at')).toBe('de-AT');
    expect(uiLocale('zh-TW')).toBe('zh-TW');
    expect(uiLocale('xx')).toBe('en');
    expect(uiLocale('ar-!')).toBe('ar');
  });
});

describe('spoken time in the UI’s language', () => {
  const english = en.timeOf(spokenTime(65, 'en'), spokenTime(240, 'en'));

  it('says "1 minute 5 seconds of 4 minutes" in English', () => {
    expect(english).toBe('1 minute 5 seconds of 4 minutes');
  });

  it.each(tables.filter(([key]) => key !== 'en'))('says it in %s', (key, strings) => {
    const locale = uiLocale(key);
    const text = strings.timeOf(spokenTime(65, locale), spokenTime(240, locale));
    expect(text).not.toBe(english);
    expect(text).not.toMatch(/\b(?:seconds?|of)\b/);
  });

  it.each([
    ['fr', '1 minute 5 secondes sur 4 minutes'],
    ['de', '1 Minute, 5 Sekunden von 4 Minuten'],
    ['ru', '1 минута 5 секунд, всего 4 минуты'],
    ['pl', '1 minuta i 5 sekund, łącznie 4 minuty'],
    ['ja', '4 分中1 分5 秒'],
    ['ko', '4분 중 1분 5초'],
    ['zh-TW', '已播放1 分鐘5 秒，共4 分鐘'],
  ])('%s: %s', (lang, expected) => {
    const text = table(lang).timeOf(spokenTime(65, uiLocale(lang)), spokenTime(240, uiLocale(lang)));
    expect(text.replace(/\s/g, ' ')).toBe(expected);
  });

  it('says Arabic units, with the dual and plural forms', () => {
    expect(spokenTime(60, 'ar')).toBe('دقيقة');
    expect(spokenTime(120, 'ar')).toBe('دقيقتان');
    const text = table('ar').timeOf(spokenTime(65, 'ar'), spokenTime(11 * 60, 'ar'));
    expect(text).toMatch(/دقيقة/u);
    expect(text).toMatch(/ثوان/u);
    expect(text).not.toMatch(/[a-z]/i);
  });

  it('says Irish units by Irish plural rules (lenited after 2–6, eclipsed after 7–10)', () => {
    const say = unitSpeaker('ga', table('ga').units!);
    expect(say(1, 'second')).toBe('1 soicind');
    expect(say(2, 'second')).toBe('2 shoicind');
    expect(say(5, 'second')).toBe('5 shoicind');
    expect(say(8, 'second')).toBe('8 soicind');
    expect(say(3, 'hour')).toBe('3 huaire an chloig');
    expect(say(7, 'hour')).toBe('7 n-uaire an chloig');
    expect(say(20, 'hour')).toBe('20 uair an chloig');
    expect(say(40, 'minute')).toBe('40 nóiméad');
    // Registered for the player's spoken times once the table is loaded.
    expect(spokenTime(68, 'ga-IE')).toMatch(/^1 nóiméad\W+8 soicind$/u);
    expect(spokenTime(65, 'ga-IE')).toMatch(/^1 nóiméad\W+5 shoicind$/u);
  });

  it('says Maltese units by Maltese plural rules (the dual, 2–10 plural, 11 on singular)', () => {
    const say = unitSpeaker('mt', table('mt').units!);
    expect(say(1, 'hour')).toBe('1 siegħa');
    expect(say(2, 'hour')).toBe('sagħtejn');
    expect(say(3, 'minute')).toBe('3 minuti');
    expect(say(11, 'minute')).toBe('11 minuta');
    expect(say(25, 'second')).toBe('25 sekonda');
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
