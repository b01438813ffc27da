// The demo's recordings and feed are those of its pages as they are now: each page's player `src` names a
// manifest of that page's very segments, and audio/feed.xml, the transcripts and JSON-LD are what
// `npm run render -- … --feed https://localhost:5173/audio/` writes for them (docs/feed.md).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { feedSettings } from '../../../src/feed/options.js';
import { publishArticle, writeFeed } from '../../../src/feed/publish.js';
import { checkManifestAgainst } from '../../../src/manifest/lookup.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { articleText, type ArticleText } from '../../../src/render/source.js';
import { checkFeed, checkVtt, child, children, fileSizesIn, parseXml } from '../helpers/podcast-feed.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const AUDIO = join(ROOT, 'audio');
const BASE = 'https://localhost:5173/audio/';
/** The demo's article pages and the URL each is served at. */
const PAGES = [
  { path: 'index.html', url: 'https://localhost:5173/' },
  { path: 'src/demo/articles/ceasefire.html', url: 'https://localhost:5173/src/demo/articles/ceasefire.html' },
  { path: 'src/demo/articles/black-sea.html', url: 'https://localhost:5173/src/demo/articles/black-sea.html' },
];

const pages = new Map<string, { html: string; text: ArticleText; name: string }>();
beforeAll(async () => {
  for (const { path } of PAGES) {
    const html = readFileSync(join(ROOT, path), 'utf8');
    const src = /<listen-player\b[^>]*\ssrc="\/audio\/([\w.-]+)\.json"/.exec(html)?.[1];
    pages.set(path, { html, text: await articleText(html), name: src ?? '' });
  }
});

describe('the demo pages and their recordings', () => {
  it.each(PAGES)('$path: its player plays a manifest of its own segments', ({ path }) => {
    const { name, text } = pages.get(path)!;
    expect(name).not.toBe('');
    const json: unknown = JSON.parse(readFileSync(join(AUDIO, `${name}.json`), 'utf8'));
    const manifest = parseManifest(json, `https://localhost:5173/audio/${name}.json`);
    expect(manifest.segments.map((segment) => segment.fingerprint)).toEqual(text.texts.map(fingerprint));
    expect(checkManifestAgainst(manifest, text.texts)).toEqual([]);
    for (const source of manifest.sources) expect(statSync(join(AUDIO, basename(new URL(source.url).pathname))).size).toBeGreaterThan(0);
  });
});

describe('the demo feed', () => {
  let fresh: string;
  beforeAll(async () => {
    // What the render command's --feed writes for the three pages now, into a copy of audio/.
    fresh = mkdtempSync(join(tmpdir(), 'listen-demo-feed-'));
    cpSync(AUDIO, fresh, { recursive: true });
    const settings = feedSettings({ feed: BASE, 'feed-image': '/src/demo/images/podcast.png' }, (message) => new Error(message))!;
    for (const { path } of PAGES) {
      const { name, text } = pages.get(path)!;
      await publishArticle(fresh, { name, path: join(ROOT, path), texts: text.texts, lang: text.lang, meta: text.meta }, settings);
    }
    expect(await writeFeed(fresh, settings, [...pages.values()].map((page) => page.text.meta))).toEqual([]);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('is up to date with the pages and their audio', () => {
    const written = readdirSync(fresh).filter((file) => /\.(?:vtt|jsonld|xml)$/.test(file)).sort();
    expect(written).toEqual(['black-sea.jsonld', 'black-sea.vtt', 'ceasefire.jsonld', 'ceasefire.vtt', 'feed.xml', 'seed.jsonld', 'seed.vtt']);
    for (const file of written) expect(readFileSync(join(AUDIO, file), 'utf8'), file).toBe(readFileSync(join(fresh, file), 'utf8'));
  });

  it('passes the podcast apps\' checks, one item a page, newest first, with valid transcripts', () => {
    const xml = readFileSync(join(AUDIO, 'feed.xml'), 'utf8');
    expect(checkFeed(xml, { fileSize: fileSizesIn(AUDIO, BASE) })).toEqual([]);
    const items = children(child(parseXml(xml), 'channel'), 'item');
    expect(items.map((item) => child(item, 'link')!.text)).toEqual([PAGES[2]!.url, PAGES[1]!.url, PAGES[0]!.url]);
    for (const { name } of pages.values()) expect(checkVtt(readFileSync(join(AUDIO, `${name}.vtt`), 'utf8'))).toEqual([]);
  });
});
