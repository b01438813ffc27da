import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, generatorName, isUpToDate } from '../../../src/render/job.js';

const content = {
  lang: 'en-GB',
  texts: ['Title', 'A paragraph.'],
  voice: 'en-gb',
  rate: 175,
  formats: ['mp3', 'opus'] as const,
  generator: generatorName(),
};

describe('contentHash', () => {
  it('is stable for the same content', () => {
    expect(contentHash(content)).toBe(contentHash({ ...content, texts: [...content.texts] }));
    expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a text', { texts: ['Title', 'A paragraph!'] }],
    ['the segmenting', { texts: ['Title A', 'paragraph.'] }],
    ['the voice', { voice: 'en-us' }],
    ['the rate', { rate: 176 }],
    ['the language', { lang: 'en' }],
    ['the formats', { formats: ['wav'] as const }],
    ['the generator', { generator: 'listen-render/2' }],
  ])('changes with %s', (_, change) => {
    expect(contentHash({ ...content, ...change })).not.toBe(contentHash(content));
  });
});

describe('isUpToDate', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('needs the same hash and every audio file', () => {
    dir = mkdtempSync(join(tmpdir(), 'listen-job-'));
    expect(isUpToDate(dir, 'a', 'h1', ['mp3'])).toBe(false);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ hash: 'h1' }));
    expect(isUpToDate(dir, 'a', 'h1', ['mp3'])).toBe(false);
    writeFileSync(join(dir, 'a.mp3'), '');
    expect(isUpToDate(dir, 'a', 'h1', ['mp3'])).toBe(true);
    expect(isUpToDate(dir, 'a', 'h2', ['mp3'])).toBe(false);
    expect(isUpToDate(dir, 'a', 'h1', ['mp3', 'opus'])).toBe(false);
    writeFileSync(join(dir, 'a.json'), '{ not json');
    expect(isUpToDate(dir, 'a', 'h1', ['mp3'])).toBe(false);
  });
});
