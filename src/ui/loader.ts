/**
 * Loads what the element adds on first use (the rest of the player: engines, controllers, parts of the UI),
 * shaped like Lit's `Task`: a reactive controller with a `status`, the `value` once it is there, and `run()`.
 * Requests made before it arrives wait in one queue and run in order once it is there, in the same task as it
 * is made (nothing renders in between); a play among them can be taken back (a pause before it arrived). A load
 * that fails drops the queue and may be run again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface LoaderOptions<T, M> {
  /** Loads what the value is made of (a module); called once, and again after a failure. */
  task(): Promise<M>;
  /** Makes the value from what was loaded. */
  make(loaded: M): T;
  /** The value is there and the requests that waited for it have run. */
  arrived?(value: T): void;
  /** The load failed (offline, a blocked file). */
  failed(error: unknown): void;
  /** A load runs again after a failure. */
  retry(): void;
}

interface Request<T> {
  readonly run: (value: T) => void;
  /** A play: taken back by `cancelPlays`. */
  readonly play: boolean;
  /** A setting: a later request with the same key replaces it (only the last value matters). */
  readonly key: string | undefined;
}

export interface RequestOptions {
  readonly play?: boolean;
  /** False: wait for a load someone else starts (a setting the value reads anyway when it loads). */
  readonly load?: boolean;
  readonly key?: string;
}

export class Loader<T, M = T> implements ReactiveController {
  status: LoadStatus = 'initial';
  value: T | undefined = undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: LoaderOptions<T, M>;
  #running: Promise<T> | null = null;
  #queue: Request<T>[] = [];

  constructor(host: ReactiveControllerHost, options: LoaderOptions<T, M>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Settles when the current (or last successful) load does; null before any and after a failure. */
  get taskComplete(): Promise<T> | null {
    return this.#running;
  }

  /** Starts the load unless it is there or on its way; resolves with the value. */
  run(): Promise<T> {
    if (this.#running) return this.#running;
    if (this.status === 'error') this.#options.retry();
    this.status = 'pending';
    this.#running = this.#options.task().then(
      (loaded) => {
        const value = this.#options.make(loaded);
        this.value = value;
        this.status = 'complete';
        const queue = this.#queue;
        this.#queue = [];
        for (const request of queue) request.run(value);
        this.#options.arrived?.(value);
        this.#host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.#running = null;
        this.#queue = [];
        this.status = 'error';
        this.#options.failed(error);
        this.#host.requestUpdate();
        throw error;
      },
    );
    return this.#running;
  }

  /** Runs `action` with the value now, or once it is there, in order with the other requests. */
  request(action: (value: T) => void, { play = false, load = true, key }: RequestOptions = {}): void {
    if (this.value !== undefined) {
      action(this.value);
      return;
    }
    if (key !== undefined) this.#queue = this.#queue.filter((request) => request.key !== key);
    this.#queue.push({ run: action, play, key });
    if (load) this.run().catch(() => {});
  }

  /** Takes back the plays still waiting for the value; whether there were any. */
  cancelPlays(): boolean {
    const before = this.#queue.length;
    this.#queue = this.#queue.filter((request) => !request.play);
    return this.#queue.length !== before;
  }
}
