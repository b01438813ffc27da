import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSpeechSynthesis, FakeUtterance, LINUX_CHROMIUM_VOICES, fakeVoice } from '../../../fakes/speech-synthesis.js';

/** Records every event of `utterance` as `type`, `type:error` or `type@charIndex`. */
function record(utterance: FakeUtterance, into: string[], label = ''): void {
  for (const type of ['start', 'end', 'error', 'boundary', 'pause', 'resume']) {
    utterance.addEventListener(type, (event) => {
      const detail = event as Event & { error?: string; charIndex?: number };
      const suffix = type === 'error' ? `:${detail.error}` : type === 'boundary' ? `@${detail.charIndex}` : '';
      into.push(`${label}${type}${suffix}`);
    });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FakeSpeechSynthesis (the test double itself)', () => {
  it('speaks the head of the queue: start, then end after length ÷ (chars per second × rate)', () => {
    const synth = new FakeSpeechSynthesis({ charsPerSecond: 10 });
    const events: string[] = [];
    const utterance = new FakeUtterance('0123456789'); // 10 characters: 1 s at rate 1, 0.5 s at rate 2
    utterance.rate = 2;
    record(utterance, events);
    synth.speak(utterance);
    expect(events).toEqual([]); // never synchronously
    expect(synth.speaking).toBe(true);
    vi.advanceTimersByTime(0);
    expect(events).toEqual(['start']);
    expect(synth.current).toBe(utterance);
    vi.advanceTimersByTime(499);
    expect(events).toEqual(['start']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['start', 'end']);
    expect(synth.speaking).toBe(false);
    expect(synth.log[0]).toMatchObject({ text: '0123456789', rate: 2, outcome: 'ended' });
  });

  it('queues: the second utterance starts only after the first ends, and reports pending meanwhile', () => {
    const synth = new FakeSpeechSynthesis({ charsPerSecond: 10 });
    const events: string[] = [];
    const first = new FakeUtterance('aaaaa');
    const second = new FakeUtterance('bbbbb');
    record(first, events, 'a.');
    record(second, events, 'b.');
    synth.speak(first);
    synth.speak(second);
    expect(synth.pending).toBe(true);
    vi.advanceTimersByTime(0);
    expect(events).toEqual(['a.start']);
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['a.start', 'a.end']);
    expect(synth.speaking).toBe(true);
    expect(synth.pending).toBe(false);
    vi.advanceTimersByTime(1); // the next start is a task of its own
    expect(events).toEqual(['a.start', 'a.end', 'b.start']);
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['a.start', 'a.end', 'b.start', 'b.end']);
    expect(synth.texts).toEqual(['aaaaa', 'bbbbb']);
  });

  it('calls on* handler properties and listeners, in the order they were added, with the event', () => {
    const synth = new FakeSpeechSynthesis();
    const calls: string[] = [];
    const utterance = new FakeUtterance('Hi.');
    utterance.addEventListener('start', () => calls.push('listener 1'));
    utterance.onstart = function (event) {
      calls.push(`handler ${event.type} ${Object.is(this, utterance) ? 'this' : 'other'}`);
    };
    utterance.addEventListener('start', () => calls.push('listener 2'));
    synth.speak(utterance);
    vi.advanceTimersByTime(0);
    expect(calls).toEqual(['listener 1', 'handler start this', 'listener 2']);
  });

  it('replaces and removes handler properties like the DOM', () => {
    const synth = new FakeSpeechSynthesis();
    const calls: string[] = [];
    const utterance = new FakeUtterance('Hi.');
    utterance.onend = () => calls.push('old');
    utterance.onend = () => calls.push('new');
    const kept = new FakeUtterance('Hi.');
    kept.onend = () => calls.push('removed');
    kept.onend = null;
    expect(kept.onend).toBeNull();
    synth.speak(utterance);
    synth.speak(kept);
    vi.runAllTimers();
    expect(calls).toEqual(['new']);
  });

  it('cancel() empties the queue at once; later the spoken one gets "interrupted", queued ones "canceled"', () => {
    const synth = new FakeSpeechSynthesis();
    const events: string[] = [];
    const first = new FakeUtterance('A long enough sentence to be cut.');
    const second = new FakeUtterance('Never spoken.');
    record(first, events, 'a.');
    record(second, events, 'b.');
    synth.speak(first);
    synth.speak(second);
    vi.advanceTimersByTime(100);
    synth.cancel();
    expect(events).toEqual(['a.start']);
    expect(synth.speaking).toBe(false);
    expect(synth.pending).toBe(false);
    vi.advanceTimersByTime(0);
    expect(events).toEqual(['a.start', 'a.error:interrupted', 'b.error:canceled']);
    vi.runAllTimers();
    expect(events).toHaveLength(3);
    expect(synth.log.map((entry) => entry.outcome)).toEqual(['interrupted', 'canceled']);
  });

  it('cancel() before start: the head counts as canceled, not interrupted', () => {
    const synth = new FakeSpeechSynthesis({ startLatency: 50 });
    const events: string[] = [];
    const utterance = new FakeUtterance('Hello.');
    record(utterance, events);
    synth.speak(utterance);
    vi.advanceTimersByTime(10);
    synth.cancel();
    vi.runAllTimers();
    expect(events).toEqual(['error:canceled']);
  });

  it('can fire end on cancel instead, as older Chrome did', () => {
    const synth = new FakeSpeechSynthesis({ cancelEvent: 'end' });
    const events: string[] = [];
    const utterance = new FakeUtterance('A sentence long enough to be cut.');
    record(utterance, events);
    synth.speak(utterance);
    vi.advanceTimersByTime(100);
    synth.cancel();
    vi.runAllTimers();
    expect(events).toEqual(['start', 'end']);
  });

  it('pause() holds the clock and resume() continues where it stopped', () => {
    const synth = new FakeSpeechSynthesis({ charsPerSecond: 10 });
    const events: string[] = [];
    const utterance = new FakeUtterance('0123456789');
    record(utterance, events);
    synth.speak(utterance);
    vi.advanceTimersByTime(400);
    synth.pause();
    expect(synth.paused).toBe(true);
    expect(synth.speaking).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['start', 'pause']);
    synth.resume();
    vi.advanceTimersByTime(599);
    expect(events).toEqual(['start', 'pause', 'resume']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['start', 'pause', 'resume', 'end']);
  });

  it('does not start what is queued while paused until resumed', () => {
    const synth = new FakeSpeechSynthesis();
    const events: string[] = [];
    synth.pause();
    const utterance = new FakeUtterance('Hello.');
    record(utterance, events);
    synth.speak(utterance);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    synth.resume();
    vi.runAllTimers();
    expect(events).toEqual(['start', 'end']);
  });

  it('fires word boundaries with charIndex and charLength, optionally offset', () => {
    const synth = new FakeSpeechSynthesis({ boundaries: true, boundaryOffset: 3 });
    const boundaries: [string, number, number][] = [];
    const utterance = new FakeUtterance('Read this aloud');
    utterance.onboundary = (event) => boundaries.push([event.name, event.charIndex, event.charLength]);
    synth.speak(utterance);
    vi.runAllTimers();
    expect(boundaries).toEqual([
      ['word', 3, 4],
      ['word', 8, 4],
      ['word', 13, 5],
    ]);
  });

  it('failNext(): the next utterance fires that error instead of start, and the queue moves on', () => {
    const synth = new FakeSpeechSynthesis();
    const events: string[] = [];
    const first = new FakeUtterance('One.');
    const second = new FakeUtterance('Two.');
    record(first, events, 'a.');
    record(second, events, 'b.');
    synth.failNext('synthesis-failed');
    synth.speak(first);
    synth.speak(second);
    vi.runAllTimers();
    expect(events).toEqual(['a.error:synthesis-failed', 'b.start', 'b.end']);
  });

  it('hangAfterStart: start fires and end never does; neverStart: nothing fires', () => {
    const hanging = new FakeSpeechSynthesis({ hangAfterStart: true });
    const stuck = new FakeSpeechSynthesis({ neverStart: true });
    const events: string[] = [];
    const a = new FakeUtterance('Hello.');
    const b = new FakeUtterance('Hello.');
    record(a, events, 'a.');
    record(b, events, 'b.');
    hanging.speak(a);
    stuck.speak(b);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['a.start']);
    expect(hanging.speaking).toBe(true);
    expect(stuck.speaking).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lists voices at once, after a delay with or without voiceschanged, or never', () => {
    const now = new FakeSpeechSynthesis();
    expect(now.getVoices()).toEqual([...LINUX_CHROMIUM_VOICES]);
    expect(now.getVoices()).not.toBe(now.getVoices());

    const late = new FakeSpeechSynthesis({ voicesDelay: 300 });
    const silent = new FakeSpeechSynthesis({ voicesDelay: 300, voicesChangedEvent: false });
    const never = new FakeSpeechSynthesis({ voicesDelay: Infinity });
    const changes: string[] = [];
    late.onvoiceschanged = () => changes.push('late');
    silent.addEventListener('voiceschanged', () => changes.push('silent'));
    expect(late.getVoices()).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(changes).toEqual(['late']);
    expect(late.getVoices()).toHaveLength(LINUX_CHROMIUM_VOICES.length);
    expect(silent.getVoices()).toHaveLength(LINUX_CHROMIUM_VOICES.length);
    vi.advanceTimersByTime(60_000);
    expect(never.getVoices()).toEqual([]);
  });

  it('makes voices with sensible defaults, and lists Afrikaans as the Linux default', () => {
    expect(fakeVoice({ name: 'Daniel', lang: 'en-GB' })).toEqual({
      name: 'Daniel',
      lang: 'en-GB',
      voiceURI: 'Daniel',
      localService: true,
      default: false,
    });
    expect(LINUX_CHROMIUM_VOICES.filter((voice) => voice.default).map((voice) => voice.lang)).toEqual(['af']);
  });

  it('records each utterance with its settings as they were when queued', () => {
    const synth = new FakeSpeechSynthesis();
    const voice = LINUX_CHROMIUM_VOICES[2]!;
    const utterance = new FakeUtterance('Hello.');
    utterance.voice = voice;
    utterance.lang = 'en-GB';
    utterance.rate = 1.5;
    synth.speak(utterance);
    utterance.rate = 3;
    expect(synth.log).toEqual([
      expect.objectContaining({ utterance, text: 'Hello.', voice, lang: 'en-GB', rate: 1.5, outcome: 'queued' }),
    ]);
  });

  it('rejects objects that are not its utterances', () => {
    const synth = new FakeSpeechSynthesis();
    expect(() => synth.speak({ text: 'Hi' } as unknown as SpeechSynthesisUtterance)).toThrow(TypeError);
  });
});
