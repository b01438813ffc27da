// `npm run import -- … --feed <url>`: the imported article's transcript and JSON-LD, and the feed of its folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed, checkVtt, child, fileSizesIn, parseXml } from '../helpers/podcast-feed.js';
import { ARTICLE, FIXTURES, run, useImportFolder } from '../helpers/import-run.js';

const folder = useImportFolder('listen-import-feed-');
const BASE = 'https://news.example/audio/';

describe('import --feed', () => {
  it('writes the transcript, the JSON-LD and a valid feed with the imported audio', async () => {
    const out = join(folder.dir, 'feed');
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, 'captions.vtt'), '--out', out, '--feed', BASE, '--feed-image', 'cover.jpg');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(out, 'narration.vtt')}, narration.jsonld and feed.xml\n`);
    const vtt = readFileSync(join(out, 'narration.vtt'), 'utf8');
    expect(checkVtt(vtt)).toEqual([]);
    expect(vtt).toContain('\nThe café on Rue Daguerre\n');
    const xml = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(checkFeed(xml, { fileSize: fileSizesIn(out, BASE) })).toEqual([]);
    const item = child(child(parseXml(xml), 'channel'), 'item')!;
    expect(child(item, 'title')!.text).toBe('The café on Rue Daguerre');
    expect(child(item, 'enclosure')!.attributes.get('url')).toBe(`${BASE}narration.mp3`);
    expect(JSON.parse(readFileSync(join(out, 'narration.jsonld'), 'utf8'))).toMatchObject({ contentUrl: `${BASE}narration.mp3`, inLanguage: 'en-GB' });
  });

  it('refuses a base that is not http(s) before writing anything (exit code 2)', async () => {
    const out = join(folder.dir, 'refused');
    const result = await run(ARTICLE, '--audio', folder.audio, '--timings', join(FIXTURES, 'captions.vtt'), '--out', out, '--feed', 'ftp://news.example/audio/');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('import: --feed must be an http(s) URL, not ftp:');
    expect(existsSync(out)).toBe(false);
  });
});
