// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fetchLexicon } from '../../../src/spoken/fetch-lexicon.js';
import { LEXICON_MAX_CHARS, LexiconError } from '../../../src/spoken/lexicon.js';

const ENTRIES = '{"entries": [{"word": "Kyiv", "say": "Keev"}]}';

function answer(body: BodyInit, init: ResponseInit = {}, url = '') {
  const response = new Response(body, { headers: { 'content-type': 'application/json' }, ...init });
  if (url) Object.defineProperty(response, 'url', { value: url });
  return vi.fn(async () => response);
}

/** A URL of this page's origin, unique per test (the module remembers lexicons it loaded). */
const here = (name: string) => new URL(`/lexicons/${name}`, location.href).href;

describe('fetchLexicon', () => {
  it('loads a lexicon of the page\'s origin once, however many ask', async () => {
    const fetch = answer(ENTRIES);
    const [a, b] = await Promise.all([fetchLexicon(here('once.json'), { fetch }), fetchLexicon(here('once.json'), { fetch })]);
    expect(a).toBe(b);
    expect(a.entries.map((e) => e.say)).toEqual(['Keev']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reads PLS served as XML', async () => {
    const fetch = answer('<lexicon><lexeme><grapheme>NATO</grapheme><alias>Nay-toe</alias></lexeme></lexicon>', {
      headers: { 'content-type': 'application/pls+xml' },
    });
    expect((await fetchLexicon(here('pls.pls'), { fetch })).entries[0]!.say).toBe('Nay-toe');
  });

  it.each([
    ['a web page instead of the file', () => answer('<!doctype html><p>Not found</p>', { headers: { 'content-type': 'text/html' } }), /not found \(the server sent a web page\)/],
    ['an HTTP error', () => answer('', { status: 500 }), /could not be loaded \(HTTP 500\)/],
    ['a network error', () => vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), /could not be loaded \(network error\)/],
    ['a redirect to another origin', () => answer(ENTRIES, {}, 'https://elsewhere.example/lexicon.json'), /was redirected to another origin \(https:\/\/elsewhere\.example\)/],
    ['a body longer than a lexicon may be', () => answer(`{"entries": [], "x": "${'x'.repeat(LEXICON_MAX_CHARS)}"}`), /too large \(more than/],
    ['a declared length far over the limit', () => answer(ENTRIES, { headers: { 'content-length': String(LEXICON_MAX_CHARS * 8) } }), /too large \(\d+ bytes\)/],
    ['bad JSON', () => answer('{"entries": ['), /could not be read: The lexicon is not valid JSON/],
  ])('refuses %s with a LexiconError saying so, and tries again next time', async (name, make, message) => {
    const url = here(`${name.replace(/\W+/g, '-')}.json`);
    const fetch = make();
    const failed = fetchLexicon(url, { fetch });
    await expect(failed).rejects.toThrow(LexiconError);
    await expect(failed).rejects.toThrow(message);
    const good = answer(ENTRIES);
    expect((await fetchLexicon(url, { fetch: good })).entries).toHaveLength(1);
  });

  it('refuses another origin and other protocols unless allowed, without a request', async () => {
    const fetch = answer(ENTRIES);
    await expect(fetchLexicon('https://elsewhere.example/a.json', { fetch })).rejects.toThrow(/is on another origin/);
    await expect(fetchLexicon('data:application/json,{}', { fetch })).rejects.toThrow(/must be an http\(s\) URL, not data:/);
    expect(fetch).not.toHaveBeenCalled();
    const allowed = await fetchLexicon('https://elsewhere.example/b.json', { fetch, allowCrossOrigin: true });
    expect(allowed.entries).toHaveLength(1);
  });
});
