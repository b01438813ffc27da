import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import html from '../../index.html?raw';
import { extractSegments } from '../../src/article/extract.js';
import { normaliseText } from '../../src/article/walker.js';
import type { Segment } from '../../src/article/segment.js';

const HEADLINE = 'Trump-Putin talks ‘going well’ as world leaders locked in call on Ukraine war for over an hour';
const FIRST_PARAGRAPH =
  'Donald Trump and Vladimir Putin’s highly anticipated phone call to discuss the future of Ukraine is going “well”, the White House said.';
/** The seed has a no-break space after "said."; what is spoken has a plain one. */
const SECOND_PARAGRAPH =
  'Dan Scavino, White House deputy chief of staff, said. “The call is going well, and still in progress" - it began at 2pm today UK time.';
const LAST_PARAGRAPH = '"A lot of work\'s been done over the weekend. We want to see if we can bring that war to an end."';
const REPEATED_PARAGRAPH = '“The goal remains the same: stop the killing and find a peaceful resolution to this conflict.”';
/**
 * Body paragraphs of the seed text: its blank-line-separated blocks less the headline, the date line,
 * the byline, three picture blocks (alt + caption lines), the video teaser and the two player lines.
 * 44 blocks − 9 = 35, the four repeated after the second picture included.
 */
const PARAGRAPHS = 35;

let article: HTMLElement;
let segments: Segment[];

beforeAll(() => {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  article = document.getElementById('article')!;
  segments = extractSegments(article);
});

afterAll(() => {
  document.body.replaceChildren();
});

describe('the demo article, as a listener hears it', () => {
  it('is on the page with its player next to it', () => {
    expect(article).not.toBeNull();
    expect(article.lang).toBe('en-GB');
    expect(article.querySelectorAll('listen-player[for="article"]')).toHaveLength(1);
    expect(document.body.querySelector('script')).toBeNull();
  });

  it('starts with the headline', () => {
    expect(segments[0]!.text).toBe(HEADLINE);
    expect(segments[0]!.element.localName).toBe('h1');
  });

  it('reads the headline and every body paragraph in order, and nothing else', () => {
    const paragraphs = [...article.querySelectorAll('p')];
    expect(paragraphs).toHaveLength(PARAGRAPHS);
    expect(segments).toHaveLength(1 + PARAGRAPHS);
    expect(segments.slice(1).map((segment) => segment.element)).toEqual(paragraphs);
    expect(segments[1]!.text).toBe(FIRST_PARAGRAPH);
    expect(segments[2]!.text).toBe(SECOND_PARAGRAPH);
    expect(segments.at(-1)!.text).toBe(LAST_PARAGRAPH);
  });

  it('keeps the block the article repeats after the second picture, read twice', () => {
    const repeats = segments.filter((segment) => segment.text === REPEATED_PARAGRAPH);
    expect(repeats).toHaveLength(2);
    expect(repeats[0]!.element).not.toBe(repeats[1]!.element);
  });

  it('does not read the date line, byline, captions, video teaser or the player', () => {
    const spoken = segments.map((segment) => segment.text).join('\n');
    expect(spoken).not.toContain('18 March 2025');
    expect(spoken).not.toContain('Updated:');
    expect(spoken).not.toContain('Asher McShane');
    expect(spoken).not.toContain('Picture: Getty');
    expect(spoken).not.toContain('Defence analyst');
    expect(spoken).not.toContain('Listen to this article');
    expect(spoken).not.toContain('Loading audio');
    expect(spoken).not.toContain('Watch');

    const captions = [...article.querySelectorAll('figcaption')];
    expect(captions).toHaveLength(3);
    for (const caption of captions) {
      const text = normaliseText(caption.textContent ?? '');
      expect(text).toMatch(/Picture: Getty$/);
      expect(segments.some((segment) => segment.text.includes(text))).toBe(false);
    }
    expect(article.querySelector('aside')?.getAttribute('aria-label')).toBeTruthy();
  });

  it('gives each segment an element in the article whose own text is exactly what is read', () => {
    for (const segment of segments) {
      expect(article.contains(segment.element)).toBe(true);
      expect(segment.text).toBe(normaliseText(segment.element.textContent ?? ''));
      expect(segment.lang).toBe('en-GB');
    }
  });

  it('has no empty segments and no stray whitespace', () => {
    for (const segment of segments) {
      expect(segment.text.length).toBeGreaterThan(0);
      expect(segment.text).toBe(segment.text.trim());
      expect(segment.text).not.toMatch(/\s{2}|[\u00a0\n\t]/);
    }
  });

  // How fast this is belongs to the benchmark, not to a test: here, that nothing is lost or reordered at scale.
  it('extracts a 20,000-paragraph article whole and in order', () => {
    const long = document.createElement('article');
    const paragraph = article.querySelector('p')!;
    for (let i = 0; i < 20_000; i++) {
      const copy = paragraph.cloneNode(true) as HTMLElement;
      copy.append(` ${i}`);
      long.append(copy);
    }
    const result = extractSegments(long);
    expect(result).toHaveLength(20_000);
    expect(result.every((segment, i) => segment.element === long.children[i] && segment.text.endsWith(` ${i}`))).toBe(true);
  });
});
