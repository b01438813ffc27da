/**
 * What the import command's tests share: the fixtures, a folder of their own with 31 s of silent narration
 * (long enough for every fixture's timings; ffmpeg is needed by the render tests too), and `run`, which calls the
 * command in-process and collects what it prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../../src/import/cli.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests/fixtures/import');
export const ARTICLE = join(FIXTURES, 'article.html');

/** A temporary folder with `narration.mp3` in it for the file's tests, removed after them. */
export function useImportFolder(prefix: string): { readonly dir: string; readonly audio: string } {
  const paths = { dir: '', audio: '' };
  beforeAll(() => {
    paths.dir = mkdtempSync(join(tmpdir(), prefix));
    paths.audio = join(paths.dir, 'narration.mp3');
    const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '31', '-q:a', '9', paths.audio]);
    expect(made.status).toBe(0);
  });
  afterAll(() => rmSync(paths.dir, { recursive: true, force: true }));
  return paths;
}

export async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}
