/**
 * An article page fetched for the playlist: which of its elements is the article (the rules the player uses
 * on its own page), with the player's settings there, and a copy of it safe to put into the playlist.
 *
 * The page comes parsed and inert (`fetch-page.ts`): its scripts never run, and nothing in it loads until the
 * copy is made.
 */
import { findArticle } from '../ui/article-source.js';
import { absolute } from './items.js';

/** What the playlist reads from an article page. */
export interface ArticlePage {
  /** The article element, in the parsed page. */
  readonly article: Element;
  /** The page's player's `src` (absolute), or ''. */
  readonly src: string;
  /** The page's player's `lexicon` (absolute), or ''. */
  readonly lexicon: string;
  /** The player's `lang`, else the article's or the page's declared language, or ''. */
  readonly lang: string;
  /** The page's headline: `og:title`, else the first `h1`, else `<title>` (or ''). */
  readonly title: string;
}

/**
 * The article of `doc` (a page parsed from `url`): the one its `<listen-player>` reads (`for`, else the nearest
 * or next `<article>`), else the page's `<article>`, else its main content; null when it has none.
 */
export function pickArticle(doc: Document, url: string): ArticlePage | null {
  const player = doc.querySelector('listen-player');
  let article = player ? findArticle(player, player.getAttribute('for') ?? '') : null;
  // `findArticle` falls back to the live document for an id it does not find: only the fetched page counts.
  if (article && article.ownerDocument !== doc) article = null;
  article ??= doc.querySelector('article') ?? doc.querySelector('main, [role="main"]');
  if (!article) return null;
  const setting = (name: string) => {
    const value = player?.getAttribute(name)?.trim();
    return value ? (absolute(value, url) ?? '') : '';
  };
  const lang = player?.getAttribute('lang') || article.closest('[lang]')?.getAttribute('lang') || doc.documentElement.getAttribute('lang') || '';
  return { article, src: setting('src'), lexicon: setting('lexicon'), lang, title: pageTitle(doc) };
}

/** A page's headline, as a link to it would name it: `og:title`, else the first `h1`, else `<title>`. */
export function pageTitle(doc: Document): string {
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  return (
    clean(doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.getAttribute('content')) ||
    clean(doc.querySelector('h1')?.textContent) ||
    clean(doc.title)
  );
}

/** Elements the copy leaves out: what runs or loads code, players, and controls that would do nothing there. */
const REMOVED =
  'script, style, link, meta, base, template, noscript, iframe, frame, frameset, object, embed, ' +
  'listen-player, listen-playlist, form, fieldset, button, input, select, textarea';
/** Attributes holding a URL, made absolute against the article's page. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

/**
 * A copy of `article` for `into`: scripts, handlers (`on…`), inline styles (a strict CSP refuses them),
 * `javascript:` URLs, embedded frames and the page's controls removed; links and pictures pointing where they
 * did on the article's page (`url`). What it says, its headings, lists and marks of what is not read
 * (`data-listen-skip`, `aria-hidden`…) are kept, so the player reads it as it reads the page.
 */
export function importArticle(article: Element, url: string, into: Document): Element {
  // Cleaned in the parsed page, where nothing loads or runs; only then brought into the live one.
  const copy = article.cloneNode(true) as Element;
  for (const element of copy.querySelectorAll(REMOVED)) element.remove();
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'style' || lower === 'srcset' || lower === 'srcdoc' || lower === 'formaction') {
        element.removeAttribute(name);
      } else if (URL_ATTRIBUTES.includes(lower)) {
        const resolved = absolute(element.getAttribute(name)!, url);
        if (resolved && /^https?:/i.test(resolved)) element.setAttribute(name, resolved);
        else element.removeAttribute(name);
      }
    }
  }
  for (const element of copy.querySelectorAll('[role="main"]')) element.removeAttribute('role');
  copy.removeAttribute('role');
  return into.importNode(copy.localName === 'main' ? renamed(copy, 'div') : copy, true);
}

/**
 * `element` as a `tagName` with its attributes and children: a page's `<main>` is one landmark among the
 * playlist's page's, not that page's main content (what is read is the same: both are blocks).
 */
function renamed(element: Element, tagName: string): Element {
  const copy = element.ownerDocument.createElement(tagName);
  for (const name of element.getAttributeNames()) copy.setAttribute(name, element.getAttribute(name)!);
  copy.append(...element.childNodes);
  return copy;
}
