/// <reference types="vitest/config" />
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { playwright } from '@vitest/browser-playwright';
import { listenLibrary } from './src/build/library.js';
import { minifyTemplatesPlugin } from './src/build/minify-templates.js';
import { faultServer } from './tests/setup/fault-server.js';
import { speechEnvironment } from './tests/setup/speech-env.js';

const speech = speechEnvironment();

/** The dev server serves `audio/` from the project root; the built demo gets a copy of it. */
function copyAudio(): Plugin {
  return {
    name: 'listen:copy-audio',
    apply: 'build',
    writeBundle(options) {
      if (existsSync('audio') && options.dir) cpSync('audio', join(options.dir, 'audio'), { recursive: true });
    },
  };
}

/**
 * The element's registration (src/define.ts) is a side effect the build must keep. package.json's `sideEffects`
 * may name only the files the package ships, so it calls the source module side-effect free, and the bundler
 * then drops a bare `import './define.js'` (the embed page's one script) and the `customElements.define` call
 * behind a named import (the demo's): a build has shipped pages whose player never upgraded.
 */
function keepRegistration(): Plugin {
  return {
    name: 'listen:keep-registration',
    transform: {
      filter: { id: /[\\/]src[\\/](?:define|playlist)\.ts$/ },
      handler: (code) => ({ code, map: null, moduleSideEffects: true }),
    },
  };
}

/**
 * Vite rewrites a page's entry script and leaves out its `blocking` attribute: this puts `blocking="render"` back
 * on the built entry of a page whose source has it (the demo pages: their first frame has the player in it).
 */
function keepRenderBlocking(): Plugin {
  return {
    name: 'listen:keep-render-blocking',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename }) {
        if (!/<script type="module"[^>]*\sblocking="render"/.test(readFileSync(filename, 'utf8'))) return html;
        return html.replace(/<script type="module" crossorigin src=/, '<script type="module" crossorigin blocking="render" src=');
      },
    },
  };
}

export default defineConfig({
  // The demo is served over HTTPS (media keys, Media Session and speech behave as on a real site).
  // `vite build` builds the demo site; `vite build --mode lib` the library beside it (src/build/library.ts).
  plugins: [keepRegistration(), keepRenderBlocking(), ...(process.env.VITEST ? [] : [basicSsl(), copyAudio(), minifyTemplatesPlugin(), listenLibrary()])],
  server: { host: 'localhost' },
  // The built demo is served as a strict site would serve it, to show the player needs no exception. Only for
  // `vite preview`: the dev server injects inline scripts and styles (HMR) that this policy would block.
  preview: {
    headers: {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self'; object-src 'none'; " +
        "base-uri 'none'; require-trusted-types-for 'script'",
    },
  },
  // Pre-bundled up front, so the first test importing them does not make Vite reload the page (a dependency found
  // mid-run is optimised anew, and a module another test is still fetching from the old bundle then fails to load).
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', 'howler', 'axe-core', 'web-vitals'] },
  // Assets stay files (no data: URLs), so a strict CSP needs no img-src exception.
  build: {
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    // The demo's pages: the seed article, two more articles of the same story, and a blog post embedding the player
    // as another site would.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        embed: fileURLToPath(new URL('embed.html', import.meta.url)),
        ceasefire: fileURLToPath(new URL('src/demo/articles/ceasefire.html', import.meta.url)),
        'black-sea': fileURLToPath(new URL('src/demo/articles/black-sea.html', import.meta.url)),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The packed package in React, Vue, Svelte and plain HTML apps, and the docs' code blocks (tests/consumers).
        test: {
          name: 'consumers',
          include: ['tests/consumers/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        // Slow, failing and cut-off answers for the fault cases (tests/browser/faults-*), on the test server only.
        plugins: [faultServer(fileURLToPath(new URL('.', import.meta.url)))],
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/global-speech.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: speech.chromium,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                  '--autoplay-policy=no-user-gesture-required',
                  '--enable-speech-dispatcher',
                ],
                env: { ...process.env, ...speech.env },
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
