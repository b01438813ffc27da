/**
 * A render worker thread: one eSpeak NG instance synthesising the jobs the main thread sends, one at a
 * time, and sending back each job's audio as it is made, then its manifest (or why it failed). Importing
 * this module starts listening.
 */
import { parentPort } from 'node:worker_threads';
import { Espeak } from './espeak.js';
import type { RenderJob, WorkerMessage } from './job.js';
import { synthesizeArticle } from './synthesize-article.js';

const port = parentPort;
if (!port) throw new Error('src/render/worker.ts runs in a worker thread only');

let espeak: Promise<Espeak> | null = null;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (job: RenderJob) => {
  void (async () => {
    const { id } = job;
    try {
      espeak ??= Espeak.create();
      const manifest = synthesizeArticle(job, await espeak, {
        start: (sampleRate) => post({ type: 'start', id, sampleRate }),
        audio: (samples, pause) => post({ type: 'audio', id, samples, pause }, [samples.buffer as ArrayBuffer]),
        progress: (done, total, audio) => post({ type: 'progress', id, done, total, audio }),
      });
      post({ type: 'done', id, manifest });
    } catch (error) {
      post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
