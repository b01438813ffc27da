/**
 * Builds the library as `npm run build` ships it, into a new temporary folder (returned; the caller removes
 * it): the library mode with the build's own plugins, and Lit's production build, which Vite would not pick
 * under the test runner (NODE_ENV "test" resolves the development build, twice the size).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { LIBRARY_MODE, listenLibrary } from '../../../src/build/library.js';
import { minifyTemplatesPlugin } from '../../../src/build/minify-templates.js';

export const root = resolve(import.meta.dirname, '../../..');

export async function buildLibrary(prefix: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), prefix));
  await build({
    root,
    configFile: false,
    mode: LIBRARY_MODE,
    logLevel: 'silent',
    plugins: [minifyTemplatesPlugin(), listenLibrary()],
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: { outDir: out },
  });
  return out;
}
