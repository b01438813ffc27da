#!/usr/bin/env node
// The render command (`npm run render -- <article.html …>`). Its sources are TypeScript, with the very
// extraction code the player uses; compile.mjs bundles them into JavaScript Node runs, when they change.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { loadBundle } from './compile.mjs';

// eSpeak NG is compiled to JavaScript (wasm2js): a few huge functions that V8 optimises too early on the
// first sentences, then throws away and optimises again as new branches turn up (on the demo article its
// synthesis loop was compiled nine times, 115 optimisations in all). Letting code run longer before it is
// optimised (V8's default budget is 67,584) cuts that to six and 50, and a render's CPU time by ~0.4 s
// (a tenth) with it. Worker threads share the process's V8 flags; a Node whose V8 lacks this one only
// prints that it is unknown.
setFlagsFromString('--interrupt-budget=300000');

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
