// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../../src/article/chunk.js';
import { extractSegments } from '../../../src/article/extract.js';
import { normaliseText } from '../../../src/article/walker.js';
import { mapSegment, TextMap } from '../../../src/article/text-map.js';

/** A fresh `<article>` holding `html`, attached to the document (the map refuses detached text). */
function article(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.body.firstElementChild as HTMLElement;
}

/** For every segment of `root`: each word of its text, and what the page's range for that word says. */
function wordsOnPage(root: Element, exclude: readonly Element[] = []): { expected: string[]; found: string[] }[] {
  const segments = extractSegments(root, { exclude });
  return segments.map((segment, index) => {
    const map = mapSegment(root, segments, index, { exclude });
    expect(map, `no map for segment ${index}: ${segment.text}`).not.toBeNull();
    expect(map!.text).toBe(segment.text);
    const { starts, ends } = wordSpans(segment.text, 'en');
    const expected: string[] = [];
    const found: string[] = [];
    for (let w = 0; w < starts.length; w++) {
      expected.push(segment.text.slice(starts[w], ends[w]));
      found.push(map!.range(starts[w]!, ends[w]! - starts[w]!)?.toString() ?? '(none)');
    }
    return { expected, found };
  });
}

/** The whole segment's range, as the page's text. */
function wholeRange(root: Element, index: number): string {
  const segments = extractSegments(root);
  const map = mapSegment(root, segments, index);
  return map?.range(0, segments[index]!.text.length)?.toString() ?? '(none)';
}

describe('TextMap', () => {
  it('normalises exactly as the extractor does, over pieces from several nodes', () => {
    const inputs = [
      ['  one\u00a0 two\t', '\tthree\n\r\nfour  '],
      [' ', 'a', ' ', ' ', 'b', ' '],
      ['\u2003lead', 'ing\u3000', '\u202fend\ufeff'],
      ['', '', 'x'],
      ['   '],
    ];
    for (const pieces of inputs) {
      const map = new TextMap(pieces, pieces.map(() => null));
      expect(map.text).toBe(normaliseText(pieces.join('')));
    }
  });

  it('gives no range out of bounds, for an empty length, or over added spaces only', () => {
    const root = article('<p>one<br>two</p>');
    const map = mapSegment(root, extractSegments(root), 0)!;
    expect(map.text).toBe('one two');
    expect(map.range(-1, 2)).toBeNull();
    expect(map.range(5, 5)).toBeNull();
    expect(map.range(0, 0)).toBeNull();
    expect(map.range(3, 1)).toBeNull(); // the space is the <br>: no page text there
    expect(map.range(2, 3)?.toString()).toBe('et'); // "e t" across it: the range spans the <br>
  });
});

describe('mapSegment: every word of every segment maps to the same word on the page', () => {
  it('collapses runs of spaces, tabs and line breaks, and NBSP', () => {
    const root = article(`<p>
      The   first\tline,
      and\u00a0the&nbsp;&nbsp;second.   </p>`);
    const [p] = wordsOnPage(root);
    expect(p!.expected).toEqual(['The', 'first', 'line', 'and', 'the', 'second']);
    expect(p!.found).toEqual(p!.expected);
  });

  it('follows words through nested inline elements, and words split across them', () => {
    const root = article('<p>A <a href="#">link with <em>em<strong>pha</strong>sis</em></a> in<span>side</span>.</p>');
    const [p] = wordsOnPage(root);
    expect(p!.expected).toEqual(['A', 'link', 'with', 'emphasis', 'inside']);
    expect(p!.found).toEqual(p!.expected);
    expect(wholeRange(root, 0)).toBe('A link with emphasis inside.');
  });

  it('skips what the extractor skips: hidden, aria-hidden, data-listen-skip, figcaption, buttons', () => {
    const root = article(`<p>One <span hidden>hidden</span>two <span aria-hidden="true">[1]</span>three
      <span data-listen-skip>skipped</span>four <button>Share</button>five</p>
      <figure><img alt=""><figcaption>A caption</figcaption></figure>
      <p>Six <sup aria-hidden="true">2</sup>seven.</p>`);
    const result = wordsOnPage(root);
    expect(result.map((r) => r.expected)).toEqual([['One', 'two', 'three', 'four', 'five'], ['Six', 'seven']]);
    for (const r of result) expect(r.found).toEqual(r.expected);
  });

  it('reads data-listen-only text inside hidden elements, and inside a hidden paragraph', () => {
    const root = article(`<p>Price <span aria-hidden="true">£5</span><span hidden data-listen-only>five pounds</span> only.</p>
      <div hidden><p>gone <span data-listen-only>but this</span> stays</p></div>
      <div aria-hidden="true"><span data-listen-only>Listeners only.</span></div>`);
    const result = wordsOnPage(root);
    expect(result.map((r) => r.expected)).toEqual([['Price', 'five', 'pounds', 'only'], ['but', 'this'], ['Listeners', 'only']]);
    for (const r of result) expect(r.found).toEqual(r.expected);
  });

  it('maps across <br> and block edges, which the extractor turns into spaces', () => {
    const root = article('<li><div>one</div><div>two<br>three</div></li><p>four<br><br>five</p>');
    const result = wordsOnPage(root);
    expect(result.map((r) => r.expected)).toEqual([['one', 'two', 'three'], ['four', 'five']]);
    for (const r of result) expect(r.found).toEqual(r.expected);
  });

  it("tells apart a container's loose text runs, which share its element, around its nested paragraphs", () => {
    const root = article(`<blockquote>Same words <p>Inner one.</p> Same words <p>Inner two.</p> tail end</blockquote>
      <li>Item <ul><li>nested</li></ul> after</li>`);
    const segments = extractSegments(root);
    expect(segments.map((s) => s.text)).toEqual(['Same words', 'Inner one.', 'Same words', 'Inner two.', 'tail end', 'Item', 'nested', 'after']);
    const blockquote = root.querySelector('blockquote')!;
    const [, , second] = segments;
    const map = mapSegment(root, segments, 2)!;
    const range = map.range(0, second!.text.length)!;
    // The second run, not the first with the same words: it starts after the first inner paragraph.
    expect(range.startContainer).toBe(blockquote.childNodes[2]);
    for (const r of wordsOnPage(root)) expect(r.found).toEqual(r.expected);
  });

  it('handles text outside the BMP, and CJK without spaces', () => {
    document.body.innerHTML = '<article lang="ja"><p>東京都は<b>今日</b>、晴れです。</p></article>';
    const root = document.body.firstElementChild!;
    const segments = extractSegments(root);
    const map = mapSegment(root, segments, 0)!;
    const { starts, ends } = wordSpans(segments[0]!.text, 'ja');
    expect(starts.length).toBeGreaterThan(2);
    for (let w = 0; w < starts.length; w++) {
      expect(map.range(starts[w]!, ends[w]! - starts[w]!)?.toString()).toBe(segments[0]!.text.slice(starts[w], ends[w]));
    }
    const emoji = article('<p>Go 🚀<i>far</i> 𝒳ray!</p>');
    const [p] = wordsOnPage(emoji);
    expect(p!.found).toEqual(p!.expected);
    expect(wholeRange(emoji, 0)).toBe('Go 🚀far 𝒳ray!');
  });

  it('reads the element again with the ancestors it has: hidden above, listen-only between', () => {
    const root = article(`<section aria-hidden="true"><div data-listen-only><p>Read <span hidden>not</span>this.</p></div></section>`);
    const [p] = wordsOnPage(root);
    expect(p!.found).toEqual(['Read', 'this']);
  });

  it('leaves out the excluded elements, as the extractor was told', () => {
    const root = article('<p>Before <span class="ad">advert</span>after.</p>');
    const ad = root.querySelector('.ad')!;
    const [p] = wordsOnPage(root, [ad]);
    expect(p!.expected).toEqual(['Before', 'after']);
    expect(p!.found).toEqual(p!.expected);
  });

  it('gives no map, or no range, once the page text has changed', () => {
    const root = article('<p>Alpha beta.</p><p>Gamma delta.</p>');
    const segments = extractSegments(root);
    const map = mapSegment(root, segments, 1)!;
    expect(map.range(6, 5)?.toString()).toBe('delta');
    root.querySelectorAll('p')[1]!.firstChild!.nodeValue = 'Gamma epsilon.';
    expect(map.range(6, 5)).toBeNull();
    expect(mapSegment(root, segments, 1)).toBeNull();
    root.querySelectorAll('p')[0]!.remove();
    expect(mapSegment(root, segments, 0)).toBeNull();
    expect(mapSegment(root, segments, 7)).toBeNull();
  });
});
