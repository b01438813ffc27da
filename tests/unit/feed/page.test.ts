import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, pageMeta } from '../../../src/feed/page.js';

const window = new Window();
afterAll(() => window.happyDOM.close());

function meta(html: string): ReturnType<typeof pageMeta> {
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return pageMeta(document, document.querySelector('article') ?? document.body);
}

describe('pageMeta', () => {
  it('reads Open Graph and article metadata first', () => {
    expect(
      meta(`<html><head><title>Ignored | Site</title>
        <meta property="og:title" content="  The   title ">
        <meta property="og:site_name" content="The Ledger">
        <meta name="description" content="What it is about.">
        <meta property="article:published_time" content="2025-03-19T10:00:00+01:00">
        <link rel="canonical" href="https://news.example/story">
        <meta property="og:image" content="/cover.png">
        <meta name="author" content="A. Writer">
      </head><body><article><h1>Heading</h1><time datetime="2020-01-01">then</time><p>Text.</p></article></body></html>`),
    ).toEqual({
      title: 'The title',
      siteName: 'The Ledger',
      description: 'What it is about.',
      published: '2025-03-19T09:00:00.000Z',
      canonical: 'https://news.example/story',
      image: '/cover.png',
      author: 'A. Writer',
    });
  });

  it('falls back to the heading, the title suffix, og:description, the first <time> and og:url', () => {
    expect(
      meta(`<html><head><title>Story title | The Daily Ledger</title><meta property="og:description" content="Short.">
        <meta property="og:url" content="https://news.example/s"></head>
        <body><time datetime="1999-01-01">site date</time><article><h1>The <em>heading</em></h1><time datetime="2025-03-18T15:40">when</time></article></body></html>`),
    ).toMatchObject({ title: 'The heading', siteName: 'The Daily Ledger', description: 'Short.', published: '2025-03-18T15:40:00.000Z', canonical: 'https://news.example/s' });
  });

  it('says nothing it does not know', () => {
    expect(meta('<html><head><title>Just a title</title></head><body><p>Hi</p></body></html>')).toEqual({
      title: 'Just a title',
      siteName: '',
      description: '',
      published: null,
      canonical: '',
      image: '',
      author: '',
    });
  });
});

describe('isoDate', () => {
  it.each([
    ['2025-03-19', '2025-03-19T00:00:00.000Z'],
    ['2025-03-19T09:00', '2025-03-19T09:00:00.000Z'],
    ['2025-03-19 09:00:30.5Z', '2025-03-19T09:00:30.500Z'],
    ['2025-03-19T09:00:00-0500', '2025-03-19T14:00:00.000Z'],
  ])('reads %s in UTC, whatever the machine\'s zone', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it.each(['', 'yesterday', '2025-13-45', 'March 19, 2025', '0999-01-01', '2025-03-19T25:00'])('refuses %j', (text) => {
    expect(isoDate(text)).toBeNull();
  });
});
