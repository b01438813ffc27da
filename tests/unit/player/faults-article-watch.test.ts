/**
 * Fault matrix, the article changing while it is read (pure part): where reading goes on after paragraphs are
 * inserted or removed. The player-level behaviour is in tests/browser/faults-article.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/article/segment.js';
import { placeAfterChange } from '../../../src/player/article-watch.js';

/** Stand-ins for the article's elements: only their identity matters here. */
const elements = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}` }) as unknown as Element);
const segment = (i: number): Segment => ({ text: `Paragraph ${i}.`, element: elements[i]!, lang: 'en' });
const article = (...indices: number[]): Segment[] => indices.map(segment);

describe('faults: where reading goes on after the article changed', () => {
  it('the same paragraph at its new index when others are inserted or removed before it', () => {
    expect(placeAfterChange(article(0, 1, 2, 3), article(0, 5, 1, 2, 3), 2)).toEqual({ index: 3, stop: false });
    expect(placeAfterChange(article(0, 1, 2, 3), article(0, 2, 3), 2)).toEqual({ index: 1, stop: false });
  });

  it('the next paragraph still there when the one being read was removed', () => {
    expect(placeAfterChange(article(0, 1, 2, 3), article(0, 1, 3), 2)).toEqual({ index: 2, stop: false });
    expect(placeAfterChange(article(0, 1, 2, 3, 4), article(0, 4), 1)).toEqual({ index: 1, stop: false });
  });

  it('stops at the last paragraph when none after it is left', () => {
    expect(placeAfterChange(article(0, 1, 2, 3), article(0, 1), 2)).toEqual({ index: 1, stop: true });
  });

  it('nothing read yet: from the start; nothing left: no place', () => {
    expect(placeAfterChange(article(0, 1), article(1), -1)).toEqual({ index: -1, stop: false });
    expect(placeAfterChange(article(0, 1), [], 1)).toEqual({ index: -1, stop: true });
  });
});
