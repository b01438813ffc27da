/**
 * The package in real apps: React 19, Vue 3 and Svelte 5 apps with strict TypeScript (`skipLibCheck: false`,
 * no extra @types) and a plain HTML page, built with Vite against the packed tarball (package.ts), then opened in
 * Chromium: the element is defined, reads the article the framework rendered, takes a property the framework
 * set, and the framework hears its event; the console stays free of warnings and errors. The apps are built in
 * development mode, where the frameworks and Lit warn. The `ts`, `tsx`, `vue` and `svelte` code blocks of
 * README.md and docs/*.md are compiled against the same package (snippets.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright';
import ts from 'typescript';
import { build, type PluginOption } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, root } from '../unit/helpers/library-build.js';
import { copyApps, installPackage, packPackage } from './package.js';
import { sveltePlugin, vuePlugin } from './plugins.js';
import { describeFile, docSnippets, writeSnippets, type Snippet } from './snippets.js';

const run = promisify(execFile);
const APPS = ['react', 'vue', 'svelte'] as const;

let workspace: string;
let staging: string;
let snippets: Snippet[];
const typeErrors: Record<'react' | 'vue' | 'svelte' | 'docs', string[]> = { react: [], vue: [], svelte: [], docs: [] };

/** A TypeScript program's errors, each as `file:line message`, files named relative to the workspace or as the docs place them. */
function compile(rootNames: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram({ rootNames, options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const where = diagnostic.file.fileName.includes(`${sep}snippets${sep}`) ? describeFile(diagnostic.file.fileName, snippets) : relative(workspace, diagnostic.file.fileName);
    return `${where} (line ${line + 1}): ${message}`;
  });
}

function configOf(path: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, host);
  if (!parsed) throw new Error(`Cannot read ${path}.`);
  return parsed;
}

/** Runs a type checker's command line; its output when it fails, else nothing. */
async function check(command: string, args: string[]): Promise<string[]> {
  try {
    await run(process.execPath, [join(root, 'node_modules', command), ...args], { cwd: workspace, maxBuffer: 16 * 1024 * 1024 });
    return [];
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return [`${stdout}${stderr}`.trim() || String(error)];
  }
}

beforeAll(async () => {
  const packed = await packPackage();
  staging = packed.staging;
  workspace = await installPackage(packed.tarball);
  const apps = copyApps(workspace);
  snippets = docSnippets(root);
  const byLanguage = (...languages: string[]) => snippets.filter((snippet) => languages.includes(snippet.language));
  writeSnippets(byLanguage('vue'), join(apps, 'vue/src/snippets'));
  writeSnippets(byLanguage('svelte'), join(apps, 'svelte/src/snippets'));

  // The two checkers run beside the rest, each in its own process.
  const vue = check('vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', 'apps/vue/tsconfig.json']);
  const svelte = check('svelte-check/bin/svelte-check', ['--workspace', 'apps/svelte', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);

  // The React app and the blocks of docs/ in one program, as they would sit in one app (type-checking the
  // libraries' declarations once); README.md's blocks in another, as the page a newcomer copies from alone.
  const react = configOf(join(apps, 'react/tsconfig.json'));
  const code = byLanguage('ts', 'tsx');
  const docs = writeSnippets(code.filter((snippet) => snippet.document !== 'README.md'), join(apps, 'snippets/docs'));
  const readme = writeSnippets(code.filter((snippet) => snippet.document === 'README.md'), join(apps, 'snippets/readme'));
  const errors = compile([...react.fileNames, ...docs], { ...react.options, noUnusedLocals: false });
  typeErrors.react = errors.filter((error) => error.startsWith('apps/react/'));
  typeErrors.docs = errors.filter((error) => !error.startsWith('apps/react/'));
  if (readme.length) typeErrors.docs.push(...compile(readme, { ...react.options, noUnusedLocals: false }));

  // Development builds: what an integrator runs first, and where the frameworks and Lit warn.
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  try {
    const plugins: Record<(typeof APPS)[number], PluginOption[]> = { react: [], vue: [await vuePlugin()], svelte: [await sveltePlugin()] };
    for (const app of APPS) {
      await build({
        root: join(apps, app),
        configFile: false,
        mode: 'development',
        logLevel: 'silent',
        base: './',
        plugins: plugins[app],
        oxc: app === 'react' ? { jsx: { runtime: 'automatic', importSource: 'react', development: true } } : undefined,
        build: { outDir: 'dist', minify: false, sourcemap: false, reportCompressedSize: false },
      });
    }
  } finally {
    process.env.NODE_ENV = environment;
  }
  [typeErrors.vue, typeErrors.svelte] = await Promise.all([vue, svelte]);
}, 300_000);

afterAll(() => {
  if (staging) rmSync(staging, { recursive: true, force: true });
});

describe('the packed package in apps', () => {
  it('compiles the React 19 app: JSX attributes, properties and every on<event> handler typed, events typed on document and window', () => {
    expect(typeErrors.react).toEqual([]);
  });

  it('compiles the Vue 3 app with vue-tsc: the template binds a property and an event of <listen-player>', () => {
    expect(typeErrors.vue).toEqual([]);
  });

  it('compiles the Svelte 5 app with svelte-check, warnings counted as errors', () => {
    expect(typeErrors.svelte).toEqual([]);
  });

  it('compiles every ts, tsx, vue and svelte code block of README.md and docs/', () => {
    expect(typeErrors.docs).toEqual([]);
  });
});

describe('the apps in Chromium', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.mp3': 'audio/mpeg', '.map': 'application/json' };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = join(workspace, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(workspace + sep) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  const pages = {
    react: { path: '/apps/react/dist/', heading: 'Rendered by React.' },
    vue: { path: '/apps/vue/dist/', heading: 'Rendered by Vue.' },
    svelte: { path: '/apps/svelte/dist/', heading: 'Rendered by Svelte.' },
    plain: { path: '/apps/plain/', heading: 'A plain page.' },
  };

  for (const [app, { path, heading }] of Object.entries(pages)) {
    it(`${app}: defines <listen-player>, which reads the rendered article, takes the framework's property and is heard by its listener`, async () => {
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') messages.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
      // Lit's one notice that it runs its development build (the apps are development builds); any other
      // warning of Lit's (two copies of Lit, an update scheduled after an update) still counts.
      await page.addInitScript(() => Object.assign(globalThis, { litIssuedWarnings: new Set(['dev-mode']) }));
      try {
        await page.goto(origin + path);
        await page.waitForFunction(() => {
          const player = document.querySelector('listen-player');
          return customElements.get('listen-player') !== undefined && player !== null && player.segments.length > 0;
        });
        const seen = await page.evaluate(() => {
          const player = document.querySelector('listen-player')!;
          return {
            upgraded: player instanceof customElements.get('listen-player')!,
            segments: player.segments.map((segment) => segment.text),
            rate: player.rate,
            rateAttribute: player.getAttribute('rate'),
            noFollow: player.noFollow,
            playButton: player.shadowRoot?.querySelector('[part~="play-button"]')?.localName,
          };
        });
        expect(seen).toEqual({
          upgraded: true,
          segments: [heading, expect.stringMatching(/^The player reads/)],
          rate: 1.5,
          rateAttribute: '1.5',
          noFollow: true,
          playButton: 'button',
        });
        // Play: the player's `listen-statechange` reaches the framework's listener, which shows its state.
        await page.evaluate(() => document.querySelector('listen-player')!.play());
        await page.waitForFunction(() => document.getElementById('state')!.textContent !== '');
        const shown = await page.evaluate(() => document.getElementById('state')!.textContent);
        expect(['loading', 'playing', 'paused', 'ended', 'error']).toContain(shown);
        await page.evaluate(() => document.querySelector('listen-player')!.pause());
        expect(messages).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
