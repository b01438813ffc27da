/** The render command's `--feed`: after rendering, each article's transcript and JSON-LD, then the folder's feed. */
import type { FeedSettings } from '../feed/options.js';
import { FEED_FILE, publishArticle, writeFeed, type Published } from '../feed/publish.js';
import type { RenderOptions } from './args.js';
import type { ArticleStatus, Output } from './progress.js';
import type { ArticleText } from './source.js';

/**
 * Publishes every article rendered or up to date in this run (a failed one keeps what an earlier run wrote),
 * then rebuilds feed.xml. Returns false when something could not be written (said on `stderr`).
 */
export async function publishFeed(
  options: RenderOptions,
  settings: FeedSettings,
  articles: readonly ArticleStatus[],
  pages: readonly (ArticleText | undefined)[],
  stdout: Output,
  stderr: Output,
): Promise<boolean> {
  let ok = true;
  const published = new Map<string, Published>();
  for (const [id, input] of options.inputs.entries()) {
    const page = pages[id];
    const state = articles[id]?.state;
    if (!page || (state !== 'done' && state !== 'up to date')) continue;
    const lang = options.langOverride ?? page.lang;
    try {
      published.set(input.name, await publishArticle(options.outDir, { name: input.name, path: input.path, texts: page.texts, lang, meta: page.meta }, settings));
    } catch (error) {
      stderr.write(`render: ${input.name}: no transcript or JSON-LD: ${error instanceof Error ? error.message : String(error)}\n`);
      ok = false;
    }
  }
  try {
    const warnings = await writeFeed(options.outDir, settings, pages.flatMap((page) => (page ? [page.meta] : [])), published);
    for (const warning of warnings) stderr.write(`render: feed: ${warning}\n`);
    stdout.write(`feed: ${new URL(FEED_FILE, settings.base).href} (${options.outDir.replace(/\/?$/, '/')}${FEED_FILE})\n`);
  } catch (error) {
    stderr.write(`render: cannot write the feed: ${error instanceof Error ? error.message : String(error)}\n`);
    ok = false;
  }
  return ok;
}
