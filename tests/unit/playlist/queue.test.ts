// @vitest-environment happy-dom
/**
 * The playlist's queue: the links read as items and read again when the page changes them (each article
 * keeping its state, the current one staying current), the rules for the article left, and the place
 * remembered per playlist.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlaylistQueue } from '../../../src/playlist/queue.js';

/** An element with the controller host's members; `update()` resolves on the next `requestUpdate()`. */
function makeHost(html: string) {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.append(element);
  const controllers: ReactiveController[] = [];
  let updated = () => {};
  const host: ReactiveControllerHost & HTMLElement = Object.assign(element, {
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => updated(),
    updateComplete: Promise.resolve(true),
  });
  return {
    host,
    connect: () => controllers.forEach((controller) => controller.hostConnected?.()),
    disconnect: () => controllers.forEach((controller) => controller.hostDisconnected?.()),
    update: () => new Promise<void>((resolve) => (updated = resolve)),
  };
}

const LINKS = '<a href="/a.html">A</a><a href="/b.html">B</a><a href="/c.html">C</a>';
const titles = (queue: PlaylistQueue) => queue.items.map((item) => `${item.title}:${item.state}`);

beforeEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('PlaylistQueue', () => {
  it('reads the links when connected, all queued, the first current', () => {
    const { host, connect } = makeHost(LINKS);
    const queue = new PlaylistQueue(host);
    connect();
    expect(titles(queue)).toEqual(['A:queued', 'B:queued', 'C:queued']);
    expect(queue.items[1]!.href).toBe(new URL('/b.html', document.baseURI).href);
    expect(queue.index).toBe(0);
  });

  it('reads the links again when the page changes them: states kept, the current article still current', async () => {
    const { host, connect, disconnect, update } = makeHost(LINKS);
    const queue = new PlaylistQueue(host);
    connect();
    queue.set(0, 'played');
    queue.moveTo(1);
    queue.set(1, 'playing');
    const reread = update();
    host.insertAdjacentHTML('afterbegin', '<a href="/new.html">New</a>');
    await reread;
    expect(titles(queue)).toEqual(['New:queued', 'A:played', 'B:playing', 'C:queued']);
    expect(queue.index).toBe(2);
    disconnect();
  });

  it('keeps the place in range when the current article’s link goes', async () => {
    const { host, connect, disconnect, update } = makeHost(LINKS);
    const queue = new PlaylistQueue(host);
    connect();
    queue.moveTo(2);
    const reread = update();
    host.querySelector('a[href="/c.html"]')!.remove();
    await reread;
    expect(titles(queue)).toEqual(['A:queued', 'B:queued']);
    expect(queue.index).toBe(1);
    disconnect();
  });

  it('puts the article left back in the queue only if it was merely fetched or made ready, or not listened to the end', () => {
    const { host, connect } = makeHost(LINKS);
    const queue = new PlaylistQueue(host);
    connect();
    queue.set(0, 'ready');
    queue.moveTo(1);
    expect(queue.items[0]!.state).toBe('queued');
    queue.set(1, 'paused');
    queue.moveTo(2);
    expect(queue.items[1]!.state).toBe('paused');
    queue.requeue(1);
    expect(queue.items[1]!.state).toBe('queued');
    queue.set(2, 'played');
    queue.requeue(2);
    expect(queue.items[2]!.state).toBe('played');
    queue.set(0, 'loading');
    queue.moveTo(0);
    queue.moveTo(1);
    expect(queue.items[0]!.state).toBe('queued');
  });

  it('remembers the place per playlist (its articles, in order), and forgets it', () => {
    const first = makeHost(LINKS);
    const queue = new PlaylistQueue(first.host);
    first.connect();
    expect(queue.saved()).toBeNull();
    queue.remember(2);
    const again = makeHost(LINKS);
    const same = new PlaylistQueue(again.host);
    again.connect();
    expect(same.saved()).toBe(2);
    const other = makeHost('<a href="/a.html">A</a><a href="/b.html">B</a>');
    const shorter = new PlaylistQueue(other.host);
    other.connect();
    expect(shorter.saved()).toBeNull();
    same.remember(null);
    expect(queue.saved()).toBeNull();
  });
});
