/**
 * The code blocks of README.md and docs/*.md that the consumer suite compiles: every `ts`, `tsx`, `vue` and
 * `svelte` block, each as a file of its own, against the packed package. A `tsx` block that imports Preact or
 * Solid is compiled with that framework's JSX (the pragma a reader would set in tsconfig).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type SnippetLanguage = 'ts' | 'tsx' | 'vue' | 'svelte';

export interface Snippet {
  /** `README.md:121`, where the block starts. */
  readonly where: string;
  /** The document it is in (`README.md`, `docs/frameworks.md`). */
  readonly document: string;
  readonly language: SnippetLanguage;
  readonly code: string;
}

const FENCE = /^```(ts|tsx|typescript|vue|svelte)\b[^\n]*\n([\s\S]*?)^```\s*$/gm;

export function docSnippets(root: string): Snippet[] {
  const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  return documents.flatMap((document) => {
    const text = readFileSync(join(root, document), 'utf8');
    return [...text.matchAll(FENCE)].map((match) => ({
      where: `${document}:${text.slice(0, match.index).split('\n').length}`,
      document,
      language: (match[1] === 'typescript' ? 'ts' : match[1]) as SnippetLanguage,
      code: match[2]!,
    }));
  });
}

/** Writes each snippet into `folder` as a file named after where it is; returns the paths. */
export function writeSnippets(snippets: readonly Snippet[], folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return snippets.map((snippet) => {
    const path = join(folder, `${snippet.where.replace(/[/:.]/g, '-')}.${snippet.language}`);
    const jsx = /from ['"](preact|solid-js)['"]/.exec(snippet.code)?.[1];
    const pragma = snippet.language === 'tsx' && jsx ? `/** @jsxImportSource ${jsx} */\n` : '';
    writeFileSync(path, pragma + snippet.code);
    return path;
  });
}

/** Where a compiler's message about a snippet file points in the docs. */
export function describeFile(path: string, snippets: readonly Snippet[]): string {
  const name = basename(path).replace(/\.[^.]+$/, '');
  return snippets.find((snippet) => snippet.where.replace(/[/:.]/g, '-') === name)?.where ?? path;
}
