/**
 * The speech engine's choice of voices on recorded browser voice lists: the best voice by default, the one
 * named when the device has it, local voices when offline, and a load that a newer one overtakes reports nothing;
 * whether a load is waiting for the voices (what play says meanwhile).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../../../src/article/segment.js';
import { VoiceChoice } from '../../../../src/engines/speech/voice-choice.js';
import type { RankContext } from '../../../../src/engines/speech/voices.js';
import { FakeSpeechSynthesis } from '../../../fakes/speech-synthesis.js';
import { browserVoices } from '../../../fixtures/voices/voices.js';
import { segments, setupSpeech, useFakeClock } from '../../helpers/speech-engine.js';

const TEXT = segments('Hello there. This is the article.');
const online = (): RankContext => ({ online: true, readerLangs: ['en-GB'] });
const offline = (): RankContext => ({ online: false, readerLangs: ['en-GB'] });

useFakeClock();

describe('SpeechEngine: the best voice by default', () => {
  it('reads an English article on Chrome with Google’s British voice, and with the system’s when offline', async () => {
    const voices = browserVoices('chrome-windows');
    const up = setupSpeech({ voices }, { voiceContext: online });
    await up.engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(up.engine.voice?.name).toBe('Google UK English Female');

    const down = setupSpeech({ voices }, { voiceContext: offline });
    await down.engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(down.engine.voice?.name).toBe('Microsoft Hazel - English (United Kingdom)');
    down.engine.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(down.synth.log[0]?.voice?.name).toBe('Microsoft Hazel - English (United Kingdom)');
    expect(down.errors()).toEqual([]);
  });

  it('asks whether the device is online at each load, not once', async () => {
    let context = online();
    const { engine } = setupSpeech({ voices: browserVoices('edge-windows') }, { voiceContext: () => context });
    await engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(engine.voice?.name).toBe('Microsoft Libby Online (Natural) - English (United Kingdom)');
    context = offline();
    await engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    expect(engine.voice?.name).toBe('Microsoft Hazel - English (United Kingdom)');
    expect(engine.voiceContext).toEqual(context);
  });

  it('keeps the voice named (the page’s or the reader’s remembered one) over a better one', async () => {
    const { engine } = setupSpeech({ voices: browserVoices('safari-macos') }, { voiceContext: online });
    await engine.load(TEXT, { lang: 'en-GB', rate: 1, voice: 'Daniel' });
    expect(engine.voice?.voiceURI).toBe('com.apple.voice.compact.en-GB.Daniel');
    await engine.load(TEXT, { lang: 'en-GB', rate: 1, voice: 'Not On This Mac' });
    expect(engine.voice?.name).toBe('Jamie (Premium)');
  });

  it('reads a paragraph in another language with that language’s best voice, ranked the same way', async () => {
    const element = {} as Element;
    const article: Segment[] = [
      { text: 'An English paragraph.', lang: 'en-GB', element },
      { text: 'Ein deutscher Absatz.', lang: 'de-AT', element },
    ];
    const { synth, engine } = setupSpeech({ voices: browserVoices('edge-windows'), charsPerSecond: 1000 }, { voiceContext: offline });
    await engine.load(article, { lang: 'en-GB', rate: 1 });
    engine.play();
    await vi.advanceTimersByTimeAsync(1000);
    // Offline, Hazel for English; Edge has no local German voice, so the remote Austrian one is the last resort.
    expect(synth.log.map((entry) => entry.voice?.name)).toEqual([
      'Microsoft Hazel - English (United Kingdom)',
      'Microsoft Ingrid Online (Natural) - German (Austria)',
    ]);
  });
});

describe('VoiceChoice', () => {
  it('makes a load that a newer one overtakes stale: it changes nothing and reports nothing', async () => {
    const synth = new FakeSpeechSynthesis({ voices: browserVoices('firefox-linux'), voicesDelay: 1000 });
    const choice = new VoiceChoice(online);
    const first = choice.load(synth.engineOptions().synth, 5000, { lang: 'en-GB' }, []);
    const second = choice.load(synth.engineOptions().synth, 5000, { lang: 'de' }, []);
    expect(await first).toEqual({ status: 'stale' });
    expect(choice.voices).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await second).toEqual({ status: 'ready' });
    expect(choice.voice?.name).toBe('German');
  });

  it('says why it cannot read: no voices at all, or none for the language', async () => {
    const none = new FakeSpeechSynthesis({ voices: [] });
    const waiting = new VoiceChoice(online).load(none.engineOptions().synth, 100, { lang: 'en' }, []);
    await vi.advanceTimersByTimeAsync(100);
    expect(await waiting).toEqual({
      status: 'failed',
      message: 'No voices for reading aloud are installed on this device.',
    });
    const safari = new FakeSpeechSynthesis({ voices: browserVoices('safari-ios') });
    const choice = new VoiceChoice(online);
    expect(await choice.load(safari.engineOptions().synth, 0, { lang: 'cy' }, [])).toEqual({
      status: 'failed',
      message: 'No voice for Welsh is installed on this device.',
    });
    expect(choice.voice).toBeNull();
    expect(choice.voices).toHaveLength(browserVoices('safari-ios').length);
  });

  it('selects a voice by name or URI only when the device has it, and says whether it changed', async () => {
    const synth = new FakeSpeechSynthesis({ voices: browserVoices('safari-ios') });
    const choice = new VoiceChoice(online);
    await choice.load(synth.engineOptions().synth, 0, { lang: 'en-GB' }, []);
    expect(choice.voice?.name).toBe('Daniel');
    expect(choice.select('com.apple.ttsbundle.siri_Martha_en-GB_compact')).toBe(true);
    expect(choice.voice?.name).toBe('Martha');
    expect(choice.select('Martha')).toBe(false);
    expect(choice.select('Nobody')).toBe(false);
    expect(choice.voice?.name).toBe('Martha');
    expect(choice.forChunk('en-US')?.name).toBe('Martha');
    expect(choice.forChunk('fr-FR')?.name).toBe('Marie');
  });
});

describe('SpeechEngine: loads that overtake each other', () => {
  it('reports no error for the load a newer one replaced while voices were still coming', async () => {
    const { engine, errors } = setupSpeech({ voicesDelay: 1000 });
    const first = engine.load(TEXT, { lang: 'en-GB', rate: 1 });
    const second = engine.load(TEXT, { lang: 'de', rate: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([first, second]);
    expect(errors()).toEqual([]);
    expect(engine.voice?.name).toBe('German');
  });
});

describe('VoiceChoice: waiting for the voices', () => {
  it('says it waits only while a load waits for an empty list, from the moment the load begins', async () => {
    const late = new FakeSpeechSynthesis({ voicesDelay: 1000 });
    const choice = new VoiceChoice(online);
    expect(choice.waiting).toBe(false);
    const load = choice.load(late.engineOptions().synth, 5000, { lang: 'en-GB' }, []);
    expect(choice.waiting).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await load).toEqual({ status: 'ready' });
    expect(choice.waiting).toBe(false);

    const known = new VoiceChoice(online);
    const now = known.load(new FakeSpeechSynthesis().engineOptions().synth, 5000, { lang: 'en-GB' }, []);
    expect(known.waiting).toBe(false);
    expect(await now).toEqual({ status: 'ready' });
  });

  it('stops waiting when aborted', () => {
    const never = new FakeSpeechSynthesis({ voicesDelay: Infinity });
    const choice = new VoiceChoice(online);
    void choice.load(never.engineOptions().synth, 5000, { lang: 'en-GB' }, []);
    expect(choice.waiting).toBe(true);
    choice.abort();
    expect(choice.waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
