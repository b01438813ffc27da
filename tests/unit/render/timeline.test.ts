import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { buildManifest, formatManifest, layOut, pauseSamples, SEGMENT_PAUSE_SECONDS } from '../../../src/render/timeline.js';

const RATE = 22_050;
const info = {
  lang: 'en-GB',
  voice: 'English (Great Britain)',
  generator: 'test',
  hash: 'h',
  sampleRate: RATE,
  sources: [{ src: 'a.mp3', type: 'audio/mpeg' }],
};

describe('layOut', () => {
  it('puts a whole number of pause samples between segments and none at the ends', () => {
    const pause = pauseSamples(RATE);
    expect(pause).toBe(Math.round(SEGMENT_PAUSE_SECONDS * RATE));
    expect(layOut([100, 200, 300], RATE)).toEqual({ starts: [0, 100 + pause, 300 + 2 * pause], pause, total: 600 + 2 * pause });
    expect(layOut([], RATE)).toEqual({ starts: [], pause, total: 0 });
  });
});

describe('buildManifest', () => {
  const segments = [
    { text: 'Title here', samples: 22_050, words: [{ start: 0, end: 11_025, offset: 0, length: 5 }, { start: 11_025, end: 20_000, offset: 6, length: 4 }] },
    { text: 'Body “text”.', samples: 7_001, words: [{ start: 13, end: 7_001, offset: 0, length: 4 }] },
  ];
  const manifest = buildManifest(info, segments);

  it('writes times from sample counts, offset by where each segment lands', () => {
    const second = 22_050 + pauseSamples(RATE);
    expect(manifest.duration).toBe(Math.round(((second + 7_001) / RATE) * 1e5) / 1e5);
    expect(manifest.segments[0]).toMatchObject({ start: 0, end: 1, fingerprint: fingerprint('Title here'), length: 10 });
    expect(manifest.segments[0]!.words).toEqual([
      [0, 0.5, 0, 5],
      [0.5, Math.round((20_000 / RATE) * 1e5) / 1e5, 6, 4],
    ]);
    const start = manifest.segments[1]!.start;
    expect(start).toBeCloseTo(second / RATE, 5);
    expect(Math.round(start * RATE)).toBe(second); // sample-exact after rounding
    expect(Math.round(manifest.segments[1]!.words[0]![0] * RATE)).toBe(second + 13);
    expect(manifest.segments[1]!.end).toBe(manifest.duration);
  });

  it('is a valid manifest, and stays one written to disk', () => {
    expect(() => parseManifest(manifest, 'https://example.com/a.json')).not.toThrow();
    const written = formatManifest(manifest);
    expect(JSON.parse(written)).toEqual(manifest);
    // One segment per line: an edited paragraph shows as one changed line.
    const lines = written.split('\n');
    expect(lines.filter((line) => line.includes('"fingerprint"'))).toHaveLength(2);
    expect(written.endsWith('\n')).toBe(true);
  });
});
