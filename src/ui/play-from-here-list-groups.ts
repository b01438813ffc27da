/**
 * The paragraph list grouped by chapter: each chapter is an item of the list it sits in, holding a list of its
 * own named by its heading (the heading first, then its paragraphs and sub-chapters), so a screen reader says
 * "Who watches, list, 5 items" on the way in and "2 of 5" on each paragraph. Lists, not `role="group"`: a list
 * may own only list items (ARIA).
 *
 * Only the options in the list's window are in the DOM, so the structure is worked out once per reading of the
 * article (linear in the segments, typed arrays at 100,000 paragraphs) and each render builds only the
 * window's part of the tree: the chapters around it and the options in it.
 */
import type { Chapter } from '../article/chapters.js';

/** Where each option and chapter sits: in which list, at which place, and how many that list holds. */
export interface ListLayout {
  /** Per segment: the chapter whose list holds it (its innermost), −1 for the outer list. */
  readonly owner: Int32Array;
  /** Per segment: its place in that list, from 1. */
  readonly position: Int32Array;
  /** Per chapter: its place in the list that holds it (its parent's, or the outer list), from 1. */
  readonly chapterPosition: Int32Array;
  /** Per chapter: how many items its own list holds. */
  readonly size: Int32Array;
  /** How many items the outer list holds. */
  readonly outerSize: number;
}

/** The layout of `count` segments grouped by `chapters`. */
export function listLayout(chapters: readonly Chapter[], count: number): ListLayout {
  const owner = new Int32Array(count);
  const position = new Int32Array(count);
  const chapterPosition = new Int32Array(chapters.length);
  const size = new Int32Array(chapters.length);
  let outerSize = 0;
  // A segment's list is the last chapter begun at or before it; a chapter's, its parent's (`chaptersOf`).
  let list = -1;
  for (let i = 0; i < count; i++) {
    if (list + 1 < chapters.length && chapters[list + 1]!.segment === i) {
      const parent = chapters[++list]!.parent;
      chapterPosition[list] = parent >= 0 ? ++size[parent]! : ++outerSize;
    }
    owner[i] = list;
    position[i] = list >= 0 ? ++size[list]! : ++outerSize;
  }
  return { owner, position, chapterPosition, size, outerSize };
}

/** A node of the rendered window: an option (a segment's index), or a chapter with the nodes of it in the window. */
export type WindowNode = number | { readonly chapter: number; readonly children: WindowNode[] };

/** The window's options `[start, end)` as a tree, in the chapters that hold them (opened around `start`). */
export function windowTree(chapters: readonly Chapter[], layout: ListLayout, start: number, end: number): WindowNode[] {
  const root: WindowNode[] = [];
  if (start >= end) return root;
  // The chapters holding `start`, outermost first: the innermost is its owner, the rest its ancestors.
  const chain: number[] = [];
  for (let c = layout.owner[start]!; c >= 0; c = chapters[c]!.parent) chain.unshift(c);
  const stack: { readonly chapter: number; readonly children: WindowNode[] }[] = [];
  let into = root;
  for (const chapter of chain) {
    const node = { chapter, children: [] as WindowNode[] };
    into.push(node);
    stack.push(node);
    into = node.children;
  }
  // The owner is the last chapter begun at or before `start` (`listLayout`): the next to begin follows it.
  let next = layout.owner[start]! + 1;
  for (let i = start; i < end; i++) {
    if (next < chapters.length && chapters[next]!.segment === i) {
      const chapter = chapters[next]!;
      while (stack.length && stack.at(-1)!.chapter !== chapter.parent) stack.pop();
      const node = { chapter: next++, children: [] as WindowNode[] };
      (stack.at(-1)?.children ?? root).push(node);
      stack.push(node);
    }
    (stack.at(-1)?.children ?? root).push(i);
  }
  return root;
}
