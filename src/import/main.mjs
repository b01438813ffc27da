#!/usr/bin/env node
// The import command (`npm run import -- <article.html> --audio … --timings …`). Node 20 cannot run
// TypeScript, so the sources are loaded through Vite's module runner, as the render command does: the
// manifest is aligned to the very segments the player's own extraction finds.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('./cli.ts', import.meta.url)), { root, logLevel: 'silent' });
process.exitCode = await module.main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
