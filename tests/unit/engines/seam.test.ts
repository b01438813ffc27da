/**
 * The engine seam: code outside src/engines tells engines apart by their `kind`, never by their class, and the
 * UI (src/ui) reads what engines can do from the store, importing nothing from src/engines but types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(ROOT + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(entry.name) && !/\.d\.m?ts$/.test(entry.name) ? [path] : [];
  });
}

const texts = new Map(sources('src').map((file) => [file, readFileSync(ROOT + file, 'utf8')]));

/** The engine classes, by their names in src/engines (`export class SpeechEngine …`). */
const engineClasses = [...texts]
  .filter(([file]) => file.startsWith('src/engines/'))
  .flatMap(([, text]) => [...text.matchAll(/^export class (\w+Engine)\b/gm)].map((match) => match[1]!));

/** `instanceof` tests of an engine class in `text`, one line each. */
function instanceChecks(text: string): string[] {
  const pattern = new RegExp(`instanceof\\s+(?:${engineClasses.join('|')})\\b`);
  return text.split('\n').filter((line) => pattern.test(line)).map((line) => line.trim());
}

/** Imports in `text` from src/engines that bring values, not only types (`import type`, or every name `type`). */
function valueImportsFromEngines(text: string): string[] {
  return [...text.matchAll(/^\s*import\s+(type\s+)?([^'";]*?)\bfrom\s*['"]([^'"]*\/engines\/[^'"]+)['"]/gm)]
    .filter(([, typeOnly, names]) => !typeOnly && !/^\{\s*(?:type\s+[\w$]+\s*,?\s*)+\}\s*$/.test(names!.trim()))
    .map((match) => match[0].trim());
}

describe('the engine seam', () => {
  it('finds the engine classes', () => {
    expect(engineClasses).toEqual(expect.arrayContaining(['SpeechEngine', 'AudioEngine']));
  });

  it('has no instanceof of an engine outside src/engines', () => {
    const found = [...texts]
      .filter(([file]) => !file.startsWith('src/engines/'))
      .flatMap(([file, text]) => instanceChecks(text).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });

  it('finds an instanceof of an engine when there is one', () => {
    expect(instanceChecks('const a = 1;\nif (engine instanceof AudioEngine) play();')).toEqual(['if (engine instanceof AudioEngine) play();']);
    expect(instanceChecks('if (node instanceof Element) skip();')).toEqual([]);
  });

  it('lets src/ui import only types from src/engines', () => {
    const found = [...texts]
      .filter(([file]) => file.startsWith('src/ui/'))
      .flatMap(([file, text]) => valueImportsFromEngines(text).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });

  it('tells a type import from a value import', () => {
    expect(valueImportsFromEngines("import type { Engine } from '../engines/engine.js';")).toEqual([]);
    expect(valueImportsFromEngines("import { type Engine, type WordTiming } from '../engines/engine.js';")).toEqual([]);
    expect(valueImportsFromEngines("import { clampRate } from '../engines/pace.js';")).toEqual(["import { clampRate } from '../engines/pace.js'"]);
  });
});
