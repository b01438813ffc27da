import { describe, expect, it, vi } from 'vitest';
import { segments, setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';
import { clampRate } from '../../../../src/article/pace.js';
import type { SpeechEngineOptions } from '../../../../src/engines/speech/options.js';
import type { FakeSpeechSynthesisOptions } from '../../../fakes/speech-synthesis.js';

function setup(fake: FakeSpeechSynthesisOptions = {}, options: SpeechEngineOptions = {}) {
  return setupSpeech({ charsPerSecond: 10, ...fake }, options);
}

/** The engine's first guess: 14.5 characters a second at rate 1. */
const GUESS = 14.5;

/** The engine's estimate after measuring `chars` spoken in `seconds`: the guess weighs as 120 characters. */
function corrected(chars: number, seconds: number): number {
  return (120 + chars) / (120 / GUESS + seconds);
}

// Paragraphs of one, two and one sentences; each sentence is a chunk.
const S1 = 'The council met on Monday.'; // 26
const S2 = 'It voted to keep the library.'; // 29
const S3 = 'Readers were pleased.'; // 21
const S4 = 'The vote was close.'; // 19
const ARTICLE = segments(S1, `${S2} ${S3}`, S4);
// A sentence is timed by its characters up to the next one in its paragraph: S2 with the space after it.
const CHARS = [S1, `${S2} `, S3, S4].map((s) => s.length);
const TOTAL = CHARS.reduce((a, b) => a + b, 0);
/** Estimated start of each chunk before anything was measured. */
const STARTS = CHARS.map((_, i) => CHARS.slice(0, i).reduce((a, b) => a + b, 0) / GUESS);

async function loaded(fake: FakeSpeechSynthesisOptions = {}, rate = 1) {
  const context = setup(fake);
  await context.engine.load(ARTICLE, { lang: 'en-GB', rate });
  return context;
}

useFakeClock();

describe('SpeechEngine: estimated timeline', () => {
  it('estimates the duration from the text before anything is spoken, and reports it', async () => {
    const { engine, events } = await loaded();
    expect(engine.duration).toBeCloseTo(TOTAL / GUESS, 9);
    expect(events).toContainEqual({ type: 'duration', duration: engine.duration });
    expect(engine.currentTime).toBe(0);
  });

  it('starts each paragraph where its first sentence starts', async () => {
    const { engine } = await loaded();
    expect(engine.segmentStart(0)).toBe(0);
    expect(engine.segmentStart(1)).toBeCloseTo(STARTS[1]!, 9);
    expect(engine.segmentStart(2)).toBeCloseTo(STARTS[3]!, 9);
    expect(engine.segmentStart(3)).toBeCloseTo(engine.duration, 9); // past the end
  });

  it('corrects the estimate when a sentence has been measured, and reports the new duration', async () => {
    const { engine, events } = await loaded(); // the fake speaks 10 chars/s, slower than the guess
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    const before = engine.duration;
    events.length = 0;
    await vi.advanceTimersByTimeAsync(S1.length * 100); // S1 ends
    const expected = TOTAL / corrected(S1.length, S1.length / 10);
    expect(engine.duration).toBeGreaterThan(before);
    expect(engine.duration).toBeCloseTo(expected, 9);
    expect(events).toContainEqual({ type: 'duration', duration: engine.duration });
    expect(engine.segmentStart(1)).toBeCloseTo(S1.length / corrected(S1.length, S1.length / 10), 9);
  });

  it('measures in media time, so the estimate is the same at rate 2', async () => {
    const slow = await loaded({}, 1);
    const fast = await loaded({}, 2);
    slow.engine.play();
    fast.engine.play();
    await vi.runAllTimersAsync();
    expect(fast.synth.log.map((entry) => entry.rate)).toEqual([2, 2, 2, 2]);
    expect(fast.engine.duration).toBeCloseTo(slow.engine.duration, 6);
    // Every sentence spoken at 10 chars/s (the space between two is not spoken): the estimate has moved
    // from 14.5 towards 10.
    const spoken = TOTAL - 1;
    expect(fast.engine.duration).toBeCloseTo(TOTAL / corrected(spoken, spoken / 10), 6);
  });

  it('runs the clock while speaking, in media time, and holds it at the sentence start when paused', async () => {
    const { engine } = await loaded({}, 2);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(engine.currentTime).toBeCloseTo(1, 2); // 0.5 s at rate 2
    engine.pause();
    expect(engine.currentTime).toBe(0);
  });

  it('never lets the clock run past the estimate of the sentence being spoken', async () => {
    const { engine } = await loaded({ charsPerSecond: 2 }); // far slower than estimated
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(engine.currentTime).toBeCloseTo(STARTS[1]! * 0.99, 9);
    expect(engine.currentTime).toBeLessThan(STARTS[1]!);
  });
});

describe('SpeechEngine: seeking and skipping', () => {
  it('seek() while paused moves to the sentence at that time, and play starts there', async () => {
    const { synth, engine, events } = await loaded();
    events.length = 0;
    engine.seek(STARTS[2]! + 0.1);
    expect(events).toEqual([{ type: 'position', time: expect.closeTo(STARTS[2]!, 9), segment: 1 }]);
    expect(synth.log).toEqual([]);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts).toEqual([S3]);
  });

  it('seek() picks the sentence that starts at or before the time', async () => {
    const { engine } = await loaded();
    const at = (seconds: number) => {
      engine.seek(seconds);
      return engine.currentTime;
    };
    expect(at(STARTS[2]! - 0.01)).toBeCloseTo(STARTS[1]!, 9);
    expect(at(STARTS[2]! + 1e-6)).toBeCloseTo(STARTS[2]!, 9);
    expect(at(-5)).toBe(0);
    expect(at(1e6)).toBeCloseTo(STARTS[3]!, 9);
    expect(at(Number.NaN)).toBeCloseTo(STARTS[3]!, 9); // ignored
  });

  it('seek() while playing speaks the sentence at that time at once', async () => {
    const { synth, engine } = await loaded();
    engine.play();
    await vi.advanceTimersByTimeAsync(500);
    engine.seek(STARTS[3]! + 0.2);
    expect(synth.texts).toEqual([S1, S4]);
    expect(synth.log[0]?.outcome).toBe('interrupted');
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.current?.text).toBe(S4);
  });

  it('skip() moves one sentence forward or back, and stops at either end', async () => {
    const { synth, engine } = await loaded();
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    engine.skip(1);
    engine.skip(1);
    engine.skip(-1);
    expect(synth.texts).toEqual([S1, S2, S3, S2]);
    engine.skip(-1);
    engine.skip(-1);
    expect(synth.texts).toEqual([S1, S2, S3, S2, S1, S1]);
    engine.pause();
    for (let i = 0; i < 6; i++) engine.skip(1);
    expect(engine.currentTime).toBeCloseTo(STARTS[3]!, 9);
  });

  it('skip() while paused only moves the position', async () => {
    const { synth, engine, events } = await loaded();
    events.length = 0;
    engine.skip(1);
    expect(events).toEqual([{ type: 'position', time: expect.closeTo(STARTS[1]!, 9), segment: 1 }]);
    expect(synth.log).toEqual([]);
  });
});

describe('SpeechEngine: rate', () => {
  it('clamps rates to 0.5–3 (1 when not a number)', () => {
    expect([0.1, 0.5, 1.25, 3, 10, Number.NaN, Infinity].map(clampRate)).toEqual([0.5, 0.5, 1.25, 3, 3, 1, 1]);
  });

  it('speaks at the rate it was loaded with, clamped', async () => {
    const { synth, engine } = await loaded({}, 5);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.log[0]?.rate).toBe(3);
  });

  it('setRate() while speaking restarts the current sentence at the new rate', async () => {
    const { synth, engine, events } = await loaded();
    engine.play();
    await vi.advanceTimersByTimeAsync(1 + 2600 + 1 + 300); // into S2
    expect(synth.current?.text).toBe(S2);
    engine.setRate(2);
    expect(synth.log.at(-1)).toMatchObject({ text: S2, rate: 2 });
    expect(synth.log.at(-2)).toMatchObject({ text: S2, rate: 1, outcome: 'interrupted' });
    engine.setRate(2); // unchanged: nothing restarts
    engine.setRate(0.1);
    expect(synth.log.map((entry) => entry.rate)).toEqual([1, 1, 2, 0.5]);
    await vi.advanceTimersByTimeAsync(1);
    // (Word events, estimated for this voice, follow the restarted sentence: not what this is about.)
    const moves = events.filter((event) => event.type !== 'word');
    expect(moves.at(-2)).toEqual({ type: 'playing' });
    // The position is not moved by a change of rate.
    expect(moves.at(-1)).toMatchObject({ type: 'position', segment: 1 });
  });

  it('setRate() while paused speaks nothing, and the next play uses the new rate', async () => {
    const { synth, engine } = await loaded();
    engine.setRate(1.5);
    expect(synth.log).toEqual([]);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.log[0]?.rate).toBe(1.5);
  });
});
