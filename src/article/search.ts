/**
 * The binary search behind "which one is being read": of items in ascending order of a key, the last whose key
 * is at or before a value. Segments on a timeline (`start(i)` from the engine, or speech's running character
 * totals) and chapters by segment use it. The frame loop's look-ups in a manifest keep their own
 * (`manifest/lookup.ts`), reading `.start` directly with no function to call.
 */

/** Index of the last of `count` items whose `key(index)` (ascending) is at or before `value`; −1 when none is. */
export function lastAtOrBefore(value: number, count: number, key: (index: number) => number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (key(middle) <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
