/**
 * Every language the UI speaks besides English, and how a language tag finds its table: the exact tag, then
 * its shorter prefixes (`ar-EG` → `ar`, `pt-BR` → `pt-BR`, `pt-AO` → `pt`), then the script the language is
 * written in there (`zh-TW`, `zh-HK` → `zh-Hant`; `zh`, `zh-CN`, `zh-SG` → `zh-Hans`), else none: the next
 * language asked for (the page's), else English.
 *
 * Loaded by `i18n.ts` only on a page that needs another language than English (or supplies strings), so an
 * English page downloads none of this; each table is its own small module, loaded only for its language.
 */
import type { StringsSource, UiLanguage } from './i18n.js';
import { enShell, type ShellStrings } from './strings-shell.js';
import type { SpokenUnits, Strings } from './strings.js';
import { unitNames, type TimeUnit } from './time.js';

type Load = () => Promise<Strings>;

/** A `Map`: the tag comes from the page (`lang="constructor"` is no table). Keys in lower case. */
const LOADERS: ReadonlyMap<string, Load> = new Map<string, Load>([
  ['ar', () => import('./strings/ar.js').then((module) => module.ar)],
  ['bg', () => import('./strings/bg.js').then((module) => module.bg)],
  ['bn', () => import('./strings/bn.js').then((module) => module.bn)],
  ['cs', () => import('./strings/cs.js').then((module) => module.cs)],
  ['da', () => import('./strings/da.js').then((module) => module.da)],
  ['de', () => import('./strings/de.js').then((module) => module.de)],
  ['el', () => import('./strings/el.js').then((module) => module.el)],
  ['es', () => import('./strings/es.js').then((module) => module.es)],
  ['et', () => import('./strings/et.js').then((module) => module.et)],
  ['fa', () => import('./strings/fa.js').then((module) => module.fa)],
  ['fi', () => import('./strings/fi.js').then((module) => module.fi)],
  ['fr', () => import('./strings/fr.js').then((module) => module.fr)],
  ['ga', () => import('./strings/ga.js').then((module) => module.ga)],
  ['he', () => import('./strings/he.js').then((module) => module.he)],
  ['hi', () => import('./strings/hi.js').then((module) => module.hi)],
  ['hr', () => import('./strings/hr.js').then((module) => module.hr)],
  ['hu', () => import('./strings/hu.js').then((module) => module.hu)],
  ['id', () => import('./strings/id.js').then((module) => module.id)],
  ['it', () => import('./strings/it.js').then((module) => module.it)],
  ['ja', () => import('./strings/ja.js').then((module) => module.ja)],
  ['ko', () => import('./strings/ko.js').then((module) => module.ko)],
  ['lt', () => import('./strings/lt.js').then((module) => module.lt)],
  ['lv', () => import('./strings/lv.js').then((module) => module.lv)],
  ['mt', () => import('./strings/mt.js').then((module) => module.mt)],
  ['nl', () => import('./strings/nl.js').then((module) => module.nl)],
  ['pl', () => import('./strings/pl.js').then((module) => module.pl)],
  ['pt', () => import('./strings/pt.js').then((module) => module.pt)],
  ['pt-br', () => import('./strings/pt-BR.js').then((module) => module.ptBR)],
  ['ro', () => import('./strings/ro.js').then((module) => module.ro)],
  ['ru', () => import('./strings/ru.js').then((module) => module.ru)],
  ['sk', () => import('./strings/sk.js').then((module) => module.sk)],
  ['sl', () => import('./strings/sl.js').then((module) => module.sl)],
  ['sv', () => import('./strings/sv.js').then((module) => module.sv)],
  ['sw', () => import('./strings/sw.js').then((module) => module.sw)],
  ['th', () => import('./strings/th.js').then((module) => module.th)],
  ['tr', () => import('./strings/tr.js').then((module) => module.tr)],
  ['uk', () => import('./strings/uk.js').then((module) => module.uk)],
  ['ur', () => import('./strings/ur.js').then((module) => module.ur)],
  ['vi', () => import('./strings/vi.js').then((module) => module.vi)],
  ['zh-hans', () => import('./strings/zh-Hans.js').then((module) => module.zhHans)],
  ['zh-hant', () => import('./strings/zh-Hant.js').then((module) => module.zhHant)],
]);

/** Every language the UI speaks, by its (lower-case) table key. */
export const UI_LANGUAGES: readonly string[] = ['en', ...LOADERS.keys()];

/** The tables loaded so far, by key. */
const loaded = new Map<string, ShellStrings>([['en', enShell]]);
const loading = new Map<string, Promise<ShellStrings>>();

/** Every table loaded so far, by its (lower-case) key (English: only what the element needs itself). */
export function loadedStringTables(): ReadonlyMap<string, ShellStrings> {
  return loaded;
}

/** `_` read as `-` (`ar_EG` is a common mistake), then canonical where valid (`iw` → `he`, `zh-hant-tw` → `zh-Hant-TW`). */
function canonical(lang: string): string {
  const tag = lang.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** The key of the table for `lang` (see the module's comment), or undefined when the UI has none. */
export function tableKey(lang: string): string | undefined {
  const tag = canonical(lang);
  const parts = tag.toLowerCase().split('-').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('-');
    if (loaded.has(key) || LOADERS.has(key)) return key;
  }
  try {
    const { language, script } = new Intl.Locale(tag).maximize();
    const key = `${language}-${script ?? ''}`.toLowerCase();
    if (LOADERS.has(key)) return key;
  } catch {
    // Not a tag (`not a tag!`): no table.
  }
  return undefined;
}

/**
 * Loads the table `lang` would use; resolves to it, or to undefined when the UI has none for that language.
 * A failed load is forgotten, so the next render asks again.
 */
export function loadStrings(lang: string): Promise<ShellStrings | undefined> {
  const key = tableKey(lang);
  if (key === undefined) return Promise.resolve(undefined);
  const table = loaded.get(key);
  if (table) return Promise.resolve(table);
  let pending = loading.get(key);
  if (!pending) {
    pending = LOADERS.get(key)!().then(
      (strings) => {
        loaded.set(key, strings);
        if (strings.units) unitNames.set(key.split('-')[0]!, unitSpeaker(strings.lang, strings.units));
        return strings;
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, pending);
  }
  return pending;
}

/**
 * "5 seconds" from a table's own unit names, by `Intl.PluralRules` (for a language whose unit names a browser
 * may lack: Chromium has none for Irish or Maltese, and would say them in English).
 */
export function unitSpeaker(lang: string, units: SpokenUnits): (value: number, unit: TimeUnit) => string {
  const plural = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  return (value, unit) => {
    const forms = units[unit];
    return (forms[plural.select(value)] ?? forms.other).replace('#', number.format(value));
  };
}

/**
 * The UI language for the first of `langs` whose table is loaded (the player's or article's language, then the
 * page's: a Welsh article on a German site gets a German player), else English.
 */
export function resolveLanguage(...langs: readonly (string | null | undefined)[]): UiLanguage {
  for (const lang of langs) {
    const key = lang ? tableKey(lang) : undefined;
    const strings = key === undefined ? undefined : loaded.get(key);
    if (!strings) continue;
    let locale = strings.lang;
    try {
      locale = Intl.getCanonicalLocales(canonical(lang!))[0] ?? locale;
    } catch {
      // An invalid tag (`ar-!`) still speaks its table's language.
    }
    return { strings, locale };
  }
  return { strings: enShell, locale: enShell.lang };
}

/** The loaded string table for `lang` (then `fallbacks`), else English. */
export function stringsFor(lang: string | null | undefined, ...fallbacks: readonly string[]): ShellStrings {
  return resolveLanguage(lang, ...fallbacks).strings;
}

/** The locale for `Intl` formats in the UI for `lang` (see `UiLanguage.locale`). */
export function uiLocale(lang: string | null | undefined, ...fallbacks: readonly string[]): string {
  return resolveLanguage(lang, ...fallbacks).locale;
}

type Overrides = typeof import('./overrides.js');
let overrides: Overrides | undefined;
let overridesLoad: Promise<Overrides> | undefined;

function loadOverrides(): Promise<Overrides> {
  return (overridesLoad ??= import('./overrides.js').then(
    (module) => (overrides = module),
    (error: unknown) => {
      overridesLoad = undefined;
      throw error;
    },
  ));
}

/** Loads what `language` will need for `langs` and `source`: the first table there is, and the site's strings. */
export async function prepare(langs: readonly string[], source: StringsSource): Promise<void> {
  const site = source.strings || source.stringsSrc ? loadOverrides() : undefined;
  for (const lang of langs) {
    if (!lang) continue;
    try {
      if (await loadStrings(lang)) break;
    } catch {
      // Not loadable (offline): the next language, or English.
    }
  }
  if (site) await site;
}

/**
 * The UI language now for `langs` with the strings `source` supplies: loaded tables only; a better table not
 * loaded yet (or the site's strings) is asked for, and `changed` called when it arrives.
 */
export function language(langs: readonly string[], source: StringsSource, changed: () => void): UiLanguage {
  const current = resolveLanguage(...langs);
  for (const lang of langs) {
    const key = lang ? tableKey(lang) : undefined;
    if (key === undefined) continue;
    if (!loaded.has(key)) loadStrings(lang).then(changed, () => {});
    break;
  }
  if (!source.strings && !source.stringsSrc) return current;
  if (!overrides) {
    loadOverrides().then(changed, () => {});
    return current;
  }
  return overrides.applyOverrides(current, source, changed);
}
