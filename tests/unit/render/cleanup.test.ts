// The render command stopped part way: a signal removes the files being written, and the next run removes
// what a killed run left (the files of a run still going are left alone).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'listen-render-cleanup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An article long enough that its render is still writing when it is stopped. */
function longArticle(): string {
  const paragraph = '<p>The library opens at nine and closes at six, and readers can return books at any time of the day.</p>';
  const path = join(dir, 'long.html');
  writeFileSync(path, `<!doctype html><html lang="en"><body><article>${paragraph.repeat(400)}</article></body></html>`);
  return path;
}

describe('render: temporary files', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s removes the files being written, and the command exits %i', async (signal, code) => {
    const out = join(dir, `out-${signal}`);
    mkdirSync(out);
    // Stopped as soon as the first temporary file appears.
    const watcher = watch(out);
    const writing = new Promise<void>((resolve) => watcher.on('change', (_, name) => String(name).includes('.tmp.') && resolve()));
    const child = spawn(process.execPath, [join(ROOT, 'src/render/main.mjs'), longArticle(), '--out', out], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    await writing;
    watcher.close();
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it("the next run removes a killed run's files and leaves a running one's", async () => {
    const out = join(dir, 'stale');
    mkdirSync(out);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = [`.story.${gone}-1.tmp.mp3`, `.story.${gone}-1.tmp.opus`, `.story.mp3.${gone}.tmp`];
    const live = `.other.${process.pid}-1.tmp.mp3`;
    for (const name of [...stale, live, 'kept.mp3']) writeFileSync(join(out, name), 'x');
    const result = spawnSync(process.execPath, [join(ROOT, 'src/render/main.mjs'), join(ROOT, 'tests/fixtures/render/plain.html'), '--out', out, '--format', 'wav'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([live, 'kept.mp3', 'plain.json', 'plain.wav'].sort());
  }, 120_000);
});
