// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/article/segment.js';
import { Chapters } from '../../../src/player/chapters.js';
import type { PlaybackController } from '../../../src/player/playback.js';

/** `count` segments: an h2 before every `every` paragraphs; each segment 1 s long on the engine's timeline. */
function article(count: number, every: number) {
  const segments: Segment[] = [];
  for (let i = 0; i < count; i++) {
    const element = document.createElement(i % every === 0 ? 'h2' : 'p');
    segments.push({ text: `${element.localName} ${i}`, element, lang: '' });
  }
  const timed: number[] = [];
  const moves: number[] = [];
  const playback = {
    segments,
    snapshot: { duration: count, segmentIndex: 0 },
    engine: {
      segmentStart(index: number) {
        timed.push(index);
        return index;
      },
    },
    stepTo(target: (from: number) => number | null) {
      const to = target(playback.snapshot.segmentIndex);
      if (to !== null) moves.push(to);
    },
  };
  return { chapters: new Chapters(playback as unknown as PlaybackController), playback, timed, moves };
}

describe('Chapters', () => {
  it('times the chapters on the engine’s timeline, once per engine and length', () => {
    const { chapters, playback, timed } = article(30, 10);
    expect(chapters.timed.map((chapter) => [chapter.title, chapter.start])).toEqual([['h2 0', 0], ['h2 10', 10], ['h2 20', 20]]);
    expect(chapters.timed).toBe(chapters.timed);
    expect(timed).toHaveLength(3);
    playback.snapshot = { ...playback.snapshot, duration: 60 };
    expect(chapters.timed).toHaveLength(3);
    expect(timed).toHaveLength(6);
  });

  it('has no times without a timeline', () => {
    const { chapters, playback } = article(30, 10);
    playback.snapshot = { ...playback.snapshot, duration: 0 };
    expect(chapters.timed).toEqual([]);
    expect(chapters.at(15)).toBeNull();
  });

  it('times only the chapters shown, and finds the chapter at a time by timing a dozen, in an article of thousands', () => {
    const { chapters, timed } = article(100_000, 20);
    expect(chapters.list).toHaveLength(5_000);
    expect(chapters.timed).toEqual([]); // 5,000 of one rank: too many to show
    expect(timed).toHaveLength(0);
    expect(chapters.at(54_321)?.segment).toBe(54_320);
    expect(chapters.at(0)?.segment).toBe(0);
    expect(timed.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(5_000)) + 2);
  });

  it('moves to the next and previous chapter from the segment being read', () => {
    const { chapters, playback, moves } = article(30, 10);
    playback.snapshot = { ...playback.snapshot, segmentIndex: 14 };
    chapters.step(1);
    chapters.step(-1);
    playback.snapshot = { ...playback.snapshot, segmentIndex: 25 };
    chapters.step(1);
    expect(moves).toEqual([20, 10]);
  });
});
