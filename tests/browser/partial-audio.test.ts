/**
 * A recording without one paragraph (manifest 1.1 `"audio": false`): the player reads that paragraph with
 * the browser's real speech in its place, then the recording goes on, and says so through `activeEngine`
 * and `listen-enginechange`. The fixture is the seed manifest with paragraph 10 marked as not recorded
 * (tests/fixtures/audio/make-seed-partial.mjs); the seed's audio still holds it, so hearing it from the
 * recording would be a bug the media elements' clocks show. One test also takes the first and the last
 * paragraphs out, and one makes speech fail (a fake synthesiser) to show the paragraph is skipped.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ListenEngineChangeDetail } from '../../src/player/events.js';
import { FakeSpeechSynthesis } from '../fakes/speech-synthesis.js';
import { type MediaWatch, jsonResponse, placeDemo, silent, useAudioOptions, watchMedia, withoutStallNotices } from './helpers/audio.js';
import { type ListenPlayer, controls, highlighted, record, sleep, unmount, untilSegment, untilState } from './helpers/player.js';

const PARTIAL = '/tests/fixtures/audio/seed-partial.json';
/** The paragraph the recording does not have, and its neighbours. */
const GAP = 10;
const BEFORE = GAP - 1;
const AFTER = GAP + 1;
/** Fast enough to keep each test short, slow enough for speech and audio to be told apart by their clocks. */
const RATE = 2.5;

afterEach(() => {
  vi.restoreAllMocks();
  unmount();
  speechSynthesis.cancel();
});

interface Heard {
  /** Everything that happened, in order: "segment:9", "engine:speech:no-audio", "speak:…", "state:paused"… */
  readonly log: string[];
  readonly changes: ListenEngineChangeDetail[];
  /** For each utterance `start`: its text and rate, the player's `activeEngine`, and whether any recording was playing. */
  readonly starts: { readonly text: string; readonly rate: number; readonly engine: string | null; readonly audioPlaying: boolean }[];
}

/** Logs the player's events, the utterances sent to the real synthesiser and their `start`s, in one order. */
function listen(player: ListenPlayer, media: MediaWatch): Heard & ReturnType<typeof record> {
  const recording = record(player);
  const heard: Heard = { log: recording.log, changes: [], starts: [] };
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  player.addEventListener(
    'listen-enginechange',
    (event) => {
      heard.changes.push(event.detail);
      recording.log.push(`engine:${event.detail.engine}:${event.detail.reason}`);
    },
    { signal: stop.signal },
  );
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  vi.spyOn(speechSynthesis, 'speak').mockImplementation((utterance) => {
    recording.log.push(`speak:${utterance.text}`);
    utterance.addEventListener('start', () => {
      const audioPlaying = media.elements().some((element) => !element.paused);
      heard.starts.push({ text: utterance.text, rate: utterance.rate, engine: player.activeEngine, audioPlaying });
    });
    speak(utterance);
  });
  // The recording itself, not a copy: its `ended` count goes on changing.
  return Object.assign(recording, heard);
}

/** The demo page reading the partial recording at `RATE`, its manifest loaded. */
async function placePartial(): Promise<ListenPlayer> {
  const player = placeDemo();
  player.setAttribute('src', PARTIAL);
  player.rate = RATE;
  await player.updateComplete;
  await expect.poll(() => player.duration, { timeout: 10_000 }).toBeGreaterThan(0);
  return player;
}

/** The media elements playing the recording now. */
function playing(media: MediaWatch): HTMLMediaElement[] {
  return media.elements().filter((element) => !element.paused);
}

describe('a recording without some paragraphs', () => {
  it('reads the paragraph before from the recording, the gap with speech, then the recording again', async () => {
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    const gapText = player.segments[GAP]!.text;
    expect(player.activeEngine).toBe('audio');

    player.playSegment(BEFORE);
    await untilState(player, 'playing');
    expect(player.activeEngine).toBe('audio');
    await untilSegment(player, GAP, 20_000);
    expect(player.activeEngine).toBe('speech');
    expect(highlighted()).toEqual([player.segments[GAP]!.element]);
    await untilSegment(player, AFTER, 20_000);
    expect(player.activeEngine).toBe('audio');
    const resumedAt = player.currentTime;
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(resumedAt + 0.3);

    // In this order: the recording's paragraph, the switch, the gap spoken, the switch back, the recording.
    const order = heard.log.filter((entry) => !entry.startsWith('state:'));
    expect(order).toEqual([
      `segment:${BEFORE}`,
      'engine:speech:no-audio',
      `segment:${GAP}`,
      `speak:${gapText}`,
      'engine:audio:no-audio',
      `segment:${AFTER}`,
    ]);
    // Seamless: no pause and nothing went wrong (on a loaded machine the recording may take over a second to
    // sound again after the spoken paragraph: the stall watchdog's notice, left out here).
    expect(withoutStallNotices(heard.states)).toEqual(['loading', 'playing']);
    expect(heard.errors).toEqual([]);
    // The gap was heard from the synthesiser while the recording was silent, and only once.
    expect(heard.starts).toEqual([{ text: gapText, rate: RATE, engine: 'speech', audioPlaying: false }]);
    // The recording goes on where the next paragraph starts: its clock is inside paragraph 11's audio.
    expect(playing(media)).toHaveLength(1);
    expect(speechSynthesis.speaking).toBe(false);
    // The timeline gives the spoken paragraph its estimated room (64 characters at 14.5 a second) in place
    // of the recording's stretch from where paragraph 9 ends to where paragraph 11 starts.
    const manifest = (await (await fetch(PARTIAL)).json()) as { duration: number; segments: { start: number; end: number }[] };
    const room = gapText.length / 14.5;
    const [before, gap, after] = heard.segments.map((segment) => segment.time);
    expect(gap).toBeCloseTo(manifest.segments[BEFORE]!.end, 3);
    expect(after).toBeCloseTo(gap! + room, 3);
    expect(before).toBeLessThan(gap!);
    // The recording's clock: past the start of paragraph 11, so its own copy of paragraph 10 was never played.
    expect(playing(media)[0]!.currentTime).toBeGreaterThanOrEqual(manifest.segments[AFTER]!.start - 0.01);
    expect(player.duration).toBeCloseTo(manifest.duration - (manifest.segments[AFTER]!.start - manifest.segments[BEFORE]!.end) + room, 3);
  });

  it('pauses and resumes in the spoken paragraph, then goes on with the recording', async () => {
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    const gapText = player.segments[GAP]!.text;

    player.playSegment(GAP);
    await untilState(player, 'playing');
    expect(player.activeEngine).toBe('speech');
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(1);

    player.pause();
    expect(player.state).toBe('paused');
    expect(player.activeEngine).toBe('speech');
    expect(player.segmentIndex).toBe(GAP);
    await expect.poll(() => speechSynthesis.speaking, { timeout: 2000 }).toBe(false);
    const pausedAt = player.currentTime;
    await sleep(400);
    expect(speechSynthesis.speaking).toBe(false);
    expect(player.currentTime).toBe(pausedAt);
    expect(await silent(media.elements())).toBe(true);

    player.play();
    await untilSegment(player, AFTER, 20_000);
    await untilState(player, 'playing');
    expect(player.activeEngine).toBe('audio');
    // The media element starts once it has data at the new place.
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);

    expect(heard.states).toEqual(['loading', 'playing', 'paused', 'loading', 'playing']);
    // Resuming says the paragraph again from its start (speech resumes a sentence from its start).
    expect(heard.starts.map((start) => start.text)).toEqual([gapText, gapText]);
    expect(heard.starts.every((start) => start.engine === 'speech' && !start.audioPlaying)).toBe(true);
    expect(heard.changes).toEqual([
      { engine: 'speech', reason: 'no-audio' },
      { engine: 'audio', reason: 'no-audio' },
    ]);
    expect(heard.errors).toEqual([]);
  });

  it('moves across the spoken paragraph with next and previous, each paragraph read by its own engine', async () => {
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    const gapText = player.segments[GAP]!.text;

    player.playSegment(BEFORE);
    await untilState(player, 'playing');
    expect(player.activeEngine).toBe('audio');

    player.next();
    expect(player.segmentIndex).toBe(GAP);
    expect(player.activeEngine).toBe('speech');
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(1);
    expect(await silent(playing(media))).toBe(true);

    player.next();
    expect(player.segmentIndex).toBe(AFTER);
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);
    await expect.poll(() => speechSynthesis.speaking, { timeout: 2000 }).toBe(false);

    player.previous();
    expect(player.segmentIndex).toBe(GAP);
    expect(player.activeEngine).toBe('speech');
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(2);

    player.previous();
    expect(player.segmentIndex).toBe(BEFORE);
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);
    await expect.poll(() => speechSynthesis.speaking, { timeout: 2000 }).toBe(false);

    expect(heard.changes.map((change) => change.engine)).toEqual(['speech', 'audio', 'speech', 'audio']);
    expect(heard.changes.every((change) => change.reason === 'no-audio')).toBe(true);
    expect(heard.segments.map((segment) => segment.index)).toEqual([BEFORE, GAP, AFTER, GAP, BEFORE]);
    expect(heard.starts.map((start) => start.text)).toEqual([gapText, gapText]);
    expect(heard.starts.every((start) => !start.audioPlaying)).toBe(true);
    expect(heard.states).toEqual(['loading', 'playing']);
    expect(heard.errors).toEqual([]);
  });

  it('seeks into and out of the spoken paragraph, and changes speed in it', async () => {
    const manifest = (await (await fetch(PARTIAL)).json()) as { segments: { start: number; end: number }[] };
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    const gapText = player.segments[GAP]!.text;
    // Before the gap the timeline is the recording's: the gap starts where paragraph 9 ends.
    const gapAt = manifest.segments[BEFORE]!.end;

    player.playSegment(BEFORE);
    await untilState(player, 'playing');
    player.seek(gapAt + 1);
    expect(player.segmentIndex).toBe(GAP);
    expect(player.activeEngine).toBe('speech');
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(1);
    expect(await silent(playing(media))).toBe(true);
    // Speech starts at the sentence holding that time (this paragraph is one), inside the paragraph's room.
    expect(player.currentTime).toBeGreaterThanOrEqual(gapAt);
    expect(player.currentTime).toBeLessThan(gapAt + gapText.length / 14.5);

    // A new speed says the sentence again at once, at that speed.
    player.rate = 3;
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(2);
    expect(heard.starts.map(({ text, rate }) => ({ text, rate }))).toEqual([
      { text: gapText, rate: RATE },
      { text: gapText, rate: 3 },
    ]);

    player.seek(manifest.segments[BEFORE]!.start);
    expect(player.segmentIndex).toBe(BEFORE);
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);
    await expect.poll(() => speechSynthesis.speaking, { timeout: 2000 }).toBe(false);
    expect(playing(media)[0]!.currentTime).toBeGreaterThanOrEqual(manifest.segments[BEFORE]!.start);
    expect(playing(media)[0]!.currentTime).toBeLessThan(manifest.segments[BEFORE]!.end);

    expect(heard.changes.map((change) => change.engine)).toEqual(['speech', 'audio']);
    expect(heard.states).toEqual(['loading', 'playing']);
    expect(heard.errors).toEqual([]);
  });

  it('stops speaking the paragraph when the player is removed', async () => {
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    player.playSegment(GAP);
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(1);
    expect(speechSynthesis.speaking).toBe(true);

    player.remove();
    const fired = heard.log.length;
    await expect.poll(() => speechSynthesis.speaking, { timeout: 2000 }).toBe(false);
    await sleep(400);
    expect(speechSynthesis.speaking).toBe(false);
    expect(heard.starts).toHaveLength(1);
    expect(await silent(media.elements())).toBe(true);
    expect(heard.log).toHaveLength(fired);
  });

  it('skips the paragraph with a notice when speech fails on it, and the recording goes on', async () => {
    // The paragraph's speech fails (a fake synthesiser behind the audio engine's test seam); nothing else does.
    const fake = new FakeSpeechSynthesis();
    fake.failNext('synthesis-failed');
    useAudioOptions({ speech: { ...fake.engineOptions(), window: null, voiceTimeout: 300 } });
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);

    player.playSegment(GAP);
    await untilSegment(player, AFTER, 10_000);
    await untilState(player, 'playing');
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);
    expect(player.activeEngine).toBe('audio');

    expect(heard.log.filter((entry) => !entry.startsWith('state:'))).toEqual([
      'engine:speech:no-audio',
      `segment:${GAP}`,
      'error:speech-failed',
      'engine:audio:no-audio',
      `segment:${AFTER}`,
    ]);
    expect(heard.errors).toEqual([
      { code: 'speech-failed', message: expect.stringContaining('synthesis-failed'), fallback: 'audio' },
    ]);
    // Never an error state: the reader hears the recording go on, and the status line says what was skipped.
    expect(heard.states).toEqual(['loading', 'playing']);
    await player.updateComplete;
    expect(controls(player).status.textContent).toMatch(/could not speak.*skipped/);
    expect(fake.texts).toEqual([player.segments[GAP]!.text]);
  });

  it('starts with speech when the first paragraph has no audio, and ends with speech when the last has none', async () => {
    // The fixture, doctored further: the first and the last paragraphs are not in the recording either.
    const manifest = (await (await fetch(PARTIAL)).json()) as { segments: Record<string, unknown>[] };
    const last = manifest.segments.length - 1;
    const unrecorded = (i: number, at: number) => ({ ...manifest.segments[i], start: at, end: at, words: [], audio: false });
    manifest.segments[0] = unrecorded(0, 0);
    manifest.segments[last] = unrecorded(last, manifest.segments[last - 1]!['end'] as number);
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    const media = watchMedia();
    const player = await placePartial();
    const heard = listen(player, media);
    const texts = player.segments.map((segment) => segment.text);

    player.play();
    await untilSegment(player, 1, 20_000);
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => playing(media).length, { timeout: 5000 }).toBe(1);
    expect(heard.starts.map((start) => start.text)).toEqual([texts[0]]);
    expect(heard.starts[0]!.audioPlaying).toBe(false);

    player.playSegment(last);
    await untilState(player, 'ended', 20_000);
    // The last paragraph is two sentences: speech says them one after the other, the recording silent.
    const lastSpoken = heard.starts.slice(1);
    expect(lastSpoken.map((start) => start.text).join(' ')).toBe(texts[last]);
    expect(lastSpoken.every((start) => !start.audioPlaying && start.engine === 'speech')).toBe(true);
    expect(await silent(media.elements())).toBe(true);
    expect(speechSynthesis.speaking).toBe(false);
    expect(player.currentTime).toBe(player.duration);
    // At the end the recording has the reading again, ready to start over.
    expect(player.activeEngine).toBe('audio');
    expect(heard.ended).toBe(1);
    expect(heard.log.filter((entry) => entry.startsWith('engine:') || entry === 'ended' || entry.startsWith('segment:'))).toEqual([
      'engine:speech:no-audio',
      'segment:0',
      'engine:audio:no-audio',
      'segment:1',
      'engine:speech:no-audio',
      `segment:${last}`,
      'engine:audio:no-audio',
      'ended',
    ]);

    // Playing after the end starts over, with speech for the first paragraph.
    const spokenBefore = heard.starts.length;
    player.play();
    await expect.poll(() => heard.starts.length, { timeout: 10_000 }).toBe(spokenBefore + 1);
    expect(heard.starts.at(-1)!.text).toBe(texts[0]);
    expect(player.segmentIndex).toBe(0);
    expect(player.activeEngine).toBe('speech');
    expect(heard.errors).toEqual([]);
  });
});
