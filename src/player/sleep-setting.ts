/**
 * The sleep timer's setting, as the element's `sleepTimer` property and the menu hold it: off (`null`), a
 * number of minutes, or the end of the paragraph or of the article. Checked here (the page's input: a bad
 * value is no timer, with a console warning, as a bad `rate` is no rate), and remembered for the visit
 * (`sessionStorage`: this tab, until it closes), with the time a timer of minutes runs out.
 */
import { safeStorage, type SafeStorage } from './persistence.js';

export type SleepTimerSetting =
  | { readonly kind: 'minutes'; readonly minutes: number }
  | { readonly kind: 'end'; readonly of: 'paragraph' | 'article' };

/** The minutes the menu offers. */
export const SLEEP_MINUTES = [5, 10, 15, 30, 45, 60] as const;

/** The longest timer of minutes taken (a day): more is a mistake, not a wish. */
export const MAX_SLEEP_MINUTES = 24 * 60;

export const SLEEP_KEY = 'listen-player:sleep';

/** Where the timer is remembered: this tab's `sessionStorage`, read and written without ever throwing. */
export function sleepStorage(): SafeStorage {
  return safeStorage(() => globalThis.sessionStorage);
}

/** `value` as a setting, or null (off) for null; undefined when it is not a setting at all. */
export function toSleepSetting(value: unknown): SleepTimerSetting | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const { kind, minutes, of } = value as Record<string, unknown>;
  if (kind === 'minutes' && typeof minutes === 'number' && minutes > 0 && minutes <= MAX_SLEEP_MINUTES) return { kind, minutes };
  if (kind === 'end' && (of === 'paragraph' || of === 'article')) return { kind, of };
  return undefined;
}

/** A setting and when a timer of minutes runs out (ms, the sleep clock's), as remembered for the visit. */
export interface SavedSleep {
  readonly setting: SleepTimerSetting;
  readonly deadline: number | null;
}

/** The timer remembered for this visit, if any and still to come at `now`. */
export function loadSleep(storage: SafeStorage, now: number): SavedSleep | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.get(SLEEP_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const setting = toSleepSetting((parsed as { setting?: unknown }).setting);
  if (!setting) return null;
  const deadline = (parsed as { deadline?: unknown }).deadline;
  if (setting.kind === 'end') return { setting, deadline: null };
  return typeof deadline === 'number' && deadline > now ? { setting, deadline } : null;
}

export function saveSleep(storage: SafeStorage, saved: SavedSleep | null): void {
  if (saved) storage.set(SLEEP_KEY, JSON.stringify(saved));
  else storage.remove(SLEEP_KEY);
}

/** Whole minutes left, rounded up (the label says 12 until 11 minutes are left). */
export function minutesLeft(deadline: number, now: number): number {
  return Math.max(Math.ceil((deadline - now) / 60_000), 0);
}

/** Milliseconds until the minutes left next change (for the badge), at least 1. */
export function untilNextMinute(deadline: number, now: number): number {
  const left = deadline - now;
  return Math.max(left % 60_000 || 60_000, 1);
}
