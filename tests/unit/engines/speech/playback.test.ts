import { describe, expect, it, vi } from 'vitest';
import { MAX_CHUNK_LENGTH } from '../../../../src/article/chunk.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { segments, setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';
import type { SpeechEngineOptions } from '../../../../src/engines/speech/options.js';
import type { FakeSpeechSynthesisOptions } from '../../../fakes/speech-synthesis.js';

function setup(fake: FakeSpeechSynthesisOptions = {}, options: SpeechEngineOptions = {}) {
  return setupSpeech({ charsPerSecond: 10, ...fake }, options);
}

function types(events: readonly EngineEvent[]): string[] {
  return events.map((event) => event.type);
}

/** State changes only: what the store acts on, without the clock (nor words, which move with it). */
function states(events: readonly EngineEvent[]): string[] {
  return types(events).filter((type) => type !== 'position' && type !== 'duration' && type !== 'word');
}

function segmentsReported(events: readonly EngineEvent[]): number[] {
  return events.flatMap((event) => (event.type === 'position' ? [event.segment] : []));
}

// Three paragraphs, four sentences: each sentence is one chunk. 10 characters a second in the fake.
const S1 = 'The council met on Monday.'; // 26
const S2 = 'It voted to keep the library.'; // 29
const S3 = 'Readers were pleased.'; // 21
const S4 = 'The vote was close.'; // 19
const ARTICLE = segments(`${S1} ${S2}`, S3, S4);

/** The engine's estimate after measuring `chars` spoken in `seconds`: 14.5 chars/s, weighted as 120 characters. */
function correctedCharsPerSecond(chars: number, seconds: number): number {
  return (120 + chars) / (120 / 14.5 + seconds);
}

/** Loads ARTICLE, presses play and lets the first sentence start. */
async function playing(fake: FakeSpeechSynthesisOptions = {}, options: SpeechEngineOptions = {}) {
  const context = setup(fake, options);
  await context.engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
  context.engine.play();
  await vi.advanceTimersByTimeAsync(1);
  expect(context.synth.current?.text).toBe(S1);
  return context;
}

useFakeClock();

describe('SpeechEngine: reading an article', () => {
  it('reports loading, then playing only on the speech start event, never before', async () => {
    const { synth, engine, events } = setup({ startLatency: 300 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    events.length = 0;
    engine.play();
    expect(states(events)).toEqual(['loading']);
    await vi.advanceTimersByTimeAsync(299);
    expect(synth.texts).toEqual([S1]); // requested…
    expect(states(events)).toEqual(['loading']); // …but not started
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events)).toEqual(['loading', 'playing']);
  });

  it('speaks every sentence in order, reports positions through every paragraph, then ended', async () => {
    const { synth, engine, events } = setup();
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    events.length = 0;
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual([S1, S2, S3, S4]);
    expect(synth.log.map((entry) => entry.outcome)).toEqual(['ended', 'ended', 'ended', 'ended']);
    expect(states(events)).toEqual(['loading', 'playing', 'playing', 'playing', 'playing', 'ended']);
    const reported = segmentsReported(events);
    expect(reported.filter((segment, i) => segment !== reported[i - 1])).toEqual([0, 1, 2]);
    const times = events.flatMap((event) => (event.type === 'position' ? [event.time] : []));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.at(-2)).toEqual({ type: 'position', time: engine.duration, segment: 2 });
    expect(events.at(-1)).toEqual({ type: 'ended' });
    expect(synth.speaking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports the clock every 250 ms while speaking', async () => {
    const { events } = await playing();
    events.length = 0;
    await vi.advanceTimersByTimeAsync(1000);
    const times = events.flatMap((event) => (event.type === 'position' ? [event.time] : []));
    expect(times).toHaveLength(4);
    expect(times[0]).toBeCloseTo(0.25, 5);
    expect(times[3]).toBeCloseTo(1, 5);
  });

  it('speaks a long paragraph in chunks of at most 200 characters, one or more per sentence', async () => {
    const words = Array.from({ length: 70 }, (_, i) => `Word${i}`);
    const long = `${words.join(' ')}.`; // one sentence of ~450 characters
    const text = `A short opening. ${long} A short close.`;
    const { synth, engine } = setup({ charsPerSecond: 1000 });
    await engine.load(segments(text), { lang: 'en', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    const spoken = synth.texts;
    expect(spoken[0]).toBe('A short opening.');
    expect(spoken.at(-1)).toBe('A short close.');
    expect(spoken.length).toBeGreaterThanOrEqual(5);
    for (const chunk of spoken) expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_LENGTH);
    // Cut between words only: every word comes out whole, once, in order.
    expect(spoken.slice(1, -1).join(' ')).toBe(long);
    for (const chunk of spoken.slice(1, -1)) expect(chunk).toMatch(/^Word\d+( Word\d+)*\.?$/);
  });

  it('is a stable no-op to play an article with no segments', async () => {
    const { synth, engine, events } = setup();
    await engine.load([], { lang: 'en', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(states(events)).toEqual([]);
    expect(synth.log).toEqual([]);
  });

  it('plays again from the start after the end', async () => {
    const { synth, engine, events } = setup({ charsPerSecond: 1000 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    events.length = 0;
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts.at(-1)).toBe(S1);
    expect(states(events)).toEqual(['loading', 'playing']);
  });
});

describe('SpeechEngine: pausing', () => {
  for (const cancelEvent of ['error', 'end'] as const) {
    it(`pause cancels speech, play re-speaks the sentence from its start (cancel fires ${cancelEvent})`, async () => {
      const { synth, engine, events } = await playing({ cancelEvent });
      await vi.advanceTimersByTimeAsync(2600 + 500); // into the second sentence
      expect(synth.current?.text).toBe(S2);
      events.length = 0;
      engine.pause();
      expect(synth.speaking).toBe(false);
      // Back to the start of the sentence (after S1 and the space), by the estimate corrected after the
      // first sentence was measured.
      const time = (S1.length + 1) / correctedCharsPerSecond(S1.length, S1.length / 10);
      expect(events).toEqual([{ type: 'position', time: expect.closeTo(time, 9), segment: 0 }, { type: 'paused' }]);
      expect(engine.currentTime).toBeCloseTo(time, 9);
      // The cancelled utterance's late event must not move the engine on.
      await vi.advanceTimersByTimeAsync(5000);
      expect(events).toHaveLength(2);
      expect(synth.log[1]?.outcome).toBe('interrupted');
      engine.play();
      await vi.advanceTimersByTimeAsync(1);
      expect(synth.texts).toEqual([S1, S2, S2]);
      expect(states(events)).toEqual(['paused', 'loading', 'playing']);
    });
  }

  it('ignores stale events of an utterance replaced while speaking (cancel fires end)', async () => {
    const { synth, engine, events } = await playing({ cancelEvent: 'end' });
    await vi.advanceTimersByTimeAsync(1000);
    engine.skip(1); // cancels S1 (its end arrives late) and speaks S2
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.current?.text).toBe(S2);
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual([S1, S2, S3, S4]);
    expect(states(events).filter((type) => type === 'ended')).toHaveLength(1);
  });

  it('pause while loading (voices not there yet) keeps it from speaking later', async () => {
    const { synth, engine, events } = setup({ voicesDelay: 1000 });
    void engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    engine.play();
    engine.pause();
    await vi.advanceTimersByTimeAsync(3000);
    expect(synth.log).toEqual([]);
    expect(states(events)).toEqual(['loading', 'paused']);
  });

  it('pause when nothing plays reports no paused state', async () => {
    const { engine, events } = setup();
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    events.length = 0;
    engine.pause();
    expect(states(events)).toEqual([]);
  });

  it('treats speech cancelled by someone else (interrupted) as a pause that can be resumed', async () => {
    const { synth, engine, events } = await playing();
    await vi.advanceTimersByTimeAsync(500);
    events.length = 0;
    synth.cancel(); // another script on the page
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events)).toEqual(['paused']);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts).toEqual([S1, S1]);
    expect(states(events)).toEqual(['paused', 'loading', 'playing']);
  });

  it('pauses on pagehide and cancels speech', async () => {
    const page = new EventTarget();
    const { synth, events } = await playing({}, { window: page });
    events.length = 0;
    page.dispatchEvent(new Event('pagehide'));
    expect(synth.speaking).toBe(false);
    expect(states(events)).toEqual(['paused']);
    page.dispatchEvent(new Event('pagehide'));
    expect(states(events)).toEqual(['paused']);
  });

  it('play() while already playing does not report loading', async () => {
    const { synth, engine, events } = await playing();
    events.length = 0;
    engine.play();
    await vi.advanceTimersByTimeAsync(100);
    expect(synth.texts).toEqual([S1]);
    expect(states(events)).toEqual([]);
  });
});

describe('SpeechEngine: failures', () => {
  it('reports speech-failed when synthesis fails, and nothing plays', async () => {
    const { synth, engine, events } = setup();
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    synth.failNext('synthesis-failed');
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events)).toEqual(['loading', 'error']);
    expect(events.at(-1)).toEqual({
      type: 'error',
      code: 'speech-failed',
      message: expect.stringContaining('synthesis-failed'),
    });
    expect(synth.speaking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports not-allowed when the browser blocks speech, and can play after that', async () => {
    const { synth, engine, events } = setup();
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    synth.failNext('not-allowed');
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'not-allowed' });
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events).slice(-2)).toEqual(['loading', 'playing']);
    expect(synth.current?.text).toBe(S1);
  });

  it('gives up with speech-timeout when a sentence never ends, leaving nothing speaking', async () => {
    const { synth, events } = await playing({ hangAfterStart: true });
    // The watchdog allows three times the estimate plus 5 s.
    const allowed = (S1.length / 14.5) * 3000 + 5000;
    await vi.advanceTimersByTimeAsync(allowed - 10);
    expect(states(events)).toEqual(['loading', 'playing']);
    await vi.advanceTimersByTimeAsync(20);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'speech-timeout' });
    expect(synth.speaking).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(0);
    expect(states(events)).toEqual(['loading', 'playing', 'error']);
  });

  it('gives up with speech-timeout when speech never starts', async () => {
    const { synth, engine, events } = setup({ neverStart: true }, { startTimeout: 3000 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(2999);
    expect(states(events)).toEqual(['loading']);
    await vi.advanceTimersByTimeAsync(1);
    expect(states(events)).toEqual(['loading', 'error']);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'speech-timeout' });
    expect(synth.speaking).toBe(false);
  });

  it('is not fooled by word boundaries with wrong offsets', async () => {
    const { synth, engine, events } = setup({ boundaries: true, boundaryOffset: 7 });
    await engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.runAllTimersAsync();
    expect(synth.texts).toEqual([S1, S2, S3, S4]);
    expect(states(events).at(-1)).toBe('ended');
    expect(segmentsReported(events).every((segment) => segment >= 0 && segment <= 2)).toBe(true);
  });
});

describe('SpeechEngine: destroy', () => {
  it('cancels speech, leaves no timers and reports nothing more', async () => {
    const page = new EventTarget();
    const { synth, engine, events } = await playing({}, { window: page });
    await vi.advanceTimersByTimeAsync(700);
    events.length = 0;
    engine.destroy();
    expect(synth.speaking).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // the fake delivers the cancelled utterance's event
    expect(vi.getTimerCount()).toBe(0);
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual([]);
  });

  it('leaves no timers when destroyed while still waiting for voices', async () => {
    const { engine, events } = setup({ voicesDelay: Infinity }, { voiceTimeout: 5000 });
    void engine.load(ARTICLE, { lang: 'en-GB', rate: 1 });
    await vi.advanceTimersByTimeAsync(100);
    events.length = 0;
    engine.destroy();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events).toEqual([]);
  });

  it('reports nothing when used after destroy', async () => {
    const { synth, engine, events } = await playing();
    engine.destroy();
    events.length = 0;
    engine.play();
    engine.pause();
    engine.seek(1);
    engine.skip(1);
    engine.setRate(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual([]);
    expect(synth.texts).toEqual([S1]);
  });
});
