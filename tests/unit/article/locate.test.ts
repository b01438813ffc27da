// @vitest-environment happy-dom
/**
 * From a point of the page back to the segment that holds it: clicks and selections start reading there.
 */
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { segmentFrom, segmentOf, segmentOfRange } from '../../../src/article/locate.js';

function setUp() {
  document.body.innerHTML = `<article>
    <h1 id="title">Title</h1>
    <div class="byline" id="byline">By someone</div>
    <p id="one">One <em id="em">emphasised</em> paragraph.</p>
    <blockquote id="quote">Quoted before. <p id="inner">Inner paragraph.</p> Quoted after. <p id="inner2">Second inner.</p> Quoted last.</blockquote>
    <p id="two">Two.</p>
  </article>`;
  const segments = extractSegments(document.querySelector('article')!);
  const byId = (id: string) => document.getElementById(id)!;
  return { segments, byId };
}

describe('segmentOf', () => {
  it('finds the segment of an element or text node, the innermost one first', () => {
    const { segments, byId } = setUp();
    expect(segments.map((segment) => segment.text)).toEqual([
      'Title',
      'One emphasised paragraph.',
      'Quoted before.',
      'Inner paragraph.',
      'Quoted after.',
      'Second inner.',
      'Quoted last.',
      'Two.',
    ]);
    expect(segmentOf(segments, byId('title'))).toBe(0);
    expect(segmentOf(segments, byId('em').firstChild!)).toBe(1);
    expect(segmentOf(segments, byId('inner').firstChild!)).toBe(3);
    expect(segmentOf(segments, byId('inner2'))).toBe(5);
    expect(segmentOf(segments, byId('two').firstChild!)).toBe(7);
  });

  it('picks the piece of a split container by where the node lies', () => {
    const { segments, byId } = setUp();
    const quote = byId('quote');
    const texts = [...quote.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
    expect(texts.map((node) => segmentOf(segments, node))).toEqual([2, 4, 6]);
    // The container element itself: its first piece.
    expect(segmentOf(segments, quote)).toBe(2);
  });

  it('is −1 outside every segment', () => {
    const { segments, byId } = setUp();
    expect(segmentOf(segments, byId('byline').firstChild!)).toBe(-1);
    expect(segmentOf(segments, document.body)).toBe(-1);
  });
});

describe('segmentFrom', () => {
  it('is the segment holding the node when one does', () => {
    const { segments, byId } = setUp();
    expect(segmentFrom(segments, byId('em'))).toBe(1);
    expect(segmentFrom(segments, byId('inner2'))).toBe(5);
  });

  it('else the first segment after the node or inside it', () => {
    const { segments, byId } = setUp();
    expect(segmentFrom(segments, byId('byline'))).toBe(1);
    expect(segmentFrom(segments, document.querySelector('article')!)).toBe(0);
  });

  it('is −1 with no segment after the node', () => {
    const { segments } = setUp();
    const after = document.body.appendChild(document.createElement('footer'));
    expect(segmentFrom(segments, after)).toBe(-1);
  });
});

describe('segmentOfRange', () => {
  it('starts at the segment holding the range start, wherever the range ends', () => {
    const { segments, byId } = setUp();
    const range = document.createRange();
    range.setStart(byId('em').firstChild!, 3);
    range.setEnd(byId('two').firstChild!, 2);
    expect(segmentOfRange(segments, range)).toBe(1);
  });

  it('reads a boundary between children as the child after it', () => {
    const { segments, byId } = setUp();
    const range = document.createRange();
    const quote = byId('quote');
    range.setStart(quote, [...quote.childNodes].indexOf(byId('inner2')));
    range.setEnd(byId('two').firstChild!, 2);
    expect(segmentOfRange(segments, range)).toBe(5);
  });

  it('from outside every segment, gives the first segment the range reaches', () => {
    const { segments, byId } = setUp();
    const range = document.createRange();
    range.setStart(byId('byline').firstChild!, 2);
    range.setEnd(byId('one').firstChild!, 2);
    expect(segmentOfRange(segments, range)).toBe(1);
    range.setEnd(byId('byline').firstChild!, 5);
    expect(segmentOfRange(segments, range)).toBe(-1);
  });
});
