/**
 * The import command on odd input: a publisher's big files (200,000 speech marks, a 200,000-cue caption file,
 * a WAV larger than a string can hold), vendor times outside the audio, and a manifest nested deeper than the
 * stack. Each is read, or refused with a clear message and exit code 1, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolly } from '../../../src/import/formats.js';
import { ARTICLE, FIXTURES, ROOT, run, useImportFolder } from '../helpers/import-run.js';

const folder = useImportFolder('listen-import-hostile-');

describe('import: big inputs', () => {
  it('reads 200,000 Polly speech marks in one pass', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      // Ten words of "word " to a sentence; offsets are bytes into the text the sentences make up.
      if (i % 10 === 0) lines.push(JSON.stringify({ time: i * 300, type: 'sentence', start: i * 5, end: i * 5 + 49, value: 'word '.repeat(10).trim() }));
      lines.push(JSON.stringify({ time: i * 300, type: 'word', start: i * 5, end: i * 5 + 4, value: 'word' }));
    }
    const words = readPolly(lines.join('\n'), 60_001);
    expect(words).toHaveLength(200_000);
    expect(words[1]).toEqual({ text: 'word', start: 0.3, end: 0.6, estimated: false });
    expect(words.at(-1)!.start).toBe(59_999.7);
  }, 30_000);

  it('imports a valid caption file of 200,000 cues (more words than a spread can take)', async () => {
    const fake = join(folder.dir, 'long.opus'); // ffprobe cannot read it: the length comes from the timings
    writeFileSync(fake, 'not audio');
    const text = readFileSync(ARTICLE, 'utf8').replace(/<[^>]*>/g, ' ');
    const articleWords = text.split(/\s+/).filter((word) => /\w/.test(word));
    const cues = ['WEBVTT', ''];
    const stamp = (ms: number): string => {
      const h = Math.floor(ms / 3_600_000);
      const m = Math.floor(ms / 60_000) % 60;
      const s = (ms % 60_000) / 1000;
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
    };
    for (let i = 0; i < 200_000; i++) cues.push(`${stamp(i * 200)} --> ${stamp(i * 200 + 150)}\n${articleWords[i % articleWords.length]}\n`);
    const vtt = join(folder.dir, 'long.vtt');
    writeFileSync(vtt, cues.join('\n'));
    const result = await run(ARTICLE, '--audio', fake, '--timings', vtt, '--out', join(folder.dir, 'long'), '--min-match', '0');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('from 200000 words in the timings');
    expect(result.stdout).toContain('39999.95 s (from the timings');
  }, 120_000);

  it('checks a WAV larger than a string can hold by its size, without reading it', async () => {
    // A sparse file: a WAV header claiming 600 MB of 16-bit mono samples at 44.1 kHz (6,800 s), no data on disk.
    const out = join(folder.dir, 'big');
    rmSync(out, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', out]);
    const wav = join(out, 'big.wav');
    const data = 600_000_000;
    const header = Buffer.alloc(44);
    header.write('RIFF', 0);
    header.writeUInt32LE(36 + data, 4);
    header.write('WAVEfmt ', 8);
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(44_100, 24);
    header.writeUInt32LE(88_200, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36);
    header.writeUInt32LE(data, 40);
    const fd = openSync(wav, 'w');
    writeSync(fd, header);
    ftruncateSync(fd, 44 + data);
    closeSync(fd);
    // The manifest is written beside the audio, so nothing is copied either.
    const result = await run(ARTICLE, '--audio', wav, '--timings', join(FIXTURES, 'captions.vtt'), '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/audio: audio\/wav, 6802\.\d\d s/);
    expect(readdirSync(out).sort()).toEqual(['big.json', 'big.wav']);
  }, 60_000);
});

describe('import: times outside the audio', () => {
  const elevenLabs = JSON.parse(readFileSync(join(FIXTURES, 'elevenlabs.json'), 'utf8')) as {
    alignment: { character_start_times_seconds: number[]; character_end_times_seconds: number[] };
  };

  it.each([
    ['a negative start', -5, 'word 1 ("Listen") has times -5 to'],
    ['a start past the audio', 1e308, 'word 1 ("Listen") has times 1e+308 to'],
  ])('refuses %s with the word and its times, writing nothing', async (_, time, message) => {
    const json = structuredClone(elevenLabs);
    json.alignment.character_start_times_seconds[0] = time;
    const file = join(folder.dir, `eleven-${time}.json`);
    writeFileSync(file, JSON.stringify(json));
    const out = join(folder.dir, `eleven-${time}`);
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot be read as ElevenLabs alignment: ${message}`);
    expect(result.stdout).not.toContain('matched');
    expect(() => readdirSync(out)).toThrow();
  });

  it('refuses an end past the audio, naming its length', async () => {
    const json = structuredClone(elevenLabs);
    json.alignment.character_end_times_seconds[5] = 1e308; // the end of "Listen"
    const file = join(folder.dir, 'eleven-end.json');
    writeFileSync(file, JSON.stringify(json));
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', file, '--out', join(folder.dir, 'eleven-end'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/word 1 \("Listen"\) ends at 1e\+308 s, past 31\.\d\d s, the audio's length: is it the audio they were made for\?/);
  });
});

describe('import: a manifest nested deeper than the stack', () => {
  it('is refused as an invalid manifest naming the field', async () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'audio/seed.json'), 'utf8')) as { segments: { fingerprint: unknown }[] };
    const text = JSON.stringify(seed).replace(`"${String(seed.segments[0]!.fingerprint)}"`, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const file = join(folder.dir, 'deep.json');
    writeFileSync(file, text);
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', file, '--format', 'manifest', '--out', join(folder.dir, 'deep'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('segments[0].fingerprint: expected 14 hex digits, found an array of 1');
  });
});

describe('import: names', () => {
  it.each(['..', '.hidden', 'a/b'])('refuses --name %s', async (name) => {
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, 'captions.vtt'), '--out', join(folder.dir, 'names'), '--name', name);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--name must be a plain file name`);
  });

  it('refuses audio with an extension that is an object key (.constructor)', async () => {
    const odd = join(folder.dir, 'narration.constructor');
    writeFileSync(odd, 'x');
    const result = await run(ARTICLE, '--audio', odd, '--timings', join(FIXTURES, 'captions.vtt'), '--out', join(folder.dir, 'odd'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.constructor is not an audio format the player knows');
  });
});
