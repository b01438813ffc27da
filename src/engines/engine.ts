import type { Segment } from '../article/segment.js';

export type EngineKind = 'speech' | 'audio';

/**
 * Why another engine took over the reading: `no-audio`, the recording has no audio for a paragraph (manifest
 * `"audio": false`), which Web Speech reads in its place before the recording goes on (and the switch back
 * after it); `fallback`, the recording cannot be played and Web Speech reads on instead.
 */
export type EngineChangeReason = 'no-audio' | 'fallback';

/** Error codes an engine (and so the player) reports in `listen-error`. */
export type ListenErrorCode =
  | 'no-article'
  | 'no-speech'
  | 'speech-failed'
  | 'speech-timeout'
  | 'not-allowed'
  | 'audio-load'
  | 'audio-decode'
  | 'manifest-invalid'
  | 'manifest-mismatch'
  /**
   * The element loads the rest of itself on first use, and the engine that reads when it is first made; one of
   * those files could not be loaded (offline, blocked).
   */
  | 'player-load';

/**
 * What an engine tells the player. The player commits state only on these (non-optimistic):
 * pressing play *requests* playback; the state becomes `playing` when the engine says so.
 */
export type EngineEvent =
  /**
   * Playback is wanted and waits: for the engine's own media (a recording loading, a voice starting) or, with
   * `reason: 'voices'`, for the browser's list of voices, which may take seconds to arrive.
   */
  | { readonly type: 'loading'; readonly reason?: 'voices' | undefined }
  | { readonly type: 'playing' }
  | { readonly type: 'paused' }
  | { readonly type: 'ended' }
  /** The engine's clock moved; `segment` is the index being spoken at `time` seconds. */
  | { readonly type: 'position'; readonly time: number; readonly segment: number }
  /**
   * Another word is being spoken (index into the segment's words; −1 between words). Only with word timing.
   * `offset` and `length` locate the word in the segment's (normalised) text, so the page can highlight it
   * whatever the engine; absent between words, or from an engine that cannot tell.
   */
  | {
      readonly type: 'word';
      readonly segment: number;
      readonly word: number;
      readonly time: number;
      readonly offset?: number | undefined;
      readonly length?: number | undefined;
    }
  /** The total length changed (speech: the estimate was corrected by the measured rate). */
  | { readonly type: 'duration'; readonly duration: number }
  /**
   * Another engine reads from here on: the audio engine hands a paragraph it has no audio for to Web Speech
   * (`engine: 'speech'`) and takes over again after it (`engine: 'audio'`), both with reason `no-audio`.
   */
  | { readonly type: 'engine'; readonly engine: EngineKind; readonly reason: EngineChangeReason }
  /**
   * Playback failed. With `fallback: 'speech'` the player goes on with Web Speech from the same paragraph
   * instead of stopping; with `fallback: 'audio'`, Web Speech failed on a paragraph the recording has no
   * audio for, which is skipped, and the recording goes on after it.
   */
  | {
      readonly type: 'error';
      readonly code: ListenErrorCode;
      readonly message: string;
      readonly fallback?: 'speech' | 'audio' | undefined;
    };

/**
 * How word times are known: `exact` from the engine's own clock (a timing manifest, or a voice's `boundary`
 * events), `estimated` spread over a sentence from its estimated duration (voices that send no boundaries).
 */
export type WordTiming = 'exact' | 'estimated';

export type EngineListener = (event: EngineEvent) => void;

export interface EngineLoadOptions {
  /** BCP 47 language to choose a voice for. */
  readonly lang: string;
  /** Preferred voice name; falls back to the best voice for `lang` when absent or unknown. */
  readonly voice?: string;
  /** Playback rate, 0.5–3. */
  readonly rate: number;
}

/**
 * A playback engine: Web Speech or pre-rendered audio. Positions are in seconds of the engine's own
 * timeline at rate 1 (media time), so changing the rate never moves the position.
 */
export interface Engine {
  readonly kind: EngineKind;
  /** Seconds; for speech an estimate that improves as speech is measured. */
  readonly duration: number;
  readonly currentTime: number;
  /** How word times are known; null while unknown (nothing spoken yet) or when there are none. */
  readonly wordTiming: WordTiming | null;
  /** Prepare to play `segments`; resolves when ready, rejects never (errors arrive as events). */
  load(segments: readonly Segment[], options: EngineLoadOptions): Promise<void>;
  play(): void;
  pause(): void;
  /** Jump to `seconds` on the engine's timeline. */
  seek(seconds: number): void;
  /** Skip back or forward: audio by 15 s, speech by one chunk (a sentence; its clock is only an estimate). */
  skip(direction: -1 | 1): void;
  /** Jump to the start of segment `index` (works before `load` has finished: applied once ready). */
  seekSegment(index: number): void;
  /** Start of segment `index` on the engine's timeline. */
  segmentStart(index: number): number;
  setRate(rate: number): void;
  /** Stop all sound and release every listener, timer and resource. */
  destroy(): void;
}
