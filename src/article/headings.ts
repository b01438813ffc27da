/**
 * Which segments start a chapter: the one rule `chapters.ts` builds the chapters from, in a module of its own
 * so that the session can ask whether an article has chapters before (and without) loading the chapters' code.
 */
import type { Segment } from './segment.js';

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
 * Calls `found` with the index and level of each segment that starts a chapter, in order: each segment whose
 * element is a heading (`headingLevel`), once per element. A level-1 heading is the article's title, not a
 * chapter, until the body has begun (a segment that is no heading came before it): a page that gives each
 * section an `h1` still has chapters. When `found` returns true the walk stops, and returns true.
 */
export function eachChapterStart(segments: readonly Segment[], found: (segment: number, level: number) => boolean | void): boolean {
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
    if ((level > 1 || body) && found(i, level)) return true;
  }
  return false;
}
