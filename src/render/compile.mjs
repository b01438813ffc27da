// Makes the render command's TypeScript runnable in plain Node 20, which cannot run TypeScript, with no build
// step to remember: the first run after a change bundles the command (main thread and worker, happy-dom
// included) with Vite into node_modules/.cache/listen-render/, and every later run imports that bundle
// at once. It replaces Vite's module runner, which compiled every module on every run, and loading
// happy-dom's ~600 files one by one: together over a second of start-up, against ~0.1 s for the bundle.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The command's entries: the main thread's and the worker's. */
const ENTRIES = { cli: 'src/render/cli.ts', worker: 'src/render/worker.ts' };

/**
 * Left out of the bundle: Node's own modules, and eSpeak NG, which finds its data file next to its own
 * script. Everything else (happy-dom and what it needs) is bundled.
 */
const EXTERNAL = ['@echogarden/espeak-ng-emscripten'];

/**
 * A bundle older than this, and no longer the current one, is deleted when another is made: a render
 * still running on it (even a day-long one) can go on starting workers from it.
 */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The file URL of each entry's bundled module, by entry name; bundles them first when anything they are made
 * from changed. The options are for tests: the command bundles its own entries in this project.
 */
export async function loadBundle({
  root = projectRoot,
  cacheDir = join(root, 'node_modules', '.cache', 'listen-render'),
  entries = ENTRIES,
  external = EXTERNAL,
} = {}) {
  const project = { root, cacheDir, entries, external };
  let stamp = await readStamp(project);
  if (!stamp || !isFresh(project, stamp)) stamp = await build(project);
  const dir = join(cacheDir, stamp.dir);
  return Object.fromEntries(Object.keys(entries).map((name) => [name, pathToFileURL(join(dir, `${name}.mjs`)).href]));
}

/**
 * Whatever the bundle was made from besides the project's own modules: this file (how it is bundled), the
 * compiler options, and the installed packages, which npm records in node_modules/.package-lock.json.
 */
function toolsHash({ root, entries, external }) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ entries, external }));
  for (const file of [fileURLToPath(import.meta.url), join(root, 'tsconfig.json'), join(root, 'package.json'), join(root, 'node_modules', '.package-lock.json')]) {
    hash.update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function textHash(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** current.json: the current bundle's folder and the hashes of everything it was made from. */
async function readStamp({ cacheDir }) {
  try {
    return JSON.parse(await readFile(join(cacheDir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
}

function isFresh(project, stamp) {
  if (stamp.tools !== toolsHash(project) || !existsSync(join(project.cacheDir, stamp.dir))) return false;
  try {
    return Object.entries(stamp.sources).every(([file, hash]) => textHash(readFileSync(join(project.root, file), 'utf8')) === hash);
  } catch {
    return false; // a source was removed or renamed
  }
}

/**
 * Bundles into a folder of its own, then makes it the current one by replacing current.json in one rename:
 * a render running meanwhile keeps the bundle it started with, and of two renders bundling at once, the
 * last one's bundle stays (they are the same).
 */
async function build(project) {
  const { root, cacheDir, entries, external } = project;
  const { build: viteBuild } = await import('vite');
  const dir = `bundle-${Date.now()}-${process.pid}`;
  const tools = toolsHash(project);
  // Each of the project's modules as the bundler read it (so an edit made meanwhile shows as a change on
  // the next run), even one whose code ends up inlined or shaken out.
  const sources = {};
  await viteBuild({
    configFile: false,
    envDir: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    plugins: [
      {
        name: 'listen-render-sources',
        enforce: 'pre',
        transform(code, id) {
          const file = relative(root, id);
          if (isAbsolute(id) && !file.startsWith('..') && !file.split(sep).includes('node_modules')) sources[file.split(sep).join('/')] = textHash(code);
        },
      },
    ],
    build: {
      ssr: true,
      outDir: join(cacheDir, dir),
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      target: 'node20',
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
    ssr: { target: 'node', noExternal: true, external: [...external] },
  });
  const stamp = { dir, tools, sources };
  const temporary = join(cacheDir, `current.${process.pid}.tmp`);
  await writeFile(temporary, `${JSON.stringify(stamp, null, 2)}\n`);
  await rename(temporary, join(cacheDir, 'current.json'));
  await removeStale(cacheDir, dir);
  return stamp;
}

async function removeStale(cacheDir, current) {
  for (const entry of await readdir(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('bundle-') || entry.name === current) continue;
    const path = join(cacheDir, entry.name);
    if (Date.now() - (await stat(path)).mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
