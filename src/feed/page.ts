/**
 * What a feed item and the AudioObject JSON-LD say about an article, from its page's own metadata (Open Graph,
 * `<meta name="description">`, `article:published_time`, `<time datetime>`, the canonical link). Pure DOM: runs on
 * the render and import commands' inert happy-dom document.
 */
import { plainText } from './text.js';

export interface PageMeta {
  /** `og:title`, else the article's first `<h1>`, else the document's title less a ` | Site` suffix. */
  readonly title: string;
  /** `og:site_name`, else `application-name`, else the part of the title after its last ` | `; '' when none. */
  readonly siteName: string;
  /** `description`, else `og:description`; '' when none. */
  readonly description: string;
  /** When it was published, as an ISO 8601 string; null when the page does not say (or says nonsense). */
  readonly published: string | null;
  /** The page's public URL as it declares it (canonical link, else `og:url`), unresolved; '' when none. */
  readonly canonical: string;
  /** `og:image`, unresolved; '' when none. */
  readonly image: string;
  /** `<meta name="author">`; '' when none. */
  readonly author: string;
}

const content = (document: Document, selector: string): string => plainText(document.querySelector(selector)?.getAttribute('content') ?? '');

/** The metadata of `document`, whose article element is `root`. */
export function pageMeta(document: Document, root: Element): PageMeta {
  const fullTitle = plainText(document.querySelector('title')?.textContent ?? '');
  const bar = fullTitle.lastIndexOf(' | ');
  const siteName = content(document, 'meta[property="og:site_name"]') || content(document, 'meta[name="application-name"]') || (bar > 0 ? fullTitle.slice(bar + 3) : '');
  const heading = plainText(root.querySelector('h1')?.textContent ?? '');
  const title = content(document, 'meta[property="og:title"]') || heading || (bar > 0 ? fullTitle.slice(0, bar) : fullTitle);
  const times = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    root.querySelector('time[datetime]')?.getAttribute('datetime'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim() || content(document, 'meta[property="og:url"]');
  return {
    title,
    siteName,
    description: content(document, 'meta[name="description"]') || content(document, 'meta[property="og:description"]'),
    published: times.map(isoDate).find((date) => date !== null) ?? null,
    canonical,
    image: content(document, 'meta[property="og:image"]'),
    author: content(document, 'meta[name="author"]'),
  };
}

/**
 * `text` as an ISO 8601 date-time in UTC, when it is a date `Date` reads as the HTML `datetime` forms mean it (a
 * date alone is that day at midnight UTC) and lies in years 1000–9999; else null.
 */
export function isoDate(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(trimmed)) return null;
  // A time without a zone would be read in the machine's own: the feed must not depend on where it is made.
  let normal = trimmed.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/T[\d:.]+$/i.test(normal)) normal += 'Z';
  const time = Date.parse(normal);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : null;
}
