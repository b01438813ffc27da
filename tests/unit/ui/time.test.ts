import { describe, expect, it } from 'vitest';
import { formatClock, spokenTime } from '../../../src/ui/time.js';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [59, '0:59'],
    [59.9, '0:59'],
    [60, '1:00'],
    [65, '1:05'],
    [599, '9:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [36_000 + 61, '10:01:01'],
  ])('%d s → %s', (seconds, clock) => {
    expect(formatClock(seconds)).toBe(clock);
  });

  it('shows 0:00 for a time that is not a number or negative', () => {
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatClock(Infinity)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe('spokenTime', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [2, '2 seconds'],
    [59.7, '59 seconds'],
    [60, '1 minute'],
    [65, '1 minute 5 seconds'],
    [61, '1 minute 1 second'],
    [340, '5 minutes 40 seconds'],
    [3600, '1 hour'],
    [3720, '1 hour 2 minutes'],
    [3601, '1 hour 1 second'],
    [7325, '2 hours 2 minutes 5 seconds'],
  ])('%d s → "%s"', (seconds, words) => {
    expect(spokenTime(seconds)).toBe(words);
  });

  it('says 0 seconds for a time that is not a number or negative', () => {
    expect(spokenTime(Number.NaN)).toBe('0 seconds');
    expect(spokenTime(-3)).toBe('0 seconds');
  });

  it('speaks the player language', () => {
    const german = spokenTime(65, 'de');
    expect(german).toMatch(/^1\sMinute\W+5\sSekunden$/);
    expect(spokenTime(1, 'de')).toMatch(/^1\sSekunde$/);
    expect(spokenTime(3720, 'de')).toMatch(/^1\sStunde\W+2\sMinuten$/);
    expect(spokenTime(340, 'fr')).toMatch(/^5\sminutes\W+40\ssecondes$/);
  });

  it('falls back to a default language for an invalid locale instead of throwing', () => {
    expect(() => spokenTime(65, 'not a locale!')).not.toThrow();
    expect(spokenTime(65, 'not a locale!')).toMatch(/1\D+5\D+/);
  });
});
