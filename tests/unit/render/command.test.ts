// The render command end to end: `node src/render/main.mjs` on the fixture articles, as `npm run render` runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { checkManifestAgainst } from '../../../src/manifest/lookup.js';
import type { Manifest } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { FFMPEG_MISSING } from '../../../src/render/encode.js';
import { runRender as render, type RenderRun as Run } from '../helpers/render-run.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/render');
/** Each good fixture and the element the player would read in it. */
const ARTICLES = [
  { name: 'quotes', selector: 'article', lang: 'en-GB' },
  { name: 'plain', selector: '[data-listen-article]', lang: 'en' },
] as const;

/** The texts the player extracts from `html`'s element `selector`. */
async function playerTexts(html: string, selector: string): Promise<string[]> {
  const window = new Window();
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const root = document.querySelector(selector) as unknown as Element;
    return extractSegments(root).map((segment) => segment.text);
  } finally {
    await window.happyDOM.close();
  }
}

function readManifest(dir: string, name: string): Manifest {
  const json: unknown = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return parseManifest(json, `http://localhost/audio/${name}.json`);
}

/** Seconds of audio in `path` as a browser decodes it (encoder delay and padding removed), sample-exact. */
function decodedSeconds(path: string): number {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-ac', '1', '-ar', '48000', '-'], {
    maxBuffer: 1 << 28,
  });
  expect(result.status).toBe(0);
  return result.stdout.length / 2 / 48_000;
}

/** The duration ffprobe reads from the container. */
function probedSeconds(path: string): number {
  const result = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return Number(result.stdout.trim());
}

describe('npm run render', () => {
  let out: string;
  let first: Run;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'listen-render-'));
    first = await render([
      join(FIXTURES, 'quotes.html'),
      join(FIXTURES, 'broken/empty.html'),
      join(FIXTURES, 'plain.html'),
      '--out',
      out,
      '--jobs',
      '1',
    ]);
  }, 60_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('renders the good articles, reports the broken one and exits with 1', () => {
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/empty .*failed: .*empty\.html: nothing to read in <article>/);
    expect(first.stdout).toMatch(/^✓ quotes +3\/3 segments +\d+\.\d s audio +\d+× real time$/m);
    expect(first.stdout).toMatch(/^✓ plain +3\/3 segments/m);
    expect(first.stdout).toMatch(/^2 rendered, 0 up to date, 1 failed: /m);
    for (const { name } of ARTICLES) {
      for (const extension of ['json', 'mp3', 'opus']) expect(existsSync(join(out, `${name}.${extension}`))).toBe(true);
    }
    expect(existsSync(join(out, 'empty.json'))).toBe(false);
  });

  it('writes a valid manifest whose segments are exactly what the player extracts', async () => {
    for (const { name, selector, lang } of ARTICLES) {
      const manifest = readManifest(out, name);
      const texts = await playerTexts(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'), selector);
      expect(manifest.segments).toHaveLength(texts.length);
      expect(manifest.segments.map((s) => s.fingerprint)).toEqual(texts.map(fingerprint));
      expect(checkManifestAgainst(manifest, texts)).toEqual([]);
      expect(manifest.lang).toBe(lang);
      expect(manifest.voice).toBe('English (Great Britain)');
      expect(manifest.generator).toMatch(/^listen-render\/\d+ \(eSpeak NG via @echogarden\/espeak-ng-emscripten 0\.3\.5\)$/);
      expect(manifest.sources).toEqual([
        { url: `http://localhost/audio/${name}.mp3`, type: 'audio/mpeg' },
        { url: `http://localhost/audio/${name}.opus`, type: 'audio/ogg; codecs=opus' },
      ]);
    }
    // The teaser <article> before [data-listen-article] is not the story.
    expect(readManifest(out, 'plain').segments).toHaveLength(3);
  });

  it('gives words in order, inside their text and time, covering every word of the text', async () => {
    for (const { name, selector } of ARTICLES) {
      const manifest = readManifest(out, name);
      const texts = await playerTexts(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'), selector);
      manifest.segments.forEach((segment, i) => {
        const text = texts[i]!;
        let textEnd = 0;
        let timeEnd = segment.start;
        for (const word of segment.words) {
          expect(word.offset).toBeGreaterThanOrEqual(textEnd);
          expect(word.offset + word.length).toBeLessThanOrEqual(text.length);
          expect(word.start).toBeGreaterThanOrEqual(timeEnd);
          expect(word.end).toBeGreaterThan(word.start);
          expect(word.end).toBeLessThanOrEqual(segment.end);
          expect(text.slice(word.offset, word.offset + word.length)).not.toMatch(/^\s|\s$/);
          textEnd = word.offset + word.length;
          timeEnd = word.end;
        }
        for (const token of text.matchAll(/\S+/g)) {
          if (!/[\p{L}\p{N}]/u.test(token[0])) continue;
          const from = token.index;
          const to = from + token[0].length;
          const covered = segment.words.some((w) => w.offset < to && w.offset + w.length > from);
          expect(covered, `"${token[0]}" in "${text}"`).toBe(true);
        }
      });
    }
    // Non-ASCII: curly quotes are left out of words, apostrophes kept, and offsets are JS string offsets.
    const quotes = readManifest(out, 'quotes');
    const text = (await playerTexts(readFileSync(join(FIXTURES, 'quotes.html'), 'utf8'), 'article'))[2]!;
    const words = quotes.segments[2]!.words.map((w) => text.slice(w.offset, w.offset + w.length));
    expect(words).toEqual(expect.arrayContaining(['It’s', 'relief', 'O’Neill', 'café', 'quay']));
  });

  it('writes a duration that matches the audio files to within 10 ms', () => {
    for (const { name } of ARTICLES) {
      const manifest = readManifest(out, name);
      expect(manifest.segments.at(-1)!.end).toBe(manifest.duration);
      expect(Math.abs(decodedSeconds(join(out, `${name}.mp3`)) - manifest.duration)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(decodedSeconds(join(out, `${name}.opus`)) - manifest.duration)).toBeLessThanOrEqual(0.01);
      // Ogg knows its own length; an MP3's container length includes the encoder's delay and padding.
      expect(Math.abs(probedSeconds(join(out, `${name}.opus`)) - manifest.duration)).toBeLessThanOrEqual(0.01);
      // Mono MP3 at about 32 kb/s.
      const bitsPerSecond = (statSync(join(out, `${name}.mp3`)).size * 8) / manifest.duration;
      expect(bitsPerSecond).toBeGreaterThan(24_000);
      expect(bitsPerSecond).toBeLessThan(40_000);
    }
  });

  it('skips articles whose text, voice and rate are unchanged', async () => {
    const before = statSync(join(out, 'quotes.mp3')).mtimeMs;
    const again = await render([join(FIXTURES, 'quotes.html'), join(FIXTURES, 'plain.html'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^– quotes +up to date$/m);
    expect(again.stdout).toMatch(/^– plain +up to date$/m);
    expect(again.stdout).toMatch(/^0 rendered, 2 up to date, 0 failed$/m);
    expect(statSync(join(out, 'quotes.mp3')).mtimeMs).toBe(before);
  }, 30_000);

  it('writes WAV without ffmpeg, and names ffmpeg when MP3 or Opus needs it', async () => {
    const noFfmpeg = { ...process.env, PATH: join(out, 'no-such-dir') };
    const articles = ARTICLES.map(({ name }) => join(FIXTURES, `${name}.html`));
    const [missing, wav] = await Promise.all([
      render([join(FIXTURES, 'plain.html'), '--out', out, '--force'], noFfmpeg),
      render([...articles, '--out', join(out, 'wav'), '--format', 'wav', '--jobs', '2'], noFfmpeg),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`render: ${FFMPEG_MISSING}`);
    expect(wav.code).toBe(0);
    for (const { name } of ARTICLES) {
      const manifest = readManifest(join(out, 'wav'), name);
      expect(manifest.sources).toEqual([{ url: `http://localhost/audio/${name}.wav`, type: 'audio/wav' }]);
      const file = join(out, 'wav', `${name}.wav`);
      const samples = (statSync(file).size - 44) / 2;
      expect(samples / 22_050).toBeCloseTo(manifest.duration, 4);
      expect(Math.abs(probedSeconds(file) - manifest.duration)).toBeLessThanOrEqual(0.01);
      expect(existsSync(join(out, 'wav', `${name}.mp3`))).toBe(false);
      // The same speech whichever worker rendered it, and after whatever else: "plain" came second in
      // the first run's only worker, and on a worker of its own here.
      expect(manifest.segments).toEqual(readManifest(out, name).segments);
    }
  }, 30_000);
});
