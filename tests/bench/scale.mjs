// Synthetic articles of growing size: extraction time, JS heap after load, and the cost of each frame while
// the audio engine reads a 60-paragraph window in their middle (a manifest made in the page on the seed audio).
import { median, mean, percentile } from './stats.mjs';

const PAGE = '/bench/tests/bench/scale/index.html';
const MANIFEST = '/bench/synthetic.json';

export async function scaleRun(browser, origin, paragraphs, playMs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${PAGE}`, { waitUntil: 'load' });
    const built = await page.evaluate((n) => window.listenBench.build(n, 5), paragraphs);
    await page.route(`**${MANIFEST}`, (route) => route.fulfill({ body: built.manifest, contentType: 'application/json' }));
    await page.evaluate((src) => window.listenBench.mount(src), MANIFEST);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const played = await page.evaluate(([from, ms]) => window.listenBench.play(from, ms), [built.from, playMs]);
    if (played.engine !== 'audio') throw new Error(`${paragraphs} paragraphs: read by ${played.engine}, not the audio engine`);
    const work = played.frames.reduce((sum, ms) => sum + ms, 0) + played.timers.reduce((sum, ms) => sum + ms, 0);
    return {
      paragraphs,
      extractMs: median(built.extractMs.slice(1)), // the first run warms the JIT up
      heapMB: usedSize / 2 ** 20,
      frameMs: work / Math.max(played.frames.length, 1),
      frameP95Ms: percentile(played.frames, 95),
      frames: played.frames.length,
      timerCallbacks: played.timers.length,
      frameMeanRafMs: mean(played.frames),
    };
  } finally {
    await context.close();
  }
}

/**
 * The stress cases (tests/bench/scale/stress.ts), each in a fresh page: opening the paragraph list at 20,000 and
 * 100,000 paragraphs, play → sound at 100,000, long tasks with a 5 MB paragraph and the mini player shown, and
 * 500 `src` changes while the audio plays (main-thread time from CDP's TaskDuration, and manifest requests).
 */
export async function stressRun(browser, origin) {
  const inPage = async (run) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${origin}${PAGE}`, { waitUntil: 'load' });
      return await run(page, context);
    } finally {
      await context.close();
    }
  };
  // Warm: the pointer was over the player first (the rest of it loaded); cold: the press or play() loads it.
  const list20k = await inPage((page) => page.evaluate(() => window.listenBench.stress.openList(20_000)));
  const list100k = await inPage((page) => page.evaluate(() => window.listenBench.stress.openList(100_000)));
  const list100kCold = await inPage((page) => page.evaluate(() => window.listenBench.stress.openList(100_000, false)));
  // Grouped by chapter: an h2 every 20 paragraphs with an h3 in each (10,000 chapters).
  const list100kChapters = await inPage((page) => page.evaluate(() => window.listenBench.stress.openList(100_000, true, 20)));
  const play100k = await inPage((page) => page.evaluate(() => window.listenBench.stress.playToSound(100_000)));
  const play100kCold = await inPage((page) => page.evaluate(() => window.listenBench.stress.playToSound(100_000, false)));
  const huge = await inPage((page) => page.evaluate(() => window.listenBench.stress.hugeParagraph(10_000)));
  const src = await inPage(async (page, context) => {
    const built = await page.evaluate(() => window.listenBench.build(2_000, 1));
    await page.route(/\/bench\/synthetic\.json/, (route) => route.fulfill({ body: built.manifest, contentType: 'application/json' }));
    await page.evaluate((src) => window.listenBench.mount(src), MANIFEST);
    await page.evaluate(async () => {
      const player = document.querySelector('listen-player');
      player.play();
      while (player.state !== 'playing') await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
    const before = await busy();
    const changed = await page.evaluate((base) => window.listenBench.stress.srcChanges(base, 500), MANIFEST);
    // Seconds of main-thread tasks, from the first change until the last source plays (playback's own included).
    return { ...changed, mainThreadMs: ((await busy()) - before) * 1000 };
  });
  return { list20k, list100k, list100kCold, list100kChapters, play100k, play100kCold, huge, src };
}
