/** How a `SpeechEngine` is made: the browser services it speaks with, and its time limits (tests replace them). */
import type { RankContext } from './voices.js';

export interface SpeechEngineOptions {
  /** The synthesis service; `null` simulates a browser without Web Speech. Default: `globalThis.speechSynthesis`. */
  readonly synth?: SpeechSynthesis | null;
  /** Utterance constructor. Default: `globalThis.SpeechSynthesisUtterance`. */
  readonly Utterance?: typeof SpeechSynthesisUtterance;
  /**
   * How long to wait for the device's voices to appear, in ms, before `no-speech`. Default: 20 s
   * (`VOICE_TIMEOUT_MS`; Chromium on a busy Linux machine lists them after 7 s or more).
   */
  readonly voiceTimeout?: number;
  /** How long a chunk may take to `start`, in ms, before speech counts as failed. */
  readonly startTimeout?: number;
  /** Clock in ms (for tests). */
  readonly now?: () => number;
  /** Where to listen for `pagehide`. Default: `globalThis` when it is a window. */
  readonly window?: EventTarget | null;
  /** Whether the device is online and the reader's languages, for ranking voices. Default: from `navigator`. */
  readonly voiceContext?: () => RankContext;
}
