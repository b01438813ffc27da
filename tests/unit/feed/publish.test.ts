// Publishing into a folder: each article's transcript and JSON-LD, and the feed rebuilt from the whole folder.
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';
import type { ManifestJson } from '../../../src/manifest/manifest.js';
import { feedSettings, type FeedSettings } from '../../../src/feed/options.js';
import type { PageMeta } from '../../../src/feed/page.js';
import { pageUrl, podcastAudio, publishArticle, writeFeed, type PublishedArticle } from '../../../src/feed/publish.js';
import { checkFeed, checkVtt, child, children, parseXml, type XmlElement } from '../helpers/podcast-feed.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listen-feed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (extra: Record<string, string> = {}): FeedSettings =>
  feedSettings({ feed: 'https://news.example/audio/', 'feed-image': 'cover.png', ...extra }, (m) => new Error(m))!;

const page = (title: string, published: string | null, extra: Partial<PageMeta> = {}): PageMeta => ({
  title,
  siteName: 'The Ledger',
  description: `About ${title}.`,
  published,
  canonical: '',
  image: '',
  author: '',
  ...extra,
});

/** Writes a manifest of `texts` (a word each, a second each) and `bytes` of "audio" for each of `formats`. */
function rendered(name: string, texts: string[], formats: ('mp3' | 'opus' | 'wav')[] = ['mp3', 'opus'], bytes = 1000): PublishedArticle['texts'] {
  const types = { mp3: 'audio/mpeg', opus: 'audio/ogg; codecs=opus', wav: 'audio/wav' };
  const manifest: ManifestJson = {
    version: '1.0',
    lang: 'en',
    voice: 'v',
    generator: 'test',
    duration: texts.length,
    sources: formats.map((format) => ({ src: `${name}.${format}`, type: types[format] })),
    segments: texts.map((text, i) => ({ start: i, end: i + 1, fingerprint: fingerprint(text), length: text.length, words: [[i, i + 0.9, 0, text.length]] })),
  };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(manifest));
  for (const format of formats) writeFileSync(join(dir, `${name}.${format}`), Buffer.alloc(bytes, 1));
  return texts;
}

const article = (name: string, meta: PageMeta, texts = rendered(name, ['Headline', 'Body.'])): PublishedArticle => ({ name, path: `news/${name}.html`, texts, lang: 'en-GB', meta });

function feed(): { xml: string; items: XmlElement[] } {
  const xml = readFileSync(join(dir, 'feed.xml'), 'utf8');
  const size = (url: string): number | undefined => {
    try {
      return statSync(join(dir, new URL(url).pathname.replace('/audio/', ''))).size;
    } catch {
      return undefined;
    }
  };
  expect(checkFeed(xml, { fileSize: size })).toEqual([]);
  return { xml, items: children(child(parseXml(xml), 'channel'), 'item') };
}
const titles = (items: XmlElement[]): string[] => items.map((item) => child(item, 'title')!.text);

describe('publishArticle and writeFeed', () => {
  it("write the article's transcript and JSON-LD, and a feed of it", async () => {
    const s = settings();
    await publishArticle(dir, article('one', page('One', '2025-03-18T15:40:00.000Z')), s);
    expect(await writeFeed(dir, s, [page('One', null)])).toEqual([]);
    expect(checkVtt(readFileSync(join(dir, 'one.vtt'), 'utf8'))).toEqual([]);
    const jsonld = JSON.parse(readFileSync(join(dir, 'one.jsonld'), 'utf8')) as Record<string, unknown>;
    expect(jsonld).toMatchObject({ contentUrl: 'https://news.example/audio/one.mp3', encodingFormat: 'audio/mpeg', duration: 'PT2S', uploadDate: '2025-03-18T15:40:00.000Z' });
    const { items, xml } = feed();
    expect(xml).toContain('<title>The Ledger</title>');
    expect(xml).toContain('<itunes:image href="https://news.example/audio/cover.png"/>');
    expect(child(items[0], 'link')!.text).toBe('https://news.example/news/one.html');
    expect(child(items[0], 'enclosure')!.attributes.get('length')).toBe('1000');
    expect(child(items[0], 'podcast:transcript')!.attributes.get('url')).toBe('https://news.example/audio/one.vtt');
  });

  it('keep the items of articles published in earlier runs, newest first, and follow a re-rendered file', async () => {
    const s = settings();
    await publishArticle(dir, article('old', page('Old', '2025-03-18T15:40:00.000Z')), s);
    await writeFeed(dir, s, []);
    await publishArticle(dir, article('new', page('New', '2025-03-25T18:00:00.000Z')), s);
    rendered('old', ['Headline', 'Body.'], ['mp3', 'opus'], 2345); // the old article re-rendered meanwhile
    await writeFeed(dir, s, []);
    const { items } = feed();
    expect(titles(items)).toEqual(['New', 'Old']);
    expect(child(items[1], 'enclosure')!.attributes.get('length')).toBe('2345');
  });

  it('leave out, with a warning, an article whose audio is gone or only WAV', async () => {
    const s = settings();
    await publishArticle(dir, article('kept', page('Kept', '2025-03-18T15:40:00.000Z')), s);
    await publishArticle(dir, article('gone', page('Gone', '2025-03-19T15:40:00.000Z')), s);
    await publishArticle(dir, article('wav', page('Wav', '2025-03-20T15:40:00.000Z'), rendered('wav', ['Headline', 'Body.'], ['wav'])), s);
    unlinkSync(join(dir, 'gone.mp3'));
    unlinkSync(join(dir, 'gone.opus'));
    const warnings = await writeFeed(dir, s, []);
    expect(warnings).toEqual(['gone: left out of the feed: gone.mp3 is missing or empty', 'wav: left out of the feed: no MP3, M4A or Ogg audio (podcast apps play no other)']);
    expect(titles(feed().items)).toEqual(['Kept']);
  });

  it('keep the first date of a page that gives none', async () => {
    const s = settings();
    await publishArticle(dir, article('undated', page('Undated', null)), s);
    const first = JSON.parse(readFileSync(join(dir, 'undated.jsonld'), 'utf8')) as { datePublished: string };
    expect(Date.parse(first.datePublished)).toBeLessThanOrEqual(Date.now());
    await publishArticle(dir, article('undated', page('Undated, edited', null)), s);
    const second = JSON.parse(readFileSync(join(dir, 'undated.jsonld'), 'utf8')) as { name: string; datePublished: string };
    expect(second).toMatchObject({ name: 'Undated, edited', datePublished: first.datePublished });
  });

  it('give two articles of one canonical page distinct guids', async () => {
    const s = settings();
    const canonical = 'https://news.example/story';
    await publishArticle(dir, article('a', page('A', '2025-03-18T15:40:00.000Z', { canonical })), s);
    await publishArticle(dir, article('b', page('B', '2025-03-19T15:40:00.000Z', { canonical })), s);
    await writeFeed(dir, s, []);
    const guids = feed().items.map((item) => child(item, 'guid')!);
    expect(guids.map((guid) => guid.text)).toEqual(['https://news.example/audio/b.mp3', 'https://news.example/audio/a.mp3']);
    expect(guids.map((guid) => guid.attributes.get('isPermaLink'))).toEqual(['false', 'false']);
  });

  it('warn when the feed has no image, and take the channel from the options first', async () => {
    const s = feedSettings({ feed: 'https://news.example/audio/', 'feed-title': 'Listen & Read', 'feed-author': 'Desk', 'feed-explicit': true }, (m) => new Error(m))!;
    await publishArticle(dir, article('one', page('One', '2025-03-18T15:40:00.000Z')), s);
    expect(await writeFeed(dir, s, [page('One', null, { image: 'cover.svg' })])).toEqual([
      'the feed has no image (--feed-image): Apple Podcasts and most apps refuse a podcast without one',
    ]);
    const xml = readFileSync(join(dir, 'feed.xml'), 'utf8');
    expect(xml).toContain('<title>Listen &#38; Read</title>');
    expect(xml).toContain('<itunes:author>Desk</itunes:author>');
    expect(xml).toContain('<itunes:explicit>true</itunes:explicit>');
  });

  it.each([
    ['another text', ['Headline', 'Edited body.'], "other.json does not describe this article's text"],
    ['fewer segments', ['Headline', 'Body.', 'A new paragraph.'], "other.json does not describe this article's text (2 segments, not 3)"],
  ])('refuse a manifest of %s, writing nothing', async (_, texts, message) => {
    rendered('other', ['Headline', 'Body.']);
    await expect(publishArticle(dir, article('other', page('Other', null), texts), settings())).rejects.toThrow(message);
    expect(() => statSync(join(dir, 'other.vtt'))).toThrow();
    expect(() => statSync(join(dir, 'other.jsonld'))).toThrow();
  });
});

describe('pageUrl', () => {
  const site = new URL('https://news.example/');
  it('is the canonical link when the page has an http(s) one', () => {
    expect(pageUrl('x.html', page('x', null, { canonical: '/story/1' }), site)).toBe('https://news.example/story/1');
    expect(pageUrl('x.html', page('x', null, { canonical: 'javascript:alert(1)' }), site)).toBe('https://news.example/x.html');
  });

  it("is else the file's path on the site, an index page as its folder", () => {
    expect(pageUrl('index.html', page('x', null), site)).toBe('https://news.example/');
    expect(pageUrl('news/index.html', page('x', null), site)).toBe('https://news.example/news/');
    expect(pageUrl('news/a b#1?.html', page('x', null), site)).toBe('https://news.example/news/a%20b%231%3F.html');
  });
});

describe('podcastAudio', () => {
  it('prefers MP3, then M4A, then Ogg, and never WAV', () => {
    expect(podcastAudio([{ src: 'a.opus', type: 'audio/ogg; codecs=opus' }, { src: 'a.mp3', type: 'audio/mpeg' }])).toEqual({ src: 'a.mp3', type: 'audio/mpeg' });
    expect(podcastAudio([{ src: 'a.m4a', type: 'audio/mp4' }, { src: 'a.opus', type: 'audio/ogg; codecs=opus' }])).toEqual({ src: 'a.m4a', type: 'audio/x-m4a' });
    expect(podcastAudio([{ src: 'a.wav', type: 'audio/wav' }])).toBeNull();
    expect(podcastAudio([{ src: '../../etc/passwd', type: 'audio/mpeg' }])).toBeNull();
  });
});
