// The benchmark's runs on the built demo page and on a page with the library bundle alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize } from './stats.mjs';
import { fakeSpeechScript, probeScript, syncProbe } from './probe.mjs';

const PLAY = 'listen-player [part="play-button"]';
const SEED_PLAYING = () => window.__bench.playing.some((entry) => /seed\.(mp3|opus)/.test(entry.src));
const STATE_PLAYING = () => window.__bench.states.some((entry) => entry.state === 'playing');

/**
 * Writes the library's pages beside the built demo: `bundle.html`, the seed article with nothing but the
 * library bundle (what a host page downloads; the demo's scripts and preloads, however many chunks its build
 * made, left out), and `bundle-speech.html`, the same without a recording (read by the browser's voice).
 */
export function writeLibraryPages(site) {
  const demo = readFileSync(join(site, 'index.html'), 'utf8');
  const bundle = demo
    .replace(/<script type="module"[^>]*><\/script>/, '<script type="module" src="/listen-player.js"></script>')
    .replace(/\s*<script type="module" crossorigin[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  writeFileSync(join(site, 'bundle.html'), bundle);
  writeFileSync(join(site, 'bundle-speech.html'), bundle.replace(/(<listen-player\b[^>]*?)\s+src="[^"]*"/, '$1'));
}

/**
 * A fresh context (no stored rate or resume point) with the probe, noting each JS response and its phase;
 * with `speech`, the page's Web Speech is the benchmark's stand-in.
 */
async function open(browser, speech = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probeScript());
  if (speech) await page.addInitScript(fakeSpeechScript());
  const scripts = [];
  const state = { phase: 'before-play' };
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').includes('javascript')) scripts.push({ url: response.url(), phase: state.phase });
  });
  return { context, page, scripts, state };
}

/** min+gzip bytes of the JS a page loaded (the built files are minified), and whether howler is among them. */
export function sizeOf(site, scripts) {
  const files = [...new Set(scripts.map((script) => new URL(script.url).pathname))];
  const sized = files.map((path) => {
    const file = join(site, path);
    return { path, gzip: existsSync(file) ? gzipSize(file) : NaN };
  });
  return { bytes: sized.reduce((sum, file) => sum + file.gzip, 0), files: sized, howler: files.some((path) => /howler/i.test(path)) };
}

/**
 * Loads `path`, presses play with a real click, lets it play `playMs`, then flushes web-vitals as a page
 * being hidden does. Returns the JS before and after play, click → `playing` and the vitals. With `speech`
 * the page has no recording: play is the player's `playing` (the voice's start), not the seed audio's.
 */
export async function vitalsRun(browser, origin, site, path, playMs, { speech = false } = {}) {
  const { context, page, scripts, state } = await open(browser, speech);
  try {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    state.phase = 'after-play';
    await page.click(PLAY);
    await page.waitForFunction(speech ? STATE_PLAYING : SEED_PLAYING, null, { timeout: 20_000 });
    await page.waitForTimeout(playMs);
    const data = await page.evaluate(async () => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const bench = window.__bench;
      const click = bench.clicks.at(-1);
      const sound = bench.playing.find((entry) => /seed\.(mp3|opus)/.test(entry.src));
      const state = bench.states.find((entry) => entry.state === 'playing');
      const playing = sound ?? state;
      return { vitals: bench.vitals, clickToPlaying: playing ? playing.t - click : null, clickToState: state ? state.t - click : null };
    });
    const before = sizeOf(site, scripts.filter((script) => script.phase === 'before-play'));
    const all = sizeOf(site, scripts);
    return { ...data, before, all };
  } finally {
    await context.close();
  }
}

/** Reads the whole seed article at `rate`, measuring the highlight error of the player and the baseline. */
export async function syncRun(browser, origin, rate) {
  const { context, page } = await open(browser);
  try {
    await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    await page.evaluate(syncProbe, rate);
    await page.click(PLAY);
    await page.evaluate(() => window.__benchSync.started);
    const limit = (300 / rate + 60) * 1000;
    return await Promise.race([
      page.evaluate(() => window.__benchSync.done),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`the article did not end within ${limit / 1000} s`)), limit)),
    ]);
  } finally {
    await context.close();
  }
}
