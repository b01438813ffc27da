/**
 * Strings a site supplies over the chosen table: the `strings` property (a partial table) and the JSON file
 * at `strings-src` (the same, with builders as templates). Loaded only on a page that supplies some.
 *
 * Everything here is the page's input: each key is looked up in `KINDS` (a `Map`: `__proto__` is no key), only
 * known keys with a value of the right kind are taken, and anything else is left out with a console warning.
 * The result is the whole table with the site's strings over it; the property wins over the file.
 */
import { manifestUrlRefusal } from '../manifest/prefetch.js';
import type { StringsSource, UiLanguage } from './i18n.js';
import { completeStrings } from './i18n.js';
import { en, type Strings } from './strings.js';

/** What a key holds: text, a builder (with its placeholders' names), or one of the structured keys. */
type Kind = 'text' | 'lang' | 'dir' | 'errors' | 'units' | readonly string[];

/**
 * Every key of a table and its kind. Typed by the table's keys, so the compiler fails on a key missing here
 * or one that is no table's (the unit tests compare every table with it).
 */
export const STRING_KINDS: { readonly [K in keyof Strings]-?: Kind } = {
  lang: 'lang',
  dir: 'dir',
  label: 'text',
  play: 'text',
  pause: 'text',
  retry: 'text',
  previous: 'text',
  next: 'text',
  position: 'text',
  speed: 'text',
  loading: 'text',
  timeOf: ['elapsed', 'total'],
  playFromParagraph: 'text',
  errors: 'errors',
  voice: 'text',
  otherLanguages: 'text',
  higherQuality: ['voice'],
  download: 'text',
  startingVoice: 'text',
  waitingForVoices: 'text',
  playing: 'text',
  paused: 'text',
  ended: 'text',
  backToCurrent: 'text',
  miniPlayer: 'text',
  closeMiniPlayer: 'text',
  resumeAt: ['time'],
  startOver: 'text',
  resumeOffered: ['time'],
  playFrom: ['time'],
  copyMoment: 'text',
  momentCopied: 'text',
  momentLink: 'text',
  momentRefused: 'text',
  sleepTimer: 'text',
  sleepOff: 'text',
  sleepParagraph: 'text',
  sleepArticle: 'text',
  noVoiceFor: ['language'],
  speechFallback: 'text',
  units: 'units',
};

const KINDS: ReadonlyMap<string, Kind> = new Map(Object.entries(STRING_KINDS));
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(en.errors));

function warn(where: string, message: string): void {
  console.warn(`listen-player: ${where}: ${message}`);
}

/** `"{time}"` → a builder putting its arguments in the named placeholders (unknown placeholders stay as written). */
function template(text: string, names: readonly string[]): (...args: string[]) => string {
  return (...args) => {
    const values = new Map(names.map((name, i) => [name, args[i] ?? '']));
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => values.get(name) ?? whole);
  };
}

/** The known keys of `source` with a value of their kind, by key; the rest is warned about and left out. */
export function validateStrings(source: unknown, where: string): ReadonlyMap<string, unknown> {
  const accepted = new Map<string, unknown>();
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    warn(where, 'expected an object of strings; using the built-in ones');
    return accepted;
  }
  for (const [key, value] of Object.entries(source)) {
    const kind = KINDS.get(key);
    const ok = kind === undefined ? undefined : accept(kind, value, `${where}: "${key}"`);
    if (ok === undefined) warn(where, kind === undefined ? `unknown string "${key}" ignored` : `"${key}" is not ${describe(kind)}; ignored`);
    else accepted.set(key, ok);
  }
  return accepted;
}

function describe(kind: Kind): string {
  if (typeof kind !== 'string') return `text with ${kind.map((name) => `{${name}}`).join(' and ')}`;
  return {
    text: 'non-empty text',
    lang: 'a language tag',
    dir: '"ltr" or "rtl"',
    errors: 'an object of error messages',
    units: 'something a site can set (unit names come from Intl)',
  }[kind];
}

/** The value to use for a key of `kind`, or undefined when it is not of that kind. */
function accept(kind: Kind, value: unknown, where: string): unknown {
  if (typeof kind !== 'string') {
    if (typeof value === 'function') return value;
    return typeof value === 'string' && value.trim() ? template(value, kind) : undefined;
  }
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() ? value : undefined;
    case 'dir':
      return value === 'ltr' || value === 'rtl' ? value : undefined;
    case 'lang':
      try {
        return typeof value === 'string' ? Intl.getCanonicalLocales(value)[0] : undefined;
      } catch {
        return undefined;
      }
    case 'errors': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      const messages = new Map<string, string>();
      for (const [code, message] of Object.entries(value)) {
        if (!ERROR_CODES.has(code)) warn(where, `unknown error code "${code}" ignored`);
        else if (typeof message === 'string' && message.trim()) messages.set(code, message);
        else warn(where, `"${code}" is not non-empty text; ignored`);
      }
      return messages;
    }
    default:
      return undefined;
  }
}

/** The whole table `base` with `accepted` over it (keys are known keys: see `validateStrings`). */
export function mergeStrings(base: Strings, ...layers: readonly ReadonlyMap<string, unknown>[]): Strings {
  const table: Record<string, unknown> = { ...base };
  for (const layer of layers) {
    for (const [key, value] of layer) {
      table[key] = key === 'errors' ? { ...(table['errors'] as object), ...Object.fromEntries(value as Map<string, string>) } : value;
    }
  }
  return table as unknown as Strings;
}

/** Each `strings` object validated once (a warning once), by identity. */
const validated = new WeakMap<object, ReadonlyMap<string, unknown>>();
const invalid = new Map<unknown, ReadonlyMap<string, unknown>>();
/** Each `strings-src` URL fetched once: its strings, or null while it loads (or after it failed). */
const fetched = new Map<string, ReadonlyMap<string, unknown> | null>();
/** Tables merged so far, by the parts they were made of. */
const merged = new WeakMap<object, { readonly key: readonly unknown[]; readonly table: Strings }>();

/**
 * `current` with the strings `source` supplies over it. The JSON file loads once per URL, and `changed` is
 * called when it arrives (the table alone until then: a slow or failing file never holds the player back).
 */
export function applyOverrides(current: UiLanguage, source: StringsSource, changed: () => void): UiLanguage {
  const base = completeStrings(current.strings, en);
  const given = source.strings && typeof source.strings === 'object' ? source.strings : undefined;
  let property: ReadonlyMap<string, unknown> | undefined;
  if (given) {
    property = validated.get(given);
    if (!property) validated.set(given, (property = validateStrings(given, 'strings')));
  } else if (source.strings) {
    // Not an object (`"Play"` from untyped script): warned about once per value.
    property = invalid.get(source.strings) ?? validateStrings(source.strings, 'strings');
    invalid.set(source.strings, property);
  }
  const file = source.stringsSrc ? fileStrings(source.stringsSrc, source.allowCrossOrigin === true, changed) : undefined;
  const key = [property, file];
  let entry = merged.get(base);
  if (!entry || entry.key.some((part, i) => part !== key[i])) {
    entry = { key, table: mergeStrings(base, file ?? new Map(), property ?? new Map()) };
    merged.set(base, entry);
  }
  const table = entry.table;
  return { strings: table, locale: table.lang === base.lang ? current.locale : table.lang };
}

function fileStrings(src: string, allowCrossOrigin: boolean, changed: () => void): ReadonlyMap<string, unknown> | undefined {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    warnOnce(src, 'not a URL');
    return undefined;
  }
  if (fetched.has(url.href)) return fetched.get(url.href) ?? undefined;
  fetched.set(url.href, null);
  void loadFile(url, allowCrossOrigin).then(
    (strings) => {
      fetched.set(url.href, strings);
      changed();
    },
    (error: unknown) => warn(`strings-src ${url.href}`, `${error instanceof Error ? error.message : String(error)}; using the built-in strings`),
  );
  return undefined;
}

const warned = new Set<string>();
function warnOnce(src: string, message: string): void {
  if (warned.has(src)) return;
  warned.add(src);
  warn(`strings-src ${src}`, message);
}

async function loadFile(url: URL, allowCrossOrigin: boolean): Promise<ReadonlyMap<string, unknown>> {
  const refused = manifestUrlRefusal(url, allowCrossOrigin);
  if (refused) throw new Error(refused === 'origin' ? 'on another origin (add allow-cross-origin to allow it)' : 'not an http(s) URL');
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const final = manifestUrlRefusal(new URL(response.url || url.href), allowCrossOrigin);
  if (final) throw new Error('redirected to another origin (add allow-cross-origin to allow it)');
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error('not valid JSON');
  }
  return validateStrings(json, `strings-src ${url.href}`);
}
