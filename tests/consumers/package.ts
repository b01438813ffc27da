/**
 * The package as an app gets it: the library built into a staging folder beside a copy of package.json,
 * `npm pack`ed, and the tarball installed with npm into a workspace (its own dependencies, Lit and howler, from
 * the registry as an app would get them). The workspace is kept in the system's temporary folder under the
 * tarball's hash: a second run of unchanged sources reuses the install. The frameworks and tools the apps and
 * the docs' snippets use are linked from the project's own node_modules (installed once, by `npm ci`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { API_DOCS } from '../../src/build/api-docs.js';
import { buildLibraryInto, root } from '../unit/helpers/library-build.js';

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
  await buildLibraryInto(join(staging, 'dist'));
  // The build ran above: `prepack` (the full build) is not run again.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', staging], { cwd: staging });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return { tarball: join(staging, packed!.filename), staging };
}

/**
 * The workspace with the tarball installed, made once per tarball content and checkout (its links point into
 * the checkout's node_modules). It is installed in a folder beside it and moved into place whole: a run stopped
 * midway, or another one beside it, never finds half an install.
 */
export async function installPackage(tarball: string): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(tarball)).update(root).digest('hex').slice(0, 16);
  const workspace = join(tmpdir(), `${WORKSPACE_PREFIX}${hash}`);
  if (existsSync(workspace)) return workspace;
  removeStale();
  const partial = mkdtempSync(`${workspace}-partial-`);
  try {
    writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'listen-consumers', private: true, type: 'module' }));
    copyFileSync(tarball, join(partial, 'listen-player.tgz'));
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', './listen-player.tgz'], { cwd: partial });
    for (const name of LINKED) {
      const link = join(partial, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      if (!existsSync(link)) symlinkSync(join(root, 'node_modules', name), link, 'dir');
    }
    renameSync(partial, workspace);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another run moved the same install into place first.
    if (!existsSync(workspace)) throw error;
  }
  return workspace;
}

/** Workspaces not used for a day: their tarball is an old one. */
function removeStale(): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith(WORKSPACE_PREFIX) && statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** A fresh copy of the apps' sources in the workspace (`apps/`), returned. */
export function copyApps(workspace: string): string {
  // Marks the workspace as used (removeStale).
  const now = new Date();
  utimesSync(workspace, now, now);
  const apps = join(workspace, 'apps');
  rmSync(apps, { recursive: true, force: true });
  cpSync(join(root, 'tests/consumers/apps'), apps, { recursive: true });
  return apps;
}
