#!/usr/bin/env node
// `npm run test:load`: the whole test suite (`npm test`) while one busy process per core, at nice +10, keeps
// every core busy, as on a shared CI machine or a laptop doing something else. A test that passes only on a
// quiet machine fails here. Arguments go on to Vitest (`npm run test:load -- tests/unit/ui/time.test.ts`).
// The busy processes end with the suite, on Ctrl-C, and on their own if this process is killed.
import { spawn } from 'node:child_process';
import { availableParallelism, setPriority } from 'node:os';

const NICE = 10;
const cores = availableParallelism();
const log = (line) => process.stderr.write(`test:load: ${line}\n`);

// Spins in slices of 100 ms, between which it checks that the process that started it is still there.
const BUSY = `const parent = ${process.pid}; for (;;) { const until = Date.now() + 100; while (Date.now() < until); if (process.ppid !== parent) process.exit(0); }`;
const busy = [];
for (let i = 0; i < cores; i++) {
  const child = spawn(process.execPath, ['-e', BUSY], { stdio: 'ignore' });
  try {
    setPriority(child.pid, NICE);
  } catch (error) {
    log(`could not lower the priority of a busy process: ${error.message}`);
  }
  busy.push(child);
}
const stopLoad = () => {
  for (const child of busy) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.on('exit', stopLoad);
log(`${busy.length} busy process(es) at nice +${NICE} on ${cores} core(s)`);

const began = performance.now();
// Through the npm that runs this script (npm_execpath), else the one on the PATH. In a process group of its own,
// so that a signal reaches everything the suite started (npm, the shell, tsc, Vitest, Chromium).
const npm = process.env.npm_execpath;
const args = ['test', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])];
const options = { stdio: 'inherit', detached: true };
const suite = npm ? spawn(process.execPath, [npm, ...args], options) : spawn('npm', args, options);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLoad();
    try {
      process.kill(-suite.pid, signal);
    } catch {
      // The suite has already ended.
    }
  });
}

suite.on('exit', (code, signal) => {
  stopLoad();
  const seconds = ((performance.now() - began) / 1000).toFixed(0);
  log(`the suite ${code === 0 ? 'passed' : `failed (${signal ?? `exit code ${code}`})`} in ${seconds} s under load`);
  process.exit(code ?? 1);
});
