/**
 * Hostile or impossible manifests: credentials in an audio URL, a duration no audio has, nesting deeper than
 * the stack, and the content types a manifest is read from. Each gets a named issue, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { isManifestType } from '../../../src/manifest/fetch.js';
import { MANIFEST_MAX_DURATION } from '../../../src/manifest/limits.js';
import { ManifestError, type ManifestJson } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { durationMismatch } from '../../../src/engines/audio/timings.js';

const BASE = 'https://news.example/audio/story.json';

function manifest(): { -readonly [K in keyof ManifestJson]: ManifestJson[K] } {
  return {
    version: '1.0',
    lang: 'en',
    voice: 'v',
    generator: 'g',
    duration: 2,
    sources: [{ src: 'story.mp3', type: 'audio/mpeg' }],
    segments: [{ start: 0, end: 1.5, fingerprint: '0123456789abcd', length: 5, words: [[0, 0.5, 0, 5]] }],
  };
}

function issues(json: unknown): { name: string; path: string; message: string }[] {
  try {
    parseManifest(json, BASE);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return [...(error as ManifestError).issues];
  }
  throw new Error('accepted');
}

describe('manifests: hostile values', () => {
  it('refuses an audio URL with a user name or password, without repeating the secret', () => {
    for (const src of ['https://user:secret@news.example/audio/story.mp3', 'https://user@news.example/story.mp3', '//:secret@news.example/x.mp3']) {
      const json = manifest();
      json.sources = [{ src, type: 'audio/mpeg' }];
      const found = issues(json);
      expect(found).toEqual([{ name: 'source-url-credentials', path: 'sources[0].src', message: 'a user name or password in an audio URL is refused' }]);
      expect(JSON.stringify(found)).not.toContain('secret');
    }
  });

  it.each([1e308, Infinity, 0, -1, MANIFEST_MAX_DURATION + 1, '300'])('refuses a duration of %s', (duration) => {
    const json = { ...manifest(), duration };
    expect(issues(json).map((issue) => issue.name)).toContain('duration-invalid');
  });

  it('accepts a duration up to the bound', () => {
    expect(parseManifest({ ...manifest(), duration: MANIFEST_MAX_DURATION }, BASE).duration).toBe(MANIFEST_MAX_DURATION);
  });

  it('names a field nested 100,000 levels deep without serialising it', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    const json = manifest();
    const segments = [{ ...json.segments[0]!, fingerprint: deep }];
    const found = issues({ ...json, segments, lang: { a: deep }, hash: deep });
    expect(found).toEqual([
      { name: 'field-invalid', path: 'lang', message: 'expected a string, found an object' },
      { name: 'field-invalid', path: 'hash', message: 'expected a string, found an array of 1' },
      { name: 'fingerprint-invalid', path: 'segments[0].fingerprint', message: 'expected 14 hex digits, found an array of 1' },
    ]);
  });

  it('shortens a long string value', () => {
    const found = issues({ ...manifest(), version: 'x'.repeat(10_000_000) });
    expect(found).toEqual([{ name: 'version-invalid', path: 'version', message: `expected "1.0", found "${'x'.repeat(40)}…"` }]);
  });
});

describe('manifests: content types', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'text/json', 'application/ld+json', 'APPLICATION/JSON', 'text/plain', 'application/octet-stream', ''])(
    'reads %j',
    (type) => expect(isManifestType(type)).toBe(true),
  );
  it.each(['text/html', 'image/svg+xml', 'application/xml', 'text/xml', 'image/png', 'text/javascript', 'audio/mpeg', 'application/jsonp', 'multipart/form-data'])(
    'refuses %j',
    (type) => expect(isManifestType(type)).toBe(false),
  );
});

describe('manifests: against the audio file', () => {
  it('agrees within rounding and an encoder padding', () => {
    expect(durationMismatch(295.81, 295.75778)).toBeNull();
    expect(durationMismatch(3600, 3640)).toBeNull();
    expect(durationMismatch(Infinity, 300)).toBeNull();
    expect(durationMismatch(Number.NaN, 300)).toBeNull();
  });
  it('names both lengths when the manifest is of another file', () => {
    expect(durationMismatch(295.81, 80_000)).toBe(
      'The audio file is 295.8 s long, but its timing manifest says 80000 s: they do not belong together.',
    );
    expect(durationMismatch(295.81, 200)).not.toBeNull();
  });
});
