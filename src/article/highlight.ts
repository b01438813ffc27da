/**
 * Paragraph highlighting in the host page: the segment being read carries `data-listen-active`. A default
 * style for it is added once per document as an adopted stylesheet (works under `style-src 'self'`: no
 * `<style>` element, no inline style). It has zero specificity (`:where`), so any host rule wins. The same
 * sheet styles the word highlight (`::highlight(listen-word)`, see word-highlight.ts).
 */

import { WORD_HIGHLIGHT } from './word-highlight.js';

export const ACTIVE_ATTRIBUTE = 'data-listen-active';

/**
 * The word being read (`highlight="word"`, CSS Custom Highlight API). `::highlight()` cannot be put in
 * `:where()`, and an adopted sheet comes after the page's own in the cascade, so the default sits in a
 * cascade layer instead: any unlayered `::highlight(${WORD_HIGHLIGHT})` rule of the page wins over it.
 * The default colours keep the page's text readable (WCAG 4.5:1) on top of the paragraph highlight: on the
 * demo's light page (#1a1a1a on white) 12.0:1 under the word and 15.9:1 under the paragraph; on its dark page
 * (#ececec on #141414) 5.7:1 and 10.7:1 (the stronger amber used before left light text at 4.47:1).
 * A tint light enough to read through cannot also stand out at 3:1 (WCAG 1.4.1, 1.4.11), so the word is also
 * underlined in the text's own colour (as far from the tint as the text is).
 */
/**
 * The word is always inside the paragraph being read (its text inherits the highlight style). A bare
 * `::highlight()` rule matches every element: adding the sheet made Chromium restyle the whole page, 1–2 s on a
 * page of 100,000 paragraphs; scoped to the marked paragraph, only that one is.
 */
const WORD_SCOPE = `:where([${ACTIVE_ATTRIBUTE}], [${ACTIVE_ATTRIBUTE}] *)`;

const WORD_STYLE = `
@layer listen {
  ${WORD_SCOPE}::highlight(${WORD_HIGHLIGHT}) {
    background-color: var(--listen-word-highlight, rgb(255 170 0 / 0.5));
    text-decoration: underline var(--listen-word-underline, currentColor) 0.12em;
  }
  @media (prefers-color-scheme: dark) {
    ${WORD_SCOPE}::highlight(${WORD_HIGHLIGHT}) { background-color: var(--listen-word-highlight, rgb(255 170 0 / 0.3)); }
  }
  @media (forced-colors: active) {
    ${WORD_SCOPE}::highlight(${WORD_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
  }
}
`;

/*
 * Forced colours have no tint to fade in: a fade there only passes through colours the user did not choose
 * (an audit mid-fade read black on dark grey).
 * The paragraph: a tint, and an outline (the cue that is not colour alone) at 3:1 or more against the page:
 * amber #a36b00 on white 4.5:1, #e6b800 on #141414 9.8:1.
 */
const DEFAULT_STYLE = `
:where([${ACTIVE_ATTRIBUTE}]) {
  outline: 2px solid var(--listen-paragraph-outline, #a36b00);
  outline-offset: 0.4em;
  background-color: var(--listen-paragraph-highlight, rgb(255 213 0 / 0.22));
  box-shadow: -0.4em 0 0 var(--listen-paragraph-highlight, rgb(255 213 0 / 0.22)),
    0.4em 0 0 var(--listen-paragraph-highlight, rgb(255 213 0 / 0.22));
  border-radius: 2px;
  transition: background-color 0.2s;
}
@media (prefers-color-scheme: dark) {
  :where([${ACTIVE_ATTRIBUTE}]) {
    background-color: var(--listen-paragraph-highlight, rgb(255 213 0 / 0.16));
    outline-color: var(--listen-paragraph-outline, #e6b800);
    box-shadow: none;
  }
}
@media (forced-colors: active) {
  :where([${ACTIVE_ATTRIBUTE}]) {
    outline: 2px solid Highlight;
    outline-offset: 2px;
    background-color: Canvas;
    transition: none;
  }
}
@media (prefers-reduced-motion: reduce) {
  :where([${ACTIVE_ATTRIBUTE}]) { transition: none; }
}
${WORD_STYLE}`;

const styled = new WeakSet<Document | ShadowRoot>();

/** Adds the default highlight style to the document (or shadow root) holding the article, once. */
export function adoptHighlightStyle(root: Document | ShadowRoot): void {
  if (styled.has(root) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in root)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DEFAULT_STYLE);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styled.add(root);
}

/** Moves `data-listen-active` to one element at a time. */
export class ParagraphHighlighter {
  #active: Element | null = null;

  get active(): Element | null {
    return this.#active;
  }

  set(element: Element | null): void {
    if (element === this.#active) return;
    this.#active?.removeAttribute(ACTIVE_ATTRIBUTE);
    this.#active = element;
    element?.setAttribute(ACTIVE_ATTRIBUTE, '');
  }
}
