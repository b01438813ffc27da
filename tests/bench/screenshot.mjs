// Makes docs/screenshot.png, the README's picture: the built demo (run `npm run build` first) in headless
// Chromium, reading its second paragraph from the recorded audio with the word highlighted. Not part of the tests
// or the benchmark: run it by hand (`node tests/bench/screenshot.mjs`) when the player's look changes.
// With ffmpeg on the PATH the picture is reduced to 256 colours, which keeps the file small.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'dist');
const out = join(root, 'docs', 'screenshot.png');
if (!existsSync(join(site, 'index.html'))) {
  console.error('No built demo in dist/: run `npm run build` first.');
  process.exit(2);
}

const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await browser.newPage({ viewport: { width: 720, height: 640 }, colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${server.origin}/index.html`);
  // The demo's own Core Web Vitals panel is not the player's.
  await page.addStyleTag({ content: '.vitals { display: none !important; }' });
  const player = page.locator('listen-player');
  await player.evaluate((element) => customElements.whenDefined(element.localName));
  // The first paragraph, the player and the second paragraph well inside the view, so following leaves them be.
  await page.evaluate(() => {
    const first = document.querySelector('#article > p');
    if (!first) throw new Error('The demo article has no paragraphs.');
    window.scrollTo({ top: first.getBoundingClientRect().top + window.scrollY - 160, behavior: 'instant' });
  });
  // Play from the second paragraph (segment 2: the headline is segment 0) and wait for a word in it.
  await player.evaluate(
    (element) =>
      new Promise((resolve) => {
        element.addEventListener('listen-wordchange', (event) => {
          if (event.detail.segment === 2 && event.detail.word >= 4) resolve(undefined);
        });
        element.playSegment(2);
      }),
  );
  // From the paragraph before the player to the one being read.
  const clip = await page.evaluate(() => {
    const [first, second] = document.querySelectorAll('#article > p');
    if (!first || !second) throw new Error('The demo article has no paragraphs to frame.');
    const top = first.getBoundingClientRect().top - 16;
    return { x: 0, y: top, width: window.innerWidth, height: second.getBoundingClientRect().bottom + 16 - top };
  });
  const raw = `${out}.raw.png`;
  await page.screenshot({ path: raw, clip });
  const quantised = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', raw, '-vf', 'split[a][b];[a]palettegen=max_colors=256[p];[b][p]paletteuse=dither=none', out]);
  if (quantised.status === 0) rmSync(raw);
  else renameSync(raw, out);
  console.log(`Wrote ${out}${quantised.status === 0 ? ' (256 colours)' : ''}.`);
} finally {
  await browser.close();
  await server.close();
}
