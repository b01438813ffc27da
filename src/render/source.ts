/**
 * An article HTML file → the texts the player will read, with the very function the player uses
 * (`extractSegments`), so the manifest's segments are the page's segments to the character.
 */
import { Window } from 'happy-dom';
import { extractSegments } from '../article/extract.js';
import { langRuns, type LangRun } from '../article/lang-runs.js';
import { pageMeta, type PageMeta } from '../feed/page.js';

/** Where the article is when no `--selector` is given: the first of these that matches, else `<body>`. */
export const DEFAULT_SELECTORS = ['[data-listen-article]', 'article', 'main'] as const;

export interface ArticleText {
  /** Language the article inherits or declares (BCP 47), '' when none. */
  readonly lang: string;
  readonly texts: readonly string[];
  /** For each of `texts`, its language runs (one, unless a phrase in it has a `lang` of its own). */
  readonly runs: readonly (readonly LangRun[])[];
  /** What the page says about the article (title, date, canonical URL…), for the feed. */
  readonly meta: PageMeta;
}

/**
 * Parses `html` as an inert document (no scripts run, nothing is fetched) and extracts the segments of
 * the element `selector` matches, or of the default article element. Throws when there is nothing to read.
 */
export async function articleText(html: string, selector?: string): Promise<ArticleText> {
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    let root: Element | null;
    if (selector !== undefined) {
      root = document.querySelector(selector) as unknown as Element | null;
      if (!root) throw new Error(`no element matches ${selector}`);
    } else {
      root = DEFAULT_SELECTORS.map((s) => document.querySelector(s) as unknown as Element | null).find(Boolean) ?? null;
      root ??= document.body as unknown as Element;
    }
    const segments = extractSegments(root);
    if (segments.length === 0) throw new Error(`nothing to read in <${root.localName}>`);
    const lang = segments[0]!.lang || (root.closest('[lang]')?.getAttribute('lang') ?? '');
    const runs = segments.map((_, i) => langRuns(segments, i));
    const meta = pageMeta(document as unknown as Document, root);
    return { lang, texts: segments.map((segment) => segment.text), runs, meta };
  } finally {
    await window.happyDOM.close();
  }
}
