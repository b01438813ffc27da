/**
 * A render worker thread: one eSpeak NG instance synthesising the jobs the main thread sends, one at a
 * time, and sending back each job's audio as it is made, then its manifest (or why it failed). Importing
 * this module starts it: eSpeak NG loads and warms up before the first job arrives.
 */
import { parentPort } from 'node:worker_threads';
import { Espeak } from './espeak.js';
import type { RenderJob, WorkerMessage } from './job.js';
import { synthesizeArticle } from './synthesize-article.js';

const port = parentPort;
if (!port) throw new Error('src/render/worker.ts runs in a worker thread only');

/**
 * A fresh eSpeak NG for every article, so an article sounds the same whatever was rendered before it in
 * this worker (espeak's output drifts slightly with its internal state). Each is warmed up with one short
 * sentence, as its first synthesis carries ~0.3 s of one-off set-up.
 */
function prepare(): Promise<Espeak> {
  const ready = Espeak.create().then((instance) => {
    instance.setVoice('en');
    instance.synthesize('Ready.');
    return instance;
  });
  ready.catch(() => {}); // a failure is reported with the job that needed it
  return ready;
}

/** The first instance loads at once, while the main thread is still reading the articles. */
let first: Promise<Espeak> | null = prepare();

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (job: RenderJob) => {
  void (async () => {
    const { id } = job;
    try {
      const espeak = await (first ?? prepare());
      first = null;
      const manifest = synthesizeArticle(job, espeak, {
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
