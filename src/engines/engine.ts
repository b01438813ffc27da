import type { Segment } from '../article/segment.js';
import type { RankContext } from './speech/voices.js';

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
 * Problems that do not stop reading, reported in `listen-error` with `fallback: 'continue'`: `lexicon-load`, the
 * pronunciation lexicon could not be loaded or read, and the article is read without it.
 */
export type ListenNoticeCode = 'lexicon-load';

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
  /** Something is missing but reading goes on as it is (the player's state does not change). */
  | { readonly type: 'notice'; readonly code: ListenNoticeCode; readonly message: string }
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
  /**
   * The language the page declares for the article, when the player's `lang-override` corrects it (then `lang`
   * is the override): text marked with it (any region of it) is read in `lang`; text marked with another stays.
   */
  readonly relabel?: string | undefined;
  /** URL of a pronunciation lexicon for what is spoken (JSON or PLS), loaded with the engine; see `src/spoken`. */
  readonly lexicon?: string | undefined;
  /** Whether the lexicon may be on another origin than the page (as for `src`). */
  readonly allowCrossOrigin?: boolean | undefined;
}

/** What every engine does, whatever reads. */
interface EngineBase {
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

/** Web Speech: what it can do beyond reading is choosing among the device's voices. */
export interface SpeechEngineLike extends EngineBase {
  readonly kind: 'speech';
  /** Voices on this device (after `load`; empty until then). */
  readonly voices?: readonly SpeechSynthesisVoice[];
  /** The voice speaking, or null when none fits. */
  readonly voice?: SpeechSynthesisVoice | null;
  /** What the voices were ranked with (online or not, the reader's languages), for the voice menu. */
  readonly voiceContext?: RankContext;
  /** Switches to the voice named `name`, if the device has it. */
  setVoice?(name: string): void;
}

/** Pre-rendered audio: a file the reader may download, and a manifest that tells one recording from another. */
export interface AudioEngineLike extends EngineBase {
  readonly kind: 'audio';
  /** The audio file being played, once known. */
  readonly source?: { readonly url: string } | null;
  /** The timing manifest's content hash (once loaded, if it has one). */
  readonly hash?: string | undefined;
  /** Fades the sound's volume to `volume` (0–1) over `ms` (0: at once); kept for the rest of the reading. */
  fade?(volume: number, ms: number): void;
}

/**
 * A playback engine: Web Speech or pre-rendered audio, told apart by `kind`. Positions are in seconds of the
 * engine's own timeline at rate 1 (media time), so changing the rate never moves the position. What only one
 * kind can do is optional: the player carries it into its store (`capabilitiesOf`), and the UI reads it there.
 */
export type Engine = SpeechEngineLike | AudioEngineLike;

/**
 * What the player drives whatever the engine: an `Engine`, or one standing in for it while its module loads
 * (`LoadingEngine`), which knows its kind but not yet what only that kind can do.
 */
export type EngineCore = EngineBase;

/** What the player shows of an engine beyond its state and clock: all empty for an engine that cannot tell. */
export interface EngineCapabilities {
  /** How word times are known; null while unknown or without word times. */
  readonly wordTiming: WordTiming | null;
  /** The device's voices to choose from (speech), best ranked by `voiceContext`; empty otherwise. */
  readonly voices: readonly SpeechSynthesisVoice[];
  /** The voice speaking (speech), or null. */
  readonly voice: SpeechSynthesisVoice | null;
  readonly voiceContext: RankContext;
  /** Address of the audio file playing (recorded audio), to download it; null otherwise. */
  readonly download: string | null;
  /** The timing manifest's content hash (recorded audio), null without one. */
  readonly manifestHash: string | null;
}

const NO_VOICES: readonly SpeechSynthesisVoice[] = [];
const NO_CONTEXT: RankContext = {};

/** What `engine` can tell now (see `EngineCapabilities`), read through its kind. */
export function capabilitiesOf(engine: Engine | null): EngineCapabilities {
  const speech = engine?.kind === 'speech' ? engine : null;
  const audio = engine?.kind === 'audio' ? engine : null;
  return {
    wordTiming: engine?.wordTiming ?? null,
    voices: speech?.voices ?? NO_VOICES,
    voice: speech?.voice ?? null,
    voiceContext: speech?.voiceContext ?? NO_CONTEXT,
    download: audio?.source?.url ?? null,
    manifestHash: audio?.hash ?? null,
  };
}
