import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { GapReader, type GapReaderHost } from '../../../../src/engines/audio/gaps.js';
import { GAP_CHARS_PER_SECOND, GapTimeline, type SpeechSpan } from '../../../../src/engines/audio/gap-timeline.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import { parseManifest } from '../../../../src/manifest/parse.js';
import { INITIAL_CHARS_PER_SECOND } from '../../../../src/article/pace.js';
import { VOICE_TIMEOUT_MS } from '../../../../src/engines/speech/voices.js';
import { FakeSpeechSynthesis } from '../../../fakes/speech-synthesis.js';
import { segments, useFakeClock } from '../../helpers/speech-engine.js';

/** 29 characters: 2 s of room at 14.5 characters a second. */
const TWO_SECONDS = 'This sentence has 29 letters.';
/** 58 characters: 4 s. */
const FOUR_SECONDS = `${TWO_SECONDS}${TWO_SECONDS}`;

const audio = (start: number) => ({ start });
const none = (start: number) => ({ start, audio: false });

describe('GapTimeline', () => {
  it('gives a segment without audio the room the speech timeline first estimates for it', () => {
    expect(GAP_CHARS_PER_SECOND).toBe(INITIAL_CHARS_PER_SECOND);
    expect(TWO_SECONDS).toHaveLength(29);
  });

  it('is the recording itself when every segment has audio', () => {
    const timeline = new GapTimeline([audio(0), audio(2.5), audio(6)], ['a', 'b', 'c'], 9);
    expect(timeline.partial).toBe(false);
    expect(timeline.spans).toEqual([{ kind: 'audio', at: 0, length: 9, from: 0 }]);
    expect(timeline.duration).toBe(9);
    expect([0, 1, 2].map((i) => timeline.segmentStart(i))).toEqual([0, 2.5, 6]);
    for (const time of [0, 3.25, 9]) {
      expect(timeline.toFile(time)).toBe(time);
      expect(timeline.fromFile(time, 0)).toBe(time);
      expect(timeline.spokenSegmentAt(time)).toBe(-1);
    }
  });

  it('puts a segment without audio in place of the recording from its point to the next segment with audio', () => {
    // Segment 2 is not in the recording; the import puts its empty range where segment 1 ends (5). The
    // recording from 5 to 6 (where segment 3 starts) is left out, and 2 s of speech take its place.
    const timeline = new GapTimeline([audio(0), audio(2.5), none(5), audio(6)], ['a', 'b', TWO_SECONDS, 'd'], 9);
    expect(timeline.partial).toBe(true);
    expect(timeline.spans).toEqual([
      { kind: 'audio', at: 0, length: 5, from: 0 },
      { kind: 'speech', at: 5, length: 2, resume: 6, segments: [{ index: 2, at: 5 }] },
      { kind: 'audio', at: 7, length: 3, from: 6 },
    ]);
    expect(timeline.duration).toBe(10);
    expect([0, 1, 2, 3].map((i) => timeline.segmentStart(i))).toEqual([0, 2.5, 5, 7]);

    expect(timeline.spanAt(4.99)).toBe(0);
    expect(timeline.spanAt(5)).toBe(1);
    expect(timeline.spanAt(7)).toBe(2);
    expect(timeline.spanAt(99)).toBe(2);
    expect(timeline.spanAt(-1)).toBe(0);

    expect(timeline.toFile(4)).toBe(4);
    expect(timeline.toFile(5.5)).toBe(6); // in the speech: where the recording will go on
    expect(timeline.toFile(7.5)).toBe(6.5);
    expect(timeline.fromFile(6.5, 2)).toBe(7.5);
    expect(timeline.fromFile(4, 0)).toBe(4);
    expect(timeline.fromFile(4, 1)).toBe(10); // not a stretch of recording: nothing to map

    expect(timeline.spokenSegmentAt(4.99)).toBe(-1);
    expect(timeline.spokenSegmentAt(5)).toBe(2);
    expect(timeline.spokenSegmentAt(6.99)).toBe(2);
    expect(timeline.spokenSegmentAt(7)).toBe(-1);
  });

  it('makes consecutive segments without audio one span, each with its own start', () => {
    const timeline = new GapTimeline([audio(0), none(3), none(3), audio(4)], ['a', TWO_SECONDS, FOUR_SECONDS, 'd'], 8);
    const span = timeline.spans[1] as SpeechSpan;
    expect(span).toEqual({ kind: 'speech', at: 3, length: 6, resume: 4, segments: [{ index: 1, at: 3 }, { index: 2, at: 5 }] });
    expect(timeline.spans[2]).toEqual({ kind: 'audio', at: 9, length: 4, from: 4 });
    expect(timeline.spokenSegmentAt(4.9)).toBe(1);
    expect(timeline.spokenSegmentAt(5)).toBe(2);
    expect(timeline.duration).toBe(13);
  });

  it('starts with speech when the first segments have no audio, and ends with it when the last have none', () => {
    // Leading: the recording starts where segment 1 does. Trailing: the rest of the file after segment 2's
    // point (its end, 6) is not played.
    const timeline = new GapTimeline([none(0), audio(1), none(6)], [TWO_SECONDS, 'b', FOUR_SECONDS], 7);
    expect(timeline.spans).toEqual([
      { kind: 'speech', at: 0, length: 2, resume: 1, segments: [{ index: 0, at: 0 }] },
      { kind: 'audio', at: 2, length: 5, from: 1 },
      { kind: 'speech', at: 7, length: 4, resume: 7, segments: [{ index: 2, at: 7 }] },
    ]);
    expect(timeline.duration).toBe(11);
    expect([0, 1, 2].map((i) => timeline.segmentStart(i))).toEqual([0, 2, 7]);
    expect(timeline.toFile(0.5)).toBe(1);
    expect(timeline.toFile(3)).toBe(2);
    expect(timeline.spokenSegmentAt(10.9)).toBe(2);
  });

  it('maps the fixture recording without paragraph 10 (a valid 1.1 manifest) as the player test expects', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../fixtures/audio/seed-partial.json', import.meta.url), 'utf8'));
    const manifest = parseManifest(json, 'https://example.org/tests/fixtures/audio/seed-partial.json');
    expect(manifest.version).toBe('1.1');
    expect(manifest.sources.map((source) => source.url)).toEqual(['https://example.org/audio/seed.mp3', 'https://example.org/audio/seed.opus']);
    const gaps = manifest.segments.flatMap((segment, i) => (segment.audio === false ? [i] : []));
    expect(gaps).toEqual([10]);
    const texts = manifest.segments.map((segment) => 'x'.repeat(segment.length));
    const timeline = new GapTimeline(manifest.segments, texts, manifest.duration);
    const room = 64 / GAP_CHARS_PER_SECOND;
    expect(timeline.spans).toHaveLength(3);
    expect(timeline.spans[1]).toMatchObject({ kind: 'speech', at: manifest.segments[9]!.end, resume: manifest.segments[11]!.start });
    expect(timeline.segmentStart(11)).toBeCloseTo(manifest.segments[9]!.end + room, 9);
    expect(timeline.segmentStart(12) - timeline.segmentStart(11)).toBeCloseTo(manifest.segments[12]!.start - manifest.segments[11]!.start, 9);
  });
});

useFakeClock();

/** Article of four segments; 1 and 2 have no audio (one span, index 1 of the timeline). */
const ARTICLE = segments('Recorded first.', 'The council met on Monday.', 'Readers were pleased.', 'Recorded last.');
const TIMELINE = new GapTimeline(
  [audio(0), none(1.5), none(1.5), audio(2)],
  ARTICLE.map((segment) => segment.text),
  4,
);
const SPAN = TIMELINE.spans[1] as SpeechSpan;

/** A reader on a fake synthesiser (10 characters a second), recording what it tells the audio engine. */
function setupReader(fake: ConstructorParameters<typeof FakeSpeechSynthesis>[0] = {}, loadSpeech?: () => Promise<typeof import('../../../../src/engines/speech/speech.js')>) {
  const synth = new FakeSpeechSynthesis({ charsPerSecond: 10, ...fake });
  const events: EngineEvent[] = [];
  const finished: number[] = [];
  let pausedFromOutside = 0;
  const host: GapReaderHost = {
    emit: (event) => events.push(event),
    finished: (index) => finished.push(index),
    paused: () => pausedFromOutside++,
  };
  const reader = new GapReader(TIMELINE, ARTICLE, host, { lang: 'en-GB', rate: 1 }, {
    speech: { ...synth.engineOptions(), window: null, now: () => Date.now() },
    ...(loadSpeech ? { loadSpeech } : {}),
  });
  return { synth, reader, events, finished, outside: () => pausedFromOutside };
}

describe('GapReader', () => {
  it('reads its span with speech, reports it on the audio timeline and article numbering, then hands back', async () => {
    const { synth, reader, events, finished } = setupReader();
    reader.hold(1, SPAN.at, true);
    expect(reader.span).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts).toEqual(['The council met on Monday.']);
    expect(events.some((event) => event.type === 'playing')).toBe(true);

    await vi.advanceTimersByTimeAsync(2600);
    expect(synth.texts).toEqual(['The council met on Monday.', 'Readers were pleased.']);
    await vi.advanceTimersByTimeAsync(2200);
    expect(finished).toEqual([1]);
    expect(reader.span).toBe(-1);

    const positions = events.flatMap((event) => (event.type === 'position' ? [event] : []));
    expect(new Set(positions.map((position) => position.segment))).toEqual(new Set([1, 2]));
    for (const position of positions) {
      expect(position.time).toBeGreaterThanOrEqual(SPAN.at);
      expect(position.time).toBeLessThanOrEqual(SPAN.at + SPAN.length);
    }
    const times = positions.map((position) => position.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // It says speech has the reading; its `loading`, `duration` and `ended` are the audio engine's business.
    const news = () => events.filter((event) => !['position', 'word', 'playing'].includes(event.type));
    expect(events[0]).toEqual({ type: 'engine', engine: 'speech', reason: 'no-audio' });
    expect(news()).toEqual([events[0]]);
    // The audio engine takes the reading back (and says so once).
    reader.release();
    reader.release();
    expect(news()).toEqual([events[0], { type: 'engine', engine: 'audio', reason: 'no-audio' }]);
  });

  it('starts at the segment asked for, on its own start', async () => {
    const { synth, reader } = setupReader();
    reader.hold(1, SPAN.segments[1]!.at, true);
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts).toEqual(['Readers were pleased.']);
    expect(reader.currentTime).toBeCloseTo(SPAN.segments[1]!.at, 2);
  });

  it('pauses without a word (the audio engine reports it) and resumes where it was', async () => {
    const { synth, reader, events, finished } = setupReader();
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(synth.current?.text).toBe('Readers were pleased.');
    events.length = 0;
    expect(reader.pause()).toBe(true);
    expect(reader.pause()).toBe(false);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(synth.speaking).toBe(false);
    expect(finished).toEqual([]);
    expect(reader.span).toBe(1);
    expect(reader.currentTime).toBeGreaterThan(SPAN.segments[1]!.at - 0.5);

    reader.play();
    await vi.advanceTimersByTimeAsync(1);
    expect(synth.texts.at(-1)).toBe('Readers were pleased.');
    await vi.advanceTimersByTimeAsync(2200);
    expect(finished).toEqual([1]);
  });

  it('says when speech was stopped from outside (another player cancelled it)', async () => {
    const { synth, reader, finished, outside } = setupReader();
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(500);
    synth.cancel();
    await vi.advanceTimersByTimeAsync(1);
    expect(outside()).toBe(1);
    expect(finished).toEqual([]);
    expect(reader.span).toBe(1);
  });

  it('skips the span with a notice when speech fails on it, and the audio goes on', async () => {
    const { synth, reader, events, finished } = setupReader();
    synth.failNext('synthesis-failed');
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(10);
    expect(events.filter((event) => event.type === 'error')).toEqual([
      { type: 'error', code: 'speech-failed', message: expect.stringContaining('synthesis-failed'), fallback: 'audio' },
    ]);
    expect(finished).toEqual([1]);
    expect(reader.span).toBe(-1);
  });

  it('skips the span each time the device cannot speak (no voices), and tries again when it comes back', async () => {
    const { reader, events, finished } = setupReader({ voices: [] });
    reader.hold(1, SPAN.at, true);
    // Past the speech engine's wait for a voice list that may still come.
    await vi.advanceTimersByTimeAsync(VOICE_TIMEOUT_MS + 1000);
    expect(finished).toEqual([1]);
    reader.release();
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(VOICE_TIMEOUT_MS + 1000);
    expect(finished).toEqual([1, 1]);
    expect(events.filter((event) => event.type === 'error')).toEqual([
      { type: 'error', code: 'no-speech', message: expect.any(String), fallback: 'audio' },
      { type: 'error', code: 'no-speech', message: expect.any(String), fallback: 'audio' },
    ]);
  });

  it('skips the span when the speech engine cannot be loaded at all', async () => {
    const { reader, events, finished } = setupReader({}, () => Promise.reject(new Error('offline')));
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual([
      { type: 'engine', engine: 'speech', reason: 'no-audio' },
      { type: 'error', code: 'speech-failed', message: expect.stringContaining('offline'), fallback: 'audio' },
    ]);
    expect(finished).toEqual([1]);
  });

  it('loads the speech engine only when a span is read, and lets go of it without a sound, handing the reading back', async () => {
    let loads = 0;
    const { synth, reader, events } = setupReader({}, () => {
      loads++;
      return import('../../../../src/engines/speech/speech.js');
    });
    reader.hold(1, SPAN.at, false);
    await vi.advanceTimersByTimeAsync(10);
    expect(loads).toBe(0);
    reader.play();
    await vi.advanceTimersByTimeAsync(10);
    expect(loads).toBe(1);
    expect(synth.speaking).toBe(true);
    events.length = 0;
    reader.release();
    await vi.advanceTimersByTimeAsync(10);
    expect(synth.speaking).toBe(false);
    expect(reader.span).toBe(-1);
    expect(events).toEqual([{ type: 'engine', engine: 'audio', reason: 'no-audio' }]);
  });

  it('ignores a span that is not speech, and stays silent once destroyed', async () => {
    const { synth, reader, events } = setupReader();
    reader.hold(0, 0, true);
    expect(reader.span).toBe(-1);
    expect(events).toEqual([]);
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(10);
    events.length = 0;
    reader.destroy();
    await vi.advanceTimersByTimeAsync(10);
    expect(synth.speaking).toBe(false);
    // Destroyed, it reports nothing more: not even that the recording has the reading back.
    expect(events).toEqual([]);
    reader.hold(1, SPAN.at, true);
    await vi.advanceTimersByTimeAsync(10);
    expect(reader.span).toBe(-1);
  });
});
