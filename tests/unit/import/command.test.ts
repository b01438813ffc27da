// The import command end to end: options, what it prints, what it writes, and its exit codes. Mostly
// in-process through main(); once through `node src/import/main.mjs`, as `npm run import` runs it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifestAgainst } from '../../../src/manifest/lookup.js';
import type { Manifest } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { articleText } from '../../../src/render/source.js';
import { ARTICLE, FIXTURES, ROOT, run, useImportFolder } from '../helpers/import-run.js';

const folder = useImportFolder('listen-import-');

function readManifest(path: string): Manifest {
  return parseManifest(JSON.parse(readFileSync(path, 'utf8')), 'https://news.example/audio/x.json');
}

describe('import', () => {
  it.each([
    ['polly.jsonl', 'Amazon Polly speech marks', 'polly'],
    ['elevenlabs.json', 'ElevenLabs alignment', 'elevenlabs'],
    ['captions.vtt', 'WebVTT captions', 'vtt'],
  ])('%s: says what it detected, copies the audio and writes a manifest of the page', async (file, name, format) => {
    const out = join(folder.dir, format);
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, file), '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`timings: ${name} (detected; --format ${format})\n`);
    expect(result.stdout).toMatch(/audio: audio\/mpeg, 31\.\d\d s \(ffprobe\)/);
    expect(result.stdout).toMatch(/alignment: \d+ of 61 article words matched/);
    expect(readFileSync(join(out, 'narration.mp3'))).toEqual(readFileSync(folder.audio));
    const manifest = readManifest(join(out, 'narration.json'));
    expect(manifest.sources).toEqual([{ url: 'https://news.example/audio/narration.mp3', type: 'audio/mpeg' }]);
    expect(manifest.duration).toBeGreaterThan(31);
    expect(manifest.lang).toBe('en-GB');
    const { texts } = await articleText(readFileSync(ARTICLE, 'utf8'));
    expect(checkManifestAgainst(manifest, texts)).toEqual([]);
    // 1.1 only where a 1.1 field is used: the caption Polly left out, the cue-estimated words.
    expect(manifest.version).toBe(format === 'elevenlabs' ? '1.0' : '1.1');
    expect(manifest.segments[3]!.audio).toBe(format === 'polly' ? false : undefined);
    expect(manifest.generator).toContain(name);
    expect(readdirSync(out).sort()).toEqual(['narration.json', 'narration.mp3']); // no temporary files left
  });

  it('takes the length from the timings when ffprobe cannot read the audio, and says so', async () => {
    const fake = join(folder.dir, 'fake.opus');
    writeFileSync(fake, 'not audio');
    const out = join(folder.dir, 'fake');
    const result = await run(ARTICLE, '--audio', fake, '--timings', join(FIXTURES, 'captions.vtt'), '--out', out, '--name', 'story', '--format', 'vtt');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('timings: WebVTT captions\n');
    expect(result.stdout).toContain("audio: audio/ogg; codecs=opus, 27.92 s (from the timings' last time: ffprobe is missing or cannot read the file)");
    const manifest = readManifest(join(out, 'story.json'));
    expect(manifest.duration).toBe(27.92);
    expect(manifest.sources[0]!.url).toMatch(/\/story\.opus$/);
  });

  it('refuses timings of another article with the report and a clear message, writing nothing', async () => {
    const other = join(folder.dir, 'other.vtt');
    writeFileSync(other, 'WEBVTT\n\n00:00.000 --> 00:04.000\nCouncil approves the harbour budget after a long debate\n');
    const out = join(folder.dir, 'refused');
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', other, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/alignment: [0-5] of 61 article words matched/);
    expect(result.stdout).toContain('not in the audio');
    expect(result.stderr).toMatch(/^import: refused: only \d+\.\d % of the article's words were matched in the timings, below --min-match 85\.0 %/);
    expect(result.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('honours --min-match both ways', async () => {
    const strict = await run(ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, 'polly.jsonl'), '--out', join(folder.dir, 'strict'), '--min-match', '95');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('only 90.1 % of the article');
    const lenient = await run(ARTICLE, '--audio', folder.audio, '--timings', join(folder.dir, 'other.vtt'), '--out', join(folder.dir, 'lenient'), '--min-match', '0');
    expect(lenient.code).toBe(0);
  });

  it('re-targets a Listen manifest to an edited article: unchanged paragraphs keep their audio', async () => {
    const edited = join(folder.dir, 'edited.html');
    writeFileSync(edited, readFileSync(ARTICLE, 'utf8').replace('reaches the corner', 'reaches the end of the street'));
    const out = join(folder.dir, 'retarget');
    const result = await run(edited, '--audio', folder.audio, '--timings', join(folder.dir, 'vtt', 'narration.json'), '--out', out, '--min-match', '50');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('timings: a Listen timing manifest (detected; --format manifest)');
    const manifest = readManifest(join(out, 'narration.json'));
    expect(manifest.segments.map((s) => s.audio)).toEqual([undefined, undefined, false, undefined, undefined]);
    expect(manifest.segments[4]).toEqual(readManifest(join(folder.dir, 'vtt', 'narration.json')).segments[4]);
  });

  it('exits 1 on timings it cannot read, 2 on a bad command line or a missing file, 0 with the help', async () => {
    const garbage = join(folder.dir, 'garbage.txt');
    writeFileSync(garbage, 'hello');
    const unknown = await run(ARTICLE, '--audio', folder.audio, '--timings', garbage);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('not a timing format this command reads')]);
    const broken = await run(ARTICLE, '--audio', folder.audio, '--timings', garbage, '--format', 'polly');
    expect([broken.code, broken.stderr]).toEqual([1, expect.stringContaining('cannot be read as Amazon Polly speech marks: line 1 is not JSON')]);
    expect((await run(ARTICLE, '--timings', garbage)).code).toBe(2);
    expect((await run(ARTICLE, '--audio', folder.audio, '--timings', garbage, '--format', 'srt')).stderr).toContain('--format must be auto');
    expect((await run(ARTICLE, '--audio', folder.audio, '--timings', garbage, '--min-match', '120')).code).toBe(2);
    const missing = await run(join(folder.dir, 'nope.html'), '--audio', folder.audio, '--timings', garbage);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read the article')]);
    const text = join(folder.dir, 'notes.txt');
    copyFileSync(garbage, text);
    expect((await run(ARTICLE, '--audio', text, '--timings', join(FIXTURES, 'captions.vtt'))).stderr).toContain('not an audio format the player knows');
    const help = await run('--help');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run import --')]);
  });

  it('runs as `npm run import` does', () => {
    const out = join(folder.dir, 'spawned');
    const child = spawnSync(process.execPath, [join(ROOT, 'src/import/main.mjs'), ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, 'elevenlabs.json'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('only in the audio (4 words): [Listen to this article]');
    expect(readManifest(join(out, 'narration.json')).segments).toHaveLength(5);
  }, 60_000); // a cold start: Vite compiles the command's TypeScript first (about 5 s on a loaded machine)
});
