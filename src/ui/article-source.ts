/** Where the element finds its article, and when that article is ready to read. */

/** The element named by `id` (in the player's own tree first), else the nearest `article` ancestor, else the next `article` sibling. */
export function findArticle(player: Element, id: string): Element | null {
  if (id) {
    const root = player.getRootNode() as Document | ShadowRoot;
    return root.getElementById?.(id) ?? document.getElementById(id);
  }
  const ancestor = player.closest('article');
  if (ancestor) return ancestor;
  for (let sibling = player.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === 'article') return sibling;
  }
  return null;
}

/**
 * The article, once it has text: an empty shell a framework fills in a moment later is not ready yet
 * (reading it would fail with "no text").
 */
export function readyArticle(article: Element | null): Element | null {
  if (!article) return null;
  // Up to the first text that is not blank: `textContent` would copy a long article on every render.
  const texts = article.ownerDocument.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) if (/\S/.test(texts.currentNode.nodeValue!)) return article;
  return null;
}

/** The language the page declares for the article: the nearest `lang` on or around it, else the document's ('' if none). */
export function declaredLang(article: Element | null): string {
  return article?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
}
