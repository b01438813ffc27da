// The render command's loader: its TypeScript bundled once per change, then imported as it is.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../src/render/compile.mjs';

let root: string;
const options = () => ({ root, cacheDir: join(root, 'cache'), entries: { main: 'src/main.ts' }, external: [] });
const write = (file: string, text: string): void => writeFileSync(join(root, file), text);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'listen-compile-'));
  mkdirSync(join(root, 'src'));
  write('package.json', '{ "type": "module" }\n');
  write('src/main.ts', "import { parts } from './parts.js';\nexport const answer: number = parts.reduce((a: number, b: number) => a + b, 0);\n");
  write('src/parts.ts', 'export const parts: readonly number[] = [40, 2];\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadBundle', () => {
  it('bundles the entry with what it imports, then reuses the bundle while nothing changed', async () => {
    const first = await loadBundle(options());
    expect(((await import(first.main!)) as { answer: number }).answer).toBe(42);
    expect(await loadBundle(options())).toEqual(first);
  });

  it('bundles afresh when an imported module or the compiler options change', async () => {
    const first = await loadBundle(options());
    write('src/parts.ts', 'export const parts: readonly number[] = [40, 3];\n');
    const second = await loadBundle(options());
    expect(second.main).not.toBe(first.main);
    expect(((await import(second.main!)) as { answer: number }).answer).toBe(43);
    write('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
    expect((await loadBundle(options())).main).not.toBe(second.main);
  });

  it('bundles afresh when the current bundle was deleted', async () => {
    const first = await loadBundle(options());
    rmSync(join(fileURLToPath(first.main!), '..'), { recursive: true });
    const second = await loadBundle(options());
    expect(existsSync(fileURLToPath(second.main!))).toBe(true);
  });

  it('rejects a module that does not compile, naming it, and keeps the last good bundle', async () => {
    const first = await loadBundle(options());
    write('src/parts.ts', 'export const parts = [40, 2;\n');
    await expect(loadBundle(options())).rejects.toThrow(/parts\.ts/);
    write('src/parts.ts', 'export const parts: readonly number[] = [40, 2];\n');
    expect(await loadBundle(options())).toEqual(first);
  });
});
