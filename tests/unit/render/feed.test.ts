// `npm run render -- … --feed <url>` end to end: the transcripts, JSON-LD and feed beside the audio, kept up to
// date run after run.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, checkVtt, child, children, fileSizesIn, parseXml } from '../helpers/podcast-feed.js';
import { runRender as render } from '../helpers/render-run.js';

const FIXTURES = 'tests/fixtures/render';
const BASE = 'https://news.example/podcast/';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'listen-render-feed-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The feed in `out`, checked with the real files' sizes. */
function readFeed(): ReturnType<typeof parseXml> {
  const xml = readFileSync(join(out, 'feed.xml'), 'utf8');
  expect(checkFeed(xml, { fileSize: fileSizesIn(out, BASE) })).toEqual([]);
  return parseXml(xml);
}

describe('npm run render -- --feed', () => {
  it('writes each article\'s transcript and JSON-LD and a valid feed of them', async () => {
    const run = await render([`${FIXTURES}/quotes.html`, `${FIXTURES}/plain.html`, '--out', out, '--jobs', '1', '--feed', BASE, '--feed-image', 'cover.png']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`feed: ${BASE}feed.xml`);
    for (const name of ['quotes', 'plain']) {
      expect(checkVtt(readFileSync(join(out, `${name}.vtt`), 'utf8'))).toEqual([]);
      const jsonld = JSON.parse(readFileSync(join(out, `${name}.jsonld`), 'utf8')) as Record<string, unknown>;
      expect(jsonld).toMatchObject({ '@type': 'AudioObject', contentUrl: `${BASE}${name}.mp3`, caption: { contentUrl: `${BASE}${name}.vtt` } });
    }
    const vtt = readFileSync(join(out, 'quotes.vtt'), 'utf8');
    expect(vtt).toContain('\nHarbour wall “finally” reopens\n');
    expect(vtt).toContain('\nThe town’s harbour wall reopened on Monday — two years late &amp; over budget.\n');
    const channel = child(readFeed(), 'channel');
    expect(children(channel, 'item').map((item) => child(item, 'link')!.text).sort()).toEqual([
      'https://news.example/tests/fixtures/render/plain.html',
      'https://news.example/tests/fixtures/render/quotes.html',
    ]);
    expect(readdirSync(out).filter((file) => file.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('keeps the items of articles not in a later run, whose articles are up to date', async () => {
    const run = await render([`${FIXTURES}/plain.html`, '--out', out, '--feed', BASE, '--feed-image', 'cover.png', '--feed-title', 'Harbour News']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 rendered, 1 up to date, 0 failed/m);
    const channel = child(readFeed(), 'channel');
    expect(child(channel, 'title')!.text).toBe('Harbour News');
    expect(children(channel, 'item').map((item) => child(item, 'title')!.text).sort()).toEqual(['Harbour wall “finally” reopens', 'Library hours']);
  }, 60_000);

  it.each([
    ['not a URL', ['--feed', 'podcast/'], '--feed must be an absolute http(s) URL'],
    ['not http(s)', ['--feed', 'file:///var/www/'], '--feed must be an http(s) URL, not file:'],
    ['feed options without --feed', ['--feed-title', 'X'], '--feed-title needs --feed <url>'],
  ])('refuses %s with exit code 2, writing nothing', async (_, args, message) => {
    const fresh = join(out, 'refused');
    const run = await render([`${FIXTURES}/plain.html`, '--out', fresh, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`render: ${message}`);
    expect(existsSync(fresh)).toBe(false);
  });
});
