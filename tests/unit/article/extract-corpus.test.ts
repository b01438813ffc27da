// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { Walker } from '../../../src/article/walker.js';
import type { SkipReason, Skipped } from '../../../src/article/judge.js';
import { corpus, readPage } from '../../fixtures/pages/corpus.js';

const pages = corpus();

describe('the fixture corpus: real CMS and news markup, read with no hints', () => {
  it('holds at least 15 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pages.map((page) => [page.name, page] as const))('%s: reads exactly what a listener should hear', (_name, page) => {
    const { segments } = readPage(page, new DOMParser());
    expect(segments.map((segment) => segment.text)).toEqual(page.expected);
  });
});

/** A fresh page: `before` ahead of the article, `html` in it; the article is the root. */
function page(html: string, before = ''): HTMLElement {
  document.head.innerHTML = '';
  document.body.innerHTML = `${before}<article id="story">${html}</article>`;
  return document.getElementById('story')!;
}

function read(root: Element): string[] {
  return extractSegments(root).map((segment) => segment.text);
}

function skippedOf(root: Element): [string, SkipReason][] {
  const skipped: Skipped[] = [];
  extractSegments(root, { skipped });
  return skipped.map(({ element, reason }) => [element.id || element.localName, reason]);
}

/** Each rule of Listen's judgement, with a block it skips (ids name them in `skipped`). */
const RULES: [string, string, SkipReason][] = [
  ['a landmark role', '<div id="x" role="complementary"><p>Box</p></div>', 'role'],
  ['a region labelled as chrome', '<section id="x" role="region" aria-label="Most read"><p>Five stories</p></section>', 'related'],
  ['a region labelled by a heading', '<section id="x" role="region" aria-labelledby="h"><h2 id="h">Share this story</h2><p>Copy the link</p></section>', 'share'],
  ['a share bar', '<div id="x" class="sharedaddy sd-sharing-enabled"><p>Share this:</p></div>', 'share'],
  ['a related block', '<div id="x" class="jp-relatedposts"><p>A post</p></div>', 'related'],
  ['an ad slot (camel case)', '<div id="x" data-testid="ResponsiveAdSlot"><p>Buy now</p></div>', 'ad'],
  ['an AMP ad', '<amp-ad id="x" type="doubleclick"><p>Sponsored content here</p></amp-ad>', 'ad'],
  ['an AdSense unit', '<ins id="x" class="adsbygoogle" data-ad-client="ca-pub-1"><p>Ad text</p></ins>', 'ad'],
  ['a newsletter promo', '<div id="x" class="newsletter-signup"><p>Get it daily</p></div>', 'promo'],
  ['comments', '<div id="x" class="comments-area"><p>Great post!</p></div>', 'comments'],
  ['an author box', '<div id="x" class="author-bio"><p>Jo writes about bread.</p></div>', 'bio'],
  ['a print note (class)', '<div id="x" class="print-info"><p>Page A7</p></div>', 'print'],
  ['breadcrumbs', '<p id="x" class="yoast-breadcrumbs"><a href="#">Home</a> » Title</p>', 'links'],
  ['a block named not-content', '<div id="x" class="speechify-ignore"><p>3 min read</p></div>', 'marked'],
  ['a list of headlines', '<ul id="x"><li><a href="#">One headline</a></li><li><a href="#">Another headline</a></li></ul>', 'links'],
  ['a "Read more" paragraph', '<p id="x">Read more: <a href="#">The whole story of the bridge</a></p>', 'links'],
  ['an ad label', '<p id="x">Advertisement</p>', 'ad'],
  ['a print note (text)', '<p id="x">A version of this article appears in print on May 3, 2024, Section A, Page 7.</p>', 'print'],
];

describe("Listen's judgement", () => {
  it.each(RULES)('skips %s, lists it with its reason, and data-listen-read brings it back', (_rule, html, reason) => {
    let root = page(`<p>Before.</p>${html}<p>After.</p>`);
    expect(read(root)).toEqual(['Before.', 'After.']);
    expect(skippedOf(root)).toEqual([['x', reason]]);
    root = page(`<p>Before.</p>${html.replace('id="x"', 'id="x" data-listen-read')}<p>After.</p>`);
    expect(read(root).length).toBeGreaterThan(2);
    expect(skippedOf(root)).toEqual([]);
  });

  it('brings back captions, asides, navigation and code with data-listen-read, but not hidden text', () => {
    const root = page(`<figure><figcaption data-listen-read>A caption.</figcaption></figure>
      <aside data-listen-read><p>A factbox.</p></aside><nav data-listen-read><p>Parts</p></nav><pre data-listen-read>A poem</pre>
      <div data-listen-read><p hidden>Hidden.</p><p aria-hidden="true">Decorative.</p><p class="sr-only">Screen reader.</p><p>Shown.</p></div>`);
    expect(read(root)).toEqual(['A caption.', 'A factbox.', 'Parts', 'A poem', 'Shown.']);
  });

  it('skips visually hidden text, inert and closed dialogs, unless data-listen-only', () => {
    const root = page(`<p>Continue reading<span class="screen-reader-text"> "The bridge"</span>.</p>
      <p class="visually-hidden">Hidden paragraph.</p><div inert><p>Inert.</p></div><dialog><p>Closed.</p></dialog>
      <dialog open><p>Open.</p></dialog><p class="sr-only" data-listen-only>For listeners.</p>`);
    expect(read(root)).toEqual(['Continue reading.', 'Open.', 'For listeners.']);
  });

  it('reads prose with links, and list items of a real list', () => {
    const root = page(`<p>A <a href="#">link with <em>emphasis</em></a> inside.</p>
      <p>The <a href="#">council's long report on the new bridge and its costs</a> was published on Monday.</p>
      <ul><li>Use pots of twenty litres.</li><li><a href="#">Choose</a> cherry tomatoes.</li><li>Feed every week.</li></ul>`);
    expect(read(root)).toHaveLength(5);
  });

  it('leaves out the heading of a block it skips, with that block', () => {
    const root = page(`<p>Body.</p><h2 id="h">More from Business</h2><ul id="x"><li><a href="#">A headline</a></li><li><a href="#">Another headline</a></li></ul>
      <h2>Next steps</h2><p>Text.</p>`);
    expect(read(root)).toEqual(['Body.', 'Next steps', 'Text.']);
    expect(skippedOf(root)).toEqual([['h', 'links'], ['x', 'links']]);
  });

  it('never judges the root, nor words inside a paragraph', () => {
    const root = page('<p>Its <span class="share">share</span> price and <span class="ad">ad</span> sales rose.</p>');
    root.className = 'post tag-sharing category-social-media';
    expect(read(root)).toEqual(['Its share price and ad sales rose.']);
  });

  it('lists the outermost skipped block only, in document order, and only blocks that hold text', () => {
    const root = page(`<div id="a" class="share-bar"><p class="sr-only">Share</p><ul class="social"><li><a href="#">X</a></li></ul></div>
      <p>Text <svg><title>icon</title></svg><button id="b">Copy</button>.</p><p hidden id="c">Gone.</p><div class="ad" id="d"></div>
      <figure><img alt=""><figcaption id="e">A caption.</figcaption></figure><p data-listen-skip id="f">Marked.</p><script>var x = 1;</script>`);
    expect(skippedOf(root)).toEqual([['a', 'share'], ['svg', 'media'], ['b', 'control'], ['c', 'hidden'], ['e', 'caption'], ['f', 'marked']]);
  });

  it('reads no text twice: every text node of every fixture goes to one segment at most', () => {
    for (const fixture of pages) {
      const { root } = readPage(fixture, new DOMParser());
      const walker = new Walker(root, null, null, true);
      walker.visit(root, '', false, false, null);
      const nodes = walker.segments.flatMap((segment) => segment.nodes ?? []).filter((node) => node !== null);
      expect(nodes.length, fixture.name).toBeGreaterThan(0);
      expect(new Set(nodes).size, fixture.name).toBe(nodes.length);
    }
  });
});

describe('the headline', () => {
  it("reads the page's h1 first when the article holds none and does not start with a heading", () => {
    const root = page('<p>The body.</p><h2>A subheading</h2><p>More.</p>', '<header><h1 class="site-title">Site</h1></header><h1>The headline</h1>');
    const segments = extractSegments(root);
    expect(segments.map((segment) => segment.text)).toEqual(['The headline', 'The body.', 'A subheading', 'More.']);
    expect(segments[0]!.element).toBe(document.querySelectorAll('h1')[1]);
  });

  it('skips a hidden h1, and falls back to og:title with the meta as element', () => {
    const root = page('<p>The body.</p>', '<h1 class="screen-reader-text">Main content</h1>');
    document.head.innerHTML = '<meta property="og:title" content="  The social   headline ">';
    const segments = extractSegments(root);
    expect(segments.map((segment) => segment.text)).toEqual(['The social headline', 'The body.']);
    expect(segments[0]!.element.localName).toBe('meta');
  });

  it("takes no other article's headline, nor og:title on a page of several articles", () => {
    const root = page('<p>Second story.</p>', '<article><h1>First story</h1><p>Its text.</p></article>');
    document.head.innerHTML = '<meta property="og:title" content="First story">';
    expect(read(root)).toEqual(['Second story.']);
  });

  it('adds nothing when the article starts with a heading, holds an h1, or has nothing to read', () => {
    const before = '<h1>Page headline</h1>';
    expect(read(page('<h2>Own title</h2><p>Body.</p>', before))).toEqual(['Own title', 'Body.']);
    expect(read(page('<p class="kicker">Politics</p><h1>Own headline</h1><p>Body.</p>', before))).toEqual(['Politics', 'Own headline', 'Body.']);
    expect(read(page('<img alt="">', before))).toEqual([]);
  });
});
