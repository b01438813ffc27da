#!/usr/bin/env node
// The render command (`npm run render -- <article.html …>`), and the entry of each of its worker threads.
// Node 20 cannot run TypeScript, so the sources are loaded through Vite's module runner: no build step,
// no extra dependency, and the very extraction code the player uses. It costs about 0.2 s per thread.
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread } from 'node:worker_threads';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Imports a TypeScript module of this project (static imports only: the runner closes once loaded). */
async function load(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(path, import.meta.url)), { root, logLevel: 'silent' });
  return module;
}

if (isMainThread) {
  const { main } = await load('../src/render/cli.ts');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    startWorker: () => new Worker(new URL(import.meta.url)),
  });
} else {
  await load('../src/render/worker.ts');
}
