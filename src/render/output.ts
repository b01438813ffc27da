/**
 * The writing half of rendering an article (the main thread's part): streams the samples a worker
 * synthesises into the encoders as they arrive, so ffmpeg encodes on other cores while the worker goes on
 * synthesising. Files are written under temporary names and renamed once complete, the manifest last, so
 * an interrupted run never leaves a manifest describing audio it does not have. The command removes them
 * when it is stopped (`abortAll`), and the next run removes those a killed one left (`prepare`).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestJson } from '../manifest/manifest.js';
import { FORMATS, FfmpegEncoder, writeWav, type AudioFormat } from './encode.js';
import type { RenderJob } from './job.js';
import { removeStaleTemporaries } from './temporaries.js';
import { formatManifest } from './timeline.js';

let serial = 0;

export class ArticleOutput {
  /** Outputs with files being written, for `abortAll`. */
  static readonly #open = new Set<ArticleOutput>();

  readonly #job: RenderJob;
  readonly #sampleRate: number;
  readonly #encoders: FfmpegEncoder[];
  readonly #wav: Int16Array[] | null;
  readonly #temporary: (extension: string) => string;
  #silence = new Int16Array(0);

  /** `job.outDir` must exist. */
  constructor(job: RenderJob, sampleRate: number) {
    this.#job = job;
    this.#sampleRate = sampleRate;
    const tag = `${process.pid}-${++serial}`;
    this.#temporary = (extension) => join(job.outDir, `.${job.name}.${tag}.tmp.${extension}`);
    this.#encoders = job.formats.flatMap((format) =>
      FORMATS[format].ffmpeg ? [new FfmpegEncoder(format, sampleRate, this.#temporary(FORMATS[format].extension))] : [],
    );
    this.#wav = job.formats.includes('wav') ? [] : null;
    ArticleOutput.#open.add(this);
  }

  /** Creates `outDir`, and removes the temporary files a killed run left there. */
  static async prepare(outDir: string): Promise<void> {
    await mkdir(outDir, { recursive: true });
    await removeStaleTemporaries(outDir);
  }

  /** Stops every output still being written and removes its files (the command is being stopped). */
  static async abortAll(): Promise<void> {
    await Promise.all([...ArticleOutput.#open].map((output) => output.abort()));
  }

  /** `pause` samples of silence, then `samples`. An encoder's failure is reported by finish(). */
  write(samples: Int16Array, pause: number): void {
    if (pause > 0) {
      if (this.#silence.length !== pause) this.#silence = new Int16Array(pause);
      this.#feed(this.#silence);
    }
    this.#feed(samples);
  }

  #feed(samples: Int16Array): void {
    this.#wav?.push(samples);
    for (const encoder of this.#encoders) encoder.write(samples);
  }

  /** Waits for the encoders, writes the WAV if asked for, then puts every file (manifest last) in place. */
  async finish(manifest: ManifestJson): Promise<void> {
    const job = this.#job;
    try {
      await Promise.all(this.#encoders.map((encoder) => encoder.finish()));
      if (this.#wav) await writeWav(this.#temporary('wav'), this.#wav, this.#sampleRate);
      await writeFile(this.#temporary('json'), formatManifest(manifest));
      for (const format of job.formats) await rename(this.#temporary(FORMATS[format].extension), this.#final(format));
      await rename(this.#temporary('json'), join(job.outDir, `${job.name}.json`));
      ArticleOutput.#open.delete(this);
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Stops the encoders and removes what was written so far. */
  async abort(): Promise<void> {
    ArticleOutput.#open.delete(this);
    await Promise.all(this.#encoders.map((encoder) => encoder.abort()));
    const extensions = [...this.#job.formats.map((format) => FORMATS[format].extension), 'json'];
    await Promise.all(extensions.map((extension) => rm(this.#temporary(extension), { force: true })));
  }

  #final(format: AudioFormat): string {
    return join(this.#job.outDir, `${this.#job.name}.${FORMATS[format].extension}`);
  }
}
