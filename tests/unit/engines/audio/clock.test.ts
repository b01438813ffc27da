/**
 * The audio engine's clock-following, the parts that are arithmetic: when a boundary needs a timer of its
 * own, how many frames may go by unread, and which `position`/`word` events a time makes. The frame loop
 * against a real media clock: tests/browser/audio.test.ts and the benchmark's sync figures.
 */
import { describe, expect, it } from 'vitest';
import { boundaryDelay, CLOCK_STEP, FRAME_MS, PositionReport, restMs } from '../../../../src/engines/audio/clock.js';
import { GapTimeline } from '../../../../src/engines/audio/gap-timeline.js';
import type { EngineEvent } from '../../../../src/engines/engine.js';
import type { ManifestSegment } from '../../../../src/manifest/manifest.js';

/** A boundary or change `after` seconds after any time asked. */
const after = (seconds: number) => ({ nextBoundary: (time: number) => time + seconds, nextChange: (time: number) => time + seconds });

describe('boundaryDelay', () => {
  it('aims a timer at a boundary that comes before the next frame but one, in ms of wall-clock time', () => {
    expect(boundaryDelay(after(0.01), 5, 1)).toBeCloseTo(10);
    // At 2× a boundary 40 ms of audio away is 20 ms away.
    expect(boundaryDelay(after(0.04), 5, 2)).toBeCloseTo(20);
  });

  it('leaves a boundary further than a frame and a half to the frames', () => {
    expect(boundaryDelay(after(0.1), 5, 1)).toBeNull();
    expect(boundaryDelay(after(Infinity), 5, 1)).toBeNull();
    expect(boundaryDelay(after((FRAME_MS * 1.5) / 1000), 5, 1)).toBeNull();
  });

  it('never sooner than 2 ms: a clock just short of the boundary does not re-arm at 0 ms', () => {
    expect(boundaryDelay(after(0), 5, 1)).toBe(2);
    expect(boundaryDelay(after(0.0005), 5, 3)).toBe(2);
  });
});

describe('restMs', () => {
  it('rests until the next step of the displayed clock, a frame and a half early', () => {
    // 0.1 s: the next quarter-second step is 0.15 s away; nothing else changes within 1 s.
    expect(restMs(after(1), 0.1, 0.1, 100, 1)).toBeCloseTo(150 - FRAME_MS * 1.5);
    expect(restMs(after(1), 0.1, 0.1, 100, 3)).toBeCloseTo(50 - FRAME_MS * 1.5);
  });

  it('rests no further than the next word change or the end of the stretch of recording', () => {
    expect(restMs(after(0.05), 0.1, 7.3, 100, 1)).toBeCloseTo(50 - FRAME_MS * 1.5);
    expect(restMs(after(1), 0.1, 0.1, 0.14, 1)).toBeCloseTo(40 - FRAME_MS * 1.5);
  });

  it('does not rest when a change is due within a frame and a half (every frame reads the clock)', () => {
    expect(restMs(after(0.01), 0.1, 0.1, 100, 1)).toBeLessThanOrEqual(0);
    expect(CLOCK_STEP).toBe(0.25);
  });
});

describe('PositionReport', () => {
  const word = (start: number, end: number, offset: number, length: number) => ({ start, end, offset, length });
  const segment = (start: number, end: number, words: ManifestSegment['words'], audio?: boolean): ManifestSegment => ({
    start,
    end,
    fingerprint: '',
    length: 20,
    words,
    ...(audio === undefined ? {} : { audio }),
  });
  /** Two paragraphs of two words each, in 4 s of recording; the third has no audio. */
  const segments = [segment(0, 2, [word(0, 1, 0, 3), word(1, 2, 4, 5)]), segment(2, 4, [word(2, 3, 0, 4), word(3, 4, 5, 2)]), segment(4, 4, [], false)];
  const timings = {
    segments,
    segmentAt: (time: number) => segments.findLastIndex((s) => s.audio !== false && s.start <= time),
    wordAt: (index: number, time: number) => segments[index]!.words.findLastIndex((w) => w.start <= time && time < w.end),
  };
  const report = () => {
    const events: EngineEvent[] = [];
    const gaps = new GapTimeline(segments, ['one two', 'three four', 'A paragraph with no audio.'], 4);
    return { events, positions: new PositionReport(timings, gaps, (event) => events.push(event)) };
  };

  it('tells the paragraph and word at a time, with where the word is in the text', () => {
    const { events, positions } = report();
    positions.report(2.5, false);
    expect(events).toEqual([
      { type: 'position', time: 2.5, segment: 1 },
      { type: 'word', segment: 1, word: 0, time: 2.5, offset: 0, length: 4 },
    ]);
  });

  it('says only what changed: nothing within a word and a clock step, the word alone when it moves on', () => {
    const { events, positions } = report();
    positions.report(2.5, false);
    events.length = 0;
    positions.report(2.55, false);
    expect(events).toEqual([]);
    positions.report(3.1, false);
    expect(events).toEqual([
      { type: 'position', time: 3.1, segment: 1 },
      { type: 'word', segment: 1, word: 1, time: 3.1, offset: 5, length: 2 },
    ]);
    events.length = 0;
    positions.report(3.15, false);
    expect(events).toEqual([]);
    // Forced (a seek, play): both again, though nothing changed.
    positions.report(3.15, true);
    expect(events.map((event) => event.type)).toEqual(['position', 'word']);
  });

  it('in a paragraph without audio: its index, and no word (Web Speech tells those)', () => {
    const { events, positions } = report();
    positions.report(3.5, false);
    events.length = 0;
    positions.report(4.5, false);
    expect(events).toEqual([
      { type: 'position', time: 4.5, segment: 2 },
      { type: 'word', segment: 2, word: -1, time: 4.5, offset: undefined, length: undefined },
    ]);
  });
});
