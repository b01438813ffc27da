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
