// What each built file of the library holds: the min+gzip bytes of every file, and of every module in it, for
// the breakdown the table prints when the JS after play misses its budget.
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';

const gzip = (code) => gzipSync(code, { level: 9 }).length;

/**
 * From Vite's build output: per file (its path in the site), its gzip bytes and its modules, each with its
 * share of them. A module's share is its code gzipped alone, scaled so the shares add up to the file's bytes
 * (modules compress better together than apart, and which is cheaper alone is what the split would save).
 */
export function moduleSizes(output, root) {
  const outputs = Array.isArray(output) ? output : [output];
  const files = {};
  for (const chunk of outputs.flatMap((each) => each.output ?? [])) {
    if (chunk.type !== 'chunk') continue;
    const bytes = gzip(chunk.code);
    const modules = Object.entries(chunk.modules)
      .filter(([, module]) => module.code)
      .map(([id, module]) => ({ id: id.startsWith(root) ? relative(root, id) : id.replace(/^\0/, ''), alone: gzip(module.code) }));
    const sum = modules.reduce((total, module) => total + module.alone, 0);
    files[`/${chunk.fileName}`] = {
      bytes,
      modules: modules.map((module) => ({ id: module.id, bytes: sum > 0 ? Math.round((module.alone / sum) * bytes) : 0 })).sort((a, b) => b.bytes - a.bytes),
    };
  }
  return files;
}
