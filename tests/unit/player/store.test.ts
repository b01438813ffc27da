import { describe, expect, it, vi } from 'vitest';
import { PlayerStore, initialSnapshot, type PlayerSnapshot, type PlayerState, type StoreAction } from '../../../src/player/store.js';
import { reduce } from '../../../src/player/transitions.js';

const failure: StoreAction = { type: 'error', code: 'speech-failed', message: 'The browser could not speak.' };

/** A snapshot in `state`, reached by engine events as the player would reach it. */
function inState(state: PlayerState): PlayerSnapshot {
  const paths: Record<PlayerState, StoreAction[]> = {
    idle: [],
    loading: [{ type: 'loading' }],
    playing: [{ type: 'loading' }, { type: 'playing' }],
    paused: [{ type: 'loading' }, { type: 'playing' }, { type: 'paused' }],
    ended: [{ type: 'loading' }, { type: 'playing' }, { type: 'ended' }],
    error: [{ type: 'loading' }, failure],
  };
  const snapshot = paths[state].reduce(reduce, initialSnapshot);
  expect(snapshot.state).toBe(state);
  return snapshot;
}

type StateEvent = 'loading' | 'playing' | 'paused' | 'ended';

/** Where each state goes on each engine-reported state; the same state where the event is ignored. */
const transitions: Record<PlayerState, Record<StateEvent, PlayerState>> = {
  idle: { loading: 'loading', playing: 'playing', paused: 'idle', ended: 'idle' },
  loading: { loading: 'loading', playing: 'playing', paused: 'paused', ended: 'ended' },
  playing: { loading: 'loading', playing: 'playing', paused: 'paused', ended: 'ended' },
  paused: { loading: 'loading', playing: 'playing', paused: 'paused', ended: 'ended' },
  ended: { loading: 'loading', playing: 'playing', paused: 'paused', ended: 'ended' },
  error: { loading: 'loading', playing: 'playing', paused: 'error', ended: 'error' },
};

const cases = Object.entries(transitions).flatMap(([from, to]) =>
  Object.entries(to).map(([event, next]) => [from as PlayerState, event as StateEvent, next] as const),
);

describe('reduce: state transitions', () => {
  it.each(cases)('%s + %s → %s', (from, event, next) => {
    const before = inState(from);
    const after = reduce(before, { type: event });
    expect(after.state).toBe(next);
    if (next === from) expect(after).toBe(before); // ignored or unchanged: the very same snapshot
  });

  it.each(Object.keys(transitions) as PlayerState[])('%s + error → error, with its code and message', (from) => {
    const after = reduce(inState(from), { type: 'error', code: 'not-allowed', message: 'Blocked.' });
    expect(after.state).toBe('error');
    expect(after.error).toEqual({ code: 'not-allowed', message: 'Blocked.' });
  });

  it('keeps the error while still in error, and clears it on recovery', () => {
    const failed = inState('error');
    expect(failed.error).toEqual({ code: 'speech-failed', message: 'The browser could not speak.' });
    expect(reduce(failed, { type: 'position', time: 3, segment: 1 }).error).toEqual(failed.error);
    expect(reduce(failed, { type: 'paused' }).error).toEqual(failed.error);
    expect(reduce(failed, { type: 'loading' }).error).toBeNull();
    expect(reduce(failed, { type: 'playing' }).error).toBeNull();
  });

  it('replaces an error by the newer one', () => {
    const next = reduce(inState('error'), { type: 'error', code: 'speech-timeout', message: 'Stopped.' });
    expect(next.error).toEqual({ code: 'speech-timeout', message: 'Stopped.' });
  });

  it('keeps time, segment, duration and engine across state changes', () => {
    let snapshot = reduce(initialSnapshot, { type: 'engine', engine: 'speech' });
    snapshot = reduce(snapshot, { type: 'duration', duration: 90 });
    snapshot = reduce(snapshot, { type: 'loading' });
    snapshot = reduce(snapshot, { type: 'position', time: 12, segment: 3 });
    snapshot = reduce(snapshot, { type: 'playing' });
    snapshot = reduce(snapshot, { type: 'paused' });
    expect(snapshot).toMatchObject({
      state: 'paused',
      engine: 'speech',
      currentTime: 12,
      duration: 90,
      segmentIndex: 3,
      error: null,
    });
  });
});

describe('reduce: what loading waits for, and errors nobody asked for', () => {
  it('records why it is loading: a start, a resume after a pause, a stall while playing', () => {
    expect(initialSnapshot.loadingReason).toBeNull();
    for (const from of ['idle', 'ended', 'error'] as const) {
      expect(reduce(inState(from), { type: 'loading' }).loadingReason).toBe('start');
    }
    expect(reduce(inState('paused'), { type: 'loading' }).loadingReason).toBe('resume');
    expect(reduce(inState('playing'), { type: 'loading' }).loadingReason).toBe('stall');
    for (const settled of ['playing', 'paused', 'ended'] as const) {
      expect(reduce(inState('loading'), { type: settled }).loadingReason).toBeNull();
    }
    expect(reduce(inState('loading'), failure).loadingReason).toBeNull();
  });

  it('takes the voices as the reason when the engine says so, at once or while already loading', () => {
    expect(reduce(inState('idle'), { type: 'loading', reason: 'voices' }).loadingReason).toBe('voices');
    expect(reduce(inState('paused'), { type: 'loading', reason: 'voices' }).loadingReason).toBe('voices');
    const waiting = reduce(inState('loading'), { type: 'loading', reason: 'voices' });
    expect(waiting).toMatchObject({ state: 'loading', loadingReason: 'voices' });
    // A later request to play without a reason does not forget what it still waits for.
    expect(reduce(waiting, { type: 'loading' })).toBe(waiting);
    expect(reduce(waiting, { type: 'loading', reason: 'voices' })).toBe(waiting);
    expect(reduce(waiting, { type: 'playing' }).loadingReason).toBeNull();
  });

  it('marks an error that came while idle (loading ahead of play), and only that one', () => {
    expect(reduce(inState('idle'), failure).errorWhileIdle).toBe(true);
    for (const from of ['loading', 'playing', 'paused', 'ended'] as const) {
      expect(reduce(inState(from), failure).errorWhileIdle).toBe(false);
    }
    // Still in error: a newer error keeps whether the first was asked for; trying again clears it.
    const unasked = reduce(inState('idle'), failure);
    expect(reduce(unasked, { type: 'error', code: 'no-speech', message: 'None.' }).errorWhileIdle).toBe(true);
    expect(reduce(inState('error'), { type: 'error', code: 'no-speech', message: 'None.' }).errorWhileIdle).toBe(false);
    const retried = reduce(unasked, { type: 'loading' });
    expect(retried.errorWhileIdle).toBe(false);
    expect(reduce(retried, failure).errorWhileIdle).toBe(false);
  });
});

describe('reduce: clock and engine', () => {
  it('moves the position and segment, returning the same snapshot when nothing changed', () => {
    const moved = reduce(initialSnapshot, { type: 'position', time: 4.5, segment: 2 });
    expect(moved).toMatchObject({ currentTime: 4.5, segmentIndex: 2 });
    expect(reduce(moved, { type: 'position', time: 4.5, segment: 2 })).toBe(moved);
    expect(reduce(moved, { type: 'position', time: 4.5, segment: 3 }).segmentIndex).toBe(3);
    expect(reduce(moved, { type: 'position', time: 5, segment: 2 }).currentTime).toBe(5);
  });

  it('sets the duration, returning the same snapshot when unchanged', () => {
    const set = reduce(initialSnapshot, { type: 'duration', duration: 61 });
    expect(set.duration).toBe(61);
    expect(reduce(set, { type: 'duration', duration: 61 })).toBe(set);
  });

  it('records the engine kind', () => {
    const speech = reduce(initialSnapshot, { type: 'engine', engine: 'speech' });
    expect(speech.engine).toBe('speech');
    expect(reduce(speech, { type: 'engine', engine: 'speech' })).toBe(speech);
    expect(reduce(speech, { type: 'engine', engine: null }).engine).toBeNull();
  });

  it('records why another engine took over, and forgets it for an engine the player loads', () => {
    const audio = reduce(inState('playing'), { type: 'engine', engine: 'audio' });
    expect(audio.engineReason).toBeNull();
    // The audio engine hands a paragraph without audio to Web Speech, and takes it back after it.
    const spoken = reduce(audio, { type: 'engine', engine: 'speech', reason: 'no-audio' });
    expect(spoken).toMatchObject({ engine: 'speech', engineReason: 'no-audio', state: 'playing' });
    const back = reduce(spoken, { type: 'engine', engine: 'audio', reason: 'no-audio' });
    expect(back).toMatchObject({ engine: 'audio', engineReason: 'no-audio', state: 'playing' });
    expect(reduce(back, { type: 'engine', engine: 'audio', reason: 'no-audio' })).toBe(back);
    // The recording failed: Web Speech reads on.
    expect(reduce(back, { type: 'engine', engine: 'speech', reason: 'fallback' })).toMatchObject({ engine: 'speech', engineReason: 'fallback' });
    expect(reduce(spoken, { type: 'engine', engine: 'audio' }).engineReason).toBeNull();
    expect(reduce(spoken, { type: 'reset' }).engineReason).toBeNull();
  });

  it('resets to the initial snapshot', () => {
    const withDuration = reduce(inState('error'), { type: 'duration', duration: 30 });
    const busy = reduce(withDuration, { type: 'engine', engine: 'audio' });
    expect(reduce(busy, { type: 'reset' })).toBe(initialSnapshot);
    expect(initialSnapshot).toMatchObject({
      state: 'idle',
      engine: null,
      currentTime: 0,
      duration: 0,
      segmentIndex: -1,
      error: null,
    });
  });
});

describe('reduce: words', () => {
  it('moves to a word (and its segment and time), the same snapshot when it is already there', () => {
    const atWord = reduce(initialSnapshot, { type: 'word', segment: 2, word: 5, time: 7.5 });
    expect(atWord).toMatchObject({ segmentIndex: 2, wordIndex: 5, currentTime: 7.5 });
    expect(reduce(atWord, { type: 'word', segment: 2, word: 5, time: 7.6 })).toBe(atWord);
  });

  it('keeps the word while the clock moves in its segment, and forgets it in another segment', () => {
    const atWord = reduce(initialSnapshot, { type: 'word', segment: 2, word: 5, time: 7.5 });
    expect(reduce(atWord, { type: 'position', time: 7.8, segment: 2 }).wordIndex).toBe(5);
    expect(reduce(atWord, { type: 'position', time: 9, segment: 3 }).wordIndex).toBe(-1);
  });
});

/** A store with the engine's transitions, as the playback controller sets it up. */
function withTransitions(): PlayerStore {
  const store = new PlayerStore();
  store.use(reduce);
  return store;
}

describe('PlayerStore', () => {
  it('starts from the initial snapshot', () => {
    expect(new PlayerStore().snapshot).toBe(initialSnapshot);
  });

  it('tells subscribers about each change with the next and previous snapshots', () => {
    const store = withTransitions();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'loading' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenLastCalledWith(store.snapshot, initialSnapshot);
    expect(store.snapshot.state).toBe('loading');
  });

  it('does not call subscribers when an action changes nothing', () => {
    const store = withTransitions();
    store.dispatch({ type: 'position', time: 2, segment: 0 });
    store.dispatch({ type: 'duration', duration: 20 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'position', time: 2, segment: 0 });
    store.dispatch({ type: 'duration', duration: 20 });
    store.dispatch({ type: 'paused' }); // ignored when idle
    store.dispatch({ type: 'ended' }); // ignored when idle
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling a listener once unsubscribed, and keeps calling the others', () => {
    const store = withTransitions();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = store.subscribe(first);
    store.subscribe(second);
    store.dispatch({ type: 'loading' });
    unsubscribe();
    store.dispatch({ type: 'playing' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('resets to the initial snapshot and tells subscribers', () => {
    const store = withTransitions();
    store.dispatch({ type: 'playing' });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'reset' });
    expect(store.snapshot).toBe(initialSnapshot);
    expect(listener).toHaveBeenCalledTimes(1);
    store.dispatch({ type: 'reset' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('the element\'s requests, before the rest of the player loads', () => {
  it('ignores engine events until the transitions are handed to it, and then follows them', () => {
    const store = new PlayerStore();
    store.dispatch({ type: 'playing' });
    store.dispatch({ type: 'duration', duration: 20 });
    expect(store.snapshot).toBe(initialSnapshot);
    store.use(reduce);
    store.dispatch({ type: 'playing' });
    expect(store.snapshot.state).toBe('playing');
  });

  it('a play waits as `loading` for the player; a pause takes it back to `idle`', () => {
    const store = new PlayerStore();
    store.dispatch({ type: 'request' });
    expect(store.snapshot).toMatchObject({ state: 'loading', loadingReason: 'player' });
    store.dispatch({ type: 'cancel' });
    expect(store.snapshot).toMatchObject({ state: 'idle', loadingReason: null });
    // Nothing waits: a pause changes nothing.
    const idle = store.snapshot;
    store.dispatch({ type: 'cancel' });
    expect(store.snapshot).toBe(idle);
  });

  it('once the player is there, it takes the wait back and its engine says what loading waits for', () => {
    const waiting = reduce(initialSnapshot, { type: 'request' });
    const handedOver = reduce(waiting, { type: 'cancel' });
    expect(handedOver).toMatchObject({ state: 'idle', loadingReason: null });
    expect(reduce(handedOver, { type: 'loading' })).toMatchObject({ state: 'loading', loadingReason: 'start' });
    expect(reduce(handedOver, { type: 'loading', reason: 'voices' })).toMatchObject({ state: 'loading', loadingReason: 'voices' });
  });

  it('a failure to load the player is an error that a play retries and a reset of intent clears', () => {
    const failed = reduce(reduce(initialSnapshot, { type: 'request' }), { type: 'error', code: 'player-load', message: 'x' });
    expect(failed).toMatchObject({ state: 'error', errorWhileIdle: false, error: { code: 'player-load' } });
    expect(reduce(failed, { type: 'request' })).toMatchObject({ state: 'loading', loadingReason: 'player', error: null });
    expect(reduce(failed, { type: 'cancel' })).toMatchObject({ state: 'idle', error: null });
    // An engine's error is not the player's to clear.
    const engineFailed = reduce(initialSnapshot, { type: 'error', code: 'no-speech', message: 'y' });
    expect(reduce(engineFailed, { type: 'cancel' })).toBe(engineFailed);
  });

  it('keeps the length to expect across a reset, and a position sought', () => {
    const estimated = reduce(initialSnapshot, { type: 'estimate', duration: 42 });
    const sought = reduce(estimated, { type: 'position', time: 12, segment: -1 });
    expect(sought).toMatchObject({ estimate: 42, currentTime: 12 });
    expect(reduce(sought, { type: 'reset' })).toMatchObject({ estimate: 42, currentTime: 0, state: 'idle' });
  });

  it('takes what the engine can do, unchanged when it says the same', () => {
    const capabilities = { ...initialSnapshot, voiceContext: { online: true, readerLangs: ['en'] }, download: '/a.mp3' };
    const { wordTiming, voices, voice, voiceContext, download, manifestHash } = capabilities;
    const next = reduce(initialSnapshot, { type: 'capabilities', capabilities: { wordTiming, voices, voice, voiceContext, download, manifestHash } });
    expect(next.download).toBe('/a.mp3');
    const again = { wordTiming, voices, voice, voiceContext: { online: true, readerLangs: ['en'] }, download, manifestHash };
    expect(reduce(next, { type: 'capabilities', capabilities: again })).toBe(next);
  });
});
