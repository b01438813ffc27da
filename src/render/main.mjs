#!/usr/bin/env node
// The render command (`npm run render -- <article.html …>`), and the entry of each of its worker threads.
// Node 20 cannot run TypeScript, so the sources are loaded through Vite's module runner: no build step,
// no extra dependency, and the very extraction code the player uses. It costs about 0.2 s per thread.
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread } from 'node:worker_threads';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const self = new URL(import.meta.url);

/** Imports a TypeScript module of this project (static imports only: the runner closes once loaded). */
async function load(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(path, import.meta.url)), { root, logLevel: 'silent' });
  return module;
}

if (isMainThread) {
  // The first worker starts at once and loads eSpeak NG while this thread loads the command and reads the
  // articles (about a second saved on a cold run); it is stopped unused when everything is up to date.
  let early = new Worker(self);
  early.on('error', () => {}); // reported by the pool once it owns the worker; before that, just not used
  early.once('exit', () => (early = null));
  const { main } = await load('./cli.ts');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    startWorker: () => {
      const worker = early ?? new Worker(self);
      early = null;
      return worker;
    },
  });
  await early?.terminate();
} else {
  await load('./worker.ts');
}
