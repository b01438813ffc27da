import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../../src/article/chapters.js';
import { listLayout, windowTree, type WindowNode } from '../../../src/ui/play-from-here-list-groups.js';

/**
 * 12 segments: 0–1 before any chapter; A (level 2) at 2 holding 3, A.1 (level 3) at 4–5, A.1.a (level 4) at 6;
 * B (level 2) at 7–8; C (level 3, no level-2 parent) at 9–11.
 */
const CHAPTERS: Chapter[] = [
  { title: 'A', level: 2, segment: 2, parent: -1 },
  { title: 'A.1', level: 3, segment: 4, parent: 0 },
  { title: 'A.1.a', level: 4, segment: 6, parent: 1 },
  { title: 'B', level: 2, segment: 7, parent: -1 },
  { title: 'B.1', level: 3, segment: 9, parent: 3 },
];

/** The tree as text: options as their index, chapters as `title[…]`. */
function show(nodes: readonly WindowNode[]): string {
  return nodes.map((node) => (typeof node === 'number' ? String(node) : `${CHAPTERS[node.chapter]!.title}[${show(node.children)}]`)).join(' ');
}

describe('listLayout', () => {
  it('puts each option in its innermost chapter’s list, and each chapter in its parent’s, counting their places', () => {
    const layout = listLayout(CHAPTERS, 12);
    expect([...layout.owner]).toEqual([-1, -1, 0, 0, 1, 1, 2, 3, 3, 4, 4, 4]);
    expect([...layout.position]).toEqual([1, 2, 1, 2, 1, 2, 1, 1, 2, 1, 2, 3]);
    expect([...layout.chapterPosition]).toEqual([3, 3, 3, 4, 3]);
    expect([...layout.size]).toEqual([3, 3, 1, 3, 3]);
    expect(layout.outerSize).toBe(4);
  });

  it('is one flat list without chapters', () => {
    const layout = listLayout([], 3);
    expect([...layout.owner]).toEqual([-1, -1, -1]);
    expect([...layout.position]).toEqual([1, 2, 3]);
    expect(layout.outerSize).toBe(3);
  });
});

describe('windowTree', () => {
  const layout = listLayout(CHAPTERS, 12);

  it('nests the whole article by level', () => {
    expect(show(windowTree(CHAPTERS, layout, 0, 12))).toBe('0 1 A[2 3 A.1[4 5 A.1.a[6]]] B[7 8 B.1[9 10 11]]');
  });

  it('opens the chapters around a window that starts inside them, and closes them where it ends', () => {
    expect(show(windowTree(CHAPTERS, layout, 6, 10))).toBe('A[A.1[A.1.a[6]]] B[7 8 B.1[9]]');
    expect(show(windowTree(CHAPTERS, layout, 5, 6))).toBe('A[A.1[5]]');
    expect(show(windowTree(CHAPTERS, layout, 3, 3))).toBe('');
  });
});
