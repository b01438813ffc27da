/**
 * Writes what `--feed` adds to the render and import commands' output: for each article given, its WebVTT
 * transcript (`<name>.vtt`) and its AudioObject JSON-LD (`<name>.jsonld`); then `feed.xml`, rebuilt from every
 * article in the folder (each `<name>.jsonld` with its manifest and audio), so articles not in this run keep
 * their items. Every file is written under a temporary name and renamed into place when complete.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fingerprint } from '../article/fingerprint.js';
import type { ManifestJson } from '../manifest/manifest.js';
import { writeInPlace } from '../render/temporaries.js';
import { audioObject, readRecord, type ArticleRecord } from './jsonld.js';
import type { FeedSettings } from './options.js';
import type { PageMeta } from './page.js';
import { podcastGuid } from './podcast-guid.js';
import { formatFeed, type FeedItem } from './rss.js';
import { scriptSafeJson } from './text.js';
import { fileUrl, publicUrl } from './urls.js';
import { formatVtt, transcriptCues } from './vtt.js';

export const FEED_FILE = 'feed.xml';

/** An article of this run whose manifest and audio are in the folder. */
export interface PublishedArticle {
  /** Base name of its files. */
  readonly name: string;
  /** The HTML file it was read from. */
  readonly path: string;
  readonly texts: readonly string[];
  readonly lang: string;
  readonly meta: PageMeta;
}

/** What `publishArticle` read and wrote for an article: `writeFeed` takes it instead of reading the files again. */
export interface Published {
  readonly manifest: ManifestJson;
  readonly record: ArticleRecord;
}

/** Feed enclosure types by the manifest's source type, in the order they are preferred (MP3 plays everywhere). */
const ENCLOSURES: readonly [RegExp, string][] = [
  [/^audio\/mpeg\b/i, 'audio/mpeg'],
  [/^audio\/(?:mp4|x-m4a|aac)\b/i, 'audio/x-m4a'],
  [/^audio\/ogg\b/i, 'audio/ogg'],
];

/** The manifest's audio file a podcast app plays, with its enclosure type; null when it has none (WAV only). */
export function podcastAudio(sources: ManifestJson['sources']): { readonly src: string; readonly type: string } | null {
  for (const [pattern, type] of ENCLOSURES) {
    const source = sources.find((s) => pattern.test(s.type) && /^[\w.-]+$/.test(s.src) && !s.src.startsWith('.'));
    if (source) return { src: source.src, type };
  }
  return null;
}

/**
 * The article page's public URL: its canonical link (or `og:url`) when that is http(s), else its file's path
 * from the current folder on `site` (`index.html` as its folder).
 */
export function pageUrl(path: string, meta: PageMeta, site: URL): string {
  const own = meta.canonical ? publicUrl(meta.canonical, site) : null;
  if (own) return own;
  const fromHere = relative(process.cwd(), resolve(path));
  const local = fromHere.startsWith('..') || isAbsolute(fromHere) ? basename(path) : fromHere.split(sep).join('/');
  const file = local.replace(/(?:^|\/)index\.html?$/i, (end) => end.slice(0, end.indexOf('index')));
  return new URL(file.split('/').map(encodeURIComponent).join('/'), site).href;
}

/**
 * Writes `<name>.vtt` and `<name>.jsonld` for `article`; throws when its manifest is not the article's.
 * Returns the manifest it read and the record it wrote, for `writeFeed`.
 */
export async function publishArticle(outDir: string, article: PublishedArticle, settings: FeedSettings): Promise<Published> {
  const manifest = JSON.parse(await readFile(join(outDir, `${article.name}.json`), 'utf8')) as ManifestJson;
  // The transcript puts the page's sentences on the manifest's times: they must be the same texts.
  if (!Array.isArray(manifest.segments) || manifest.segments.some((segment, i) => segment.fingerprint !== fingerprint(article.texts[i] ?? ''))) {
    throw new Error(`${article.name}.json does not describe this article's text`);
  }
  if (manifest.segments.length !== article.texts.length) {
    throw new Error(`${article.name}.json does not describe this article's text (${manifest.segments.length} segments, not ${article.texts.length})`);
  }
  const audio = podcastAudio(manifest.sources) ?? manifest.sources[0];
  if (!audio) throw new Error(`${article.name}.json names no audio`);
  const previous = await readJsonLd(outDir, article.name);
  const { meta } = article;
  const record: ArticleRecord = {
    title: meta.title || article.name,
    description: meta.description,
    link: pageUrl(article.path, meta, settings.site),
    // A page that does not say when it was published keeps the date of its first feed.
    published: meta.published ?? previous?.published ?? new Date().toISOString(),
    lang: article.lang,
    siteName: settings.title ?? meta.siteName,
  };
  const cues = transcriptCues(article.texts, manifest, article.lang);
  const transcript = { url: fileUrl(`${article.name}.vtt`, settings.base), text: cues.map((cue) => cue.text).join('\n') };
  const json = audioObject(record, { url: fileUrl(audio.src, settings.base), type: audio.type, duration: manifest.duration, transcript });
  await writeInPlace(join(outDir, `${article.name}.vtt`), formatVtt(cues));
  await writeInPlace(join(outDir, `${article.name}.jsonld`), `${scriptSafeJson(json)}\n`);
  return { manifest, record };
}

/**
 * Rebuilds `<outDir>/feed.xml` from every article in the folder. `pages` are this run's (for the channel's
 * defaults); `published` what this run's `publishArticle` calls returned, by name. Returns warnings:
 * articles left out, and what podcast apps will miss.
 */
export async function writeFeed(
  outDir: string,
  settings: FeedSettings,
  pages: readonly PageMeta[],
  published: ReadonlyMap<string, Published> = new Map(),
): Promise<string[]> {
  const warnings: string[] = [];
  const items: (FeedItem & { readonly lang: string; readonly siteName: string })[] = [];
  for (const file of (await readdir(outDir)).filter((f) => f.endsWith('.jsonld') && !f.startsWith('.')).sort()) {
    const name = file.slice(0, -'.jsonld'.length);
    const known = published.get(name);
    const record = known?.record ?? (await readJsonLd(outDir, name));
    const manifest = known?.manifest ?? (await readManifest(outDir, name));
    const audio = manifest && Array.isArray(manifest.sources) ? podcastAudio(manifest.sources) : null;
    if (!record || !manifest || !(manifest.duration > 0)) {
      warnings.push(`${name}: left out of the feed: ${record ? `${name}.json` : file} cannot be read`);
      continue;
    }
    if (!audio) {
      warnings.push(`${name}: left out of the feed: no MP3, M4A or Ogg audio (podcast apps play no other)`);
      continue;
    }
    let length = 0;
    try {
      length = (await stat(join(outDir, audio.src))).size;
    } catch {
      // told below
    }
    if (length <= 0) {
      warnings.push(`${name}: left out of the feed: ${audio.src} is missing or empty`);
      continue;
    }
    const transcript = existsSync(join(outDir, `${name}.vtt`)) ? { url: fileUrl(`${name}.vtt`, settings.base), lang: record.lang } : null;
    items.push({
      title: record.title,
      link: record.link,
      guid: record.link,
      permalink: true,
      published: record.published,
      description: record.description || record.title,
      enclosure: { url: fileUrl(audio.src, settings.base), length, type: audio.type },
      duration: manifest.duration,
      transcript,
      lang: record.lang,
      siteName: record.siteName,
    });
  }
  // Two articles with one canonical URL (a page rendered under two names) must still have distinct guids.
  const links = new Map<string, number>();
  for (const item of items) links.set(item.link, (links.get(item.link) ?? 0) + 1);
  const unique = items.map((item) => (links.get(item.link)! > 1 ? { ...item, guid: item.enclosure.url, permalink: false } : item));

  const title = settings.title ?? (pages.map((page) => page.siteName).find(Boolean) || items.map((item) => item.siteName).find(Boolean) || settings.site.host);
  const image = settings.image ?? pages.map((page) => (page.image ? publicUrl(page.image, settings.site) : null)).find((url) => url && /\.(?:jpe?g|png)$/i.test(new URL(url).pathname));
  if (!image) warnings.push('the feed has no image (--feed-image): Apple Podcasts and most apps refuse a podcast without one');
  const self = fileUrl(FEED_FILE, settings.base);
  const feed = formatFeed(
    {
      title,
      link: settings.site.href,
      description: settings.description ?? `Articles from ${title}, read aloud.`,
      language: settings.language ?? mostCommon(items.map((item) => item.lang).filter(Boolean)) ?? '',
      image: image ?? null,
      author: settings.author ?? (pages.map((page) => page.author).find(Boolean) || title),
      category: settings.category,
      explicit: settings.explicit,
      self,
      guid: podcastGuid(self),
    },
    unique,
  );
  await writeInPlace(join(outDir, FEED_FILE), feed);
  return warnings;
}

async function readManifest(outDir: string, name: string): Promise<ManifestJson | null> {
  try {
    return JSON.parse(await readFile(join(outDir, `${name}.json`), 'utf8')) as ManifestJson;
  } catch {
    return null;
  }
}

async function readJsonLd(outDir: string, name: string): Promise<ArticleRecord | null> {
  try {
    return readRecord(JSON.parse(await readFile(join(outDir, `${name}.jsonld`), 'utf8')));
  } catch {
    return null;
  }
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
