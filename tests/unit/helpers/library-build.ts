/**
 * Builds the library as `npm run build` ships it, into a new temporary folder (returned; the caller removes
 * it): the library mode with the build's own plugins, and Lit's production build, which Vite would not pick
 * under the test runner (NODE_ENV "test" resolves the development build, twice the size).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { LIBRARY_MODE, listenLibrary } from '../../../src/build/library.js';
import { minifyTemplatesPlugin } from '../../../src/build/minify-templates.js';

export const root = resolve(import.meta.dirname, '../../..');

export async function buildLibrary(prefix: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), prefix));
  await buildLibraryInto(out);
  return out;
}

/** Builds the library, as `buildLibrary` does, into the folder `out`. */
export async function buildLibraryInto(out: string): Promise<void> {
  await build({
    root,
    configFile: false,
    mode: LIBRARY_MODE,
    logLevel: 'silent',
    plugins: [minifyTemplatesPlugin(), listenLibrary()],
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: { outDir: out },
  });
}

/** Headless Chromium as the build's tests drive it: the system's (or `LISTEN_CHROMIUM`), sound allowed to start. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', ...extraArgs],
  });
}
