/** Runs the render command as `npm run render` does (`node src/render/main.mjs`) and collects what it prints. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface RenderRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runRender(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RenderRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/render/main.mjs'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
