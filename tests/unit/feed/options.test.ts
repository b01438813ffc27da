import { describe, expect, it } from 'vitest';
import { feedSettings } from '../../../src/feed/options.js';

const settings = (values: Parameters<typeof feedSettings>[0]) => feedSettings(values, (message) => new RangeError(message));

describe('feedSettings', () => {
  it('is off without --feed', () => {
    expect(settings({})).toBeUndefined();
  });

  it('refuses the other feed options without --feed', () => {
    expect(() => settings({ 'feed-title': 'X' })).toThrow('--feed-title needs --feed <url>');
  });

  it('takes the feed folder, with its trailing slash, and defaults for the rest', () => {
    const feed = settings({ feed: 'https://news.example/audio' })!;
    expect(feed.base.href).toBe('https://news.example/audio/');
    expect(feed.site.href).toBe('https://news.example/');
    expect(feed).toMatchObject({ title: undefined, image: undefined, category: 'News', explicit: false, language: undefined });
  });

  it('resolves the image against the feed and names the category as Apple does', () => {
    const feed = settings({ feed: 'https://news.example/audio/', 'feed-image': '../art/cover.PNG', 'feed-category': 'health & fitness', 'feed-site': 'https://news.example/site' })!;
    expect(feed.image).toBe('https://news.example/art/cover.PNG');
    expect(feed.category).toBe('Health & Fitness');
    expect(feed.site.href).toBe('https://news.example/site/');
  });

  it.each<[Parameters<typeof feedSettings>[0], string]>([
    [{ feed: 'audio/' }, '--feed must be an absolute http(s) URL'],
    [{ feed: 'ftp://news.example/audio/' }, '--feed must be an http(s) URL, not ftp:'],
    [{ feed: 'javascript:alert(1)' }, '--feed must be an http(s) URL'],
    [{ feed: 'https://user:secret@news.example/' }, '--feed must not hold a user name or password'],
    [{ feed: 'https://news.example/audio/?x=1' }, "--feed must be a folder's URL, without ?query or #fragment"],
    [{ feed: 'https://news.example/', 'feed-site': 'file:///var/www/' }, '--feed-site must be an http(s) URL'],
    [{ feed: 'https://news.example/', 'feed-image': 'data:image/png;base64,AAAA' }, '--feed-image must be an http(s) URL'],
    [{ feed: 'https://news.example/', 'feed-image': 'cover.svg' }, '--feed-image must be a JPEG or PNG'],
    [{ feed: 'https://news.example/', 'feed-category': 'Gossip' }, "--feed-category must be one of Apple Podcasts' categories"],
    [{ feed: 'https://news.example/', 'feed-language': 'english please' }, '--feed-language must be a language tag'],
    [{ feed: 'https://news.example/', 'feed-title': '  ' }, '--feed-title is empty'],
  ])('refuses %j', (values, message) => {
    expect(() => settings(values)).toThrow(RangeError);
    expect(() => settings(values)).toThrow(message);
  });
});
