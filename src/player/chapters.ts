/**
 * The article's chapters as the player uses them: found in the segments being read (`src/article/chapters.ts`),
 * timed on the engine's timeline (recorded audio: the manifest's exact times; speech: its estimated timeline,
 * which is corrected as it speaks), and moved between. The UI reads them here, never the engine.
 */
import { chapterAt, chaptersOf, chapterTarget, type Chapter, type TimedChapter } from '../article/chapters.js';
import type { Segment } from '../article/segment.js';
import type { PlaybackController } from './playback.js';

const NONE: readonly TimedChapter[] = [];

export class Chapters {
  readonly #playback: PlaybackController;
  /** The chapters of the segments last read (the array is replaced when the page is read again). */
  #found: { readonly segments: readonly Segment[]; readonly chapters: readonly Chapter[] } | null = null;
  /** Their times, for the engine and the length they were read from. */
  #timed: { readonly engine: unknown; readonly duration: number; readonly chapters: readonly TimedChapter[] } | null = null;

  constructor(playback: PlaybackController) {
    this.#playback = playback;
  }

  /** The chapters of the article being read (none before it is read). */
  get list(): readonly Chapter[] {
    const segments = this.#playback.segments;
    if (this.#found?.segments !== segments) this.#found = { segments, chapters: Object.freeze(chaptersOf(segments)) };
    return this.#found.chapters;
  }

  /**
   * The chapters with their start on the engine's timeline; none while it has no timeline (no engine yet, or a
   * recording whose manifest has not arrived), or when the article has no chapters.
   */
  get timed(): readonly TimedChapter[] {
    const chapters = this.list;
    const engine = this.#playback.engine;
    const duration = this.#playback.snapshot.duration;
    if (!chapters.length || !engine || !(duration > 0)) return NONE;
    const timed = this.#timed;
    if (timed?.engine === engine && timed.duration === duration && timed.chapters.length === chapters.length) return timed.chapters;
    const times = Object.freeze(chapters.map((chapter) => ({ ...chapter, start: Math.min(Math.max(engine.segmentStart(chapter.segment), 0), duration) })));
    this.#timed = { engine, duration, chapters: times };
    return times;
  }

  /** The chapter being read at `time` on the engine's timeline, or null before the first (or without times). */
  at(time: number): TimedChapter | null {
    const timed = this.timed;
    let found: TimedChapter | null = null;
    for (const chapter of timed) {
      if (chapter.start > time) break;
      found = chapter;
    }
    return found;
  }

  /** The chapter segment `segment` is in, or null before the first. */
  of(segment: number): Chapter | null {
    const chapters = this.list;
    return chapters[chapterAt(chapters, segment)] ?? null;
  }

  /** Moves to the previous or next chapter (see `chapterTarget`); keeps playing or paused. Nothing without one. */
  step(direction: -1 | 1): void {
    const chapters = this.list;
    this.#playback.moveTo((from) => chapterTarget(chapters, from, direction));
  }
}
