/**
 * Fault matrix, security: the built library (the bundle a site serves, and its lazily loaded parts) never turns
 * a string into markup or code. Built once with Vite's JS API into a temporary folder, as the build test does;
 * every use of `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `eval(`, `new Function`/`Function(` or
 * `document.write` in the output is traced back through the source map to the file it came from. Only Lit's
 * template machinery may have one: it parses the static strings of the player's own `html` templates (never
 * a bound value) into a `<template>`, through its Trusted Types policy.
 * Then the same bundle on a page of hostile markup served under the strict policy with Trusted Types, in real
 * Chromium: nothing runs, nothing hidden is read, and the player causes no policy violation.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, BUNDLE_PARTS } from '../../../src/build/library.js';
import { buildLibrary, root } from '../helpers/library-build.js';
import { violationsArrived, violationsSoFar } from '../helpers/policy.js';


const SINKS: readonly (readonly [string, RegExp])[] = [
  ['innerHTML', /\binnerHTML\b/g],
  ['outerHTML', /\bouterHTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['eval', /(?<![\w$.])eval\s*\(/g],
  ['Function', /(?<![\w$])(?:new\s+)?Function\s*\(/g],
  ['document.write', /\bdocument\.write(?:ln)?\b/g],
];

let out: string;

beforeAll(async () => {
  out = await buildLibrary('listen-scan-');
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [generated column, source index] pairs. */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const segments: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0]!;
    if (values.length > 1) state.source += values[1]!;
    segments.push([column, state.source]);
  }
  return segments;
}

interface Hit {
  readonly sink: string;
  readonly file: string;
  /** The original file the code came from, from the source map (project-relative). */
  readonly source: string;
}

/** Every sink in the built JS file `file`, traced to its original source. */
function scan(file: string): Hit[] {
  const code = readFileSync(join(out, file), 'utf8');
  // A chunk without a map (the bundler's own runtime) counts as no one's: any sink in it fails the test.
  const mapFile = join(out, `${file}.map`);
  const map = existsSync(mapFile)
    ? (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string })
    : { sources: [], mappings: '' };
  const state = { source: 0 };
  const lines = map.mappings.split(';').map((line) => decodeLine(line, state));
  const codeLines = code.split('\n');
  const hits: Hit[] = [];
  codeLines.forEach((text, lineIndex) => {
    for (const [sink, pattern] of SINKS) {
      for (const match of text.matchAll(pattern)) {
        const segments = lines[lineIndex] ?? [];
        let source = -1;
        for (const [column, index] of segments) {
          if (column > match.index) break;
          source = index;
        }
        // Source paths in a map are relative to the map's own folder (lazy parts sit one folder down).
        const path = source >= 0 ? resolve(dirname(join(out, file)), map.sources[source]!) : `(unmapped, in ${file})`;
        hits.push({ sink, file, source: path.startsWith(root) ? path.slice(root.length + 1) : path });
      }
    }
  });
  return hits;
}

describe('faults: no string becomes markup or code in the built library', () => {
  it('the bundle and its lazy parts use no HTML or code sink outside Lit’s template machinery', () => {
    const files = [BUNDLE, ...readdirSync(join(out, BUNDLE_PARTS)).filter((name) => name.endsWith('.js')).map((name) => `${BUNDLE_PARTS}/${name}`)];
    expect(files.length).toBeGreaterThan(1); // howler's chunk is scanned too
    const hits = files.flatMap(scan);
    const outsideLit = hits.filter((hit) => !/^node_modules\/lit-html\//.test(hit.source));
    expect(outsideLit).toEqual([]);
    // What Lit itself has, checked rather than assumed: `innerHTML` on its own <template> element, nothing else.
    expect(new Set(hits.map((hit) => `${hit.sink} in ${hit.source}`))).toEqual(new Set(['innerHTML in node_modules/lit-html/lit-html.js']));
  });

  it('the player’s sources have none either', () => {
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    const player = ['src/article', 'src/engines', 'src/manifest', 'src/player', 'src/ui'].flatMap(sources);
    expect(player.length).toBeGreaterThan(20);
    for (const file of player) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [sink, pattern] of SINKS) {
        expect({ file, sink, found: new RegExp(pattern.source).test(text) }).toEqual({ file, sink, found: false });
      }
    }
  });
});

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self'; object-src 'none'; " +
  "base-uri 'none'; require-trusted-types-for 'script'";

/** Markup in the text, inline handlers, and every kind of content that is not read. No inline script: the policy would report it, not the player. */
const HOSTILE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Hostile</title>
  <script type="module" src="/${BUNDLE}"></script></head><body>
  <article id="story" lang="en-GB">
    <h1>Markup in the text.</h1>
    <p>Written as text: &lt;img src=x onerror="window.pwned='img'"&gt; and &lt;script&gt;window.pwned='script'&lt;/script&gt;.</p>
    <p onclick="window.pwned='onclick'" onfocus="window.pwned='onfocus'">A paragraph with inline handlers.</p>
    <template><p>Template text.</p></template>
    <noscript><p>Noscript text.</p></noscript>
    <p hidden>Hidden text.</p>
    <p aria-hidden="true">Aria-hidden text.</p>
  </article>
  <listen-player for="story"></listen-player></body></html>`;

describe('faults: hostile markup under the strict policy with Trusted Types', () => {
  let server: Server;

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
  });

  it('reads the text as text, runs nothing, and causes no violation of its own', async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const file = join(out, path);
      const known = path === '/page.html' || (file.startsWith(out + sep) && existsSync(file));
      response.writeHead(known ? 200 : 404, {
        'Content-Type': path.endsWith('.js') ? 'text/javascript' : path.endsWith('.mp3') ? 'audio/mpeg' : 'text/html; charset=utf-8',
        'Content-Security-Policy': POLICY,
      });
      response.end(!known ? '' : path === '/page.html' ? HOSTILE : readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { violations: seen });
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${origin}/page.html`);
      await page.waitForFunction(() => customElements.get('listen-player') !== undefined);
      // The page's own inline handlers are refused by the policy as the page is parsed, one per attribute,
      // before the player does anything (the reports arrive a moment later): the player must add nothing to them.
      const atLoad = await violationsArrived(page, 'violations', 2);
      expect(atLoad).toEqual(['script-src-attr inline', 'script-src-attr inline']);
      expect(await violationsSoFar(page, 'violations')).toEqual(atLoad);
      const segments = await page.evaluate(() => document.querySelector('listen-player')!.segments.map((segment) => segment.text));
      expect(segments).toEqual([
        'Markup in the text.',
        `Written as text: <img src=x onerror="window.pwned='img'"> and <script>window.pwned='script'</script>.`,
        'A paragraph with inline handlers.',
      ]);

      // Press play (this Chromium has no voices: it ends in the no-speech error once the player's 20 s wait for
      // a voice list is over), then open the paragraph list.
      await page.locator('listen-player [part~="play-button"]').click();
      await page.waitForFunction(() => ['error', 'playing'].includes(document.querySelector('listen-player')!.state), null, { timeout: 40_000 });
      await page.locator('listen-player [part~="paragraphs-button"]').click();
      // The list loads the first time it opens: wait for it.
      await page.locator('listen-player [part~="paragraphs"]').waitFor({ state: 'attached' });
      const shown = await page.evaluate(() => {
        const root = document.querySelector('listen-player')!.shadowRoot!;
        return { list: root.querySelector('[part~="paragraphs"]')?.textContent ?? '', elements: root.querySelectorAll('img, script').length };
      });
      expect(shown.list).toContain(`Written as text: <img src=x onerror="window.pwned='img'">`);
      expect(shown.elements).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
      expect(await violationsSoFar(page, 'violations')).toEqual(atLoad);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
