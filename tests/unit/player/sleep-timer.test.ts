/**
 * The sleep timer's logic against a store and a fake playback (a hand-moved clock, no engine): when it fades a
 * recording's sound (the last `FADE_SECONDS` of the time, the paragraph or the article, at the speed read),
 * that it pauses (not stops) and is done once paused, with the sound back at full volume, and that a timer that
 * runs out with nothing playing pauses nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaybackController } from '../../../src/player/playback.js';
import { setSleepClock } from '../../../src/player/sleep-clock.js';
import type { SleepTimerSetting } from '../../../src/player/sleep-setting.js';
import { FADE_SECONDS, SleepTimer } from '../../../src/player/sleep-timer.js';
import { PlayerStore } from '../../../src/player/store.js';
import { reduce } from '../../../src/player/transitions.js';
import { ManualClock } from '../../fakes/sleep-clock.js';

/** Segments start every 10 s; the article is 40 s. */
const STARTS = [0, 10, 20, 30];
const DURATION = 40;

function fakePlayback() {
  const store = new PlayerStore();
  store.use(reduce);
  const calls: string[] = [];
  const playback = {
    store,
    get snapshot() {
      return store.snapshot;
    },
    segments: STARTS.map((_, i) => ({ text: `Segment ${i}.` })),
    engine: { duration: DURATION, segmentStart: (i: number) => STARTS[i] ?? DURATION },
    pause: () => calls.push('pause'),
    fade: (volume: number, ms: number) => calls.push(`fade ${volume} ${Math.round(ms)}`),
  };
  const at = (time: number) => store.dispatch({ type: 'position', time, segment: STARTS.findLastIndex((start) => start <= time) });
  return { store, calls, at, playback: playback as unknown as PlaybackController };
}

let clock: ManualClock;
beforeEach(() => {
  clock = new ManualClock();
  setSleepClock(clock);
});
afterEach(() => setSleepClock(undefined));

function timer(playback: PlaybackController, setting: SleepTimerSetting, rate = 1) {
  const done: boolean[] = [];
  const ticks: number[] = [];
  const deadline = setting.kind === 'minutes' ? clock.now() + setting.minutes * 60_000 : null;
  const sleep = new SleepTimer({ playback, setting, deadline, rate: () => rate, done: (paused) => done.push(paused), tick: () => ticks.push(clock.now()) });
  return { sleep, done, ticks };
}

describe('SleepTimer', () => {
  it('minutes: ticks each minute, fades over the last seconds, pauses at the time, and is done once paused', () => {
    const { store, calls, playback } = fakePlayback();
    store.dispatch({ type: 'playing' });
    const { done, ticks } = timer(playback, { kind: 'minutes', minutes: 2 });
    clock.advance(60_000);
    expect(ticks).toEqual([60_000]);
    clock.advance(60_000 - FADE_SECONDS * 1000 - 1);
    expect(calls).toEqual([]);
    clock.advance(1);
    expect(calls).toEqual([`fade 0 ${FADE_SECONDS * 1000}`]);
    clock.advance(FADE_SECONDS * 1000);
    expect(calls).toEqual([`fade 0 ${FADE_SECONDS * 1000}`, 'pause']);
    expect(done).toEqual([]);
    store.dispatch({ type: 'paused' });
    expect(calls.at(-1)).toBe('fade 1 0');
    expect(done).toEqual([true]);
  });

  it('minutes run out with nothing playing: done, nothing paused or faded', () => {
    const { store, calls, playback } = fakePlayback();
    store.dispatch({ type: 'playing' });
    store.dispatch({ type: 'paused' });
    const { done } = timer(playback, { kind: 'minutes', minutes: 5 });
    clock.advance(5 * 60_000);
    expect(calls).toEqual([]);
    expect(done).toEqual([false]);
  });

  it('end of the paragraph: fades over its last seconds at the speed read, and pauses as the next one begins', () => {
    const { store, calls, at, playback } = fakePlayback();
    at(12);
    store.dispatch({ type: 'playing' });
    const { done } = timer(playback, { kind: 'end', of: 'paragraph' }, 0.5);
    // At half speed, the 20 s mark is (20 − 15) / 0.5 = 10 s away: too far to fade.
    at(15);
    expect(calls).toEqual([]);
    at(17.5);
    expect(calls).toEqual([`fade 0 ${FADE_SECONDS * 1000 - 1000}`]);
    at(20);
    expect(calls.at(-1)).toBe('pause');
    store.dispatch({ type: 'paused' });
    expect(done).toEqual([true]);
    expect(calls.at(-1)).toBe('fade 1 0');
  });

  it('end of the paragraph: a jump elsewhere moves it along; set while paused, the paragraph play goes on in', () => {
    const { store, calls, at, playback } = fakePlayback();
    at(2);
    const { done } = timer(playback, { kind: 'end', of: 'paragraph' });
    at(21);
    store.dispatch({ type: 'playing' });
    // A seek from the third paragraph back to the first while playing: its end is the one now.
    at(3);
    at(10);
    expect(calls.at(-1)).toBe('pause');
    store.dispatch({ type: 'paused' });
    expect(done).toEqual([true]);
  });

  it('end of the article: fades before the end, and is done when it ends', () => {
    const { store, calls, at, playback } = fakePlayback();
    store.dispatch({ type: 'playing' });
    const { done } = timer(playback, { kind: 'end', of: 'article' });
    at(25);
    expect(calls).toEqual([]);
    at(36);
    expect(calls).toEqual(['fade 0 4000']);
    store.dispatch({ type: 'ended' });
    expect(done).toEqual([true]);
    expect(calls).toEqual(['fade 0 4000', 'fade 1 0']);
  });

  it('disposed during a fade: the sound is back, and nothing more happens', () => {
    const { store, calls, at, playback } = fakePlayback();
    store.dispatch({ type: 'playing' });
    const { sleep, done } = timer(playback, { kind: 'end', of: 'article' });
    at(37);
    sleep.dispose();
    expect(calls).toEqual(['fade 0 3000', 'fade 1 0']);
    store.dispatch({ type: 'ended' });
    expect(done).toEqual([]);
  });
});
