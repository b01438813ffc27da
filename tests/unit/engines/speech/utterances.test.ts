/**
 * The engine's line to `speechSynthesis` on its own: stale events dropped, cancels that reach only our own
 * utterances, the hang watchdog, and what a failed utterance means for the reader.
 */
import { describe, expect, it, vi } from 'vitest';
import { speechFailure, UtteranceLine, type UtteranceHandlers } from '../../../../src/engines/speech/utterances.js';
import { FakeSpeechSynthesis, FakeUtterance, type FakeSpeechSynthesisOptions } from '../../../fakes/speech-synthesis.js';
import { useFakeClock } from '../../helpers/speech-engine.js';

const SOUND = { voice: null, lang: 'en-GB', rate: 1 };

/** A line on a fresh fake, with every handler call and every hang recorded. */
function setup(fake: FakeSpeechSynthesisOptions = {}) {
  const synth = new FakeSpeechSynthesis(fake);
  const { Utterance } = synth.engineOptions();
  const calls: string[] = [];
  const line = new UtteranceLine(synth as unknown as SpeechSynthesis, Utterance, () => calls.push('hung'));
  const on: UtteranceHandlers = {
    start: () => calls.push('start'),
    end: () => calls.push('end'),
    boundary: (charIndex) => calls.push(`boundary ${charIndex}`),
    error: (error) => calls.push(`error ${error}`),
  };
  const say = (text: string, startTimeout = 10_000) => {
    const utterance = line.utter(text, SOUND, on);
    if (utterance) line.speak(utterance, startTimeout);
    return utterance;
  };
  return { synth, line, calls, say };
}

useFakeClock();

describe('UtteranceLine', () => {
  it('speaks with the voice, language and rate given, and reports start and end', async () => {
    const { synth, calls, say } = setup();
    say('Short.');
    // Within the start timeout: the watchdog is the engine's to stop when a chunk ends (it speaks the next).
    await vi.advanceTimersByTimeAsync(1_000);
    expect(synth.log.map(({ text, lang, rate }) => ({ text, lang, rate }))).toEqual([{ text: 'Short.', lang: 'en-GB', rate: 1 }]);
    expect(calls).toEqual(['start', 'end']);
  });

  it('drops the events of a cancelled utterance (the browser fires them after the cancel)', async () => {
    const { synth, line, calls, say } = setup();
    say('The council met on Monday.');
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.current?.text).toBe('The council met on Monday.');
    line.cancel();
    await vi.runAllTimersAsync();
    expect(synth.log[0]!.outcome).toBe('interrupted');
    expect(calls).toEqual(['start']);
  });

  it('cancels the synthesiser only while an utterance of its own is in it', async () => {
    const { synth, line, say } = setup();
    say('Short.');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(synth.log[0]!.outcome).toBe('ended');
    const other = new FakeUtterance('Someone else speaking.');
    synth.speak(other as unknown as SpeechSynthesisUtterance);
    await vi.advanceTimersByTimeAsync(1);
    const cancel = vi.spyOn(synth, 'cancel');
    line.cancel();
    expect(cancel).not.toHaveBeenCalled();
    say('Again.');
    line.forget(); // someone else emptied the queue: what was ours is gone from it
    line.cancel();
    expect(cancel).not.toHaveBeenCalled();
  });

  it('reports a chunk that never starts as hung, once, after the start timeout', async () => {
    const { calls, say } = setup({ neverStart: true });
    say('Never heard.', 500);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['hung']);
  });

  it('stops the watchdog and the ticker on cancel', async () => {
    const { line, calls, say } = setup({ neverStart: true });
    say('Never heard.', 500);
    let ticks = 0;
    line.tick(() => ticks++, 100);
    await vi.advanceTimersByTimeAsync(250);
    line.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks).toBe(2);
    expect(calls).toEqual([]);
  });

  it('has no synthesiser without an utterance constructor, and makes no utterance then', () => {
    const line = new UtteranceLine(new FakeSpeechSynthesis() as unknown as SpeechSynthesis, undefined, () => {});
    expect(line.synth).toBeNull();
    expect(line.utter('Text.', SOUND, { start() {}, end() {}, boundary() {}, error() {} })).toBeNull();
  });

  it('reports nothing after it is destroyed', async () => {
    const { line, calls, say } = setup();
    say('Short.');
    line.destroy();
    await vi.runAllTimersAsync();
    expect(calls).toEqual([]);
  });
});

describe('speechFailure', () => {
  it('is null when someone else cancelled the queue, and an error code with a message otherwise', () => {
    expect(speechFailure('interrupted')).toBeNull();
    expect(speechFailure('canceled')).toBeNull();
    expect(speechFailure('not-allowed')?.code).toBe('not-allowed');
    expect(speechFailure('synthesis-failed')).toEqual({ code: 'speech-failed', message: 'The browser could not speak this text (synthesis-failed).' });
  });
});
