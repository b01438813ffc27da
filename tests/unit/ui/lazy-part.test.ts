/**
 * A lazily loaded part of the session, in Node against a fake host (no shadow root, so no styles to add): it
 * loads once however often it is asked, asks the host to draw again when it arrives, and tries again after a
 * failure.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { LazyPart } from '../../../src/ui/lazy-part.js';

function fakeHost() {
  const host = {
    addController: () => {},
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
    shadowRoot: null,
  };
  return host as typeof host & ReactiveControllerHost & HTMLElement;
}

/** A part whose load resolves or rejects when the test says so. */
function deferredPart() {
  const settles: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const load = vi.fn(() => new Promise<string>((resolve, reject) => settles.push({ resolve, reject })));
  const host = fakeHost();
  return { part: new LazyPart(host, () => load().then((loaded) => [`${loaded} part`] as const)), load, host, settles };
}

describe('LazyPart', () => {
  it('loads once however often it is asked, and draws again when it arrives', async () => {
    const { part, load, host, settles } = deferredPart();
    expect(part.asked).toBe(false);
    const first = part.load();
    const second = part.load();
    expect(part.asked).toBe(true);
    expect(part.value).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    expect(host.requestUpdate).not.toHaveBeenCalled();
    settles[0]?.resolve('menu');
    await expect(first).resolves.toBe('menu part');
    await expect(second).resolves.toBe('menu part');
    expect(part.value).toBe('menu part');
    expect(host.requestUpdate).toHaveBeenCalledTimes(1);
    await expect(part.load()).resolves.toBe('menu part');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load, has no value, and loads again when asked next', async () => {
    const { part, load, host, settles } = deferredPart();
    const failed = part.load();
    settles[0]?.reject(new Error('offline'));
    await expect(failed).rejects.toThrow('offline');
    expect(part.asked).toBe(false);
    expect(part.value).toBeUndefined();
    expect(host.requestUpdate).not.toHaveBeenCalled();
    const again = part.load();
    expect(load).toHaveBeenCalledTimes(2);
    settles[1]?.resolve('menu');
    await expect(again).resolves.toBe('menu part');
    expect(part.value).toBe('menu part');
  });
});
