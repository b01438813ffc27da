// The demo as `npm start` serves it: the layout shift of the page as it loads, its modules arriving one by one
// from the dev server (once, its stylesheet came with its script, after the first layout: CLS 0.70).
import { createServer } from 'vite';

/** Starts the dev server of `root` on a free port; resolves with its origin and a function that stops it. */
export async function devServer(root) {
  const server = await createServer({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0, open: false } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The dev server did not say where it listens.');
  return { origin: new URL(url).origin, close: () => server.close() };
}

/**
 * Loads `/index.html` of the dev server at `origin` in a `width` × `height` view; resolves with the sum of the
 * layout shifts (none after input) until its vitals panel, shown after load, is there, and a second after.
 */
export async function devLayoutRun(browser, origin, width, height) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width, height } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    await page.waitForSelector('.vitals', { timeout: 30_000 });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => window.__shift);
  } finally {
    await context.close();
  }
}
