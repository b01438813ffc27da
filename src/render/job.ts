/**
 * One article to render, the messages a render worker sends back, and the content hash that lets an
 * unchanged article be skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ManifestJson } from '../manifest/manifest.js';
import { FORMATS, type AudioFormat } from './encode.js';
import type { SpokenRun } from './spoken.js';

/**
 * The renderer's own format version: bump it whenever a change here alters the audio or the timings
 * (pauses, encoder settings, word rules), so every article is rendered afresh.
 */
const RENDERER_VERSION = 3;

/** What rendered a manifest: this renderer and the eSpeak NG build, as stored in `generator`. */
export function generatorName(): string {
  const require = createRequire(import.meta.url);
  const espeak = require('@echogarden/espeak-ng-emscripten/package.json') as { version: string };
  return `listen-render/${RENDERER_VERSION} (eSpeak NG via @echogarden/espeak-ng-emscripten ${espeak.version})`;
}

export interface RenderJob {
  readonly id: number;
  /** Base name of the output files: `<outDir>/<name>.json`, `.mp3`, `.opus`, `.wav`. */
  readonly name: string;
  readonly outDir: string;
  readonly lang: string;
  readonly texts: readonly string[];
  /**
   * For each of `texts`, what is said when that is not the text as it is: its language runs (a phrase with its
   * own `lang`) and the lexicon's replacements. Absent when no segment has any.
   */
  readonly spoken?: readonly (readonly SpokenRun[] | null)[] | undefined;
  /** Voice as asked for (identifier, name or language); the worker resolves it. */
  readonly voice: string;
  /** Words per minute. */
  readonly rate: number;
  readonly formats: readonly AudioFormat[];
  readonly generator: string;
  readonly hash: string;
}

/** What a render worker tells the main thread about the job it is working on, in this order. */
export type WorkerMessage =
  | { readonly type: 'start'; readonly id: number; readonly sampleRate: number }
  /** The next piece of audio: `pause` samples of silence, then `samples` (transferred, not copied). */
  | { readonly type: 'audio'; readonly id: number; readonly samples: Int16Array; readonly pause: number }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly audio: number }
  /** All audio has been sent; `manifest` describes it. */
  | { readonly type: 'done'; readonly id: number; readonly manifest: ManifestJson }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/**
 * Hash of everything the output depends on: the texts, voice, rate, formats and the generator, and what is said
 * instead of the texts where anything is (an article without inline languages or lexicon words hashes as before).
 */
export function contentHash(job: Omit<RenderJob, 'id' | 'name' | 'outDir' | 'hash'>): string {
  const hash = createHash('sha256');
  const spoken = job.spoken?.map((runs) => runs?.map((run) => [run.lang, run.text]) ?? null);
  hash.update(JSON.stringify([job.generator, job.voice, job.rate, job.lang, job.formats, job.texts, ...(spoken ? [spoken] : [])]));
  return hash.digest('hex');
}

/** Whether `<outDir>/<name>.json` was rendered from the same content and all its audio files exist. */
export function isUpToDate(outDir: string, name: string, hash: string, formats: readonly AudioFormat[]): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, `${name}.json`), 'utf8'));
  } catch {
    return false;
  }
  if (typeof manifest !== 'object' || manifest === null || (manifest as { hash?: unknown }).hash !== hash) return false;
  return formats.every((format) => existsSync(join(outDir, `${name}.${FORMATS[format].extension}`)));
}
