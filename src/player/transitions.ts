/**
 * The store's transitions on what engines report: which state each state accepts (non-optimistic: the state
 * becomes `playing` when the engine says sound started), what `loading` waits for, the clock, words, length and
 * what the engine can do. The playback controller hands `reduce` to the store (`PlayerStore.use`); before that
 * the element's own requests are all the store sees (`reduceRequests`).
 */
import type { EngineCapabilities } from '../engines/engine.js';
import { initialSnapshot, reduceRequests, type LoadingReason, type PlayerSnapshot, type PlayerState, type StoreAction } from './store.js';

/** Which engine-reported states each state accepts; anything else is ignored (a stale or impossible event). */
const accepts: Record<PlayerState, ReadonlySet<PlayerState>> = {
  idle: new Set(['loading', 'playing']),
  loading: new Set(['playing', 'paused', 'ended']),
  playing: new Set(['loading', 'paused', 'ended']),
  paused: new Set(['loading', 'playing', 'ended']),
  ended: new Set(['loading', 'playing', 'paused']),
  error: new Set(['loading', 'playing']),
};

/** Why a move to `loading` from each state waits (`voices` comes only from the engine). */
const loadingFrom: Record<PlayerState, LoadingReason> = {
  idle: 'start',
  loading: 'start',
  playing: 'stall',
  paused: 'resume',
  ended: 'start',
  error: 'start',
};

function move(snapshot: PlayerSnapshot, state: PlayerState): PlayerSnapshot {
  if (snapshot.state === state || !accepts[snapshot.state].has(state)) return snapshot;
  const loading = state === 'loading' ? loadingFrom[snapshot.state] : null;
  return { ...snapshot, state, loadingReason: loading, error: null, errorWhileIdle: false };
}

/** The ranking context is made afresh each time it is read: the same when it says the same. */
function sameContext(a: EngineCapabilities['voiceContext'], b: EngineCapabilities['voiceContext']): boolean {
  return a.online === b.online && (a.readerLangs ?? []).join() === (b.readerLangs ?? []).join();
}

export function reduce(snapshot: PlayerSnapshot, action: StoreAction): PlayerSnapshot {
  switch (action.type) {
    case 'loading': {
      const next = move(snapshot, 'loading');
      // The engine may say later what it waits for (the voices, once play is wanted before they came).
      if (next.state !== 'loading' || !action.reason || next.loadingReason === action.reason) return next;
      return { ...next, loadingReason: action.reason };
    }
    case 'playing':
    case 'paused':
    case 'ended':
      return move(snapshot, action.type);
    case 'word':
      if (action.segment === snapshot.segmentIndex && action.word === snapshot.wordIndex) return snapshot;
      return {
        ...snapshot,
        segmentIndex: action.segment,
        wordIndex: action.word,
        wordOffset: action.word >= 0 ? (action.offset ?? -1) : -1,
        wordLength: action.word >= 0 ? (action.length ?? 0) : 0,
        currentTime: action.time,
      };
    // Only the playback controller resets (a new article or engine): the length to expect is kept.
    case 'reset':
      return snapshot.estimate ? { ...initialSnapshot, estimate: snapshot.estimate } : initialSnapshot;
    case 'duration':
      return action.duration === snapshot.duration ? snapshot : { ...snapshot, duration: action.duration };
    case 'capabilities': {
      const next = action.capabilities;
      const changed = (Object.keys(next) as (keyof EngineCapabilities)[]).some((key) =>
        key === 'voiceContext' ? !sameContext(next.voiceContext, snapshot.voiceContext) : next[key] !== snapshot[key],
      );
      return changed ? { ...snapshot, ...next } : snapshot;
    }
    default:
      return reduceRequests(snapshot, action);
  }
}
