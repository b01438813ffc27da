/**
 * Every package the browser tests load (the player's own imports and the tests') is pre-bundled by Vite before
 * the run. One it finds mid-run is bundled anew, the page's modules get new URLs, and a test still fetching one
 * from the old bundle fails to load it: a failure that depends on timing, seen first on a loaded machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Code that runs in Node only: the commands, the build, the tests' server side. */
const NODE_ONLY = /^(src\/(render|import|build)\/|tests\/browser\/.*\.config\.)/;
/** Provided by the test runner itself, not pre-bundled. */
const RUNNER = new Set(['vitest', 'vitest/browser']);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

function bareImports(path: string): string[] {
  const code = readFileSync(join(ROOT, path), 'utf8');
  const found: string[] = [];
  for (const match of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^'./][^']*)'|import\(\s*'([^'./][^']*)'\s*\)/g)) {
    const specifier = match[1] ?? match[2]!;
    if (!specifier.startsWith('node:')) found.push(specifier);
  }
  return found;
}

describe('the browser tests’ dependencies', () => {
  it('are all pre-bundled (optimizeDeps.include in vite.config.ts)', () => {
    const config = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    const list = /optimizeDeps:\s*\{\s*include:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const included = new Set([...list.matchAll(/'([^']+)'/g)].map((match) => match[1]!));
    expect(included.size).toBeGreaterThan(0);
    const used = new Map<string, string>();
    for (const path of [...files('src'), ...files('tests/browser')]) {
      if (NODE_ONLY.test(relative(ROOT, join(ROOT, path)))) continue;
      for (const specifier of bareImports(path)) if (!RUNNER.has(specifier)) used.set(specifier, path);
    }
    const missing = [...used].filter(([specifier]) => !included.has(specifier)).map(([specifier, path]) => `${specifier} (${path})`);
    expect(missing).toEqual([]);
  });
});
