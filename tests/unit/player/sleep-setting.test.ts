/**
 * The sleep timer's setting, the pure part: what the `sleepTimer` property takes (and what it refuses), the
 * visit's record in `sessionStorage` (a timer run out is none), and the minutes the badge shows.
 */
import { describe, expect, it } from 'vitest';
import { safeStorage } from '../../../src/player/persistence.js';
import {
  loadSleep,
  MAX_SLEEP_MINUTES,
  minutesLeft,
  saveSleep,
  SLEEP_KEY,
  toSleepSetting,
  untilNextMinute,
} from '../../../src/player/sleep-setting.js';

function memory() {
  const values = new Map<string, string>();
  const storage = safeStorage(() => ({
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  }));
  return { values, storage };
}

describe('toSleepSetting', () => {
  it('takes null, minutes and the ends, keeping only their own fields', () => {
    expect(toSleepSetting(null)).toBeNull();
    expect(toSleepSetting({ kind: 'minutes', minutes: 15, extra: 1 })).toEqual({ kind: 'minutes', minutes: 15 });
    expect(toSleepSetting({ kind: 'minutes', minutes: 0.5 })).toEqual({ kind: 'minutes', minutes: 0.5 });
    expect(toSleepSetting({ kind: 'end', of: 'paragraph' })).toEqual({ kind: 'end', of: 'paragraph' });
    expect(toSleepSetting({ kind: 'end', of: 'article' })).toEqual({ kind: 'end', of: 'article' });
  });

  it.each([
    undefined,
    'minutes',
    15,
    {},
    { kind: 'minutes' },
    { kind: 'minutes', minutes: 0 },
    { kind: 'minutes', minutes: -5 },
    { kind: 'minutes', minutes: Number.NaN },
    { kind: 'minutes', minutes: Number.POSITIVE_INFINITY },
    { kind: 'minutes', minutes: MAX_SLEEP_MINUTES + 1 },
    { kind: 'minutes', minutes: '15' },
    { kind: 'end', of: 'chapter' },
    { kind: 'end' },
    { kind: 'hours', hours: 1 },
  ])('refuses %j', (value) => {
    expect(toSleepSetting(value)).toBeUndefined();
  });
});

describe('the visit', () => {
  it('keeps a timer of minutes until it runs out, and an end for good', () => {
    const { storage } = memory();
    saveSleep(storage, { setting: { kind: 'minutes', minutes: 30 }, deadline: 100_000 });
    expect(loadSleep(storage, 50_000)).toEqual({ setting: { kind: 'minutes', minutes: 30 }, deadline: 100_000 });
    expect(loadSleep(storage, 100_000)).toBeNull();
    saveSleep(storage, { setting: { kind: 'end', of: 'article' }, deadline: null });
    expect(loadSleep(storage, 10 ** 15)).toEqual({ setting: { kind: 'end', of: 'article' }, deadline: null });
    saveSleep(storage, null);
    expect(loadSleep(storage, 0)).toBeNull();
  });

  it.each(['not json', '42', '{"setting":{"kind":"minutes","minutes":-1},"deadline":5}', '{"setting":{"kind":"minutes","minutes":5}}'])(
    'reads a damaged record %j as none',
    (raw) => {
      const { values, storage } = memory();
      values.set(SLEEP_KEY, raw);
      expect(loadSleep(storage, 0)).toBeNull();
    },
  );
});

describe('the badge', () => {
  it('shows whole minutes left, rounded up, and changes on the minute', () => {
    expect(minutesLeft(15 * 60_000, 0)).toBe(15);
    expect(minutesLeft(15 * 60_000, 1)).toBe(15);
    expect(minutesLeft(15 * 60_000, 60_000)).toBe(14);
    expect(minutesLeft(15 * 60_000, 15 * 60_000 + 5)).toBe(0);
    expect(untilNextMinute(15 * 60_000, 0)).toBe(60_000);
    expect(untilNextMinute(15 * 60_000, 1000)).toBe(59_000);
    expect(untilNextMinute(60_500, 0)).toBe(500);
  });
});
