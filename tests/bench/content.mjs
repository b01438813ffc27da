// What is read on other people's markup: the fixture corpus (tests/fixtures/pages) read as the player reads it,
// in Node on happy-dom as the render command does, scored per page against what a listener should hear.
// Vite's module runner loads the TypeScript sources, the very extraction the player and the render command use.
import { createServer } from 'vite';
import { Window } from 'happy-dom';

export async function contentRun(root) {
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  const window = new Window();
  try {
    const { corpus, readPage, score } = await server.ssrLoadModule('/tests/fixtures/pages/corpus.ts');
    const parser = new window.DOMParser();
    const pages = corpus().map((page) => {
      const { segments } = readPage(page, parser);
      return { name: page.name, ...score(page.expected, segments.map((segment) => segment.text)) };
    });
    return { pages };
  } finally {
    await window.happyDOM.close();
    await server.close();
  }
}
