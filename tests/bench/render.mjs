// The render command on the seed article, timed from outside (start-up included): × real time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function renderRun(root, jobs) {
  const out = mkdtempSync(join(tmpdir(), 'listen-bench-render-'));
  try {
    const args = ['src/render/main.mjs', 'index.html', '--name', 'seed', '--out', out, '--voice', 'en-gb', '--force', '--jobs', String(jobs)];
    const start = performance.now();
    const output = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`render exited with ${code}:\n${text}`))));
    });
    const seconds = (performance.now() - start) / 1000;
    const audio = Number(/([\d.]+) s of audio/.exec(output)?.[1]);
    // The command's own figure times the synthesis and encoding only, without its start-up.
    const reported = Number(/([\d.]+)× real time\s*$/.exec(output.trim())?.[1]);
    return { jobs, seconds, audioSeconds: audio, realTime: audio / seconds, reported };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
