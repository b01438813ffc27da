/**
 * What the system's media controls show for an article: its headline, byline, site and picture, found in the
 * page the way news sites mark them up.
 */

/** What the lock screen shows for an article. */
export interface ArticleMetadata {
  readonly title: string;
  readonly artist: string;
  readonly album: string;
  readonly artwork: readonly MediaImage[];
}

/** Longer texts are not a byline (a selector matched a whole block). */
const MAX_BYLINE = 200;
/** Pictures known to be smaller than this (px) are icons or tracking pixels, not the article's picture. */
const MIN_ARTWORK = 48;

/**
 * Headline, byline, site and picture of the article: the first `h1` read (else the page title); the byline
 * from `[rel=author]`, `.byline` or `[itemprop=author]` (in the article, then the page), else the page's
 * `author` meta, else the site; the site from `og:site_name`, `application-name`, else the host name.
 */
export function describeArticle(
  article: Element | null,
  segments: readonly { readonly text: string; readonly element: Element }[],
): ArticleMetadata {
  const doc = article?.ownerDocument ?? document;
  const meta = (selector: string) => clean(doc.querySelector<HTMLMetaElement>(selector)?.content);
  const album = meta('meta[property="og:site_name"]') || meta('meta[name="application-name"]') || location.hostname;
  const title = segments.find((segment) => segment.element.localName === 'h1')?.text || clean(doc.title) || album;
  const artist = byline(article) || byline(doc) || meta('meta[name="author"]') || album;
  return { title, artist, album, artwork: artwork(article) };
}

/** In this order: the author's link names the author alone, where `.byline` often adds "By" and a date. */
const BYLINE_SELECTORS = ['[rel="author"]', '.byline', '[itemprop="author"]'];

function byline(root: ParentNode | null): string {
  if (!root) return '';
  for (const selector of BYLINE_SELECTORS) {
    for (const element of root.querySelectorAll(selector)) {
      const text = clean(element instanceof HTMLMetaElement ? element.content : element.textContent);
      // "By" is how English bylines begin; the name is what a lock screen has room for.
      const name = text.replace(/^by\s+/i, '');
      if (name && name.length <= MAX_BYLINE) return name;
    }
  }
  return '';
}

function artwork(article: Element | null): MediaImage[] {
  for (const img of article?.querySelectorAll('img') ?? []) {
    const src = img.currentSrc || img.src;
    if (!src) continue;
    const width = img.naturalWidth || Number(img.getAttribute('width')) || 0;
    const height = img.naturalHeight || Number(img.getAttribute('height')) || 0;
    if ((width && width < MIN_ARTWORK) || (height && height < MIN_ARTWORK)) continue;
    const image: MediaImage = { src };
    if (img.naturalWidth && img.naturalHeight) image.sizes = `${img.naturalWidth}x${img.naturalHeight}`;
    const type = imageType(src);
    if (type) image.type = type;
    return [image];
  }
  return [];
}

/** By extension, from the page's image URL: a `Map`, so `x.constructor` is no type. */
const IMAGE_TYPES: ReadonlyMap<string, string> = new Map([
  ['avif', 'image/avif'],
  ['gif', 'image/gif'],
  ['jpeg', 'image/jpeg'],
  ['jpg', 'image/jpeg'],
  ['png', 'image/png'],
  ['svg', 'image/svg+xml'],
  ['webp', 'image/webp'],
]);

/** The type from the file extension, so a system that cannot show (say) SVG can skip it. */
function imageType(src: string): string | undefined {
  try {
    const extension = /\.([a-z0-9]+)$/i.exec(new URL(src).pathname)?.[1]?.toLowerCase();
    return extension ? IMAGE_TYPES.get(extension) : undefined;
  } catch {
    return undefined;
  }
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
