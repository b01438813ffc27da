/**
 * The feed's options, the same on the render and import commands: `--feed <URL>` turns it on, the others
 * override what the pages say.
 */
import { CATEGORIES } from './rss.js';
import { isLanguageTag } from '../render/language-tag.js';
import { FeedUrlError, folderUrl, publicUrl } from './urls.js';

export const FEED_USAGE = `Podcast feed, transcripts and JSON-LD (see docs/feed.md):
  --feed <url>        the public URL of the --out folder: also writes <name>.vtt and <name>.jsonld
                      for each article, and feed.xml (RSS) listing every article in the folder
  --feed-site <url>   where the site serves the current folder: a page without a canonical link is
                      linked by its file's path from here (default: the root of --feed's host)
  --feed-title <text>         the podcast's title (default: the pages' og:site_name, else their
                              title's " | Site" suffix)
  --feed-description <text>   (default: "Articles from <title>, read aloud.")
  --feed-image <url>          a square JPEG or PNG, 1400–3000 px, relative to --feed (default: og:image)
  --feed-author <text>        (default: the pages' author meta, else the title)
  --feed-category <name>      an Apple Podcasts category (default: News)
  --feed-language <lang>      (default: the articles' language)
  --feed-explicit             mark the podcast explicit (default: not)
`;

/** For `parseArgs`. */
export const FEED_ARGS = {
  feed: { type: 'string' },
  'feed-site': { type: 'string' },
  'feed-title': { type: 'string' },
  'feed-description': { type: 'string' },
  'feed-image': { type: 'string' },
  'feed-author': { type: 'string' },
  'feed-category': { type: 'string' },
  'feed-language': { type: 'string' },
  'feed-explicit': { type: 'boolean' },
} as const;

type FeedArgValues = { readonly [K in keyof typeof FEED_ARGS]?: (typeof FEED_ARGS)[K]['type'] extends 'boolean' ? boolean : string };

export interface FeedSettings {
  /** The --out folder's public URL, ending in `/`. */
  readonly base: URL;
  /** The URL the current folder is at, ending in `/`. */
  readonly site: URL;
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** Absolute. */
  readonly image: string | undefined;
  readonly author: string | undefined;
  readonly category: string;
  readonly language: string | undefined;
  readonly explicit: boolean;
}

/** The feed's settings from the parsed options, undefined without `--feed`. Throws `error(message)` for a bad one. */
export function feedSettings(values: FeedArgValues, error: (message: string) => Error): FeedSettings | undefined {
  const { feed } = values;
  if (feed === undefined) {
    const stray = Object.keys(FEED_ARGS).find((key) => key !== 'feed' && values[key as keyof FeedArgValues] !== undefined);
    if (stray) throw error(`--${stray} needs --feed <url>`);
    return undefined;
  }
  try {
    const base = folderUrl(feed, '--feed');
    const site = values['feed-site'] === undefined ? new URL('/', base) : folderUrl(values['feed-site'], '--feed-site');
    let image: string | undefined;
    if (values['feed-image'] !== undefined) {
      image = publicUrl(values['feed-image'], base) ?? undefined;
      if (!image) throw error(`--feed-image must be an http(s) URL or a path relative to --feed, not ${values['feed-image']}`);
      if (!/\.(?:jpe?g|png)$/i.test(new URL(image).pathname)) throw error(`--feed-image must be a JPEG or PNG (.jpg, .jpeg or .png): podcast apps show no other, not ${values['feed-image']}`);
    }
    const category = values['feed-category'] ?? 'News';
    const known = CATEGORIES.find((name) => name.toLowerCase() === category.trim().toLowerCase());
    if (!known) throw error(`--feed-category must be one of Apple Podcasts' categories (${CATEGORIES.join(', ')}), not ${category}`);
    const language = values['feed-language'];
    if (language !== undefined && !isLanguageTag(language)) throw error(`--feed-language must be a language tag such as en or pt-BR, not ${language}`);
    for (const key of ['feed-title', 'feed-description', 'feed-author'] as const) {
      if (values[key] !== undefined && !values[key].trim()) throw error(`--${key} is empty`);
    }
    return {
      base,
      site,
      title: values['feed-title']?.trim(),
      description: values['feed-description']?.trim(),
      image,
      author: values['feed-author']?.trim(),
      category: known,
      language,
      explicit: values['feed-explicit'] ?? false,
    };
  } catch (caught) {
    throw caught instanceof FeedUrlError ? error(caught.message) : caught;
  }
}
