/**
 * `vite build --mode lib`: the library, written beside the demo site in the output folder.
 *
 * - `listen-player.js`: one ES module for a plain `<script type="module">`, Lit bundled in, registering
 *   `<listen-player>`. Its lazy parts sit in `listen-player/` next to it: howler (imported on the first play of
 *   pre-rendered audio, never by the bundle itself) and `silence.mp3`, as files, since a strict CSP refuses
 *   `data:` media. It is an app build, not Vite's `build.lib`: library mode inlines every asset as a data URL.
 * - `lib/`: the sources compiled one file per module with `.d.ts` types, for bundlers (Lit and howler stay
 *   imports, resolved from the package's dependencies); `lib/index.js` has no side effects, `lib/define.js`
 *   registers the element.
 * - `custom-elements.json`: the Custom Elements Manifest, generated from the element's source; from it, the
 *   framework types (`frameworks/`, framework-types.ts), the editors' data (editor-data.ts) and, in a build
 *   into the project's own output folder, docs/api.md (api-docs.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type * as TS from 'typescript';
import type { Plugin, Rollup, UserConfig } from 'vite';
import { API_DOCS, apiMarkdown } from './api-docs.js';
import { generateManifest, type CustomElementsManifest } from './custom-elements.js';
import { VSCODE_DATA, WEB_TYPES, vscodeCustomData, webTypes } from './editor-data.js';
import { FRAMEWORKS, frameworkTypes } from './framework-types.js';

type OutputChunk = Rollup.OutputChunk;

/** The `--mode` that builds the library instead of the demo. */
export const LIBRARY_MODE = 'lib';
export const BUNDLE = 'listen-player.js';
/** The playlist's bundle: `<listen-playlist>` with the player, for the pages that have one. */
export const PLAYLIST_BUNDLE = 'listen-playlist.js';
/** Folder of the bundle's lazily loaded chunks and assets. */
export const BUNDLE_PARTS = 'listen-player';
export const UNBUNDLED = 'lib';
export const MANIFEST = 'custom-elements.json';

const ENTRY = 'src/define.ts';
const PLAYLIST_ENTRY = 'src/playlist.ts';
const ELEMENT = 'src/ui/listen-player.ts';
const PLAYLIST_ELEMENT = 'src/playlist/listen-playlist.ts';
const SESSION = 'src/ui/session.ts';
/** The speech engine, and the voice menu: only a page read by the browser's voice loads them, and the menu uses the engine's ranking. */
const SPEECH = ['src/engines/speech/speech.ts', 'src/ui/voice-menu.ts'];
/** The chapters' code: loaded together, only for an article with headings (the paragraph list uses it too). */
const CHAPTERS = ['src/article/chapters.ts', 'src/player/chapters.ts', 'src/ui/chapter-marks.ts'];
const BUILD_TSCONFIG = 'src/tsconfig.build.json';
/** The sources whose CSS gives the custom properties' defaults: the player's, and the page's highlight. */
const STYLE_SOURCES = ['src/ui/styles.ts', 'src/article/highlight.ts'];
/** Vite's module that preloads the dependencies of lazily imported chunks. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** Modules that must never be in the bundle's initial load. */
const LAZY = /[\\/]node_modules[\\/]howler[\\/]/;

export function listenLibrary(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist');
  /** Every module the player's entry imports statically: what a page with a player loads before play. */
  const beforePlay = new Set<string>();
  return {
    name: 'listen:library',
    apply: (_config, env) => env.command === 'build' && env.mode === LIBRARY_MODE,
    config(config: UserConfig) {
      root = resolve(config.root ?? process.cwd());
      // Relative URLs (`new URL('./x', import.meta.url)`), so the bundle works from whatever path a site serves it.
      config.base = './';
      config.publicDir = false;
      const build = (config.build ??= {});
      // The demo built first stays in the output folder; this build removes only its own earlier files.
      build.emptyOutDir = false;
      build.copyPublicDir = false;
      // No preload helper: the bundle has one lazy chunk (howler) with nothing to preload before it.
      build.modulePreload = false;
      build.target = 'es2022';
      build.sourcemap = true;
      build.assetsInlineLimit = 0;
      if (build.rollupOptions) delete build.rollupOptions.input;
      build.rolldownOptions = {
        ...build.rolldownOptions,
        input: { 'listen-player': resolve(root, ENTRY), 'listen-playlist': resolve(root, PLAYLIST_ENTRY) },
        // Keep the entry's exports: `import { ListenPlayer } from '…/listen-player.js'` works as well.
        preserveEntrySignatures: 'strict',
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: `${BUNDLE_PARTS}/[name]-[hash].js`,
          assetFileNames: `${BUNDLE_PARTS}/[name]-[hash][extname]`,
          // Everything the element loads before play (Lit, the article reader, the element itself…) in one file
          // that its lazy parts import as well. Left to itself the bundler makes a chunk for each set of modules
          // that share them: the engines, each loaded apart, would add requests of a few hundred bytes before
          // play. The entry keeps only the registration: it stays the module the page names (a site may add a
          // query string to it), and one file gzips smaller than the same code split in two (by about 0.7 KB).
          // Only the player's: what the playlist's entry alone imports stays out of it, for pages without one.
          // Likewise the session's file holds all it imports: the element imports an engine's file alongside it
          // (see `player-core.ts`), and what the session shares with an engine would otherwise be files of its own.
          // The speech engine's file holds the voice menu as well (it lists the engine's voices by its ranking).
          // The chapters' modules share one file: the session imports two of them, the paragraph list the third.
          codeSplitting: {
            groups: [
              { name: 'shared', tags: ['$initial'], test: (id) => beforePlay.has(id), priority: 2 },
              { name: 'session', test: (id) => id === resolve(root, SESSION), priority: 1 },
              { name: 'speech', test: (id) => SPEECH.some((path) => id === resolve(root, path)), priority: 0 },
              { name: 'chapters', test: (id) => CHAPTERS.some((path) => id === resolve(root, path)), priority: 0 },
            ],
          },
        },
      };
    },
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    /**
     * Vite wraps every `import()` in a helper that preloads a lazy chunk's CSS and imports, even with
     * `modulePreload: false` (vitejs/vite#18551); the library has neither, so the helper (½ KB gzipped, loaded
     * before play) just calls the import.
     */
    load(id) {
      if (id === PRELOAD_HELPER) return 'export const __vitePreload = (load) => load();';
      return null;
    },
    buildEnd() {
      beforePlay.clear();
      const visit = (id: string) => {
        if (beforePlay.has(id)) return;
        beforePlay.add(id);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
      };
      visit(resolve(root, ENTRY));
      beforePlay.delete(resolve(root, ENTRY));
    },
    buildStart() {
      for (const path of [BUNDLE, `${BUNDLE}.map`, PLAYLIST_BUNDLE, `${PLAYLIST_BUNDLE}.map`, BUNDLE_PARTS, UNBUNDLED, MANIFEST, FRAMEWORKS, VSCODE_DATA, WEB_TYPES]) {
        rmSync(join(outDir, path), { recursive: true, force: true });
      }
    },
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry && chunk.fileName === BUNDLE);
      if (!entry) this.error('The library build has no entry chunk.');
      // What a page downloads before anyone presses play: the entry and what it imports statically.
      const initial = new Set<OutputChunk>();
      const visit = (chunk: OutputChunk | undefined) => {
        if (!chunk || initial.has(chunk)) return;
        initial.add(chunk);
        for (const name of chunk.imports) visit(chunks.find((other) => other.fileName === name));
      };
      visit(entry);
      const eager = [...initial].flatMap((chunk) => chunk.moduleIds).filter((id) => LAZY.test(id));
      if (eager.length) this.error(`Loaded before play, but must be lazy: ${eager.join(', ')}`);

      const ts = (await import('typescript')).default;
      const manifest = listenManifest(ts, root, outDir);
      const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: MANIFEST, source: json(manifest) });
      for (const [fileName, source] of frameworkTypes(manifest)) this.emitFile({ type: 'asset', fileName, source });
      const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string; version: string };
      const docs = apiDocsUrl(pkg);
      this.emitFile({ type: 'asset', fileName: VSCODE_DATA, source: json(vscodeCustomData(manifest, docs)) });
      this.emitFile({ type: 'asset', fileName: WEB_TYPES, source: json(webTypes(manifest, pkg, docs)) });
      // The committed reference follows the source; a build elsewhere (a test's temporary folder) leaves it.
      if (ownOutput(root, outDir)) writeFileSync(resolve(root, API_DOCS), apiMarkdown(manifest));
    },
    async writeBundle() {
      const ts = (await import('typescript')).default;
      emitUnbundled(ts, root, join(outDir, UNBUNDLED));
    },
  };
}

/** The element's Custom Elements Manifest, as a library build into `outDir` writes it. */
export function listenManifest(ts: typeof TS, root: string, outDir = resolve(root, 'dist')): CustomElementsManifest {
  return generateManifest(ts, {
    root,
    modules: [ELEMENT, ENTRY, PLAYLIST_ELEMENT, PLAYLIST_ENTRY].map((path) => resolve(root, path)),
    publishedPath: (source) => publishedPath(root, outDir, source),
    styleSources: STYLE_SOURCES.map((path) => resolve(root, path)),
  });
}

/** Where an editor sends a reader for more: the package's page (its README links the API reference, also in the package). */
function apiDocsUrl(pkg: { name: string; version: string }): string {
  return `https://www.npmjs.com/package/${pkg.name}/v/${pkg.version}`;
}

/** Whether `outDir` is inside the project (its own `dist/`), not a temporary folder elsewhere. */
function ownOutput(root: string, outDir: string): boolean {
  const base = relative(root, outDir);
  return Boolean(base) && !base.startsWith('..') && !isAbsolute(base);
}

/** Where the package's `lib/` build puts the compiled `source` (relative to root), as the package names it. */
function publishedPath(root: string, outDir: string, source: string): string {
  // Paths in the manifest are relative to the package root; a build outside it (a test's temporary folder)
  // describes the package's own layout.
  const base = relative(root, outDir);
  const folder = ownOutput(root, outDir) ? base : 'dist';
  const compiled = join(folder, UNBUNDLED, relative('src', source)).replace(/\.ts$/, '.js');
  return compiled.split('\\').join('/');
}

/**
 * Compiles the library's sources one module per file, with declarations, into `into`; copies the files the
 * modules load at run time (`new URL('./x', import.meta.url)`), which a consumer's bundler then emits.
 */
function emitUnbundled(ts: typeof import('typescript'), root: string, into: string): void {
  const host: import('typescript').ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, BUILD_TSCONFIG), { outDir: into }, host);
  if (!parsed) throw new Error(`Cannot read ${BUILD_TSCONFIG}.`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const result = program.emit();
  const problems = [...parsed.errors, ...program.getSyntacticDiagnostics(), ...result.diagnostics];
  if (problems.length || result.emitSkipped) {
    const text = ts.formatDiagnostics(problems, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(`The unbundled build failed:\n${text}`);
  }
  const rootDir = parsed.options.rootDir ?? resolve(root, 'src');
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(rootDir)) continue;
    for (const match of file.text.matchAll(/new URL\(\s*'(\.{1,2}\/[^']+)'\s*,\s*import\.meta\.url\s*\)/g)) {
      const asset = resolve(dirname(file.fileName), match[1]!);
      if (!existsSync(asset)) throw new Error(`${relative(root, file.fileName)} loads ${match[1]}, which does not exist.`);
      const target = join(into, relative(rootDir, asset));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(asset, target);
    }
  }
}

