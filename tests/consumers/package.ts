/**
 * The package as an app gets it: the library built into a staging folder beside a copy of package.json,
 * `npm pack`ed, and the tarball installed with npm into a workspace (its own dependencies, Lit and howler, from
 * the registry as an app would get them). The workspace is kept in the system's temporary folder under the
 * tarball's hash: a second run of unchanged sources reuses the install. The frameworks and tools the apps and
 * the docs' snippets use are linked from the project's own node_modules (installed once, by `npm ci`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { API_DOCS } from '../../src/build/api-docs.js';
import { LIBRARY_MODE, listenLibrary } from '../../src/build/library.js';
import { minifyTemplatesPlugin } from '../../src/build/minify-templates.js';
import { root } from '../unit/helpers/library-build.js';

const run = promisify(execFile);
const WORKSPACE_PREFIX = 'listen-consumers-';

/** What the apps and snippets import besides the package: linked, never installed. `@types/howler` is not one. */
const LINKED = [
  'react',
  'react-dom',
  '@types/react',
  '@types/react-dom',
  'preact',
  'solid-js',
  'vue',
  'svelte',
  'vite',
  '@vitejs/plugin-vue',
  '@sveltejs/vite-plugin-svelte',
];

/** Builds and packs the package; returns the tarball's path (in a staging folder the caller removes). */
export async function packPackage(): Promise<{ tarball: string; staging: string }> {
  const staging = mkdtempSync(join(tmpdir(), 'listen-pack-'));
  for (const file of ['package.json', 'README.md', 'LICENSE', API_DOCS]) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    copyFileSync(join(root, file), join(staging, file));
  }
  // As `npm run build` builds the library (Lit's production build: the test runner's NODE_ENV would pick the other).
  await build({
    root,
    configFile: false,
    mode: LIBRARY_MODE,
    logLevel: 'silent',
    plugins: [minifyTemplatesPlugin(), listenLibrary()],
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: { outDir: join(staging, 'dist') },
  });
  // The build ran above: `prepack` (the full build) is not run again.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', staging], { cwd: staging });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return { tarball: join(staging, packed!.filename), staging };
}

/** The workspace with the tarball installed, made once per tarball content. */
export async function installPackage(tarball: string): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(tarball)).digest('hex').slice(0, 16);
  const workspace = join(tmpdir(), `${WORKSPACE_PREFIX}${hash}`);
  const done = join(workspace, '.installed');
  if (!existsSync(done)) {
    // An install for an earlier tarball is not used again: sources changed since.
    for (const name of readdirSync(tmpdir())) {
      if (name.startsWith(WORKSPACE_PREFIX)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'listen-consumers', private: true, type: 'module' }));
    copyFileSync(tarball, join(workspace, 'listen-player.tgz'));
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', './listen-player.tgz'], { cwd: workspace });
    for (const name of LINKED) {
      const link = join(workspace, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      if (!existsSync(link)) symlinkSync(join(root, 'node_modules', name), link, 'dir');
    }
    writeFileSync(done, '');
  }
  return workspace;
}

/** A fresh copy of the apps' sources in the workspace (`apps/`), returned. */
export function copyApps(workspace: string): string {
  const apps = join(workspace, 'apps');
  rmSync(apps, { recursive: true, force: true });
  cpSync(join(root, 'tests/consumers/apps'), apps, { recursive: true });
  return apps;
}
