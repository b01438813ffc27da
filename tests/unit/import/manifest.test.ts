// Vendor timings aligned to the article's own segments: every fixture lands on the truth it was built
// from (tests/fixtures/import/make.mjs), on the right page words, as a manifest the player accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../../src/article/chunk.js';
import { checkManifestAgainst } from '../../../src/manifest/lookup.js';
import type { ManifestSegmentJson } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { alignSegments } from '../../../src/import/build.js';
import { readElevenLabs, readPolly, readVtt, type TimedWord } from '../../../src/import/formats.js';
import { retargetManifest } from '../../../src/import/retarget.js';
import { articleText } from '../../../src/render/source.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const { lang, texts } = await articleText(fixture('article.html'));
/** Longer than every fixture's audio (the ElevenLabs one, with its intro, is the longest: 30.07 s). */
const DURATION = 31;

type Truth = ({ start: number; end: number } | null)[];

const CASES: [string, TimedWord[], Truth][] = [
  ['Polly (multi-byte text, the caption left out)', readPolly(fixture('polly.jsonl'), DURATION), JSON.parse(fixture('polly.truth.json')) as Truth],
  ['ElevenLabs (an intro, straight quotes, numbers as words)', readElevenLabs(fixture('elevenlabs.json'), lang), JSON.parse(fixture('elevenlabs.truth.json')) as Truth],
  ['WebVTT (paragraph cues)', readVtt(fixture('captions.vtt'), lang), JSON.parse(fixture('captions.truth.json')) as Truth],
];

function asManifest(segments: ManifestSegmentJson[]): unknown {
  return { version: '1.1', lang, voice: 'test', generator: 'test', duration: DURATION, sources: [{ src: 'a.mp3', type: 'audio/mpeg' }], segments };
}

describe.each(CASES)('%s', (_, words, truth) => {
  const { segments, report } = alignSegments(texts, lang, words, DURATION);

  it('lands every segment boundary within 50 ms of the truth', () => {
    expect(segments).toHaveLength(texts.length);
    segments.forEach((segment, i) => {
      const expected = truth[i];
      if (!expected) return;
      expect(Math.abs(segment.start - expected.start)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(segment.end - expected.end)).toBeLessThanOrEqual(0.05);
    });
  });

  it('makes a manifest that parseManifest accepts and that matches the page', () => {
    const manifest = parseManifest(asManifest(segments), 'https://news.example/audio/a.json');
    expect(checkManifestAgainst(manifest, texts)).toEqual([]);
  });

  it('puts each word on a whole page word, every page word of a read segment once', () => {
    segments.forEach((segment, i) => {
      if (segment.audio === false) return;
      const spans = wordSpans(texts[i]!, lang);
      expect(segment.words.map(([, , offset, length]) => [offset, offset + length])).toEqual(
        Array.from(spans.starts, (start, w) => [start, spans.ends[w]]),
      );
    });
  });

  it('marks the segments the timings do not contain as without audio, and only those', () => {
    const missing = truth.flatMap((t, i) => (t === null ? [i] : []));
    expect(report.segmentsWithoutAudio).toEqual(missing);
    for (const i of missing) expect(segments[i]).toMatchObject({ start: segments[i - 1]!.end, end: segments[i - 1]!.end, words: [], audio: false });
  });
});

describe('alignSegments', () => {
  it('times the page\'s "12", "5" and "7" by the words the voice said for them', () => {
    const words = readElevenLabs(fixture('elevenlabs.json'), lang);
    const { segments, report } = alignSegments(texts, lang, words, DURATION);
    expect(report.matchedWords).toBe(report.articleWords);
    const at = (segment: number, word: string): readonly number[] => segments[segment]!.words.find(([, , offset]) => texts[segment]!.startsWith(word, offset))!;
    const twelve = words.find((w) => w.text === 'twelve')!;
    expect(at(1, '12').slice(0, 2)).toEqual([twelve.start, twelve.end]);
    expect(at(2, '5')[0]).toBe(words.find((w) => w.text === 'five')!.start);
  });

  it('reports the intro only the audio has, with its context and time', () => {
    const { report } = alignSegments(texts, lang, readElevenLabs(fixture('elevenlabs.json'), lang), DURATION);
    expect(report.runs).toEqual([{ side: 'audio', words: 4, context: '[Listen to this article] The café on Rue…', time: 0.35 }]);
  });

  it('reports the dropped caption with context, and a share below 100 %', () => {
    const { report } = alignSegments(texts, lang, readPolly(fixture('polly.jsonl'), DURATION), DURATION);
    expect(report.matchedShare).toBeCloseTo(55 / 61, 5);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]).toMatchObject({ side: 'article', words: 6, context: '…queue reaches the corner [Photo the queue on a Saturday] Regulars say the secret…' });
  });

  it('marks caption timings as estimated, and measured timings not', () => {
    expect(alignSegments(texts, lang, readVtt(fixture('captions.vtt'), lang), DURATION).segments.every((s) => s.estimated === true)).toBe(true);
    expect(alignSegments(texts, lang, readElevenLabs(fixture('elevenlabs.json'), lang), DURATION).segments.some((s) => 'estimated' in s)).toBe(false);
  });

  it('gives a word the audio skipped a time between its neighbours, marked estimated', () => {
    const words = readElevenLabs(fixture('elevenlabs.json'), lang).filter((w) => w.text !== 'best');
    const { segments } = alignSegments(texts, lang, words, DURATION);
    const entries = segments[1]!.words;
    const best = entries.findIndex(([, , offset]) => texts[1]!.startsWith('best', offset));
    expect(entries[best]![0]).toBeGreaterThanOrEqual(entries[best - 1]![1]);
    expect(entries[best]![1]).toBeLessThanOrEqual(entries[best + 1]![0]);
    expect(segments[1]!.estimated).toBe(true);
  });

  it('matches nothing of another article', () => {
    const other = readVtt('WEBVTT\n\n00:00.000 --> 00:05.000\nCouncil approves the new harbour budget after a long debate', 'en');
    const { report } = alignSegments(texts, lang, other, DURATION);
    expect(report.matchedShare).toBeLessThan(0.1);
    expect(report.segmentsWithoutAudio.length).toBeGreaterThanOrEqual(4);
  });
});

describe('retargetManifest', () => {
  it('keeps the times of unchanged paragraphs and marks an edited one without audio', () => {
    const { segments } = alignSegments(texts, lang, readVtt(fixture('captions.vtt'), lang), DURATION);
    const edited = texts.map((text, i) => (i === 2 ? text.replace('corner', 'end of the street') : text));
    const result = retargetManifest(asManifest(segments), edited, lang);
    expect(result.segments.map((s) => s.audio)).toEqual([undefined, undefined, false, undefined, undefined]);
    expect(result.segments[3]).toEqual(segments[3]);
    expect(result.segments[2]).toMatchObject({ start: segments[1]!.end, end: segments[1]!.end, words: [] });
    expect(result.report.matchedWords).toBe(result.report.articleWords - wordSpans(edited[2]!, lang).starts.length);
    expect(() => parseManifest(asManifest(result.segments), 'https://news.example/a.json')).not.toThrow();
  });
});

describe('alignSegments with vendor words the page writes differently', () => {
  it('splits a hyphenated vendor word and shares its time among the page words', () => {
    const page = ['It took 25 minutes.'];
    const timed = [
      { text: 'It', start: 0, end: 0.2, estimated: false },
      { text: 'took', start: 0.2, end: 0.5, estimated: false },
      { text: 'twenty-five', start: 0.5, end: 1.1, estimated: false },
      { text: 'minutes.', start: 1.1, end: 1.6, estimated: false },
    ];
    const { segments, report } = alignSegments(page, 'en', timed, 2);
    expect(report.matchedShare).toBe(1);
    expect(segments[0]!.words).toEqual([
      [0, 0.2, 0, 2],
      [0.2, 0.5, 3, 4],
      [0.5, 1.1, 8, 2],
      [1.1, 1.6, 11, 7],
    ]);
  });
});
