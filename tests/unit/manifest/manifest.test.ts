import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { checkManifestAgainst, findSegmentAt, findWordAt } from '../../../src/manifest/lookup.js';
import { ManifestError, type ManifestIssueName, type ManifestJson } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';

const BASE = 'https://news.example/audio/story.json';
const TEXTS = ['Harbour wall reopens', 'The town’s harbour wall reopened on Monday.'];

/** A valid manifest of TEXTS: two segments, 0.6 s apart. */
function valid(): ManifestJson {
  return {
    version: '1.0',
    lang: 'en-GB',
    voice: 'English (Great Britain)',
    generator: 'test',
    hash: 'abc',
    duration: 4.5,
    sources: [
      { src: 'story.opus', type: 'audio/ogg; codecs=opus' },
      { src: 'story.mp3', type: 'audio/mpeg' },
    ],
    segments: [
      {
        start: 0,
        end: 1.5,
        fingerprint: fingerprint(TEXTS[0]!),
        length: TEXTS[0]!.length,
        words: [
          [0, 0.5, 0, 7],
          [0.5, 0.9, 8, 4],
          [0.9, 1.4, 13, 7],
        ],
      },
      {
        start: 2.1,
        end: 4.5,
        fingerprint: fingerprint(TEXTS[1]!),
        length: TEXTS[1]!.length,
        words: [
          [2.1, 2.3, 0, 3],
          [2.3, 2.7, 4, 6],
          [2.9, 3.2, 11, 7],
          [3.2, 3.5, 19, 4],
          [3.5, 3.9, 24, 8],
          [3.9, 4.0, 33, 2],
          [4.0, 4.4, 36, 6],
        ],
      },
    ],
  };
}

/** A copy of the valid manifest with `change` applied to a deep clone. */
function variant(change: (json: any) => void): unknown {
  const json = structuredClone(valid()) as any;
  change(json);
  return json;
}

function issuesOf(json: unknown, options?: { allowCrossOrigin?: boolean }): ManifestIssueName[] {
  try {
    parseManifest(json, BASE, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as ManifestError).issues.map((issue) => issue.name);
  }
  return [];
}

describe('parseManifest', () => {
  it('accepts a valid manifest and resolves sources against the manifest URL', () => {
    const manifest = parseManifest(valid(), BASE);
    expect(manifest.version).toBe('1.0');
    expect(manifest.lang).toBe('en-GB');
    expect(manifest.hash).toBe('abc');
    expect(manifest.duration).toBe(4.5);
    expect(manifest.sources).toEqual([
      { url: 'https://news.example/audio/story.opus', type: 'audio/ogg; codecs=opus' },
      { url: 'https://news.example/audio/story.mp3', type: 'audio/mpeg' },
    ]);
    expect(manifest.segments).toHaveLength(2);
    expect(manifest.segments[1]!.words[2]).toEqual({ start: 2.9, end: 3.2, offset: 11, length: 7 });
  });

  it('accepts a URL object as base, absolute same-origin sources, later minor versions and no hash', () => {
    const json = variant((m) => {
      m.version = '1.7';
      delete m.hash;
      m.sources[0].src = '/media/story.opus';
      m.sources[1].src = 'https://news.example/media/story.mp3';
    });
    const manifest = parseManifest(json, new URL(BASE));
    expect(manifest.hash).toBeUndefined();
    expect(manifest.sources.map((s) => s.url)).toEqual([
      'https://news.example/media/story.opus',
      'https://news.example/media/story.mp3',
    ]);
  });

  it.each<[string, ManifestIssueName, (json: any) => void]>([
    ['version missing', 'version-invalid', (m) => delete m.version],
    ['version a number', 'version-invalid', (m) => (m.version = 1)],
    ['version 0.9', 'version-invalid', (m) => (m.version = '0.9')],
    ['lang missing', 'field-invalid', (m) => delete m.lang],
    ['voice not a string', 'field-invalid', (m) => (m.voice = 3)],
    ['generator missing', 'field-invalid', (m) => delete m.generator],
    ['hash not a string', 'field-invalid', (m) => (m.hash = 12)],
    ['duration missing', 'duration-invalid', (m) => delete m.duration],
    ['duration NaN', 'duration-invalid', (m) => (m.duration = Number.NaN)],
    ['duration negative', 'duration-invalid', (m) => (m.duration = -1)],
    ['no sources', 'sources-empty', (m) => (m.sources = [])],
    ['sources missing', 'sources-empty', (m) => delete m.sources],
    ['source without type', 'source-invalid', (m) => delete m.sources[0].type],
    ['source type not audio', 'source-invalid', (m) => (m.sources[0].type = 'text/html')],
    ['source URL unparseable', 'source-url-invalid', (m) => (m.sources[0].src = 'https://exa mple.com:99999/x')],
    ['javascript: source', 'source-url-scheme', (m) => (m.sources[0].src = 'javascript:alert(1)')],
    ['data: source', 'source-url-scheme', (m) => (m.sources[0].src = 'data:audio/mpeg;base64,AAAA')],
    ['blob: source', 'source-url-scheme', (m) => (m.sources[0].src = 'blob:https://news.example/1234')],
    ['cross-origin source', 'source-cross-origin', (m) => (m.sources[0].src = 'https://cdn.example/story.opus')],
    ['protocol-relative source elsewhere', 'source-cross-origin', (m) => (m.sources[0].src = '//cdn.example/story.opus')],
    ['http source for an https manifest', 'source-cross-origin', (m) => (m.sources[0].src = 'http://news.example/story.opus')],
    ['no segments', 'segments-empty', (m) => (m.segments = [])],
    ['segment start missing', 'time-invalid', (m) => delete m.segments[0].start],
    ['segment end Infinity', 'time-invalid', (m) => (m.segments[1].end = Infinity)],
    ['segment time a string', 'time-invalid', (m) => (m.segments[1].start = '2.1')],
    ['segment ends before it starts', 'end-before-start', (m) => (m.segments[1].end = 2)],
    ['segments overlapping', 'segments-overlap', (m) => (m.segments[1].start = 1.4)],
    ['segment past the duration', 'segment-after-duration', (m) => (m.duration = 4)],
    ['fingerprint missing', 'fingerprint-invalid', (m) => delete m.segments[0].fingerprint],
    ['fingerprint not hex', 'fingerprint-invalid', (m) => (m.segments[0].fingerprint = 'ZZZZZZZZZZZZZZ')],
    ['length missing', 'length-invalid', (m) => delete m.segments[0].length],
    ['length fractional', 'length-invalid', (m) => (m.segments[0].length = 19.5)],
    ['words missing', 'word-invalid', (m) => delete m.segments[0].words],
    ['word of three numbers', 'word-invalid', (m) => (m.segments[0].words[0] = [0, 0.5, 0])],
    ['word as an object', 'word-invalid', (m) => (m.segments[0].words[0] = { start: 0, end: 0.5, offset: 0, length: 7 })],
    ['word time NaN', 'time-invalid', (m) => (m.segments[0].words[1][0] = Number.NaN)],
    ['word ends before it starts', 'end-before-start', (m) => (m.segments[0].words[1] = [0.9, 0.5, 8, 4])],
    ['words overlapping in time', 'words-overlap', (m) => (m.segments[0].words[1][0] = 0.3)],
    ['words out of time order', 'words-overlap', (m) => (m.segments[1].words[3] = [2.2, 2.25, 19, 4])],
    ['word before its segment', 'word-outside-segment', (m) => (m.segments[1].words[0][0] = 1.9)],
    ['word after its segment', 'word-outside-segment', (m) => (m.segments[1].words[6][1] = 4.6)],
    ['word past the end of the text', 'word-outside-text', (m) => (m.segments[0].words[2][3] = 8)],
    ['word at a negative offset', 'word-outside-text', (m) => (m.segments[0].words[0][2] = -1)],
    ['word of no characters', 'word-outside-text', (m) => (m.segments[0].words[1][3] = 0)],
    ['word at a fractional offset', 'word-outside-text', (m) => (m.segments[0].words[1][2] = 8.5)],
    ['words overlapping in the text', 'word-outside-text', (m) => (m.segments[0].words[1][2] = 5)],
  ])('refuses %s as %s', (_, name, change) => {
    expect(issuesOf(variant(change))).toContain(name);
  });

  it('refuses what is not an object', () => {
    for (const json of [null, 'manifest', 42, [valid()]]) expect(issuesOf(json)).toEqual(['not-an-object']);
  });

  it('tells a newer format apart, by message and flag, and judges nothing else', () => {
    const json = variant((m) => {
      m.version = '2.0';
      m.segments = 'whatever 2.0 means';
    });
    let error: unknown;
    try {
      parseManifest(json, BASE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ManifestError);
    const manifestError = error as ManifestError;
    expect(manifestError.newerFormat).toBe(true);
    expect(manifestError.issues.map((i) => i.name)).toEqual(['newer-format']);
    expect(manifestError.message).toMatch(/newer format/);
    expect(manifestError.message).toMatch(/2\.0/);
  });

  it('names every problem with where it is, and says what is wrong in the message', () => {
    const json = variant((m) => {
      m.sources[1].src = 'javascript:void(0)';
      m.segments[1].words[4][1] = 3.4;
    });
    let error: ManifestError | undefined;
    try {
      parseManifest(json, BASE);
    } catch (caught) {
      error = caught as ManifestError;
    }
    expect(error?.newerFormat).toBe(false);
    expect(error?.issues).toEqual([
      expect.objectContaining({ name: 'source-url-scheme', path: 'sources[1].src' }),
      expect.objectContaining({ name: 'end-before-start', path: 'segments[1].words[4]' }),
    ]);
    expect(error?.message).toMatch(/^Invalid timing manifest: sources\[1\]\.src: .*javascript:/);
  });

  it('stops listing at 50 problems', () => {
    const json = variant((m) => {
      m.segments[1].words = Array.from({ length: 200 }, () => [Number.NaN, 0, 0, 1]);
    });
    expect(issuesOf(json)).toHaveLength(50);
  });

  it('accepts another origin only when allowed, and never a non-http(s) scheme', () => {
    const json = variant((m) => {
      m.sources[0].src = 'https://cdn.example/story.opus';
    });
    expect(parseManifest(json, BASE, { allowCrossOrigin: true }).sources[0]!.url).toBe('https://cdn.example/story.opus');
    const script = variant((m) => {
      m.sources[0].src = 'javascript:alert(1)';
    });
    expect(issuesOf(script, { allowCrossOrigin: true })).toEqual(['source-url-scheme']);
  });

  it('accepts segments and words that touch, and a segment without words', () => {
    const json = variant((m) => {
      m.segments[1].start = 1.5;
      m.segments[1].words[0][0] = 1.5;
      m.segments[0].words = [];
    });
    expect(() => parseManifest(json, BASE)).not.toThrow();
  });

  it('reads the 1.1 fields: a segment without audio and estimated word times, absent on 1.0 segments', () => {
    const json = variant((m) => {
      m.version = '1.1';
      m.segments[0] = { ...m.segments[0], start: 0, end: 0, words: [], audio: false };
      m.segments[1].estimated = true;
    });
    const manifest = parseManifest(json, BASE);
    expect(manifest.segments.map((s) => [s.audio, s.estimated])).toEqual([
      [false, undefined],
      [undefined, true],
    ]);
    expect('audio' in parseManifest(valid(), BASE).segments[0]!).toBe(false);
  });

  it('refuses 1.1 fields of the wrong type, and a segment without audio that has a range or words', () => {
    expect(issuesOf(variant((m) => (m.segments[0].audio = 'no')))).toEqual(['field-invalid']);
    expect(issuesOf(variant((m) => (m.segments[1].estimated = 1)))).toEqual(['field-invalid']);
    expect(issuesOf(variant((m) => (m.segments[0].audio = false)))).toEqual(['field-invalid']);
  });
});

describe('findSegmentAt', () => {
  const manifest = parseManifest(valid(), BASE);

  it.each([
    [0, 0],
    [0.75, 0],
    [1.5, 0], // the pause after a segment belongs to it
    [2.0999, 0],
    [2.1, 1],
    [4.5, 1],
    [99, 1],
    [-0.1, -1],
    [Number.NaN, -1],
  ])('at %d s → segment %d', (time, index) => {
    expect(findSegmentAt(manifest, time)).toBe(index);
  });

  it('finds the right one among many, for every start and just before it', () => {
    const segments = Array.from({ length: 1001 }, (_, i) => ({ start: i * 2, end: i * 2 + 1.5, words: [] }));
    const many = { segments } as unknown as Parameters<typeof findSegmentAt>[0];
    for (let i = 0; i < segments.length; i++) {
      expect(findSegmentAt(many, i * 2)).toBe(i);
      expect(findSegmentAt(many, i * 2 - 0.001)).toBe(i - 1);
    }
    expect(findSegmentAt({ segments: [] }, 1)).toBe(-1);
  });
});

describe('findWordAt', () => {
  const segment = parseManifest(valid(), BASE).segments[1]!;

  it.each([
    [2.1, 0],
    [2.29, 0],
    [2.3, 1],
    [2.8, -1], // a pause between words
    [2.9, 2],
    [4.39, 6],
    [4.4, -1], // after the last word
    [2.0, -1], // before the first
    [Number.NaN, -1],
  ])('at %d s → word %d', (time, index) => {
    expect(findWordAt(segment, time)).toBe(index);
  });

  it('returns −1 for a segment without words', () => {
    expect(findWordAt({ words: [] }, 1)).toBe(-1);
  });
});

describe('checkManifestAgainst', () => {
  const manifest = parseManifest(valid(), BASE);

  it('finds nothing wrong when the page has the same texts', () => {
    expect(checkManifestAgainst(manifest, TEXTS)).toEqual([]);
  });

  it('names the segments whose text changed', () => {
    expect(checkManifestAgainst(manifest, [TEXTS[0]!, TEXTS[1]!.replace('Monday', 'Tuesday')])).toEqual([1]);
    expect(checkManifestAgainst(manifest, [TEXTS[0]!.replace('H', 'h'), TEXTS[1]!])).toEqual([0]);
    expect(checkManifestAgainst(manifest, [TEXTS[0]!, TEXTS[1]!.replace('’', "'")])).toEqual([1]);
  });

  it('counts a segment missing on either side as a mismatch', () => {
    expect(checkManifestAgainst(manifest, [TEXTS[0]!])).toEqual([1]);
    expect(checkManifestAgainst(manifest, [...TEXTS, 'A new last paragraph.'])).toEqual([2]);
    expect(checkManifestAgainst(manifest, [])).toEqual([0, 1]);
  });
});
