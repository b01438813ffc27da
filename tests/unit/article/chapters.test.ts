// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chapterAt, chaptersOf, chaptersToShow, chapterTarget } from '../../../src/article/chapters.js';
import { headingLevel } from '../../../src/article/headings.js';
import { extractSegments } from '../../../src/article/extract.js';

function chaptersIn(html: string) {
  document.body.innerHTML = `<article id="story">${html}</article>`;
  const segments = extractSegments(document.getElementById('story')!);
  return { segments, chapters: chaptersOf(segments) };
}

describe('headingLevel', () => {
  it('reads h1–h6 by number, role="heading" by aria-level (2 without), and aria-level over the tag', () => {
    document.body.innerHTML = `<h3></h3><p role="heading" aria-level="4"></p><p role="heading"></p><h2 aria-level="5"></h2>
      <h2 role="presentation"></h2><p></p><h4 aria-level="nine"></h4><div role="heading" aria-level="12"></div>`;
    expect([...document.body.children].map(headingLevel)).toEqual([3, 4, 2, 5, 0, 0, 4, 6]);
  });
});

describe('chaptersOf', () => {
  it('makes each heading read a chapter, with its level, first segment and parent; the h1 title is none', () => {
    const { segments, chapters } = chaptersIn(`
      <h1>The title</h1><p>The lede.</p>
      <h2>One</h2><p>a</p><h3>One, first part</h3><p>b</p><h3>One, second part</h3><p>c</p>
      <h2>Two</h2><p>d</p><h4>Two, deep</h4><p>e</p>`);
    expect(chapters).toEqual([
      { title: 'One', level: 2, segment: 2, parent: -1 },
      { title: 'One, first part', level: 3, segment: 4, parent: 0 },
      { title: 'One, second part', level: 3, segment: 6, parent: 0 },
      { title: 'Two', level: 2, segment: 8, parent: -1 },
      { title: 'Two, deep', level: 4, segment: 10, parent: 3 },
    ]);
    expect(chapters.map((chapter) => segments[chapter.segment]!.text)).toEqual(chapters.map((chapter) => chapter.title));
  });

  it('counts an h1 after the body has begun (a page that gives each section an h1), and role="heading" that is read', () => {
    const { chapters } = chaptersIn(`
      <h1>Title</h1><p>Lede.</p><section><h1>Part one</h1><p>a</p></section>
      <p role="heading" aria-level="3">A marked heading</p><p>b</p>`);
    expect(chapters.map(({ title, level, parent }) => [title, level, parent])).toEqual([
      ['Part one', 1, -1],
      ['A marked heading', 3, 0],
    ]);
  });

  it('leaves out headings that what is read leaves out: hidden, and the title of a block judged not the story', () => {
    const { segments, chapters } = chaptersIn(`
      <h1>Title</h1><p>Lede.</p>
      <h2>Kept</h2><p>a</p>
      <h2 hidden>Hidden</h2><p>b</p>
      <h2>Related</h2><ul class="related-links"><li><a href="/x">Another story altogether</a></li></ul>
      <h2 data-listen-skip>Skipped</h2><p>c</p>`);
    expect(segments.map((segment) => segment.text)).not.toContain('Related');
    expect(chapters.map((chapter) => chapter.title)).toEqual(['Kept']);
  });

  it('finds no chapters in an article without headings, nor in one whose only heading is its title', () => {
    expect(chaptersIn('<p>One.</p><p>Two.</p>').chapters).toEqual([]);
    expect(chaptersIn('<h1>Title</h1><p>One.</p><p>Two.</p>').chapters).toEqual([]);
  });

  it('makes every heading of an article of headings only a chapter, each one segment long', () => {
    const { segments, chapters } = chaptersIn('<h2>A</h2><h2>B</h2><h3>B.1</h3><h2>C</h2>');
    expect(chapters.map((chapter) => chapter.segment)).toEqual([0, 1, 2, 3]);
    expect(chapters.map((chapter) => chapter.parent)).toEqual([-1, -1, 1, -1]);
    expect(chapters.map((chapter) => segments[chapter.segment]!.text)).toEqual(['A', 'B', 'B.1', 'C']);
  });

  it('starts one chapter per heading element, however its text is cut', () => {
    const { chapters } = chaptersIn('<h2>Heading <blockquote>inside</blockquote> and after</h2><p>a</p>');
    expect(chapters).toHaveLength(1);
    expect(chapters[0]!.segment).toBe(0);
  });
});

describe('moving by chapter', () => {
  // Segments 0–1 before the first chapter; chapters at 2, 5 (level 3) and 8 of 11 segments.
  const chapters = [
    { title: 'A', level: 2, segment: 2, parent: -1 },
    { title: 'A.1', level: 3, segment: 5, parent: 0 },
    { title: 'B', level: 2, segment: 8, parent: -1 },
  ];

  it('finds the chapter a segment is in', () => {
    expect([0, 1, 2, 4, 5, 7, 8, 10].map((segment) => chapterAt(chapters, segment))).toEqual([-1, -1, 0, 0, 1, 1, 2, 2]);
    expect(chapterAt([], 3)).toBe(-1);
  });

  it('goes to the next heading of any level, and none after the last', () => {
    expect([0, 2, 3, 5, 8, 10].map((from) => chapterTarget(chapters, from, 1))).toEqual([2, 5, 5, 8, null, null]);
  });

  it('goes back to the start of the chapter being read, from its heading to the one before, before the first to the start', () => {
    expect([10, 8, 6, 5, 3, 2, 1, 0].map((from) => chapterTarget(chapters, from, -1))).toEqual([8, 5, 5, 2, 2, 0, 0, null]);
  });

  it('goes nowhere without chapters', () => {
    expect(chapterTarget([], 3, 1)).toBeNull();
    expect(chapterTarget([], 3, -1)).toBeNull();
  });
});

describe('chaptersToShow', () => {
  const chapter = (level: number, segment: number) => ({ title: `${level}/${segment}`, level, segment, parent: -1 });

  it('shows all of a few, only the highest rank of many, and none when even those are too many', () => {
    const few = [chapter(2, 0), chapter(3, 1), chapter(2, 2)];
    expect(chaptersToShow(few, 3)).toBe(few);
    expect(chaptersToShow([...few, chapter(4, 3)], 3)).toEqual([few[0], few[2]]);
    expect(chaptersToShow([chapter(2, 0), chapter(2, 1), chapter(2, 2), chapter(3, 3)], 2)).toEqual([]);
  });
});
