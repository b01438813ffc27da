import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { segments, setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';
import type { SpeechEngineOptions } from '../../../../src/engines/speech/options.js';
import { SpeechEngine } from '../../../../src/engines/speech/speech.js';
import {
  FakeSpeechSynthesis,
  LINUX_CHROMIUM_VOICES,
  fakeVoice,
  type FakeSpeechSynthesisOptions,
} from '../../../fakes/speech-synthesis.js';

function setup(fake: FakeSpeechSynthesisOptions = {}, options: SpeechEngineOptions = {}) {
  return setupSpeech(fake, options);
}

/** Tracks whether a promise has settled, for checking *when* it does under fake timers. */
function settled(promise: Promise<unknown>): { readonly done: boolean } {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

const TEXT = segments('Hello there. This is the article.');

useFakeClock();

describe('SpeechEngine: loading voices', () => {
  it('uses voices that are there at once', async () => {
    const { engine, errors } = setup();
    await engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(engine.voices.map((voice) => voice.name)).toEqual(LINUX_CHROMIUM_VOICES.map((voice) => voice.name));
    expect(engine.voice?.name).toBe('English (Great Britain)');
    expect(errors()).toEqual([]);
  });

  it('waits for voices that arrive late with voiceschanged', async () => {
    const { engine, errors } = setup({ voicesDelay: 1000 });
    const load = settled(engine.load(TEXT, { lang: 'en-GB', rate: 1 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(load.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(load.done).toBe(true);
    expect(engine.voice?.lang).toBe('en-GB');
    expect(errors()).toEqual([]);
  });

  it('finds voices that arrive late without voiceschanged by polling', async () => {
    const { engine, errors } = setup({ voicesDelay: 1100, voicesChangedEvent: false });
    const load = settled(engine.load(TEXT, { lang: 'en-GB', rate: 1 }));
    await vi.advanceTimersByTimeAsync(1200);
    expect(load.done).toBe(false);
    await vi.advanceTimersByTimeAsync(50); // the poll at 1250 ms sees them
    expect(load.done).toBe(true);
    expect(engine.voice?.lang).toBe('en-GB');
    expect(errors()).toEqual([]);
  });

  it('starts speaking when late voices arrive if play was pressed before', async () => {
    const { synth, engine, events } = setup({ voicesDelay: 1000 });
    void engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    engine.play();
    expect(events.map((event) => event.type)).toContain('loading');
    await vi.advanceTimersByTimeAsync(999);
    expect(synth.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(synth.texts).toEqual(['Hello there.']);
    expect(events.map((event) => event.type)).toContain('playing');
  });
});

describe('SpeechEngine: voices that are slow to come', () => {
  it('waits 20 s by default: voices after 8 s (Chromium on a busy Linux machine) are read with, no error before', async () => {
    const { synth, engine, events, errors } = setup({ voicesDelay: 8000 });
    void engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    engine.play();
    // Play says what it waits for: the voices, not the voice starting.
    expect(events.filter((event) => event.type === 'loading')).toEqual([{ type: 'loading', reason: 'voices' }]);
    await vi.advanceTimersByTimeAsync(7999);
    expect(synth.log).toEqual([]);
    expect(errors()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    // Started the moment they came, with the article's voice.
    expect(synth.texts).toEqual(['Hello there.']);
    expect(synth.log[0]?.voice?.name).toBe('English (Great Britain)');
    expect(events.map((event) => event.type)).toContain('playing');
    expect(errors()).toEqual([]);
  });

  it('reports no-speech only after 20 s without voices by default', async () => {
    const { engine, errors } = setup({ voicesDelay: Infinity });
    const load = settled(engine.load(TEXT, { lang: 'en', rate: 1 }));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(errors()).toEqual([]);
    expect(load.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors()).toEqual([
      { type: 'error', code: 'no-speech', message: 'No voices for reading aloud are installed on this device.' },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says nothing of voices to a play once they are there, or with voices known at once', async () => {
    const late = setup({ voicesDelay: 1000 });
    void late.engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    late.engine.play();
    expect(late.events.filter((event) => event.type === 'loading')).toEqual([{ type: 'loading' }]);

    const known = setup();
    void known.engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    known.engine.play();
    expect(known.events.filter((event) => event.type === 'loading')).toEqual([{ type: 'loading' }]);
  });
});

describe('SpeechEngine: choosing a voice', () => {
  it('never takes the Afrikaans platform default for an English article', async () => {
    const { synth, engine } = setup();
    await engine.load(TEXT, { lang: 'en', rate: 1 });
    expect(engine.voice?.lang).toMatch(/^en-/);
    engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.log[0]?.voice).toBe(engine.voice);
    expect(synth.log[0]?.lang).toBe(engine.voice?.lang);
  });

  it('prefers the exact locale to a default voice of the same language', async () => {
    const voices = [
      fakeVoice({ name: 'US', lang: 'en-US', default: true }),
      fakeVoice({ name: 'UK', lang: 'en-GB' }),
      fakeVoice({ name: 'Irish', lang: 'en-IE' }),
    ];
    const { engine } = setup({ voices });
    await engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(engine.voice?.name).toBe('UK');
  });

  it('falls back to the same language in another region, the default first', async () => {
    const voices = [
      fakeVoice({ name: 'UK', lang: 'en-GB' }),
      fakeVoice({ name: 'US', lang: 'en-US', default: true }),
      fakeVoice({ name: 'Afrikaans', lang: 'af' }),
    ];
    const { engine } = setup({ voices });
    await engine.load(TEXT, { lang: 'en-AU', rate: 1 });
    expect(engine.voice?.name).toBe('US');
  });

  it('honours a named voice, by name or voiceURI, even in another language', async () => {
    const byName = setup();
    await byName.engine.load(TEXT, { lang: 'en-GB', rate: 1, voice: 'German' });
    expect(byName.engine.voice?.name).toBe('German');

    const voices = [
      fakeVoice({ name: 'UK', lang: 'en-GB' }),
      fakeVoice({ name: 'Kate', lang: 'en-GB', voiceURI: 'com.example.kate' }),
    ];
    const byUri = setup({ voices });
    await byUri.engine.load(TEXT, { lang: 'en-GB', rate: 1, voice: 'com.example.kate' });
    expect(byUri.engine.voice?.name).toBe('Kate');
  });

  it('ignores an unknown named voice and picks by language', async () => {
    const { engine, errors } = setup();
    await engine.load(TEXT, { lang: 'en-GB', rate: 1, voice: 'No Such Voice' });
    expect(engine.voice?.name).toBe('English (Great Britain)');
    expect(errors()).toEqual([]);
  });

  it('setVoice() switches voice and restarts the sentence being spoken with it', async () => {
    const { synth, engine } = setup();
    await engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(300);
    engine.setVoice('English (America)');
    expect(engine.voice?.name).toBe('English (America)');
    expect(synth.texts).toEqual(['Hello there.', 'Hello there.']);
    expect(synth.log[1]?.voice?.name).toBe('English (America)');
    expect(synth.log[0]?.outcome).toBe('interrupted');
  });
});

describe('SpeechEngine: no speech', () => {
  it('reports no-speech when the browser has no speech synthesis', async () => {
    const events: EngineEvent[] = [];
    const engine = new SpeechEngine((event) => events.push(event), { synth: null, window: null });
    await engine.load(TEXT, { lang: 'en', rate: 1 });
    expect(events.filter((event) => event.type === 'error')).toEqual([
      { type: 'error', code: 'no-speech', message: expect.stringContaining('speech synthesis') },
    ]);
  });

  it('reports no-speech when there is a synth but no utterance constructor', async () => {
    const synth = new FakeSpeechSynthesis();
    const events: EngineEvent[] = [];
    // Node has no SpeechSynthesisUtterance, so leaving it out simulates a half-implemented API.
    const { synth: withoutUtterance } = synth.engineOptions();
    const engine = new SpeechEngine((event) => events.push(event), { synth: withoutUtterance, window: null });
    await engine.load(TEXT, { lang: 'en', rate: 1 });
    expect(events.filter((event) => event.type === 'error')).toEqual([
      { type: 'error', code: 'no-speech', message: expect.any(String) },
    ]);
  });

  it('reports no-speech when no voices arrive within the timeout, and only then', async () => {
    const { engine, errors } = setup({ voicesDelay: Infinity }, { voiceTimeout: 2000 });
    const load = settled(engine.load(TEXT, { lang: 'en', rate: 1 }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(errors()).toEqual([]);
    expect(load.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(load.done).toBe(true); // resolves, never rejects
    expect(errors()).toEqual([{ type: 'error', code: 'no-speech', message: expect.stringContaining('No voices') }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports no-speech naming the language when no voice speaks it', async () => {
    const { synth, engine, errors } = setup();
    await engine.load(TEXT, { lang: 'fr', rate: 1 });
    expect(engine.voice).toBeNull();
    expect(errors()).toEqual([{ type: 'error', code: 'no-speech', message: expect.stringContaining('French') }]);
    engine.play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(synth.log).toEqual([]);
  });
});
