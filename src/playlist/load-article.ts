/**
 * One article of a playlist made ready to read: its page fetched (`fetch-page.ts`), its article found and
 * copied into the playlist's document (`article-page.ts`), and checked to have something to read.
 */
import { extractSegments } from '../article/extract.js';
import { importArticle, pickArticle } from './article-page.js';
import { fetchPage, PageError } from './fetch-page.js';
import type { PlaylistItem } from './items.js';

export interface LoadedArticle {
  /** The copy, with the id `id`, to read. */
  readonly article: Element;
  /** The timing manifest: the link's, else the page's player's ('' for the browser's voice). */
  readonly src: string;
  readonly lexicon: string;
  readonly title: string;
}

/** Loads `item` for `into` under the id `id`; throws a `PageError` when it cannot be loaded or read. */
export async function loadArticle(item: PlaylistItem, into: Document, id: string, signal: AbortSignal): Promise<LoadedArticle> {
  const { doc, url } = await fetchPage(item.href, { signal });
  const page = pickArticle(doc, url);
  if (!page) throw new PageError('no-article', `${item.href} has no article to read.`);
  const article = importArticle(page.article, url, into);
  article.id = id;
  if (page.lang && !article.hasAttribute('lang')) article.setAttribute('lang', page.lang);
  // Nothing to read by the player's own rules: an article to skip, not an error to stop the queue at.
  if (!extractSegments(article).length) throw new PageError('no-article', `${item.href} has no text to read in its article.`);
  return { article, src: item.src || page.src, lexicon: page.lexicon, title: item.title || page.title };
}
