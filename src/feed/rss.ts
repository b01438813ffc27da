/**
 * The podcast feed: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, as Apple Podcasts and the podcast
 * indexes read it. Pure: every value is given, and every one is escaped here.
 */
import { escapeXml } from './text.js';

export interface FeedChannel {
  readonly title: string;
  /** The site's URL. */
  readonly link: string;
  readonly description: string;
  /** BCP 47; '' leaves `<language>` out. */
  readonly language: string;
  /** A JPEG or PNG (Apple asks for 1400–3000 px square); null leaves the image out. */
  readonly image: string | null;
  readonly author: string;
  /** One of Apple's categories. */
  readonly category: string;
  readonly explicit: boolean;
  /** The feed's own URL. */
  readonly self: string;
  /** `<podcast:guid>`: the feed's lasting identity (`podcastGuid`). */
  readonly guid: string;
}

export interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly guid: string;
  /** Whether `guid` is the article's permanent URL. */
  readonly permalink: boolean;
  /** ISO 8601. */
  readonly published: string;
  readonly description: string;
  readonly enclosure: { readonly url: string; readonly length: number; readonly type: string };
  /** Seconds. */
  readonly duration: number;
  readonly transcript: { readonly url: string; readonly lang: string } | null;
}

/** Apple Podcasts' top-level categories. */
export const CATEGORIES = [
  'Arts', 'Business', 'Comedy', 'Education', 'Fiction', 'Government', 'Health & Fitness', 'History', 'Kids & Family',
  'Leisure', 'Music', 'News', 'Religion & Spirituality', 'Science', 'Society & Culture', 'Sports', 'Technology',
  'True Crime', 'TV & Film',
] as const;

/** `items` newest first (then by title), the feed as a string. */
export function formatFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const e = escapeXml;
  const sorted = [...items].sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || a.title.localeCompare(b.title));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${e(channel.title)}</title>`,
    `    <link>${e(channel.link)}</link>`,
    `    <description>${e(channel.description)}</description>`,
    ...(channel.language ? [`    <language>${e(channel.language)}</language>`] : []),
    `    <atom:link href="${e(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...(channel.image
      ? [
          `    <image><url>${e(channel.image)}</url><title>${e(channel.title)}</title><link>${e(channel.link)}</link></image>`,
          `    <itunes:image href="${e(channel.image)}"/>`,
        ]
      : []),
    `    <itunes:author>${e(channel.author)}</itunes:author>`,
    `    <itunes:category text="${e(channel.category)}"/>`,
    `    <itunes:explicit>${channel.explicit}</itunes:explicit>`,
    '    <itunes:type>episodic</itunes:type>',
    `    <podcast:guid>${e(channel.guid)}</podcast:guid>`,
    ...sorted.flatMap((item) => [
      '    <item>',
      `      <title>${e(item.title)}</title>`,
      `      <link>${e(item.link)}</link>`,
      `      <guid isPermaLink="${item.permalink}">${e(item.guid)}</guid>`,
      `      <pubDate>${new Date(item.published).toUTCString()}</pubDate>`,
      `      <description>${e(item.description)}</description>`,
      `      <enclosure url="${e(item.enclosure.url)}" length="${item.enclosure.length}" type="${e(item.enclosure.type)}"/>`,
      `      <itunes:duration>${Math.max(1, Math.round(item.duration))}</itunes:duration>`,
      ...(item.transcript
        ? [`      <podcast:transcript url="${e(item.transcript.url)}" type="text/vtt"${item.transcript.lang ? ` language="${e(item.transcript.lang)}"` : ''} rel="captions"/>`]
        : []),
      '    </item>',
    ]),
    '  </channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}
