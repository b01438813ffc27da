import { describe, expect, it } from 'vitest';
import { audioObject, isoDuration, readRecord, type ArticleRecord } from '../../../src/feed/jsonld.js';
import { scriptSafeJson } from '../../../src/feed/text.js';

const record: ArticleRecord = {
  title: 'A story </script><script>alert(1)</script>',
  description: 'What it is about & more.',
  link: 'https://news.example/story.html',
  published: '2025-03-19T09:00:00.000Z',
  lang: 'en-GB',
  siteName: 'The Ledger',
};
const files = {
  url: 'https://news.example/audio/story.mp3',
  type: 'audio/mpeg',
  duration: 3725.4,
  transcript: { url: 'https://news.example/audio/story.vtt', text: 'First sentence.\nSecond.' },
};

describe('audioObject', () => {
  it('describes the recording as schema.org asks', () => {
    expect(audioObject(record, files)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'AudioObject',
      name: record.title,
      description: record.description,
      contentUrl: 'https://news.example/audio/story.mp3',
      encodingFormat: 'audio/mpeg',
      duration: 'PT1H2M5S',
      uploadDate: '2025-03-19T09:00:00.000Z',
      datePublished: '2025-03-19T09:00:00.000Z',
      inLanguage: 'en-GB',
      transcript: 'First sentence.\nSecond.',
      caption: { '@type': 'MediaObject', contentUrl: 'https://news.example/audio/story.vtt', encodingFormat: 'text/vtt' },
      associatedArticle: { '@type': 'NewsArticle', headline: record.title, url: 'https://news.example/story.html' },
      publisher: { '@type': 'Organization', name: 'The Ledger' },
    });
  });

  it('can be pasted into a script element: no page text closes it, and it reads back as the record', () => {
    const json = scriptSafeJson(audioObject(record, files));
    expect(json).not.toMatch(/[<>&]/);
    expect(readRecord(JSON.parse(json))).toEqual(record);
  });

  it('leaves out the language and publisher it does not know', () => {
    const object = audioObject({ ...record, lang: '', siteName: '' }, files);
    expect(object).not.toHaveProperty('inLanguage');
    expect(object).not.toHaveProperty('publisher');
  });
});

describe('readRecord', () => {
  it.each([null, 'x', {}, { '@type': 'VideoObject' }, { ...audioObject(record, files), datePublished: 'never' }])('refuses %j', (json) => {
    expect(readRecord(json)).toBeNull();
  });
});

describe('isoDuration', () => {
  it.each([
    [0.2, 'PT1S'],
    [59.6, 'PT1M'],
    [296, 'PT4M56S'],
    [7200, 'PT2H'],
  ])('%s s is %s', (seconds, iso) => {
    expect(isoDuration(seconds)).toBe(iso);
  });
});
