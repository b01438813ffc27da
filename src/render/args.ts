/** The render command's command line. */
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { FEED_ARGS, FEED_USAGE, feedSettings, type FeedSettings } from '../feed/options.js';
import { FORMATS, type AudioFormat } from './encode.js';
import { isLanguageTag } from './language-tag.js';

export const USAGE = `Usage: npm run render -- <article.html …> [options]

Renders each article to audio and a timing manifest: <out>/<name>.mp3, .opus and .json.

Options:
  --out <dir>         where to write (default: audio/)
  --voice <voice>     eSpeak NG voice or language, e.g. en-gb (default: the article's lang, else en)
  --rate <wpm>        speaking rate in words per minute, 80–450 (default: 175)
  --selector <css>    the article element (default: [data-listen-article], else article, else main,
                      else body)
  --lang-override <lang>
                      the articles' real language where their pages declare a wrong one: text
                      marked with the declared language, or unmarked, is read in this one (as the
                      player's lang-override attribute); the default voice follows it
  --lexicon <file>    pronunciation lexicon (JSON or W3C PLS): its words are said as it says,
                      in the audio only; the timings stay on the page's words
  --name <name>       output base name, for a single input (default: the file's name without .html)
  --format <list>     mp3,opus (default), or any of mp3, opus, wav separated by commas
  --jobs <n>          articles synthesised at once (default: half the CPU cores, since ffmpeg
                      encodes on the others; every core with --format wav); at most one per core:
                      more are capped, as they would only share the cores and each costs memory
  --force             render even when the text, voice and rate are unchanged
  --help              show this help

${FEED_USAGE}`;

export interface RenderOptions {
  readonly inputs: readonly { readonly path: string; readonly name: string }[];
  readonly outDir: string;
  /** Undefined: follow each article's language. */
  readonly voice: string | undefined;
  readonly rate: number;
  readonly selector: string | undefined;
  /** The articles' real language, where their pages declare a wrong one; undefined: as declared. */
  readonly langOverride: string | undefined;
  /** Path of a pronunciation lexicon, or undefined. */
  readonly lexicon: string | undefined;
  readonly formats: readonly AudioFormat[];
  readonly jobs: number;
  readonly force: boolean;
  /** With `--feed`: also the transcripts, JSON-LD and feed.xml (docs/feed.md). */
  readonly feed: FeedSettings | undefined;
}

/** A command line that cannot be run: the message says why (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMAT_NAMES: readonly AudioFormat[] = ['mp3', 'opus', 'wav'];

/**
 * Whether `name` can be an output base name: letters, digits, `.`, `_`, `-`, not starting with a dot (no
 * `..`, no hidden file, no clash with the commands' own `.<name>.<pid>….tmp` files).
 */
export function isPlainName(name: string): boolean {
  return /^[\w.-]+$/.test(name) && !name.startsWith('.');
}

/** Parses `argv` (without node and script); returns null for --help. Throws UsageError. */
export function parseRenderArgs(argv: readonly string[]): RenderOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'audio' },
        voice: { type: 'string' },
        rate: { type: 'string', default: '175' },
        selector: { type: 'string' },
        lexicon: { type: 'string' },
        'lang-override': { type: 'string' },
        name: { type: 'string' },
        format: { type: 'string', default: 'mp3,opus' },
        jobs: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        ...FEED_ARGS,
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length === 0) throw new UsageError('no article HTML files given');

  const rate = Number(values.rate);
  if (!Number.isInteger(rate) || rate < 80 || rate > 450) throw new UsageError(`--rate must be 80–450 words per minute, not ${values.rate}`);

  const formats = [...new Set(values.format.split(',').map((f) => f.trim().toLowerCase()))];
  for (const format of formats) {
    if (!FORMAT_NAMES.includes(format as AudioFormat)) throw new UsageError(`unknown --format ${format} (mp3, opus or wav)`);
  }

  const jobs = values.jobs === undefined ? defaultJobs(formats as AudioFormat[]) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${values.jobs}`);

  if (values.name !== undefined) {
    if (positionals.length !== 1) throw new UsageError('--name needs exactly one input file');
    if (!isPlainName(values.name)) throw new UsageError(`--name must be a plain file name (letters, digits, . _ -, not starting with .), not ${values.name}`);
  }
  const inputs = positionals.map((path) => ({ path, name: values.name ?? basename(path, extname(path)) }));
  const seen = new Map<string, string>();
  for (const input of inputs) {
    if (!isPlainName(input.name)) throw new UsageError(`${input.path} would be written as ${input.name}.*, not a plain file name: name it with --name`);
    const other = seen.get(input.name);
    if (other !== undefined) throw new UsageError(`${other} and ${input.path} would both write ${input.name}.*`);
    seen.set(input.name, input.path);
  }

  if (values.voice !== undefined && !values.voice.trim()) throw new UsageError('--voice is empty');
  if (values.lexicon !== undefined && !values.lexicon.trim()) throw new UsageError('--lexicon is empty');
  const langOverride = values['lang-override']?.trim();
  if (langOverride !== undefined && !isLanguageTag(langOverride)) {
    throw new UsageError(`--lang-override must be a language tag such as fr or pt-BR, not ${values['lang-override']}`);
  }
  return {
    inputs,
    outDir: values.out,
    voice: values.voice,
    rate,
    selector: values.selector,
    lexicon: values.lexicon,
    langOverride,
    formats: formats as AudioFormat[],
    jobs: Math.min(jobs, availableParallelism()),
    force: values.force,
    feed: feedSettings(values, (message) => new UsageError(message)),
  };
}

/**
 * One synthesising worker per core would oversubscribe the machine: MP3 and Opus encoding (separate ffmpeg
 * processes) take more CPU than the synthesis itself. Measured on two cores with four five-minute
 * articles: one worker renders at 141× real time, two at 128×, using 17 % more CPU time.
 */
function defaultJobs(formats: readonly AudioFormat[]): number {
  const cores = availableParallelism();
  return formats.some((format) => FORMATS[format].ffmpeg) ? Math.max(1, Math.ceil(cores / 2)) : cores;
}
