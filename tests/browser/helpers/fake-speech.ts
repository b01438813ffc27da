/**
 * Puts the fake speech synthesiser behind the player (through the engines' test-only options), for tests of the UI that
 * must not depend on the timing of a real voice. Call before the player is created; undone after the test.
 */
import { onTestFinished } from 'vitest';
import { FakeSpeechSynthesis, type FakeSpeechSynthesisOptions } from '../../fakes/speech-synthesis.js';
import type { SpeechEngineOptions } from '../../../src/engines/speech/options.js';
import { setEngineOptions } from '../../../src/player/engine-options.js';

export interface FakeSpeechSetup extends FakeSpeechSynthesisOptions {
  /** How long the engine waits for a chunk's `start` before failing, in ms. Default: 2000. */
  readonly startTimeout?: number;
  /** How long the engine waits for voices, in ms. Default: 300. */
  readonly voiceTimeout?: number;
  /** Whether the device is online and the reader's languages, for ranking voices. Default: the browser's. */
  readonly voiceContext?: SpeechEngineOptions['voiceContext'];
}

function useSpeechOptions(options: SpeechEngineOptions): void {
  setEngineOptions({ speech: options });
  onTestFinished(() => {
    setEngineOptions({ speech: undefined });
  });
}

/** Players created from now on in this test speak with a fake synthesiser, which is returned. */
export function useFakeSpeech(setup: FakeSpeechSetup = {}): FakeSpeechSynthesis {
  const { startTimeout = 2000, voiceTimeout = 300, voiceContext, ...options } = setup;
  const fake = new FakeSpeechSynthesis(options);
  useSpeechOptions({ ...fake.engineOptions(), window: null, startTimeout, voiceTimeout, voiceContext });
  onTestFinished(() => fake.cancel());
  return fake;
}

/** Players created from now on in this test find no speech synthesis at all. */
export function useNoSpeech(): void {
  useSpeechOptions({ synth: null, window: null, voiceTimeout: 300 });
}

/** Speed of a fake voice that finishes any short article in a few milliseconds. */
export const INSTANT = 100_000;
/** Speed of a fake voice slow enough that a chunk is still being spoken while the test looks (≥ 2 s a chunk). */
export const SLOW = 5;
