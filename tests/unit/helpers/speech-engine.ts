/** Shared set-up of the speech engine's unit tests: the engine on a fake synthesiser, its events recorded. */
import { afterEach, beforeEach, vi } from 'vitest';
import type { Segment } from '../../../src/article/segment.js';
import type { EngineEvent } from '../../../src/engines/engine.js';
import type { SpeechEngineOptions } from '../../../src/engines/speech/options.js';
import { SpeechEngine } from '../../../src/engines/speech/speech.js';
import { FakeSpeechSynthesis, type FakeSpeechSynthesisOptions } from '../../fakes/speech-synthesis.js';

/** The engine reads a segment's text and language; an element only when it holds another `lang` (none here). */
const NO_ELEMENT = {} as Element;

export function segments(...texts: string[]): Segment[] {
  return texts.map((text) => ({ text, lang: '', element: NO_ELEMENT }));
}

/** A speech engine on a fresh fake (no pagehide target, the fake clock), recording every event it reports. */
export function setupSpeech(fake: FakeSpeechSynthesisOptions = {}, options: SpeechEngineOptions = {}) {
  const synth = new FakeSpeechSynthesis(fake);
  const events: EngineEvent[] = [];
  const engine = new SpeechEngine((event) => events.push(event), {
    ...synth.engineOptions(),
    window: null,
    now: () => Date.now(),
    ...options,
  });
  const errors = () => events.filter((event) => event.type === 'error');
  return { synth, engine, events, errors };
}

/** Fake timers and a fixed date for every test of the calling file. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
