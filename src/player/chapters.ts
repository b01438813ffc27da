/**
 * The article's chapters as the player uses them: found in the segments being read (`src/article/chapters.ts`),
 * timed on the engine's timeline (recorded audio: the manifest's exact times; speech: its estimated timeline,
 * which is corrected as it speaks), and moved between. The UI reads them here, never the engine.
 */
import { chaptersOf, chaptersToShow, chapterTarget, type Chapter, type TimedChapter } from '../article/chapters.js';
import { lastAtOrBefore } from '../article/search.js';
import type { Segment } from '../article/segment.js';
import type { PlaybackController } from './playback.js';

const NONE: readonly TimedChapter[] = [];

export class Chapters {
  readonly #playback: PlaybackController;
  /**
   * The chapters of the segments last read (the array is replaced when the page is read again), and those of
   * them to show (`chaptersToShow`).
   */
  #found: { readonly segments: readonly Segment[]; readonly chapters: readonly Chapter[]; readonly shown: readonly Chapter[] } | null =
    null;
  /** The times of those shown, for the engine and the length they were read from. */
  #timed: { readonly engine: unknown; readonly duration: number; readonly shown: readonly Chapter[]; readonly chapters: readonly TimedChapter[] } | null =
    null;

  constructor(playback: PlaybackController) {
    this.#playback = playback;
  }

  /** The chapters of the article being read (none before it is read). */
  get list(): readonly Chapter[] {
    return this.#read().chapters;
  }

  #read(): { readonly chapters: readonly Chapter[]; readonly shown: readonly Chapter[] } {
    const segments = this.#playback.segments;
    if (this.#found?.segments !== segments) {
      const chapters = Object.freeze(chaptersOf(segments));
      this.#found = { segments, chapters, shown: chaptersToShow(chapters) };
    }
    return this.#found;
  }

  /**
   * The chapters to show on the slider and in the system's media controls (`chaptersToShow`: at most a hundred),
   * with their start on the engine's timeline; none while it has no timeline (no engine yet, or a recording whose
   * manifest has not arrived). Only these are timed: the speech engine cuts a heading into sentences to time it.
   */
  get timed(): readonly TimedChapter[] {
    const { shown } = this.#read();
    const engine = this.#playback.engine;
    const duration = this.#playback.snapshot.duration;
    if (!shown.length || !engine || !(duration > 0)) return NONE;
    const timed = this.#timed;
    if (timed?.engine === engine && timed.duration === duration && timed.shown === shown) return timed.chapters;
    const chapters = Object.freeze(shown.map((chapter) => ({ ...chapter, start: this.#start(chapter) })));
    this.#timed = { engine, duration, shown, chapters };
    return chapters;
  }

  /**
   * The chapter being read at `time` on the engine's timeline, or null before the first (or without a timeline).
   * A binary search timing only the chapters it probes, so an article of thousands of chapters costs a dozen;
   * the chapter itself returned (no timed copy made), as the slider asks on every position it shows.
   */
  at(time: number): Chapter | null {
    const chapters = this.list;
    if (!chapters.length || !this.#playback.engine || !(this.#playback.snapshot.duration > 0)) return null;
    return chapters[lastAtOrBefore(time, chapters.length, (index) => this.#start(chapters[index]!))] ?? null;
  }

  /** Where `chapter` starts on the engine's timeline, within its length. */
  #start(chapter: Chapter): number {
    const duration = this.#playback.snapshot.duration;
    return Math.min(Math.max(this.#playback.engine?.segmentStart(chapter.segment) ?? 0, 0), duration);
  }

  /** Moves to the previous or next chapter (see `chapterTarget`); keeps playing or paused. Nothing without one. */
  step(direction: -1 | 1): void {
    const chapters = this.list;
    this.#playback.stepTo((from) => chapterTarget(chapters, from, direction));
  }
}
