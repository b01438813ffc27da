/**
 * Fault matrix, the timing manifest as pure data: each broken or hostile manifest is refused with the issue
 * named where it is, and a message a person can act on (what the player reports as `manifest-invalid`).
 * The player-level flow of these failures (state, events, status line) is in tests/browser/faults-manifest.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { ManifestError, type ManifestIssue, type ManifestJson } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';

const BASE = 'https://news.example/audio/story.json';
const TEXTS = ['Harbour wall reopens', 'The wall reopened on Monday.'];

/** A valid two-segment manifest of TEXTS, with `change` applied. */
function manifest(change: (json: any) => void = () => {}): unknown {
  const json: ManifestJson = {
    version: '1.0',
    lang: 'en-GB',
    voice: 'English (Great Britain)',
    generator: 'test',
    duration: 4,
    sources: [{ src: 'story.mp3', type: 'audio/mpeg' }],
    segments: [
      { start: 0, end: 1.5, fingerprint: fingerprint(TEXTS[0]!), length: TEXTS[0]!.length, words: [[0, 0.5, 0, 7], [0.5, 1, 8, 4]] },
      { start: 2, end: 4, fingerprint: fingerprint(TEXTS[1]!), length: TEXTS[1]!.length, words: [[2, 2.4, 0, 3], [2.4, 3, 4, 4]] },
    ],
  };
  const copy = structuredClone(json) as any;
  change(copy);
  return copy;
}

/** The error `parseManifest` throws for `json` (fails the test if it accepts it). */
function refusal(json: unknown, options?: { allowCrossOrigin?: boolean }): ManifestError {
  try {
    parseManifest(json, BASE, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return error as ManifestError;
  }
  throw new Error('The manifest was accepted.');
}

const CASES: readonly (readonly [string, (json: any) => void, ManifestIssue])[] = [
  [
    'a segment without times',
    (m) => delete m.segments[1].start,
    { name: 'time-invalid', path: 'segments[1]', message: 'start and end must be seconds ≥ 0, found nothing and 4' },
  ],
  [
    'a word without times',
    (m) => (m.segments[0].words[1] = [null, 1, 8, 4]),
    { name: 'word-invalid', path: 'segments[0].words[1]', message: 'expected [start, end, offset, length]' },
  ],
  [
    'a segment that ends before it starts',
    (m) => {
      m.segments[1].end = 1.9;
      m.segments[1].words = [];
    },
    { name: 'end-before-start', path: 'segments[1]', message: 'ends (1.9) before it starts (2)' },
  ],
  [
    'segment times that go backwards',
    (m) => {
      m.segments[1].start = 1;
      m.segments[1].words = [];
    },
    { name: 'segments-overlap', path: 'segments[1]', message: 'starts at 1, before the previous one ends (1.5)' },
  ],
  [
    'overlapping words',
    (m) => (m.segments[1].words[1][0] = 2.2),
    { name: 'words-overlap', path: 'segments[1].words[1]', message: 'starts at 2.2, before the previous word ends (2.4)' },
  ],
  [
    'a word outside its text',
    (m) => (m.segments[0].words[1] = [0.5, 1, 18, 9]),
    {
      name: 'word-outside-text',
      path: 'segments[0].words[1]',
      message: 'characters 18+9 are not after the previous word (7) and inside the text (20)',
    },
  ],
  [
    'a word outside its segment’s time',
    (m) => (m.segments[0].words[1] = [0.5, 1.8, 8, 4]),
    { name: 'word-outside-segment', path: 'segments[0].words[1]', message: '0.5–1.8 is outside its segment (0–1.5)' },
  ],
  [
    'a javascript: audio URL',
    (m) => (m.sources[0].src = 'javascript:alert(document.cookie)'),
    { name: 'source-url-scheme', path: 'sources[0].src', message: 'only http(s) audio is played, not javascript:' },
  ],
  [
    'a data: audio URL',
    (m) => (m.sources[0].src = 'data:audio/mpeg;base64,AAAA'),
    { name: 'source-url-scheme', path: 'sources[0].src', message: 'only http(s) audio is played, not data:' },
  ],
  [
    'audio on another origin',
    (m) => (m.sources[0].src = 'https://cdn.example/story.mp3'),
    {
      name: 'source-cross-origin',
      path: 'sources[0].src',
      message: "https://cdn.example is not the manifest's origin (https://news.example)",
    },
  ],
];

describe('faults: a manifest the player must refuse', () => {
  it.each(CASES)('%s: named where it is, with what is wrong', (_, change, issue) => {
    const error = refusal(manifest(change));
    expect(error.issues).toEqual([issue]);
    expect(error.newerFormat).toBe(false);
    // The one line the player reports (`listen-error` message) names the place and the problem.
    expect(error.message).toBe(`Invalid timing manifest: ${issue.path}: ${issue.message}`);
  });

  it('a newer format: refused as such, the message naming both versions and what to do', () => {
    const error = refusal(manifest((m) => (m.version = '2.3')));
    expect(error.newerFormat).toBe(true);
    expect(error.message).toBe(
      'The timing manifest is a newer format (version 2.3) than this player reads (1.x); update the player.',
    );
  });

  it('audio on another origin is played only when the host opts in (allow-cross-origin), never another scheme', () => {
    const cdn = manifest((m) => (m.sources[0].src = 'https://cdn.example/story.mp3'));
    expect(parseManifest(cdn, BASE, { allowCrossOrigin: true }).sources).toEqual([
      { url: 'https://cdn.example/story.mp3', type: 'audio/mpeg' },
    ]);
    for (const src of ['javascript:alert(1)', 'data:audio/mpeg;base64,AAAA', 'blob:https://news.example/x', 'file:///etc/passwd']) {
      const error = refusal(manifest((m) => (m.sources[0].src = src)), { allowCrossOrigin: true });
      expect(error.issues.map((issue) => issue.name)).toEqual(['source-url-scheme']);
    }
  });
});
