// Reading vendors' timing files: Polly's byte offsets, ElevenLabs' characters, WebVTT cues, and telling
// them apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readElevenLabs, readPolly, readVtt, TimingsError } from '../../../src/import/formats.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('recognises each fixture', () => {
    expect(detectFormat(fixture('polly.jsonl'))).toBe('polly');
    expect(detectFormat(fixture('elevenlabs.json'))).toBe('elevenlabs');
    expect(detectFormat(fixture('captions.vtt'))).toBe('vtt');
  });

  it('recognises a bare ElevenLabs alignment, one speech mark, a Listen manifest and a BOM', () => {
    expect(detectFormat('{"characters":[],"character_start_times_seconds":[],"character_end_times_seconds":[]}')).toBe('elevenlabs');
    expect(detectFormat('{"normalized_alignment":{"characters":["a"],"character_start_times_seconds":[0],"character_end_times_seconds":[1]}}')).toBe('elevenlabs');
    expect(detectFormat('{"time":0,"type":"word","start":0,"end":2,"value":"Hi"}')).toBe('polly');
    expect(detectFormat(readFileSync(new URL('../../../audio/seed.json', import.meta.url), 'utf8'))).toBe('manifest');
    expect(detectFormat('\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\nHi')).toBe('vtt');
  });

  it('says null for anything else', () => {
    for (const text of ['', 'hello', '{"foo":1}', '[1,2]', 'WEBVTTX', '1\n00:00:00,000 --> 00:00:01,000\nan SRT file']) {
      expect(detectFormat(text)).toBeNull();
    }
  });
});

describe('readPolly', () => {
  it('reads word marks in seconds with the text at their UTF-8 byte offsets', () => {
    const words = readPolly(fixture('polly.jsonl'));
    expect(words.slice(5, 8).map((w) => w.text)).toEqual(['It’s', 'the', 'best']);
    expect(words.find((w) => w.text === 'Amélie')).toBeDefined();
    expect(words[0]).toMatchObject({ text: 'The', start: 0.35, estimated: false });
    expect(words.every((w, i) => w.end >= w.start && (i === 0 || w.start >= words[i - 1]!.start))).toBe(true);
  });

  it('decodes bytes after multi-byte characters (é, curly quotes, an emoji) without the marks\' values', () => {
    const sentence = '“Café” 🥐 über alles';
    const bytes = (text: string): number => new TextEncoder().encode(text).length;
    const mark = (time: number, word: string): string => {
      const at = bytes(sentence.slice(0, sentence.indexOf(word)));
      return JSON.stringify({ time, type: 'word', start: at, end: at + bytes(word) });
    };
    const text = [
      JSON.stringify({ time: 0, type: 'sentence', start: 0, end: bytes(sentence), value: sentence }),
      mark(0, 'Café'),
      mark(400, 'über'),
      mark(700, 'alles'),
      JSON.stringify({ time: 900, type: 'ssml', start: 0, end: 0, value: 'm' }),
    ].join('\n');
    expect(readPolly(text, 1.5).map((w) => w.text)).toEqual(['Café', 'über', 'alles']);
  });

  it('ends a word at the next mark, and the last of a sentence at the measured pace rather than after the pause', () => {
    const words = readPolly(fixture('polly.jsonl'));
    expect(words[0]!.end).toBeCloseTo(words[1]!.start, 6);
    // "Daguerre" is followed by 0.6 s of silence: it lasts about as long as an 8-letter word does.
    const daguerre = words[4]!;
    expect(daguerre.text).toBe('Daguerre');
    expect(daguerre.end - daguerre.start).toBeCloseTo(0.12 + 0.06 * 8 + 0.04, 1);
  });

  it('refuses a line that is not a mark, and marks without words', () => {
    expect(() => readPolly('{"time":0,"type":"word"}\nnot json')).toThrow(/line 2 is not JSON/);
    expect(() => readPolly('{"time":0,"type":"sentence","start":0,"end":2,"value":"Hi"}')).toThrow(TimingsError);
  });
});

describe('readElevenLabs', () => {
  it('rebuilds words from characters, with the first character\'s start and the last one\'s end', () => {
    const words = readElevenLabs(fixture('elevenlabs.json'), 'en-GB');
    expect(words.slice(0, 5).map((w) => w.text)).toEqual(['Listen', 'to', 'this', 'article', 'The']);
    expect(words[0]).toMatchObject({ start: 0.35, end: 0.83, estimated: false });
    expect(words.map((w) => w.text)).toContain("It's");
    expect(words.map((w) => w.text)).toContain('twelve');
  });

  it('reads a bare alignment and the normalised one, and refuses arrays of different lengths', () => {
    const bare = { characters: ['H', 'i', ' ', 'y', 'o', 'u'], character_start_times_seconds: [0, 0.1, 0.2, 0.3, 0.4, 0.5], character_end_times_seconds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] };
    expect(readElevenLabs(JSON.stringify(bare), 'en')).toEqual([
      { text: 'Hi', start: 0, end: 0.2, estimated: false },
      { text: 'you', start: 0.3, end: 0.6, estimated: false },
    ]);
    expect(readElevenLabs(JSON.stringify({ normalized_alignment: bare }), 'en')).toHaveLength(2);
    expect(() => readElevenLabs(JSON.stringify({ ...bare, character_end_times_seconds: [1] }), 'en')).toThrow(/6 characters but 6 start and 1 end/);
    expect(() => readElevenLabs('{"text":"no alignment"}', 'en')).toThrow(TimingsError);
  });
});

describe('readVtt', () => {
  it('spreads each cue over its words by length, marked estimated, without the voice markup', () => {
    const words = readVtt(fixture('captions.vtt'), 'en-GB');
    expect(words[0]).toMatchObject({ text: 'The', start: 1.2, estimated: true });
    expect(words.map((w) => w.text)).not.toContain('Narrator');
    expect(words.map((w) => w.text)).not.toContain('NOTE');
    expect(words[4]).toMatchObject({ text: 'Daguerre', end: 3.16 });
  });

  it('reads hours-less stamps, and refuses a file without cues', () => {
    expect(readVtt('WEBVTT\n\n00:01.000 --> 00:03.000\nHello there', 'en')).toEqual([
      { text: 'Hello', start: 1, end: 1 + (2 * 5) / 11, estimated: true },
      { text: 'there', start: 1 + (2 * 6) / 11, end: 3, estimated: true },
    ]);
    expect(() => readVtt('WEBVTT\n\nNOTE nothing here', 'en')).toThrow(/no cues/);
  });
});
