/**
 * The player's store: a small, pure state machine fed only by engine events (non-optimistic: a click on
 * play requests playback; the state becomes `playing` when the engine reports that speech or audio started).
 */
import type { EngineCapabilities, EngineChangeReason, EngineEvent, EngineKind, ListenErrorCode } from '../engines/engine.js';

export type PlayerState = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

/**
 * What the player waits for while `loading`: `voices`, the browser's list of voices (it may take seconds);
 * `start`, the engine starting to read (a recording loading, the browser's voice starting); `resume`, the engine
 * going on after a pause (a moment, as a rule); `stall`, a recording that stopped arriving while playing;
 * `player`, the rest of the player, which loads on first use (play was pressed before it arrived).
 */
export type LoadingReason = 'voices' | 'start' | 'resume' | 'stall' | 'player';

export interface PlayerError {
  readonly code: ListenErrorCode;
  readonly message: string;
}

/** What the player is and shows: its state, clock and place, and what its engine can do (`EngineCapabilities`). */
export interface PlayerSnapshot extends EngineCapabilities {
  readonly state: PlayerState;
  readonly engine: EngineKind | null;
  /** Why `engine` took over from another while reading; null for the engine the player loaded. */
  readonly engineReason: EngineChangeReason | null;
  /** Seconds on the engine's timeline. */
  readonly currentTime: number;
  readonly duration: number;
  /** Index of the segment being (or last) read; −1 before the first. */
  readonly segmentIndex: number;
  /** Index of the word being read within that segment, −1 when unknown or between words. */
  readonly wordIndex: number;
  /** Where that word is in the segment's text (UTF-16 offset, −1 when unknown) and its length. */
  readonly wordOffset: number;
  readonly wordLength: number;
  readonly error: PlayerError | null;
  /** Why the player is `loading`; null in every other state. */
  readonly loadingReason: LoadingReason | null;
  /**
   * The error came while the player was idle: the engine failed while loading ahead of play (a pointer over the
   * player, focus), which nobody asked for. The status line shows it without announcing it.
   */
  readonly errorWhileIdle: boolean;
  /** Length to show while `duration` is unknown (0): the manifest's, or the speech estimate. Kept on `reset`. */
  readonly estimate: number;
}

export const initialSnapshot: PlayerSnapshot = {
  state: 'idle',
  engine: null,
  engineReason: null,
  currentTime: 0,
  duration: 0,
  segmentIndex: -1,
  wordIndex: -1,
  wordOffset: -1,
  wordLength: 0,
  error: null,
  loadingReason: null,
  errorWhileIdle: false,
  estimate: 0,
  wordTiming: null,
  voices: [],
  voice: null,
  voiceContext: {},
  download: null,
  manifestHash: null,
};

/** Player-level actions that do not come from an engine. */
export type StoreAction =
  /** A `notice` is not for the store: reading goes on as it was, and the player only reports it. */
  | Exclude<EngineEvent, { readonly type: 'notice' }>
  /** The player loaded an engine (`reason` absent), or fell back to another (`reason: 'fallback'`). */
  | { readonly type: 'engine'; readonly engine: EngineKind | null; readonly reason?: EngineChangeReason | undefined }
  | { readonly type: 'reset' }
  /** What the engine can do now (voices, download…), as the playback controller reads it from the engine. */
  | { readonly type: 'capabilities'; readonly capabilities: EngineCapabilities }
  | { readonly type: 'estimate'; readonly duration: number }
  /** Play was asked for before the rest of the player loaded: `loading` (reason `player`) until it does. */
  | { readonly type: 'request' }
  /** That request was taken back (paused) before the player loaded, or loading it is tried again: `idle`. */
  | { readonly type: 'cancel' };

/**
 * The part of the reducer the element needs before the rest of the player loads: its own requests, a position
 * sought, the engine to expect, and errors. The engine's state transitions and the reset (`transitions.ts`) come
 * with the playback controller, which hands them to the store; until then other actions leave the snapshot as it is.
 */
export function reduceRequests(snapshot: PlayerSnapshot, action: StoreAction): PlayerSnapshot {
  switch (action.type) {
    case 'error':
      return {
        ...snapshot,
        state: 'error',
        loadingReason: null,
        error: { code: action.code, message: action.message },
        errorWhileIdle: snapshot.state === 'error' ? snapshot.errorWhileIdle : snapshot.state === 'idle',
      };
    case 'position':
      if (action.time === snapshot.currentTime && action.segment === snapshot.segmentIndex) return snapshot;
      return {
        ...snapshot,
        currentTime: action.time,
        segmentIndex: action.segment,
        ...(action.segment === snapshot.segmentIndex ? null : { wordIndex: -1, wordOffset: -1, wordLength: 0 }),
      };
    case 'engine':
      return action.engine === snapshot.engine ? snapshot : { ...snapshot, engine: action.engine, engineReason: action.reason ?? null };
    case 'estimate':
      return action.duration === snapshot.estimate ? snapshot : { ...snapshot, estimate: action.duration };
    case 'request':
      // From `idle`, or from an error (play retries); the player takes it back when it arrives (see `player-core.ts`).
      if (snapshot.state !== 'idle' && snapshot.state !== 'error') return snapshot;
      return { ...snapshot, state: 'loading', loadingReason: 'player', error: null, errorWhileIdle: false };
    case 'cancel':
      if (snapshot.loadingReason !== 'player' && snapshot.error?.code !== 'player-load') return snapshot;
      return { ...snapshot, state: 'idle', loadingReason: null, error: null, errorWhileIdle: false };
    default:
      return snapshot;
  }
}

export type Reducer = (snapshot: PlayerSnapshot, action: StoreAction) => PlayerSnapshot;

export type StoreListener = (next: PlayerSnapshot, previous: PlayerSnapshot) => void;

export class PlayerStore {
  #snapshot: PlayerSnapshot = initialSnapshot;
  /** `reduceRequests` until the playback controller brings the engine's transitions (`use`). */
  #reduce: Reducer = reduceRequests;
  readonly #listeners = new Set<StoreListener>();
  /** The engine's own clock, finer than the positions it reports (a few a second); null without an engine. */
  clock: (() => number) | null = null;

  get snapshot(): PlayerSnapshot {
    return this.#snapshot;
  }

  /** Seconds on the engine's timeline: its clock while there is one, else the last position reported or sought. */
  get currentTime(): number {
    return this.clock?.() ?? this.#snapshot.currentTime;
  }

  dispatch(action: StoreAction): void {
    const previous = this.#snapshot;
    const next = this.#reduce(previous, action);
    if (next === previous) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  /** Reduces with `reducer` from now on (one that handles every action: see `transitions.ts`). */
  use(reducer: Reducer): void {
    this.#reduce = reducer;
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
