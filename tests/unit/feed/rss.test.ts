import { describe, expect, it } from 'vitest';
import { podcastGuid } from '../../../src/feed/podcast-guid.js';
import { formatFeed, type FeedChannel, type FeedItem } from '../../../src/feed/rss.js';
import { checkFeed, child, children, isRfc822, parseXml } from '../helpers/podcast-feed.js';

const channel: FeedChannel = {
  title: 'The Daily Ledger',
  link: 'https://news.example/',
  description: 'Articles from The Daily Ledger, read aloud.',
  language: 'en-GB',
  image: 'https://news.example/podcast.png',
  author: 'The Daily Ledger',
  category: 'News',
  explicit: false,
  self: 'https://news.example/audio/feed.xml',
  guid: 'eb62e04d-d249-5ab1-a3fb-cb03572186c0',
};

const item = (name: string, published: string, extra: Partial<FeedItem> = {}): FeedItem => ({
  title: `Story ${name}`,
  link: `https://news.example/${name}.html`,
  guid: `https://news.example/${name}.html`,
  permalink: true,
  published,
  description: `About ${name}.`,
  enclosure: { url: `https://news.example/audio/${name}.mp3`, length: 1234, type: 'audio/mpeg' },
  duration: 125.4,
  transcript: { url: `https://news.example/audio/${name}.vtt`, lang: 'en-GB' },
  ...extra,
});

/** Page text that would break a feed written by string concatenation. */
const HOSTILE = 'Fish & chips </title><script>alert(1)</script> "quoted" \'single\' ]]> \u0001\u0008 \uD800 done';

describe('formatFeed', () => {
  it('writes a feed podcast apps accept, items newest first', () => {
    const xml = formatFeed(channel, [item('old', '2025-03-18T15:40:00.000Z'), item('new', '2025-03-25T18:00:00.000Z'), item('mid', '2025-03-19T09:00:00.000Z')]);
    expect(checkFeed(xml, { fileSize: () => 1234 })).toEqual([]);
    expect(child(child(parseXml(xml), 'channel'), 'podcast:guid')!.text).toBe('eb62e04d-d249-5ab1-a3fb-cb03572186c0');
    const items = children(child(parseXml(xml), 'channel'), 'item');
    expect(items.map((i) => child(i, 'title')!.text)).toEqual(['Story new', 'Story mid', 'Story old']);
    const first = items[0]!;
    expect(child(first, 'pubDate')!.text).toBe('Tue, 25 Mar 2025 18:00:00 GMT');
    expect(child(first, 'itunes:duration')!.text).toBe('125');
    expect(child(first, 'guid')!.attributes.get('isPermaLink')).toBe('true');
    expect(Object.fromEntries(child(first, 'enclosure')!.attributes)).toEqual({ url: 'https://news.example/audio/new.mp3', length: '1234', type: 'audio/mpeg' });
    expect(child(first, 'podcast:transcript')!.attributes.get('url')).toBe('https://news.example/audio/new.vtt');
    expect(child(first, 'podcast:transcript')!.attributes.get('type')).toBe('text/vtt');
  });

  it('keeps page text as text: escaped, no markup, nothing XML refuses', () => {
    const xml = formatFeed({ ...channel, title: HOSTILE, author: HOSTILE }, [item('a', '2025-03-18T15:40:00.000Z', { title: HOSTILE, description: HOSTILE, link: 'https://news.example/a.html?x=1&y=2' })]);
    expect(checkFeed(xml)).toEqual([]);
    expect(xml).not.toContain('<script>');
    const rss = parseXml(xml);
    const expected = 'Fish & chips </title><script>alert(1)</script> "quoted" \'single\' ]]>   done';
    expect(child(child(rss, 'channel'), 'title')!.text).toBe(expected);
    const entry = child(child(rss, 'channel'), 'item')!;
    expect(child(entry, 'description')!.text).toBe(expected);
    expect(child(entry, 'link')!.text).toBe('https://news.example/a.html?x=1&y=2');
    expect(child(entry, 'script')).toBeUndefined();
  });

  it('leaves out the image and transcript it is not given', () => {
    const xml = formatFeed({ ...channel, image: null }, [item('a', '2025-03-18T15:40:00.000Z', { transcript: null })]);
    expect(xml).not.toContain('itunes:image');
    expect(xml).not.toContain('podcast:transcript');
    expect(checkFeed(xml)).toEqual(['the channel has no <itunes:image href> naming a JPEG or PNG by absolute URL']);
  });
});

describe('podcastGuid', () => {
  it('is the UUID v5 of the URL without its scheme and trailing slashes, in the podcast namespace', () => {
    // The value the Podcasting 2.0 tools (and Python's uuid.uuid5) give for this URL.
    expect(podcastGuid('https://bigal.github.io/breakfast-wrap-feed/breakfast-wrap.xml')).toBe('f95d7b89-e1ee-554c-be7f-f126f0b92dae');
    expect(podcastGuid('http://news.example/audio/feed.xml/')).toBe('eb62e04d-d249-5ab1-a3fb-cb03572186c0');
  });
});

describe('the feed check (a test helper)', () => {
  const good = formatFeed(channel, [item('a', '2025-03-18T15:40:00.000Z'), item('b', '2025-03-19T09:00:00.000Z')]);

  it.each<[string, (xml: string) => string, string]>([
    ['an unclosed element', (x) => x.replace('</title>', ''), 'not well-formed XML'],
    ['a bare ampersand', (x) => x.replace('About a.', 'Fish & chips'), 'not well-formed XML'],
    ['a duplicate attribute', (x) => x.replace('type="audio/mpeg"', 'type="audio/mpeg" type="audio/ogg"'), 'not well-formed XML'],
    ['a missing iTunes namespace', (x) => x.replace(/ xmlns:itunes="[^"]*"/, ''), 'the iTunes namespace is not declared'],
    ['a duplicate guid', (x) => x.replaceAll('https://news.example/b.html</guid>', 'https://news.example/a.html</guid>'), 'item 2: guid https://news.example/a.html is not unique'],
    ['a date that is not RFC 822', (x) => x.replace('Tue, 18 Mar 2025 15:40:00 GMT', '2025-03-18T15:40:00Z'), 'item 2: <pubDate> is not an RFC 822 date'],
    ['a zero length', (x) => x.replace('length="1234"', 'length="0"'), 'item 1: the enclosure length is not a positive whole number of bytes'],
    ['a type apps do not play', (x) => x.replace('type="audio/mpeg"', 'type="audio/wav"'), 'item 1: the enclosure type is not one podcast apps play'],
    ['a relative enclosure', (x) => x.replace('https://news.example/audio/a.mp3', '/audio/a.mp3'), 'item 2: the enclosure url is not an absolute http(s) URL'],
    ['explicit "yes"', (x) => x.replace('<itunes:explicit>false', '<itunes:explicit>yes'), '<itunes:explicit> is not true or false'],
    ['no items', (x) => x.replace(/<item>[\s\S]*<\/item>/, ''), 'the feed has no items'],
    ['a podcast:guid that is not a UUID', (x) => x.replace(/<podcast:guid>[^<]*/, '<podcast:guid>my-show'), '<podcast:guid> is not a UUID v5'],
  ])('refuses %s', (_, edit, problem) => {
    const problems = checkFeed(edit(good), { fileSize: () => 1234 });
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  it('refuses an enclosure length that is not the file size', () => {
    expect(checkFeed(good, { fileSize: (url) => (url.endsWith('/a.mp3') ? 1235 : 1234) })).toEqual(['item 2: the enclosure length 1234 is not the file\'s 1235 bytes']);
  });

  it('reads RFC 822 dates with their weekday checked', () => {
    expect(isRfc822('Tue, 18 Mar 2025 15:40:00 GMT')).toBe(true);
    expect(isRfc822('18 Mar 2025 15:40 +0100')).toBe(true);
    expect(isRfc822('Wed, 18 Mar 2025 15:40:00 GMT')).toBe(false);
    expect(isRfc822('2025-03-18')).toBe(false);
  });
});
