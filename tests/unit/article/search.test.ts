import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from '../../../src/article/search.js';

describe('lastAtOrBefore', () => {
  const starts = [0, 10, 25, 40];
  const start = (index: number) => starts[index]!;

  it('finds the last segment starting at or before the time', () => {
    expect(lastAtOrBefore(0, 4, start)).toBe(0);
    expect(lastAtOrBefore(9.99, 4, start)).toBe(0);
    expect(lastAtOrBefore(10, 4, start)).toBe(1);
    expect(lastAtOrBefore(39, 4, start)).toBe(2);
    expect(lastAtOrBefore(1000, 4, start)).toBe(3);
  });

  it('is −1 without segments, or before the first starts', () => {
    expect(lastAtOrBefore(5, 0, start)).toBe(-1);
    expect(lastAtOrBefore(-1, 4, start)).toBe(-1);
  });
});
