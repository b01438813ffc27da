/**
 * Runs jobs on a pool of worker threads, one job per worker at a time, the rest queued. A job whose worker
 * dies is reported lost and a fresh worker takes the next one: one bad article never stops the others.
 */
import type { Worker } from 'node:worker_threads';
import type { RenderJob, WorkerMessage } from './job.js';

export interface PoolListener {
  /** `job` was handed to a worker. */
  started(job: RenderJob): void;
  /** A message about `job`; after 'done' or 'failed' its worker takes the next job. */
  message(job: RenderJob, message: WorkerMessage): void;
  /** The worker running `job` crashed or exited. */
  lost(job: RenderJob, reason: string): void;
}

/** Resolves once every job is done, failed or lost. `startWorker` starts a thread running src/render/worker.ts. */
export function runPool(
  jobs: readonly RenderJob[],
  size: number,
  startWorker: () => Worker,
  listener: PoolListener,
): Promise<void> {
  const queue = [...jobs];
  let pending = jobs.length;
  if (pending === 0) return Promise.resolve();

  return new Promise((resolve) => {
    const settle = (): void => {
      if (--pending === 0) resolve();
    };

    const start = (): void => {
      const worker = startWorker();
      let current: RenderJob | null = null;

      const next = (): void => {
        current = queue.shift() ?? null;
        if (current) {
          worker.postMessage(current);
          listener.started(current);
        } else {
          void worker.terminate();
        }
      };

      worker.on('message', (message: WorkerMessage) => {
        if (!current || message.id !== current.id) return;
        listener.message(current, message);
        if (message.type === 'done' || message.type === 'failed') {
          settle();
          next();
        }
      });

      const lost = (reason: string): void => {
        if (!current) return;
        const job = current;
        current = null;
        listener.lost(job, reason);
        settle();
        if (queue.length > 0) start();
      };
      worker.on('error', (error) => lost(`the render worker crashed: ${error.message}`));
      worker.on('exit', (code) => lost(`the render worker stopped (exit code ${code})`));

      next();
    };

    for (let i = 0; i < Math.min(size, jobs.length); i++) start();
  });
}
