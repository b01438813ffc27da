/**
 * A playlist's items, from the links the page already has: `<a href>` in the element's light DOM, in any
 * wrapper (a `<ul>` of `<li>`s), each optionally with `data-listen-src` (the article's timing manifest).
 */

/**
 * Where an item is in the queue: not reached yet (`queued`), being fetched (`loading`), the current article
 * (`ready` before it plays, `playing`, `paused`), listened to the end (`played`), or skipped because it could
 * not be loaded or read (`skipped`).
 */
export type PlaylistItemState = 'queued' | 'loading' | 'ready' | 'playing' | 'paused' | 'played' | 'skipped';

/** One article of the queue (`playlist.items`). */
export interface PlaylistItem {
  /** The link's text. */
  readonly title: string;
  /** The article page, as an absolute URL. */
  readonly href: string;
  /** The timing manifest from the link's `data-listen-src` (absolute), if it has one. */
  readonly src?: string;
  readonly state: PlaylistItemState;
}

/** The links under `root`, in document order, as queued items; hrefs made absolute against `base`. */
export function readItems(root: ParentNode, base: string): PlaylistItem[] {
  const items: PlaylistItem[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    const href = absolute(link.getAttribute('href')!, base);
    if (!href) continue;
    const title = (link.textContent ?? '').replace(/\s+/g, ' ').trim() || href;
    const manifest = link.getAttribute('data-listen-src');
    const src = manifest ? absolute(manifest, base) : null;
    items.push(src ? { title, href, src, state: 'queued' } : { title, href, state: 'queued' });
  }
  return items;
}

/** `url` resolved against `base`, or null when it is not a URL at all. */
export function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Whether `url` is on `origin` (the page's): only those are fetched. */
export function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
