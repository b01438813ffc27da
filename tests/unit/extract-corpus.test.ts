// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { corpus, readPage } from '../fixtures/pages/corpus.js';

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
