/**
 * The shape of src/: modules import one another in one direction (no cycle, type-only imports included,
 * since a cycle of types is still two files that cannot be understood apart), and every symbol has one
 * import path: only the package's entry points re-export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The package's entry points (package.json `exports`): re-exporting is their job. */
const ENTRIES = new Set(['src/index.ts', 'src/define.ts', 'src/playlist.ts']);

function sources(dir: string): string[] {
  return readdirSync(ROOT + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !/\.d\.m?ts$/.test(entry.name) ? [path] : [];
  });
}

const files = sources('src').sort();
const known = new Set(files);

/** The project file `specifier` names from `file`, or null for a package or a file outside src/. */
function resolve(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const path = posix.normalize(posix.join(posix.dirname(file), specifier));
  const candidates = [path, path.replace(/\.js$/, '.ts'), path.replace(/\.mjs$/, '.mts')];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`), type-only ones included. */
const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm;

function staticImports(file: string, text: string): string[] {
  return [...text.matchAll(STATIC)].map((match) => resolve(file, match[1]!)).filter((target) => target !== null);
}

const texts = new Map(files.map((file) => [file, readFileSync(ROOT + file, 'utf8')]));
const graph = new Map(files.map((file) => [file, staticImports(file, texts.get(file)!)]));

/** Every import cycle, each as the files around it from the first in name order (repeated at the end). */
function cycles(): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      // Told from its first file in name order, so the same cycle reads the same whichever file led to it.
      const ring = path.slice(at);
      const first = ring.indexOf([...ring].sort()[0]!);
      const turned = [...ring.slice(first), ...ring.slice(0, first)];
      found.push([...turned, turned[0]!]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  return found;
}

/** Re-exports in `text`: `export … from`, or `export { name }` of a name the file imports. */
function reExports(text: string): string[] {
  const imported = new Set(
    [...text.matchAll(/^\s*import\s+(?:type\s+)?([^'";]*?)\bfrom\s*['"]/gm)].flatMap((match) => match[1]!.match(/[\w$]+/g) ?? []),
  );
  const found = [...text.matchAll(/^\s*export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"][^'"]+['"]/gm)].map((match) => match[0].trim());
  for (const match of text.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}\s*;?\s*$/gm)) {
    const names = match[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/)[0]!.replace(/^type\s+/, ''));
    if (names.some((name) => imported.has(name))) found.push(match[0].trim());
  }
  return found;
}

describe('the import graph of src/', () => {
  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('src/manifest/fetch.ts')).toContain('src/manifest/prefetch.ts');
  });

  it('has no import cycle', () => {
    expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    graph.set('src/manifest/limits.ts', ['src/manifest/prefetch.ts']);
    try {
      expect(cycles().map((cycle) => cycle.join(' → '))).toEqual(['src/manifest/limits.ts → src/manifest/prefetch.ts → src/manifest/limits.ts']);
    } finally {
      graph.set('src/manifest/limits.ts', staticImports('src/manifest/limits.ts', texts.get('src/manifest/limits.ts')!));
    }
  });

  it('re-exports only from the entry points, so each symbol has one import path', () => {
    const found = files.filter((file) => !ENTRIES.has(file)).flatMap((file) => reExports(texts.get(file)!).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });

  it('tells a re-export from a module’s own export', () => {
    expect(reExports("import { a } from './a.js';\nconst b = 1;\nexport { a };\nexport { b };\nexport type { C } from './c.js';")).toEqual([
      "export type { C } from './c.js'",
      'export { a };',
    ]);
  });
});
