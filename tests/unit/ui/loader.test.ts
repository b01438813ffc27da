/**
 * The loader of the rest of the player, in Node against a fake host: requests wait for the value and run in
 * order; a waiting play can be taken back; a setting replaces its earlier value; a failure drops the queue and
 * a later run tries again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Loader, type LoaderOptions } from '../../../src/ui/loader.js';

function fakeHost(): ReactiveControllerHost & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return {
    controllers,
    addController: (controller) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  };
}

/** A loader whose task resolves or rejects when the test says so. */
function deferredLoader(options: Partial<LoaderOptions<string, string>> = {}) {
  let settle!: { resolve: (value: string) => void; reject: (error: Error) => void };
  const task = vi.fn(() => new Promise<string>((resolve, reject) => (settle = { resolve, reject })));
  const host = fakeHost();
  const loader = new Loader<string>(host, { task, make: (loaded) => loaded, failed: vi.fn(), retry: vi.fn(), ...options });
  return { loader, task, host, settle: () => settle };
}

describe('Loader', () => {
  it('is a controller of its host, and loads once however often it is asked', async () => {
    const { loader, task, host, settle } = deferredLoader();
    expect(host.controllers).toContain(loader);
    expect(loader.status).toBe('initial');
    void loader.run();
    void loader.run();
    expect(loader.status).toBe('pending');
    settle().resolve('player');
    await expect(loader.run()).resolves.toBe('player');
    expect(task).toHaveBeenCalledTimes(1);
    expect(loader).toMatchObject({ status: 'complete', value: 'player' });
  });

  it('runs the requests made meanwhile in order once the value is there, then at once', async () => {
    const arrived = vi.fn();
    const { loader, settle } = deferredLoader({ arrived });
    const ran: string[] = [];
    loader.request((value) => ran.push(`play ${value}`), { play: true });
    loader.request(() => ran.push('seek'));
    loader.request(() => ran.push('rate 1.5'), { load: false, key: 'rate' });
    expect(ran).toEqual([]);
    settle().resolve('v');
    await loader.taskComplete;
    expect(ran).toEqual(['play v', 'seek', 'rate 1.5']);
    expect(arrived).toHaveBeenCalledWith('v');
    loader.request(() => ran.push('next'));
    expect(ran.at(-1)).toBe('next');
  });

  it('makes the value and runs the waiting requests in one go, before anything queued meanwhile (a render)', async () => {
    const order: string[] = [];
    const make = (loaded: string) => {
      queueMicrotask(() => order.push('render'));
      order.push('make');
      return loaded;
    };
    const { loader, settle } = deferredLoader({ make });
    loader.request(() => order.push('play'), { play: true });
    settle().resolve('v');
    await loader.taskComplete;
    await Promise.resolve();
    expect(order).toEqual(['make', 'play', 'render']);
  });

  it('takes back the plays still waiting, and keeps the rest', async () => {
    const { loader, settle } = deferredLoader();
    const ran: string[] = [];
    loader.request(() => ran.push('play'), { play: true });
    loader.request(() => ran.push('seek'));
    expect(loader.cancelPlays()).toBe(true);
    expect(loader.cancelPlays()).toBe(false);
    settle().resolve('v');
    await loader.taskComplete;
    expect(ran).toEqual(['seek']);
  });

  it('keeps only the last value of a setting, and does not load for one', async () => {
    const { loader, task, settle } = deferredLoader();
    const rates: number[] = [];
    loader.request(() => rates.push(1.25), { load: false, key: 'rate' });
    loader.request(() => rates.push(2), { load: false, key: 'rate' });
    expect(task).not.toHaveBeenCalled();
    void loader.run();
    settle().resolve('v');
    await loader.taskComplete;
    expect(rates).toEqual([2]);
  });

  it('drops the waiting requests when the load fails, and tries again on the next run', async () => {
    const failed = vi.fn();
    const retry = vi.fn();
    const { loader, task, settle } = deferredLoader({ failed, retry });
    const ran: string[] = [];
    loader.request(() => ran.push('play'), { play: true });
    const first = loader.taskComplete!;
    settle().reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    expect(failed).toHaveBeenCalledTimes(1);
    expect(loader.status).toBe('error');
    expect(loader.taskComplete).toBeNull();

    loader.request(() => ran.push('play again'), { play: true });
    expect(retry).toHaveBeenCalledTimes(1);
    expect(task).toHaveBeenCalledTimes(2);
    settle().resolve('v');
    await loader.taskComplete;
    expect(ran).toEqual(['play again']);
  });
});
