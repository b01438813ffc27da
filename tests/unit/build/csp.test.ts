/**
 * The built demo under a strict Content Security Policy with Trusted Types: builds it with Vite, serves it
 * with `vite preview` (which sends the policy set in vite.config.ts), drives it in real Chromium and
 * expects not one `securitypolicyviolation`, through recorded audio, the word highlight, the menus, the
 * mini player and the browser's voice, in the demo's playlist (an article page fetched, parsed and read inside
 * it), and on the embed example (a blog's markup with the plain script).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/library-build.js';
import { MARKER_HASH, violationsArrived, violationsSoFar } from '../helpers/policy.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self'; object-src 'none'; " +
  "base-uri 'none'; require-trusted-types-for 'script'";

/**
 * Runs before any page script (init scripts are not subject to the page's policy): records violations and
 * word changes, and stands in for the system's speech synthesiser, which a Node test run has no
 * speech-dispatcher for. It speaks nothing, but fires `start`, word `boundary` and `end` like a voice does,
 * so the player really plays under the browser-voice engine (its keep-alive audio, word highlight, timers).
 */
function pageProbe(): void {
  const w = window as unknown as Record<string, unknown>;
  const violations: string[] = [];
  const words: number[] = [];
  w.__violations = violations;
  w.__words = words;
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
  document.addEventListener('listen-wordchange', () => words.push(performance.now()));

  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    [handler: `on${string}`]: unknown;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }
  const voice = { name: 'Probe English', lang: 'en-GB', voiceURI: 'probe-en', localService: true, default: true };
  const fire = (utterance: Utterance, type: string, extra: Record<string, unknown> = {}): void => {
    const event = Object.assign(new Event(type), { utterance, charIndex: 0, charLength: 0, elapsedTime: 0, name: 'word' }, extra);
    utterance.dispatchEvent(event);
    const handler = utterance[`on${type}`];
    if (typeof handler === 'function') handler.call(utterance, event);
  };
  const queue: Utterance[] = [];
  let timers: number[] = [];
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => [voice],
    speak(utterance: Utterance) {
      queue.push(utterance);
      if (queue.length === 1) next();
    },
    cancel() {
      timers.forEach(clearTimeout);
      timers = [];
      queue.length = 0;
      synth.speaking = false;
    },
    pause() {},
    resume() {},
  });
  function next(): void {
    const utterance = queue[0];
    if (!utterance) return void (synth.speaking = false);
    synth.speaking = true;
    const step = 40 / (utterance.rate || 1);
    const starts = [...utterance.text.matchAll(/\S+/g)].map((match) => match.index ?? 0);
    timers.push(window.setTimeout(() => fire(utterance, 'start'), 5));
    starts.forEach((charIndex, i) => {
      timers.push(window.setTimeout(() => fire(utterance, 'boundary', { charIndex, elapsedTime: i * step }), 10 + i * step));
    });
    timers.push(
      window.setTimeout(() => {
        queue.shift();
        fire(utterance, 'end');
        next();
      }, 20 + starts.length * step),
    );
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}

let out = '';
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let origin = '';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'listen-csp-'));
  await build({ root: ROOT, logLevel: 'silent', build: { outDir: out, emptyOutDir: true, sourcemap: false } });
  // The config copies audio/ into the build only outside test runs (it checks VITEST); the demo needs it.
  cpSync(join(ROOT, 'audio'), join(out, 'audio'), { recursive: true });
  server = await preview({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: out },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium(['--ignore-certificate-errors']);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function state(page: Page, value: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForSelector(`listen-player[state="${value}"]`, { state: 'attached', timeout });
  } catch (error) {
    // Say where the player is instead, and what the page reported: a timeout alone tells nothing.
    const seen = await page.evaluate(() => ({
      players: [...document.querySelectorAll('listen-player')].map((player) => ({
        state: player.getAttribute('state'),
        defined: Boolean(customElements.get('listen-player')),
        status: player.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? null,
      })),
      scripts: performance
        .getEntriesByType('resource')
        .filter((entry) => /\.js$/.test(entry.name))
        .map((entry) => `${new URL(entry.name).pathname} ${(entry as PerformanceResourceTiming).responseStatus}`),
      readyState: document.readyState,
    }));
    throw new Error(`No player reached "${value}" within ${timeout} ms: ${JSON.stringify(seen)}`, { cause: error });
  }
}

async function wordsAfter(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as { __words: number[] }).__words.length);
  await page.waitForFunction((n) => (window as unknown as { __words: number[] }).__words.length >= n, start + count, {
    timeout: 10_000,
  });
}

describe('the built demo under a strict CSP with Trusted Types', () => {
  it('is served with the policy', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
  });

  it('plays recorded audio and the browser voice without a single violation', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 700 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(text) && !text.includes(MARKER_HASH)) consoleErrors.push(text);
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    const media: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'media') media.push(new URL(request.url()).pathname);
    });
    await page.addInitScript(pageProbe);
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['content-security-policy']).toBe(POLICY);

    const player = page.locator('listen-player');
    const play = player.locator('[part~="play-button"]');
    await state(page, 'idle');

    // Recorded audio (howler, HTML5 audio), with the word highlight of the demo.
    await play.click();
    await state(page, 'playing');
    await wordsAfter(page, 3);
    // The menus and the paragraph list.
    await player.locator('[part~="speed"] select').selectOption('1.5');
    await player.locator('[part~="paragraphs-button"]').click();
    await expect.poll(() => player.locator('[part~="paragraphs"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    // The mini player: the player scrolled out of view while playing.
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => player.locator('[part~="mini-player"]').isVisible(), { timeout: 5000 }).toBe(true);
    await wordsAfter(page, 2);
    await play.evaluate((button: HTMLElement) => button.click());
    await state(page, 'paused');

    // The browser's voice: its keep-alive audio, estimated and boundary word times.
    await page.locator('input[name="listen-source"][value="speech"]').check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await state(page, 'idle');
    await play.click();
    await state(page, 'playing');
    await wordsAfter(page, 3);
    await play.click();
    await state(page, 'paused');

    expect(await violationsSoFar(page, '__violations')).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Both kinds of media really loaded under the policy: the recording and the keep-alive of the browser voice.
    expect(media.some((path) => /\/audio\/seed\.(opus|mp3)$/.test(path))).toBe(true);
    expect(media.some((path) => /silence[^/]*\.mp3$/.test(path))).toBe(true);

    // The probe does see violations: an HTML string into a sink, and an inline style attribute.
    const threw = await page.evaluate(() => {
      const element = document.createElement('div');
      let refused = false;
      try {
        element.innerHTML = '<b>not trusted</b>';
      } catch {
        refused = true;
      }
      document.body.append(element);
      element.setAttribute('style', 'color: red');
      element.remove();
      return refused;
    });
    expect(threw).toBe(true);
    const refused = await violationsArrived(page, '__violations', 2);
    expect(refused.map((line) => line.split(' ')[0])).toEqual(['require-trusted-types-for', 'style-src-attr']);
    await page.close();
  }, 60_000);

  it('plays an article of the demo\'s playlist, fetched and read in the playlist, without a violation', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 700 } });
    await page.addInitScript(pageProbe);
    await page.goto(`${origin}/src/demo/articles/ceasefire.html`);
    const playlist = page.locator('listen-playlist');
    // The third article (the browser's voice): fetched, copied into the playlist, read with its text open.
    await playlist.locator('[part~="item-button"]').nth(2).click();
    await page.waitForSelector('listen-playlist[state="playing"]', { state: 'attached', timeout: 10_000 });
    await playlist.locator('[part~="transcript"] summary').click();
    await expect.poll(() => playlist.locator('[data-listen-active]').count(), { timeout: 10_000 }).toBe(1);
    await playlist.getByRole('button', { name: 'Pause the playlist' }).click();
    await page.waitForSelector('listen-playlist[state="paused"]', { state: 'attached', timeout: 10_000 });
    expect(await violationsSoFar(page, '__violations')).toEqual([]);
    await page.close();
  }, 30_000);

  it("runs the embed example (another site's markup) without a violation", async () => {
    const page = await browser!.newPage();
    await page.addInitScript(pageProbe);
    const response = await page.goto(`${origin}/embed.html`);
    expect(response?.headers()['content-security-policy']).toBe(POLICY);
    const play = page.locator('listen-player [part~="play-button"]').first();
    await state(page, 'idle');
    await play.click();
    await state(page, 'playing');
    await wordsAfter(page, 2);
    await play.click();
    await state(page, 'paused');
    expect(await violationsSoFar(page, '__violations')).toEqual([]);
    await page.close();
  }, 30_000);
});
