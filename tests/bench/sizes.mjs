#!/usr/bin/env node
// The JS rows of the benchmark alone, in about a minute: builds the demo and the library as `npm run bench`
// does, plays the library's seed page with its recording and without (the browser's voice, a stand-in) for
// 10 s each, and prints the JS each loaded before and after play, per file and per module (min+gzip), and
// click → `playing` (median of SIZES_RUNS runs, default 1, the two pages interleaved).
// `node tests/bench/sizes.mjs [--json file]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { moduleSizes } from './modules.mjs';
import { vitalsRun, writeLibraryPages } from './pages.mjs';
import { serve } from './serve.mjs';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'tests/bench/results/site');
const RUNS = Number(process.env.SIZES_RUNS ?? 1);
const log = (line) => process.stderr.write(`sizes: ${line}\n`);

log('building the demo and the library');
await build({ root, logLevel: 'error', build: { outDir: site, emptyOutDir: true } });
const library = moduleSizes(await build({ root, mode: 'lib', logLevel: 'error', build: { outDir: site } }), root);
writeLibraryPages(site);

const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
});
const runs = { audio: [], speech: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    log(`run ${i + 1}/${RUNS}`);
    runs.audio.push(await vitalsRun(browser, server.origin, site, '/bundle.html', 10_000));
    runs.speech.push(await vitalsRun(browser, server.origin, site, '/bundle-speech.html', 10_000, { speech: true }));
  }
} finally {
  await browser.close();
  await server.close();
}

const out = [];
const report = {};
for (const [name, page] of [['voice', runs.speech], ['audio', runs.audio]]) {
  const run = page[0];
  const before = new Set(run.before.files.map((file) => file.path));
  const clicks = page.map((each) => each.clickToPlaying);
  report[name] = { before: run.before.bytes, all: run.all.bytes, clickToPlaying: median(clicks), clicks, files: run.all.files.map((file) => ({ ...file, beforePlay: before.has(file.path), modules: library[file.path]?.modules ?? [] })) };
  out.push(`${name}: before play ${run.before.bytes} B, after 10 s ${run.all.bytes} B (${(run.all.bytes / 1024).toFixed(1)} KB); click → playing ${median(clicks).toFixed(1)} ms (${clicks.map((ms) => ms.toFixed(0)).join(', ')})`);
  for (const file of [...run.all.files].sort((a, b) => b.gzip - a.gzip)) {
    out.push(`  ${before.has(file.path) ? 'pre ' : 'post'} ${String(file.gzip).padStart(6)} ${file.path}`);
    if (process.env.SIZES_MODULES !== '0') {
      for (const module of library[file.path]?.modules ?? []) if (module.bytes >= 60) out.push(`         ${String(module.bytes).padStart(6)}   ${module.id}`);
    }
  }
}
process.stdout.write(`${out.join('\n')}\n`);
const json = process.argv.indexOf('--json');
if (json > 0) {
  mkdirSync(join(process.argv[json + 1], '..'), { recursive: true });
  writeFileSync(process.argv[json + 1], `${JSON.stringify(report, null, 2)}\n`);
}
