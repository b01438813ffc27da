import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wordIndexAt, wordStarts } from '../../../../src/article/chunk.js';
import type { Segment } from '../../../../src/article/segment.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { SpeechEngine } from '../../../../src/engines/speech/speech.js';
import { FakeSpeechSynthesis } from '../../../fakes/speech-synthesis.js';

const NO_ELEMENT = {} as Element;
const TEXTS = ['Short title here.', 'The first sentence is here. And the second one follows it.'];
const SEGMENTS: Segment[] = TEXTS.map((text) => ({ text, lang: '', element: NO_ELEMENT }));

function words(text: string): string[] {
  const starts = wordStarts(text, 'en');
  return [...starts].map((start) => text.slice(start).split(/[\s.]/)[0]!);
}

async function speakAll(boundaryOffset: number) {
  const synth = new FakeSpeechSynthesis({ charsPerSecond: 20, boundaries: true, boundaryOffset });
  const events: EngineEvent[] = [];
  const engine = new SpeechEngine((event) => events.push(event), { ...synth.engineOptions(), window: null, now: () => Date.now() });
  await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
  engine.play();
  await vi.advanceTimersByTimeAsync(20_000);
  engine.destroy();
  return events.flatMap((event) => (event.type === 'word' ? [event] : []));
}

describe('word positions from speech boundary events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds word starts with Intl.Segmenter, including text without spaces', () => {
    expect(words('The first sentence.')).toEqual(['The', 'first', 'sentence']);
    expect(wordStarts('日本語の文章です。', 'ja').length).toBeGreaterThan(1);
    const starts = wordStarts('one two three', 'en');
    expect(wordIndexAt(starts, 0)).toBe(0);
    expect(wordIndexAt(starts, 5)).toBe(1);
    expect(wordIndexAt(starts, 100)).toBe(2);
    expect(wordIndexAt(Int32Array.from([3]), 1)).toBe(-1);
  });

  it('reports every word of every segment in order, offsets of later sentences included', async () => {
    const reported = await speakAll(0);
    const expected = SEGMENTS.flatMap((segment, s) => words(segment.text).map((_, w) => `${s}:${w}`));
    expect(reported.map((event) => `${event.segment}:${event.word}`)).toEqual(expected);
  });

  it('snaps wrong charIndex values to real words, never out of range or backwards', async () => {
    const reported = await speakAll(3);
    expect(reported.length).toBeGreaterThan(0);
    let last = { segment: 0, word: -1 };
    for (const event of reported) {
      const count = words(TEXTS[event.segment]!).length;
      expect(event.word).toBeGreaterThanOrEqual(0);
      expect(event.word).toBeLessThan(count);
      if (event.segment === last.segment) expect(event.word).toBeGreaterThanOrEqual(last.word);
      last = event;
    }
  });
});
