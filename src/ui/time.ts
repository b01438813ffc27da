/** Times for eyes ("1:05") and for ears ("1 minute 5 seconds"), the latter in the player's language. */

/**
 * `m:ss`, or `h:mm:ss` from an hour on, always in Latin digits, whatever the UI's language: a clock is read at a
 * glance, and Arabic news sites commonly write times and scores in Latin digits (spoken times follow the locale).
 */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const units = ['hour', 'minute', 'second'] as const;
export type TimeUnit = (typeof units)[number];

/** Unit names a table brings for its language (by primary subtag), where `Intl`'s would be missing: see `languages.ts`. */
export const unitNames = new Map<string, (value: number, unit: TimeUnit) => string>();

/** "1 hour 2 minutes 5 seconds", with zero parts left out ("0 seconds" alone for zero). */
export function spokenTime(seconds: number, locale = 'en'): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const values = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const own = unitNames.get(locale.split('-')[0]!.toLowerCase());
  const parts = values
    .map((value, i) => ({ value, unit: units[i]! }))
    .filter((part, i) => part.value > 0 || (total === 0 && i === 2))
    .map(({ value, unit }) => (own ? own(value, unit) : unitFormat(locale, unit).format(value)));
  return listFormat(locale).format(parts);
}

const cache = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function unitFormat(locale: string, unit: string): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), { style: 'unit', unit, unitDisplay: 'long' });
    cache.set(key, format);
  }
  return format;
}

function listFormat(locale: string): Intl.ListFormat {
  const key = `${locale}|list`;
  let format = cache.get(key) as Intl.ListFormat | undefined;
  if (!format) {
    format = new Intl.ListFormat(safeLocale(locale), { style: 'narrow', type: 'unit' });
    cache.set(key, format);
  }
  return format;
}

function safeLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}
