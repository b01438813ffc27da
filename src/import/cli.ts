/**
 * The import command: an article, its audio from elsewhere and that audio's timings → a Listen timing
 * manifest beside a copy of the audio, aligned to the article word by word.
 *
 * Exit codes: 0 written; 1 the timings cannot be used (unreadable, or too little of the article matched:
 * nothing is written); 2 the command cannot run (bad options, an unreadable input, an unwritable output).
 */
import { constants } from 'node:fs';
import { access, copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { FEED_FILE, publishArticle, writeFeed } from '../feed/publish.js';
import { MANIFEST_MAX_DURATION } from '../manifest/limits.js';
import { MANIFEST_VERSION, MANIFEST_VERSION_PARTIAL, type ManifestJson } from '../manifest/manifest.js';
import { UsageError } from '../render/args.js';
import { removeStaleTemporaries, temporaryPath, writeInPlace } from '../render/temporaries.js';
import { articleText } from '../render/source.js';
import { formatManifest } from '../render/timeline.js';
import { parseImportArgs, USAGE, type ImportOptions } from './args.js';
import { alignSegments, type AlignedSegments, type AlignmentReport } from './build.js';
import { detectFormat, readElevenLabs, readPolly, readVtt, TimingsError, type TimedWord, type TimingFormat } from './formats.js';
import { probeAudio } from './media.js';
import { retargetManifest } from './retarget.js';

/** The import command's own format version: bump it when a change alters the manifests it writes. */
const IMPORTER_VERSION = 1;

export interface Output {
  write(text: string): unknown;
}

export interface CliEnvironment {
  readonly stdout: Output;
  readonly stderr: Output;
}

const FORMAT_NAMES: Readonly<Record<TimingFormat, string>> = {
  polly: 'Amazon Polly speech marks',
  elevenlabs: 'ElevenLabs alignment',
  vtt: 'WebVTT captions',
  manifest: 'a Listen timing manifest',
};

/** Thrown for what makes the command stop: `code` is its exit code. */
class Stop extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let options: ImportOptions | null;
  try {
    options = parseImportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    env.stderr.write(`import: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    env.stdout.write(USAGE);
    return 0;
  }
  try {
    await run(options, env);
    return 0;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    env.stderr.write(`import: ${error.message}\n`);
    return error.code;
  }
}

async function run(options: ImportOptions, env: CliEnvironment): Promise<void> {
  const html = await readInput(options.article, 'the article');
  const timingsText = await readInput(options.timings, 'the timings');
  await checkAudio(options.audio); // exists and is readable, before any work is done
  let article;
  try {
    article = await articleText(html, options.selector);
  } catch (error) {
    throw new Stop(`${options.article}: ${message(error)}`, 2);
  }
  let audio;
  try {
    audio = probeAudio(options.audio);
  } catch (error) {
    throw new Stop(`${options.audio}: ${message(error)}`, 2);
  }

  let format = options.format;
  if (format === 'auto') {
    const detected = detectFormat(timingsText);
    if (!detected) throw new Stop(`${options.timings}: not a timing format this command reads (${Object.values(FORMAT_NAMES).join(', ')}); name it with --format`, 1);
    format = detected;
    env.stdout.write(`timings: ${FORMAT_NAMES[format]} (detected; --format ${format})\n`);
  } else {
    env.stdout.write(`timings: ${FORMAT_NAMES[format]}\n`);
  }

  let aligned: AlignedSegments;
  let timingsEnd: number;
  let voice = options.voice ?? defaultVoice(format);
  let lang = article.lang;
  try {
    if (format === 'manifest') {
      const retargeted = retargetManifest(JSON.parse(timingsText), article.texts, article.lang);
      aligned = retargeted;
      timingsEnd = retargeted.duration;
      voice = options.voice ?? retargeted.voice;
      lang = article.lang || retargeted.lang;
    } else {
      const words = readWords(format, timingsText, article.lang, audio.duration ?? undefined);
      if (words.length === 0) throw new TimingsError('it has no words');
      timingsEnd = checkTimes(words, audio.duration);
      aligned = alignSegments(article.texts, article.lang, words, audio.duration ?? timingsEnd);
    }
  } catch (error) {
    if (error instanceof Stop) throw error;
    throw new Stop(`${options.timings} cannot be read as ${FORMAT_NAMES[format]}: ${message(error)}`, 1);
  }
  const duration = audio.duration ?? timingsEnd;
  env.stdout.write(
    audio.duration !== null
      ? `audio: ${audio.type}, ${duration.toFixed(2)} s (ffprobe)\n`
      : `audio: ${audio.type}, ${duration.toFixed(2)} s (from the timings' last time: ffprobe is missing or cannot read the file)\n`,
  );

  env.stdout.write(formatReport(aligned.report, article.texts.length));
  if (aligned.report.matchedShare < options.minMatch) {
    throw new Stop(
      `refused: only ${percent(aligned.report.matchedShare)} of the article's words were matched in the timings, below --min-match ` +
        `${percent(options.minMatch)}. Is it the audio of this article? Lower --min-match to import it anyway; nothing was written.`,
      1,
    );
  }

  const partial = aligned.segments.some((segment) => segment.audio === false || segment.estimated === true);
  const audioName = `${options.name}${extname(options.audio).toLowerCase()}`;
  const manifest: ManifestJson = {
    version: partial ? MANIFEST_VERSION_PARTIAL : MANIFEST_VERSION,
    lang,
    voice,
    generator: `listen-import/${IMPORTER_VERSION} (${FORMAT_NAMES[format]}${format === 'vtt' ? ', word times estimated in each cue' : ''})`,
    duration: Math.round(duration * 1e5) / 1e5,
    sources: [{ src: audioName, type: audio.type }],
    segments: aligned.segments,
  };
  await write(options, audioName, manifest);
  env.stdout.write(`wrote ${join(options.outDir, `${options.name}.json`)} and ${join(options.outDir, audioName)}\n`);
  if (options.feed) {
    try {
      const published = await publishArticle(options.outDir, { name: options.name, path: options.article, texts: article.texts, lang, meta: article.meta }, options.feed);
      const warnings = await writeFeed(options.outDir, options.feed, [article.meta], new Map([[options.name, published]]));
      for (const warning of warnings) env.stderr.write(`import: feed: ${warning}\n`);
    } catch (error) {
      throw new Stop(`cannot write the transcript, JSON-LD or feed to ${options.outDir}: ${message(error)}`, 2);
    }
    env.stdout.write(`wrote ${join(options.outDir, `${options.name}.vtt`)}, ${options.name}.jsonld and ${FEED_FILE}\n`);
  }
}

function readWords(format: Exclude<TimingFormat, 'manifest'>, text: string, lang: string, duration: number | undefined): TimedWord[] {
  switch (format) {
    case 'polly':
      return readPolly(text, duration);
    case 'elevenlabs':
      return readElevenLabs(text, lang);
    case 'vtt':
      return readVtt(text, lang);
  }
}

/** Slack for times just past the audio's end (rounding, a vendor's trailing silence), in seconds. */
const END_SLACK = 0.5;

/**
 * The timings' last time, after checking every word lies in [0, the audio's length] (or the longest audio
 * a manifest may describe, when the length is unknown): times past the end would all be clamped to it,
 * so those words would flash by at the very end.
 */
function checkTimes(words: readonly TimedWord[], audioDuration: number | null): number {
  const limit = audioDuration === null ? MANIFEST_MAX_DURATION : audioDuration + END_SLACK;
  const bound = audioDuration === null ? `${MANIFEST_MAX_DURATION} s, the longest audio a manifest describes` : `${audioDuration.toFixed(2)} s, the audio's length`;
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const { text, start, end } = words[i]!;
    const word = `word ${i + 1} ("${text.slice(0, 30)}")`;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start) {
      throw new TimingsError(`${word} has times ${start} to ${end} s: a word's times run forwards from 0`);
    }
    if (end > limit) {
      throw new TimingsError(`${word} ends at ${end} s, past ${bound}: is it the audio they were made for?`);
    }
    if (end > last) last = end;
  }
  return last;
}

function defaultVoice(format: TimingFormat): string {
  return format === 'polly' ? 'Amazon Polly' : format === 'elevenlabs' ? 'ElevenLabs' : 'narrator';
}

/** The report printed before anything is written: how much matched, and where it did not. */
export function formatReport(report: AlignmentReport, segments: number): string {
  const lines = [
    `alignment: ${report.matchedWords} of ${report.articleWords} article words matched (${percent(report.matchedShare)}), from ${report.audioWords} words in the timings`,
  ];
  if (report.segmentsWithoutAudio.length > 0) {
    lines.push(`  ${report.segmentsWithoutAudio.length} of ${segments} segments have no audio (marked "audio": false): ${report.segmentsWithoutAudio.join(', ')}`);
  }
  for (const run of report.runs.slice(0, 20)) {
    const where = `${Math.floor(run.time / 60)}:${(run.time % 60).toFixed(1).padStart(4, '0')}`;
    lines.push(`  at ${where} ${run.side === 'article' ? 'not in the audio' : 'only in the audio'} (${run.words} words): ${run.context}`);
  }
  if (report.runs.length > 20) lines.push(`  and ${report.runs.length - 20} more unmatched runs`);
  return `${lines.join('\n')}\n`;
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Stop(`cannot read ${what} (${path}): ${message(error)}`, 2);
  }
}

/** Checks the audio is a readable file without reading it: it may be far larger than a string can hold. */
async function checkAudio(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
    if (!(await stat(path)).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new Stop(`cannot read the audio (${path}): ${message(error)}`, 2);
  }
}

/** Audio first, manifest last, each under a temporary name first: no manifest ever names missing audio. */
async function write(options: ImportOptions, audioName: string, manifest: ManifestJson): Promise<void> {
  const target = join(options.outDir, audioName);
  const json = join(options.outDir, `${options.name}.json`);
  try {
    await mkdir(options.outDir, { recursive: true });
    await removeStaleTemporaries(options.outDir);
    if (resolve(options.audio) !== resolve(target)) {
      await copyFile(options.audio, temporaryPath(target));
      await rename(temporaryPath(target), target);
    }
    await writeInPlace(json, formatManifest(manifest));
  } catch (error) {
    await rm(temporaryPath(target), { force: true });
    throw new Stop(`cannot write to ${options.outDir}: ${message(error)}`, 2);
  }
}

const percent = (share: number): string => `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
