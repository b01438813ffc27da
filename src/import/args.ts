/** The import command's command line. */
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { FEED_ARGS, FEED_USAGE, feedSettings, type FeedSettings } from '../feed/options.js';
import { isPlainName, UsageError } from '../render/args.js';
import { TIMING_FORMATS, type TimingFormat } from './formats.js';

export const USAGE = `Usage: npm run import -- <article.html> --audio <file> --timings <file> [options]

Writes a timing manifest for audio made elsewhere (a TTS service, a narrator with captions), aligned word
by word to the article: <out>/<name>.json, and the audio copied beside it.

Options:
  --audio <file>      the article's audio (mp3, opus, ogg, m4a, aac, wav, webm, flac)
  --timings <file>    its timings: Amazon Polly speech marks, ElevenLabs alignment JSON, WebVTT captions,
                      or a Listen manifest of an earlier version of the article
  --format <format>   auto (default: detected from the content), polly, elevenlabs, vtt or manifest
  --out <dir>         where to write (default: audio/)
  --name <name>       output base name (default: the audio file's name without its extension)
  --selector <css>    the article element (default: [data-listen-article], else article, else main,
                      else body)
  --voice <name>      the voice, for people reading the manifest (default: named after the format)
  --min-match <pct>   refuse below this share of the article's words matched, 0–100 (default: 85)
  --help              show this help

${FEED_USAGE}
Exit codes: 0 written; 1 the timings cannot be used (unreadable, or matched below --min-match), nothing
written; 2 the command cannot run (bad options, a file that cannot be read or written).
`;

export interface ImportOptions {
  readonly article: string;
  readonly audio: string;
  readonly timings: string;
  readonly format: TimingFormat | 'auto';
  readonly outDir: string;
  readonly name: string;
  readonly selector: string | undefined;
  readonly voice: string | undefined;
  /** 0–1. */
  readonly minMatch: number;
  /** With `--feed`: also the transcript, JSON-LD and feed.xml (docs/feed.md). */
  readonly feed: FeedSettings | undefined;
}

export const DEFAULT_MIN_MATCH = 0.85;

/** Parses the arguments after `npm run import --`; null for `--help`. */
export function parseImportArgs(argv: readonly string[]): ImportOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        audio: { type: 'string' },
        timings: { type: 'string' },
        format: { type: 'string', default: 'auto' },
        out: { type: 'string', default: 'audio/' },
        name: { type: 'string' },
        selector: { type: 'string' },
        voice: { type: 'string' },
        'min-match': { type: 'string' },
        help: { type: 'boolean', default: false },
        ...FEED_ARGS,
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the article HTML file' : `one article at a time, not ${positionals.length}`);
  if (!values.audio) throw new UsageError('--audio is required');
  if (!values.timings) throw new UsageError('--timings is required');
  const format = values.format;
  if (format !== 'auto' && !TIMING_FORMATS.includes(format as TimingFormat)) {
    throw new UsageError(`--format must be auto, ${TIMING_FORMATS.join(', ')}; not ${format}`);
  }
  let minMatch = DEFAULT_MIN_MATCH;
  if (values['min-match'] !== undefined) {
    const percent = Number(values['min-match'].replace(/%$/, ''));
    if (values['min-match'].trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new UsageError(`--min-match must be a percentage from 0 to 100, not ${values['min-match']}`);
    }
    minMatch = percent / 100;
  }
  const name = values.name ?? basename(values.audio, extname(values.audio));
  if (!isPlainName(name)) throw new UsageError(`--name must be a plain file name, not ${name}`);
  return {
    article: positionals[0]!,
    audio: values.audio,
    timings: values.timings,
    format: format as TimingFormat | 'auto',
    outDir: values.out,
    name,
    selector: values.selector,
    voice: values.voice,
    minMatch,
    feed: feedSettings(values, (message) => new UsageError(message)),
  };
}
