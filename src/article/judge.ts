/**
 * The player's own judgement of what, inside an article's container, is not the article: share bars, "related"
 * and "most read" blocks, promos, ad slots, comments, author boxes, print notes and lists of headlines. Reader
 * modes score the same signals; this keeps the few that generalise across CMSs, most trusted first: what the
 * markup says (ARIA roles), then the class, id and `data-` names CMSs and plugins use (WordPress, Jetpack,
 * Yoast, Ghost, Substack, Medium, AMP, news sites), then how much of a block is links.
 *
 * Pure and layout-free like the walk that calls it (`extract.ts`): attributes and text only, so the browser
 * and the render command (Node, happy-dom) judge every block the same way. The page keeps the last word:
 * `data-listen-read` turns all of this off for a block, `data-listen-skip` skips one.
 */

/** Why a block was left out: see docs/what-is-read.md. */
export type SkipReason =
  | 'marked'
  | 'hidden'
  | 'role'
  | 'share'
  | 'related'
  | 'ad'
  | 'promo'
  | 'comments'
  | 'bio'
  | 'print'
  | 'links'
  | 'caption'
  | 'control'
  | 'media'
  | 'code';

/** A block left out of the reading, and why (only the outermost one: nothing inside it is listed again). */
export interface Skipped {
  readonly element: Element;
  readonly reason: SkipReason;
}

/**
 * Classes that hide text visually but leave it to screen readers (WordPress, Bootstrap, Tailwind, Drupal,
 * Jetpack's share labels): the listener follows the page with their eyes, so it is hidden for them too.
 */
const VISUALLY_HIDDEN = /sr-only|screen-reader|visually-?hidden|element-invisible/;

/**
 * Names of chrome in class, id, `data-component`/`data-testid` or a custom element's own name, each starting a
 * word (`jp-relatedposts`, `sd-sharing`, `amp-ad`, `ArticleBody_adSlot`: words are split at `-`, `_`, spaces and
 * camel case); one group per reason, in `REASONS`' order. `ad` stands alone (`ad-slot`, `ads`), so `header` or
 * `download` never match. The last group is what pages name "not content" for machines (Yahoo, Speechify).
 */
const NAMES =
  /(?:^|[^a-z])(?:(shar(?:e|ing)|social)|(related|recommend|more-from|most-(?:read|popular|viewed)|popular|trending|read-next|outbrain|taboola)|(ad[sv]?(?![a-z])|adsbygoogle|advert|dfp|sponsor)|(promo|newsletter|subscri|sign-?up|paywall|cta(?![a-z]))|(comments?(?![a-z])|respond(?![a-z]))|(author-(?:bio|box|info|card)|bio(?![a-z]))|(print-info)|(breadcrumb|pagination|more-link|read-more|skip)|(robots-nocontent|speechify-ignore))/;
const REASONS = 'share related ad promo comments bio print links marked'.split(' ') as SkipReason[];

/** Landmark and widget roles that are never the story. A `region` counts when its label names chrome. */
const ROLES = /^(?:banner|complementary|contentinfo|navigation|search|form|dialog|alertdialog|menubar|toolbar)$/;

/** Blocks whose links are weighed: a list of headlines, a "Read more: …" paragraph. */
const WEIGHED = /^(?:p|ul|ol|dl|div|section)$/;

/**
 * Whole paragraphs that only label or cite: an ad slot's label, and the print note of a newspaper's web page
 * ("A version of this article appears in print on …", "This article appeared in …").
 */
const LABEL = /^(?:advertisement|anzeige|publicité|广告)$|^((?:a version of )?this (?:article|story) appear)/i;

/**
 * Whether `element`'s own attributes hide it: `hidden`, `aria-hidden="true"`, `inert`, a visually hidden class,
 * or a `<dialog>` that is not open.
 */
export function isHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    (element.localName === 'dialog' && !element.hasAttribute('open')) ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true' ||
    VISUALLY_HIDDEN.test(element.getAttribute('class') ?? '')
  );
}

/**
 * Why `element` is not part of the story, or null. `loose`: it is not inside a paragraph-like element, where
 * links are weighed (a link in a list item or a quote is part of its text).
 */
export function judge(element: Element, loose: boolean): SkipReason | null {
  const a = (name: string) => element.getAttribute(name) ?? '';
  const role = a('role');
  if (ROLES.test(role)) return 'role';
  // A custom element's own name counts (`amp-ad`); a built-in one's never does.
  let names = `${element.localName.includes('-') ? element.localName : ''} ${a('id')} ${a('class')} ${a('data-component')} ${a('data-testid')}`;
  if (role === 'region') names += ` ${a('aria-label')} ${label(element)}`;
  // `adSlot`, `Most read` and `most_read` are all `ad-slot` and `most-read` to the names.
  const found = names.trim() && NAMES.exec(names.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().replace(/[\s_]+/g, '-'));
  if (found) return REASONS[found.findIndex((group, i) => i && group) - 1]!;
  return loose && WEIGHED.test(element.localName) && mostlyLinks(element) ? 'links' : null;
}

/** Why a paragraph's whole text is not part of the story (an ad label, a print note), or null. */
export function judgeText(text: string): SkipReason | null {
  const found = LABEL.exec(text);
  return found ? (found[1] ? 'print' : 'ad') : null;
}

/** The text of the elements `aria-labelledby` names. */
function label(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(' ');
  return ids.map((id) => (id && root.getElementById?.(id)?.textContent) || '').join(' ');
}

/**
 * More than half of the block's text is link text: headlines, a share or tag list, "Read more: …". A paragraph
 * must also end with its link ("Read more: <a>…</a>."): prose goes on after a link, even a long one.
 */
function mostlyLinks(element: Element): boolean {
  const links = element.getElementsByTagName('a');
  let linked = 0;
  let last: Node | null = null;
  for (let i = 0; i < links.length; i++) {
    if (!links[i]!.hasAttribute('href')) continue;
    linked += letters(links[i]!.textContent);
    last = links[i]!;
  }
  if (!linked || linked * 2 <= letters(element.textContent)) return false;
  if (element.localName !== 'p') return true;
  let after = '';
  for (let node = last; node && node !== element; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) after += next.textContent;
  }
  return !/[\p{L}\p{N}]/u.test(after);
}

/** Length of a text; whitespace counts too (markup indentation between list items only lowers a density). */
function letters(text: string | null): number {
  return text?.length ?? 0;
}
