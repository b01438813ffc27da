/**
 * Chapters: the article's headings, as what is read keeps them (`extract.ts`), each the start of a part of the
 * article to move to, group under and name on the seek bar and the lock screen.
 *
 * Pure, like the segments it reads: attributes only, no layout, so it runs in Node too.
 */
import { eachChapterStart } from './headings.js';
import { lastAtOrBefore } from './search.js';
import type { Segment } from './segment.js';

/** One heading of the article and where it starts. */
export interface Chapter {
  /** The heading's text as it is read (whitespace-normalised). */
  readonly title: string;
  /** Its rank, 1–6 (`h2` is 2; `aria-level` where the page gives one). */
  readonly level: number;
  /** Index in the segments of the heading itself: the chapter's first segment. */
  readonly segment: number;
  /** Index in the chapters of the nearest chapter before it of a lower level (it sits inside that one), −1 when none. */
  readonly parent: number;
}

/** A chapter and where it starts on the engine's timeline (seconds at rate 1). */
export interface TimedChapter extends Chapter {
  readonly start: number;
}

/**
 * The chapters of `segments`, in order: one for each segment that starts one (`eachChapterStart`: the headings,
 * less the title). Headings that what is read leaves out (hidden, or the title of a block judged not the story)
 * are not segments, so not chapters.
 */
export function chaptersOf(segments: readonly Segment[]): Chapter[] {
  const chapters: Chapter[] = [];
  eachChapterStart(segments, (segment, level) => {
    let parent = chapters.length - 1;
    while (parent >= 0 && chapters[parent]!.level >= level) parent = chapters[parent]!.parent;
    chapters.push({ title: segments[segment]!.text, level, segment, parent });
  });
  return chapters;
}

/** Index in `chapters` of the chapter segment `segment` belongs to (the last starting at or before it), −1 before the first. */
export function chapterAt(chapters: readonly Chapter[], segment: number): number {
  return lastAtOrBefore(segment, chapters.length, (index) => chapters[index]!.segment);
}

/**
 * The segment to move to for the previous (−1) or next (1) chapter from segment `from`, or null when there is
 * none. Previous goes back to the start of the chapter being read, or, from its heading, to the chapter before
 * (before the first chapter: the start of the article); next goes to the next chapter's heading. Every level
 * counts, as a screen reader's "next heading" does.
 */
export function chapterTarget(chapters: readonly Chapter[], from: number, direction: -1 | 1): number | null {
  if (!chapters.length) return null;
  const current = chapterAt(chapters, from);
  if (direction === 1) return chapters[current + 1]?.segment ?? null;
  if (current >= 0 && chapters[current]!.segment < from) return chapters[current]!.segment;
  if (current > 0) return chapters[current - 1]!.segment;
  return from > 0 ? 0 : null;
}

/** More chapters than this run together on a slider a few hundred pixels wide, and on a lock screen's list. */
export const MAX_SHOWN = 100;

/**
 * The chapters worth showing on a slider or a system's list: all of them, or only those of the highest rank
 * (lowest level) when there are more than `max`, or none when even those are too many.
 */
export function chaptersToShow<T extends Chapter>(chapters: readonly T[], max = MAX_SHOWN): readonly T[] {
  if (chapters.length <= max) return chapters;
  let top = 6;
  for (const chapter of chapters) top = Math.min(top, chapter.level);
  const ranked = chapters.filter((chapter) => chapter.level === top);
  return ranked.length <= max ? ranked : [];
}
