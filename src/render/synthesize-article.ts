/**
 * The synthesis half of rendering an article (the worker thread's part): speaks its segments in order and
 * hands on the samples to write, a pause before every segment but the first, then the timing manifest.
 * No files: the main thread encodes and writes while the next segment is being synthesised.
 */
import type { ManifestJson } from '../manifest/manifest.js';
import { FORMATS } from './encode.js';
import type { Espeak } from './espeak.js';
import type { RenderJob } from './job.js';
import { buildManifest, pauseSamples, type RenderedSegment } from './timeline.js';

export interface SynthesisSink {
  /** Before any audio: the sample rate of everything that follows. */
  start(sampleRate: number): void;
  /** The next piece of the article's audio: `pause` samples of silence, then `samples`. */
  audio(samples: Int16Array, pause: number): void;
  progress(done: number, total: number, audioSeconds: number): void;
}

export function synthesizeArticle(job: RenderJob, espeak: Espeak, sink: SynthesisSink): ManifestJson {
  const voice = espeak.setVoice(job.voice);
  espeak.setRate(job.rate);
  const sampleRate = espeak.sampleRate;
  const pause = pauseSamples(sampleRate);
  sink.start(sampleRate);

  const rendered: RenderedSegment[] = [];
  let samples = 0;
  for (const [i, text] of job.texts.entries()) {
    const { pcm, words } = espeak.synthesize(text, job.spoken?.[i]);
    const before = i > 0 ? pause : 0;
    samples += before + pcm.length;
    rendered.push({ text, samples: pcm.length, words });
    sink.audio(pcm, before);
    sink.progress(i + 1, job.texts.length, samples / sampleRate);
  }

  return buildManifest(
    {
      lang: job.lang,
      voice: voice.name,
      generator: job.generator,
      hash: job.hash,
      sampleRate,
      sources: job.formats.map((format) => ({ src: `${job.name}.${FORMATS[format].extension}`, type: FORMATS[format].type })),
    },
    rendered,
  );
}
