/**
 * Chapters: the article's headings, as what is read keeps them (`extract.ts`), each the start of a part of the
 * article to move to, group under and name on the seek bar and the lock screen.
 *
 * Pure, like the segments it reads: attributes only, no layout, so it runs in Node too.
 */
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

const HEADING_TAG = /^h([1-6])$/;

/**
 * The heading level of `element` as the accessibility tree has it, or 0 when it is no heading: `h1`–`h6` by
 * their number, any element with `role="heading"` by its `aria-level` (2 without one, as ARIA says). A valid
 * `aria-level` wins over the tag's number; another role (`<h2 role="presentation">`) makes it no heading.
 */
export function headingLevel(element: Element): number {
  const role = element.getAttribute('role')?.trim().split(/\s+/)[0] ?? '';
  const tag = HEADING_TAG.exec(element.localName);
  if (role ? role !== 'heading' : !tag) return 0;
  const level = Number(element.getAttribute('aria-level'));
  if (Number.isInteger(level) && level >= 1) return Math.min(level, 6);
  return tag ? Number(tag[1]) : 2;
}

/**
 * The chapters of `segments`, in order: each segment whose element is a heading (`headingLevel`), once per
 * element. A level-1 heading is the article's title, not a chapter, until the body has begun (a segment that is
 * no heading came before it): a page that gives each section an `h1` still has chapters. Headings that what is
 * read leaves out (hidden, or the title of a block judged not the story) are not segments, so not chapters.
 */
export function chaptersOf(segments: readonly Segment[]): Chapter[] {
  const chapters: Chapter[] = [];
  let body = false;
  // A heading holding a block is read in runs around it, with the heading as element: only its first run counts.
  let heading: Element | null = null;
  for (let i = 0; i < segments.length; i++) {
    const element = segments[i]!.element;
    if (element === heading) continue;
    const level = headingLevel(element);
    if (!level) {
      body = true;
      continue;
    }
    heading = element;
    if (level === 1 && !body) continue;
    let parent = chapters.length - 1;
    while (parent >= 0 && chapters[parent]!.level >= level) parent = chapters[parent]!.parent;
    chapters.push({ title: segments[i]!.text, level, segment: i, parent });
  }
  return chapters;
}

/** Index in `chapters` of the chapter segment `segment` belongs to (the last starting at or before it), −1 before the first. */
export function chapterAt(chapters: readonly Chapter[], segment: number): number {
  let low = 0;
  let high = chapters.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (chapters[middle]!.segment <= segment) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
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
