/** Times for eyes ("1:05") and for ears ("1 minute 5 seconds"), the latter in the player's language. */

/** Whole seconds in all, then hours, minutes and seconds; 0 for a time that is not a number or negative. */
function clock(seconds: number): [total: number, hours: number, minutes: number, seconds: number] {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  return [total, Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * `m:ss`, or `h:mm:ss` from an hour on, always in Latin digits, whatever the UI's language: a clock is read at a
 * glance, and Arabic news sites commonly write times and scores in Latin digits (spoken times follow the locale).
 */
export function formatClock(seconds: number): string {
  const [, h, m, s] = clock(seconds);
  return h ? `${h}:${twoDigits(m)}:${twoDigits(s)}` : `${m}:${twoDigits(s)}`;
}

const units = ['hour', 'minute', 'second'] as const;
export type TimeUnit = (typeof units)[number];

/** Unit names a table brings for its language (by primary subtag), where `Intl`'s would be missing: see `languages.ts`. */
export const unitNames = new Map<string, (value: number, unit: TimeUnit) => string>();

/** "1 hour 2 minutes 5 seconds", with zero parts left out ("0 seconds" alone for zero). */
export function spokenTime(seconds: number, locale = 'en'): string {
  const [total, ...values] = clock(seconds);
  const own = unitNames.get(locale.split('-')[0]!.toLowerCase());
  const parts = values.flatMap((value, i) => {
    const unit = units[i]!;
    if (!value && (total || i < 2)) return [];
    return own ? own(value, unit) : formatter(`${locale}|${unit}`, locale, (tag) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' })).format(value);
  });
  return formatter(locale, locale, (tag) => new Intl.ListFormat(tag, { style: 'narrow', type: 'unit' })).format(parts);
}

const formatters = new Map<string, object>();

/** The `Intl` formatter under `key`, made once, for `locale` (the default one where `locale` is not a valid tag). */
export function formatter<T extends object>(key: string, locale: string, make: (tag: string | undefined) => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    let tag: string | undefined;
    try {
      tag = Intl.getCanonicalLocales(locale)[0];
    } catch {
      // Not a language tag: the runtime's default.
    }
    formatters.set(key, (made = make(tag)));
  }
  return made;
}
