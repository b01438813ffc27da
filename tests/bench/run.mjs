#!/usr/bin/env node
// `npm run bench`: builds the demo and the library, serves them, measures them in headless Chromium and
// prints one table of figures beside their budgets and the previous run's figures (results.json, if there is
// one); writes results.json and sync-errors.svg to results/.
// BENCH_RUNS (default 3) sets the repeats; each figure is the median of its runs. BENCH_RATE (default 3)
// the playback rate of the sync runs: the whole seed article at 3× takes ~100 s instead of ~5 min.
import { cpus, availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { syncChart } from './chart.mjs';
import { contentRun } from './content.mjs';
import { devLayoutRun, devServer } from './dev.mjs';
import { moduleSizes } from './modules.mjs';
import { syncRun, vitalsRun, writeLibraryPages } from './pages.mjs';
import { renderRun } from './render.mjs';
import { scaleRun, stressRun } from './scale.mjs';
import { serve } from './serve.mjs';
import { medianOfRuns, summarise } from './stats.mjs';
import { table } from './table.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'tests/bench/results');
const site = join(results, 'site');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 3);
const SIZES = [200, 2_000, 20_000];
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const previousFile = join(results, 'results.json');
const previous = existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')) : null;

log('building the demo and the library');
await build({ root, logLevel: 'error', build: { outDir: site, emptyOutDir: true } });
const library = moduleSizes(await build({ root, mode: 'lib', logLevel: 'error', build: { outDir: site } }), root);
await build({
  root,
  configFile: false,
  base: '/bench/',
  logLevel: 'error',
  build: { outDir: join(site, 'bench'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(root, 'tests/bench/scale/index.html') } },
});
writeLibraryPages(site);

const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required', '--enable-precise-memory-info'],
});
const repeat = async (label, runs, run) => {
  const out = [];
  for (let i = 0; i < runs; i++) {
    log(`${label} ${i + 1}/${runs}`);
    out.push(await run(i));
  }
  return out;
};

let report;
try {
  const bundle = await repeat('library bundle page, 10 s of recorded audio', 1, () => vitalsRun(browser, server.origin, site, '/bundle.html', 10_000));
  const speech = await repeat("library bundle page without src, 10 s of the browser's voice", 1, () =>
    vitalsRun(browser, server.origin, site, '/bundle-speech.html', 10_000, { speech: true }),
  );
  const vitals = await repeat('demo page, 10 s of playback', RUNS, () => vitalsRun(browser, server.origin, site, '/index.html', 10_000));
  const dev = await devServer(root);
  let devLayout;
  try {
    devLayout = {
      wide: await repeat('dev server page load, 1280×1300', RUNS, () => devLayoutRun(browser, dev.origin, 1280, 1300)),
      phone: await repeat('dev server page load, 375×812', RUNS, () => devLayoutRun(browser, dev.origin, 375, 812)),
    };
  } finally {
    await dev.close();
  }
  const sync = await repeat(`seed article at ${RATE}×`, RUNS, () => syncRun(browser, server.origin, RATE));
  const scale = [];
  for (const paragraphs of SIZES) {
    const runs = await repeat(`${paragraphs} paragraphs`, RUNS, () => scaleRun(browser, server.origin, paragraphs, 4000));
    scale.push(medianOfRuns(runs));
  }
  const [content] = await repeat('content: the fixture corpus', 1, () => contentRun(root));
  const stress = await repeat('stress cases (long list, 100,000 paragraphs, 5 MB paragraph, src changes)', RUNS, () => stressRun(browser, server.origin));
  const single = await repeat('render, --jobs 1', RUNS, () => renderRun(root, 1));
  const all = await repeat(`render, --jobs ${availableParallelism()}`, RUNS, () => renderRun(root, availableParallelism()));
  report = {
    date: new Date().toISOString(),
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', chromium: browser.version(), node: process.version },
    runs: RUNS,
    rate: RATE,
    bundle: bundle[0],
    speech: speech[0],
    library,
    vitals,
    devLayout,
    sync: sync.map((run) => ({ ...run, playerSummary: summarise(run.player.map((p) => p.error)), baselineSummary: summarise(run.baseline.map((p) => p.error)) })),
    scale,
    content,
    stress,
    render: { single, all },
  };
} finally {
  await browser.close();
  await server.close();
}

mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
// The chart shows the run whose player p95 is the median one.
const ordered = [...report.sync].sort((a, b) => a.playerSummary.p95 - b.playerSummary.p95);
const shown = ordered[Math.floor((ordered.length - 1) / 2)];
writeFileSync(
  join(results, 'sync-errors.svg'),
  syncChart({
    title: `Highlight error against the audio clock, seed article at ${RATE}× (ms of wall-clock time)`,
    duration: Math.max(...shown.player.map((p) => p.at), 1),
    series: [
      { name: 'player (frame loop)', colour: '#1565c0', points: shown.player, p95: shown.playerSummary.p95 },
      { name: 'baseline (timeupdate)', colour: '#ef6c00', points: shown.baseline, p95: shown.baselineSummary.p95 },
    ],
  }),
);
process.stdout.write(table(report, previous));
log(`wrote ${join('tests/bench/results', 'results.json')} and sync-errors.svg`);
