/**
 * Validation of a timing manifest file (the format is in `manifest.ts`): every problem found is named, with
 * its place in the file, so a broken file can be fixed in one go; audio sources are resolved and checked
 * against the page's origin.
 */
import { MANIFEST_MAX_DURATION } from './limits.js';
import {
  MANIFEST_MAJOR,
  MANIFEST_VERSION,
  ManifestError,
  type Manifest,
  type ManifestIssue,
  type ManifestIssueName,
  type ManifestSegment,
  type ManifestSource,
  type ManifestWord,
} from './manifest.js';

/** Rounding slack when comparing times from different levels (segment vs word vs duration), in seconds. */
const EPSILON = 0.0005;
/** Enough named errors to fix a file; a thoroughly broken one would otherwise list thousands. */
const MAX_ISSUES = 50;

export interface ParseManifestOptions {
  /** Accept audio sources on another origin than the manifest's (the host page opted in). */
  readonly allowCrossOrigin?: boolean;
  /** The origin audio sources must be on without `allowCrossOrigin` (the page's); default the manifest's. */
  readonly origin?: string;
}

type Json = Record<string, unknown>;

/**
 * Validates `json` (the parsed manifest file) and resolves its sources against `baseUrl`, the manifest's
 * own absolute URL. Throws a `ManifestError` naming every problem. Sources must be http(s) (relative URLs
 * resolve to the manifest's scheme); `javascript:`, `data:` and the like are refused, and so is another
 * origin unless `allowCrossOrigin` is set.
 */
export function parseManifest(json: unknown, baseUrl: string | URL, options: ParseManifestOptions = {}): Manifest {
  const base = new URL(baseUrl);
  const issues: ManifestIssue[] = [];
  const report = (name: ManifestIssueName, path: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ name, path, message });
  };

  if (!isObject(json)) throw new ManifestError([{ name: 'not-an-object', path: '$', message: 'not a JSON object' }]);

  const version = json['version'];
  const major = typeof version === 'string' && /^\d+\.\d+$/.test(version) ? Number(version.split('.')[0]) : NaN;
  if (major > MANIFEST_MAJOR) {
    // Nothing else can be judged: a newer format may mean anything by its fields.
    throw new ManifestError([
      {
        name: 'newer-format',
        path: 'version',
        message: `The timing manifest is a newer format (version ${String(version)}) than this player reads (${MANIFEST_MAJOR}.x); update the player.`,
      },
    ]);
  }
  if (major !== MANIFEST_MAJOR) report('version-invalid', 'version', `expected "${MANIFEST_VERSION}", found ${show(version)}`);

  for (const field of ['lang', 'voice', 'generator'] as const) {
    if (typeof json[field] !== 'string') report('field-invalid', field, `expected a string, found ${show(json[field])}`);
  }
  const hash = json['hash'];
  if (hash !== undefined && typeof hash !== 'string') report('field-invalid', 'hash', `expected a string, found ${show(hash)}`);

  const duration = json['duration'];
  const durationOk = isTime(duration) && duration > 0 && duration <= MANIFEST_MAX_DURATION;
  if (!durationOk) report('duration-invalid', 'duration', `expected seconds above 0, at most ${MANIFEST_MAX_DURATION}, found ${show(duration)}`);

  const origin = options.allowCrossOrigin === true ? null : (options.origin ?? base.origin);
  const sources = parseSources(json['sources'], base, origin, report);
  const segments = parseSegments(json['segments'], durationOk ? duration : Infinity, report);

  if (issues.length > 0) throw new ManifestError(issues);
  return {
    version: version as string,
    lang: json['lang'] as string,
    voice: json['voice'] as string,
    generator: json['generator'] as string,
    hash: hash as string | undefined,
    duration: duration as number,
    sources,
    segments,
  };
}

type Report = (name: ManifestIssueName, path: string, message: string) => void;

/** `origin`: the one sources must be on; null when any origin is allowed. */
function parseSources(value: unknown, base: URL, origin: string | null, report: Report): ManifestSource[] {
  if (!Array.isArray(value) || value.length === 0) {
    report('sources-empty', 'sources', 'expected at least one audio source');
    return [];
  }
  const sources: ManifestSource[] = [];
  value.forEach((source: unknown, i) => {
    const path = `sources[${i}]`;
    if (!isObject(source) || typeof source['src'] !== 'string' || typeof source['type'] !== 'string') {
      report('source-invalid', path, 'expected { "src": string, "type": string }');
      return;
    }
    const type = source['type'];
    if (!/^audio\/[\w.+-]+/.test(type)) report('source-invalid', `${path}.type`, `expected an audio MIME type, found ${show(type)}`);
    let url: URL;
    try {
      url = new URL(source['src'], base);
    } catch {
      report('source-url-invalid', `${path}.src`, `not a URL: ${show(source['src'])}`);
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      report('source-url-scheme', `${path}.src`, `only http(s) audio is played, not ${url.protocol}`);
    } else if (url.username !== '' || url.password !== '') {
      // Said without the URL: it holds a secret, which must not reach a media element or the download link.
      report('source-url-credentials', `${path}.src`, 'a user name or password in an audio URL is refused');
    } else if (origin !== null && url.origin !== origin) {
      report('source-cross-origin', `${path}.src`, `${url.origin} is not the manifest's origin (${origin})`);
    }
    sources.push({ url: url.href, type });
  });
  return sources;
}

function parseSegments(value: unknown, duration: number, report: Report): ManifestSegment[] {
  if (!Array.isArray(value) || value.length === 0) {
    report('segments-empty', 'segments', 'expected at least one segment');
    return [];
  }
  const segments: ManifestSegment[] = [];
  let previousEnd = 0;
  value.forEach((raw: unknown, i) => {
    const path = `segments[${i}]`;
    if (!isObject(raw)) {
      report('time-invalid', path, 'expected a segment object');
      return;
    }
    const { start, end, length } = raw;
    if (!isTime(start) || !isTime(end)) {
      report('time-invalid', path, `start and end must be seconds ≥ 0, found ${show(start)} and ${show(end)}`);
      return;
    }
    if (end < start) report('end-before-start', path, `ends (${end}) before it starts (${start})`);
    if (start < previousEnd - EPSILON) report('segments-overlap', path, `starts at ${start}, before the previous one ends (${previousEnd})`);
    if (end > duration + EPSILON) report('segment-after-duration', path, `ends at ${end}, after the audio (${duration})`);
    previousEnd = Math.max(previousEnd, end);
    const print = raw['fingerprint'];
    if (typeof print !== 'string' || !/^[0-9a-f]{14}$/.test(print)) {
      report('fingerprint-invalid', `${path}.fingerprint`, `expected 14 hex digits, found ${show(print)}`);
    }
    if (!Number.isSafeInteger(length) || (length as number) < 1) {
      report('length-invalid', `${path}.length`, `expected the text length (an integer ≥ 1), found ${show(length)}`);
    }
    const words = parseWords(raw['words'], path, start, end, Number.isSafeInteger(length) ? (length as number) : Infinity, report);
    const flags = parseFlags(raw, path, report);
    if (flags.audio === false && (end !== start || words.length > 0)) {
      report('field-invalid', `${path}.audio`, 'a segment without audio has an empty range and no words');
    }
    segments.push({ start, end, fingerprint: typeof print === 'string' ? print : '', length: length as number, words, ...flags });
  });
  return segments;
}

/** The optional 1.1 fields, kept only when present (so 1.0 segments stay exactly as they were). */
function parseFlags(raw: Json, path: string, report: Report): { audio?: boolean; estimated?: boolean } {
  const flags: { audio?: boolean; estimated?: boolean } = {};
  for (const field of ['audio', 'estimated'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') flags[field] = value;
    else report('field-invalid', `${path}.${field}`, `expected true or false, found ${show(value)}`);
  }
  return flags;
}

function parseWords(value: unknown, at: string, start: number, end: number, length: number, report: Report): ManifestWord[] {
  if (!Array.isArray(value)) {
    report('word-invalid', `${at}.words`, 'expected an array of words');
    return [];
  }
  const words: ManifestWord[] = [];
  let previousEnd = start;
  let previousTextEnd = 0;
  value.forEach((raw: unknown, i) => {
    const path = `${at}.words[${i}]`;
    if (!Array.isArray(raw) || raw.length !== 4 || !raw.every((n) => typeof n === 'number')) {
      report('word-invalid', path, 'expected [start, end, offset, length]');
      return;
    }
    const [wordStart, wordEnd, offset, chars] = raw as [number, number, number, number];
    if (!isTime(wordStart) || !isTime(wordEnd)) {
      report('time-invalid', path, `start and end must be seconds ≥ 0, found ${show(wordStart)} and ${show(wordEnd)}`);
      return;
    }
    if (wordEnd < wordStart) report('end-before-start', path, `ends (${wordEnd}) before it starts (${wordStart})`);
    if (wordStart < previousEnd - EPSILON && i > 0) {
      report('words-overlap', path, `starts at ${wordStart}, before the previous word ends (${previousEnd})`);
    }
    if (wordStart < start - EPSILON || wordEnd > end + EPSILON) {
      report('word-outside-segment', path, `${wordStart}–${wordEnd} is outside its segment (${start}–${end})`);
    }
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(chars) || chars < 1 || offset < previousTextEnd || offset + chars > length) {
      report(
        'word-outside-text',
        path,
        `characters ${offset}+${chars} are not after the previous word (${previousTextEnd}) and inside the text (${length})`,
      );
    }
    previousEnd = Math.max(previousEnd, wordEnd);
    previousTextEnd = Math.max(previousTextEnd, offset + chars);
    words.push({ start: wordStart, end: wordEnd, offset, length: chars });
  });
  return words;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * A found value, briefly: arrays and objects by their kind only, never serialised (a hostile file may nest
 * them deeper than the stack, or make them huge).
 */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? value.slice(0, 40) : value) : String(value);
  return typeof value === 'string' && value.length > 40 ? `${text.slice(0, -1)}…"` : text;
}
