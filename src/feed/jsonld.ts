/**
 * The schema.org `AudioObject` of an article's recording, as JSON-LD a site pastes into the article's page
 * (`<script type="application/ld+json">`). It is also the feed's record of the article: the feed is rebuilt
 * from these files, so an article rendered in an earlier run keeps its item.
 */

/** What the feed and the JSON-LD say about an article, besides its files. */
export interface ArticleRecord {
  readonly title: string;
  readonly description: string;
  /** The article page's absolute http(s) URL. */
  readonly link: string;
  /** ISO 8601. */
  readonly published: string;
  /** BCP 47; '' when unknown. */
  readonly lang: string;
  /** '' when unknown. */
  readonly siteName: string;
}

export interface AudioFiles {
  readonly url: string;
  readonly type: string;
  /** Seconds. */
  readonly duration: number;
  /** The WebVTT transcript's URL and its text, sentence after sentence. */
  readonly transcript: { readonly url: string; readonly text: string };
}

/** The JSON-LD object for `record`'s recording. */
export function audioObject(record: ArticleRecord, files: AudioFiles): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'AudioObject',
    name: record.title,
    description: record.description || record.title,
    contentUrl: files.url,
    encodingFormat: files.type,
    duration: isoDuration(files.duration),
    uploadDate: record.published,
    datePublished: record.published,
    ...(record.lang ? { inLanguage: record.lang } : {}),
    transcript: files.transcript.text,
    caption: { '@type': 'MediaObject', contentUrl: files.transcript.url, encodingFormat: 'text/vtt' },
    associatedArticle: { '@type': 'NewsArticle', headline: record.title, url: record.link },
    ...(record.siteName ? { publisher: { '@type': 'Organization', name: record.siteName } } : {}),
  };
}

/** The record a JSON-LD file written by `audioObject` holds; null when it is not one. */
export function readRecord(json: unknown): ArticleRecord | null {
  if (typeof json !== 'object' || json === null) return null;
  const object = json as Record<string, unknown>;
  const article = object['associatedArticle'] as Record<string, unknown> | undefined;
  const publisher = object['publisher'] as Record<string, unknown> | undefined;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const title = text(object['name']);
  const link = text(article?.['url']);
  const published = text(object['datePublished']);
  if (object['@type'] !== 'AudioObject' || !title || !link || !published || !Number.isFinite(Date.parse(published))) return null;
  return {
    title,
    description: text(object['description']) ?? '',
    link,
    published,
    lang: text(object['inLanguage']) ?? '',
    siteName: text(publisher?.['name']) ?? '',
  };
}

/** `seconds` as an ISO 8601 duration in whole seconds (`PT4M56S`), at least one. */
export function isoDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const s = whole % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
