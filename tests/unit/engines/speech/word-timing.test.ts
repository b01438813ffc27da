import { describe, expect, it, vi } from 'vitest';
import { wordSpans } from '../../../../src/article/chunk.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { SpeechEngine } from '../../../../src/engines/speech/speech.js';
import { snapToWord } from '../../../../src/engines/speech/words.js';
import { initialSnapshot } from '../../../../src/player/store.js';
import { reduce } from '../../../../src/player/transitions.js';
import { FakeSpeechSynthesis, type FakeSpeechSynthesisOptions } from '../../../fakes/speech-synthesis.js';
import { segments, useFakeClock } from '../../helpers/speech-engine.js';
const S1 = 'The council met on Monday.'; // 26 characters
const S2 = '“It voted to keep the library,” she said.'; // a quote before the first word
const S3 = 'Readers were pleased.';
const TEXTS = [`${S1} ${S2}`, S3];
const SEGMENTS = segments(...TEXTS);

type WordEvent = Extract<EngineEvent, { type: 'word' }>;

useFakeClock();

/** The words of a text as Intl.Segmenter gives them, as `segment:offset:word`. */
function expectedWords(segment: number): string[] {
  const text = TEXTS[segment]!;
  const { starts, ends } = wordSpans(text, 'en');
  return [...starts].map((start, i) => `${segment}:${start}:${text.slice(start, ends[i])}`);
}

function described(event: WordEvent): string {
  const text = TEXTS[event.segment]!;
  return `${event.segment}:${event.offset}:${text.slice(event.offset!, event.offset! + event.length!)}`;
}

/** Like the shared set-up, plus when each event arrived and a clock that can jump ahead of the timers. */
function setup(fake: FakeSpeechSynthesisOptions = {}, skew = { ms: 0 }) {
  const synth = new FakeSpeechSynthesis({ charsPerSecond: 10, ...fake });
  const events: EngineEvent[] = [];
  /** When each event arrived (the fake clock). */
  const at: number[] = [];
  const now = () => Date.now() + skew.ms;
  const engine = new SpeechEngine(
    (event) => {
      events.push(event);
      at.push(Date.now());
    },
    { ...synth.engineOptions(), window: null, now },
  );
  const words = () => events.flatMap((event) => (event.type === 'word' ? [event] : []));
  return { synth, engine, events, at, words };
}

describe('speech word timing without boundary events (estimated)', () => {
  it('reports every word once, in order, with its offset and length, and says the timing is estimated', async () => {
    const { engine, words } = setup();
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    expect(engine.wordTiming).toBeNull();
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.wordTiming).toBe('estimated');
    await vi.runAllTimersAsync();
    expect(words().map(described)).toEqual([...expectedWords(0), ...expectedWords(1)]);
    expect(words().map((event) => event.word)).toEqual([
      ...expectedWords(0).map((_, i) => i),
      ...expectedWords(1).map((_, i) => i),
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("spreads a sentence's words over its estimated duration, by character position, at the current rate", async () => {
    const { engine, events, at, words } = setup();
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 2 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    const started = at[events.findIndex((event) => event.type === 'playing')]!;
    await vi.advanceTimersByTimeAsync(1200); // S1 takes 1.3 s at 10 chars/s and rate 2
    // Nothing measured yet: 14.5 characters a second, at rate 2.
    const estimate = (S1.length / 14.5 / 2) * 1000;
    const first = words().filter((event) => event.segment === 0 && event.offset! < S1.length);
    expect(first.map((event) => event.offset)).toEqual([0, 4, 12, 16, 19]);
    first.forEach((event) => {
      const due = started + (event.offset! / S1.length) * estimate;
      expect(Math.abs(at[events.indexOf(event)]! - due)).toBeLessThanOrEqual(1);
    });
  });

  it('uses the rate measured on earlier sentences for later ones', async () => {
    const { engine, events, at, words } = setup();
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(2600 + 5); // S1 spoken (10 chars/s) and measured; S2 started
    const startedS2 = at[events.findLastIndex((event) => event.type === 'playing')]!;
    await vi.advanceTimersByTimeAsync(3000);
    const measured = (120 + S1.length) / (120 / 14.5 + S1.length / 10);
    const estimate = (S2.length / measured) * 1000;
    const second = words().filter((event) => event.segment === 0 && event.offset! > S1.length);
    expect(second.length).toBe(expectedWords(0).length - 5);
    // The first word shows as the sentence starts (its opening quote is not spoken), the rest in proportion.
    second.forEach((event, i) => {
      const due = i === 0 ? startedS2 : startedS2 + ((event.offset! - S1.length - 1) / S2.length) * estimate;
      expect(Math.abs(at[events.indexOf(event)]! - due)).toBeLessThanOrEqual(1);
    });
  });

  it('shows the latest word due when timers run late, rather than replaying each one', async () => {
    const skew = { ms: 0 };
    const { engine, words } = setup({ charsPerSecond: 2 }, skew);
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1); // "The"
    skew.ms = 700; // the page was in the background: the clock went on, the timer did not
    await vi.advanceTimersByTimeAsync(300); // the timer for "council" (at 4/26 × 1.79 s) fires ~0.98 s in
    // By then "council" and "met" (12/26 × 1.79 s) were due, "on" (16/26) not yet: only "met" shows.
    expect(words().map((event) => event.offset)).toEqual([0, 12]);
    await vi.advanceTimersByTimeAsync(200);
    expect(words().map((event) => event.offset)).toEqual([0, 12, 16]);
    engine.destroy();
  });

  it('leaves no timer on pause, and starts the sentence again from its first word on play', async () => {
    const { engine, words } = setup();
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(900);
    expect(words().at(-1)?.offset).toBe(12); // "met"
    engine.pause();
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.getTimerCount()).toBe(0);
    const before = words().length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(words().length).toBe(before);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(words().at(-1)).toMatchObject({ segment: 0, word: 0, offset: 0, length: 3 });
    engine.destroy();
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('speech word timing from boundary events (exact)', () => {
  it('follows the boundaries only, once each, and says the timing is exact', async () => {
    // The voice is slower than the estimate: any estimate still running would report words early.
    const { engine, words } = setup({ boundaries: true, charsPerSecond: 5 });
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.wordTiming).toBe('exact');
    await vi.advanceTimersByTimeAsync(500);
    expect(words().map(described)).toEqual(['0:0:The']); // "council" starts at 0.8 s
    await vi.runAllTimersAsync();
    expect(words().map(described)).toEqual([...expectedWords(0), ...expectedWords(1)]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('snaps wrong charIndex values to real words of the sentence, with their real offsets', async () => {
    for (const boundaryOffset of [-2, 1, 3, 40]) {
      const { engine, words } = setup({ boundaries: true, boundaryOffset });
      await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
      engine.play();
      await vi.runAllTimersAsync();
      const valid = new Set([...expectedWords(0), ...expectedWords(1)]);
      expect(words().length).toBeGreaterThan(3);
      let last = { segment: 0, offset: -1 };
      for (const event of words()) {
        expect(valid.has(described(event)), `${boundaryOffset}: ${described(event)}`).toBe(true);
        if (event.segment === last.segment) expect(event.offset!).toBeGreaterThan(last.offset);
        last = { segment: event.segment, offset: event.offset! };
      }
      engine.destroy();
    }
  });

  it('snaps an index on leading punctuation to the word after it, on a space or trailing punctuation to the one before', () => {
    const text = 'He said “yes,” then left.';
    const spans = wordSpans(text, 'en'); // He said yes then left
    const words = { spans, first: 0, last: spans.starts.length - 1 };
    const word = (at: number) => text.slice(spans.starts[snapToWord(text, words, at)], spans.ends[snapToWord(text, words, at)]);
    expect(word(text.indexOf('“'))).toBe('yes');
    expect(word(text.indexOf('yes') + 1)).toBe('yes');
    expect(word(text.indexOf(','))).toBe('yes');
    expect(word(text.indexOf('”') + 1)).toBe('yes'); // the space after the quote
    expect(word(text.indexOf('.'))).toBe('left');
    expect(word(-5)).toBe('He');
    expect(word(999)).toBe('left');
    // Only the chunk's own words: a sentence that starts at "then" never snaps back to "yes".
    expect(snapToWord(text, { spans, first: 3, last: 4 }, text.indexOf(','))).toBe(3);
  });

  it('estimates again after a change to a voice that sends no boundaries', async () => {
    const { synth, engine, words } = setup({ boundaries: true });
    await engine.load(SEGMENTS, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.wordTiming).toBe('exact');
    synth.boundaries = false;
    engine.setVoice('English (America)');
    expect(engine.wordTiming).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.wordTiming).toBe('estimated');
    const before = words().length;
    await vi.advanceTimersByTimeAsync(1500);
    expect(words().length).toBeGreaterThan(before + 2);
    engine.destroy();
  });
});

describe('store: where the word is', () => {
  it('keeps the word range with the word, and forgets it on another segment', () => {
    const atWord = reduce(initialSnapshot, { type: 'word', segment: 2, word: 5, time: 7.5, offset: 31, length: 6 });
    expect(atWord).toMatchObject({ segmentIndex: 2, wordIndex: 5, wordOffset: 31, wordLength: 6 });
    expect(reduce(atWord, { type: 'position', time: 7.8, segment: 2 })).toMatchObject({ wordOffset: 31, wordLength: 6 });
    expect(reduce(atWord, { type: 'position', time: 9, segment: 3 })).toMatchObject({ wordIndex: -1, wordOffset: -1, wordLength: 0 });
    expect(reduce(atWord, { type: 'word', segment: 2, word: -1, time: 8 })).toMatchObject({ wordOffset: -1, wordLength: 0 });
    expect(reduce(initialSnapshot, { type: 'word', segment: 0, word: 1, time: 1 })).toMatchObject({ wordIndex: 1, wordOffset: -1 });
  });
});
