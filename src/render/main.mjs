#!/usr/bin/env node
// The render command (`npm run render -- <article.html …>`). Its sources are TypeScript, with the very
// extraction code the player uses; compile.mjs bundles them into JavaScript Node runs, when they change.
import { Worker } from 'node:worker_threads';
import { loadBundle } from './compile.mjs';

let bundle;
try {
  bundle = await loadBundle();
} catch (error) {
  // A source that does not compile: the command cannot run at all (exit code 2, as for bad options).
  process.stderr.write(`render: cannot load the command: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
// The first worker starts at once and loads eSpeak NG while this thread loads the command and reads the
// articles; it is stopped unused when everything is up to date.
let early = new Worker(new URL(bundle.worker));
early.on('error', () => {}); // reported by the pool once it owns the worker; before that, just not used
early.once('exit', () => (early = null));
const { main } = await import(bundle.cli);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  startWorker: () => {
    const worker = early ?? new Worker(new URL(bundle.worker));
    early = null;
    return worker;
  },
});
await early?.terminate();
