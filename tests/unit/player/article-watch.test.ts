// @vitest-environment happy-dom
/**
 * The one article watcher against a fake playback controller: it waits for an article that has no text yet,
 * then follows the article being read (its texts changing, its leaving the page), and stops when the player
 * goes. Each test waits for a MutationObserver of its own made after the watcher's: observers are told in the
 * order they were made, so when the test's hears of a change the watcher has already acted on it.
 */
import type { ReactiveController } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import type { Segment } from '../../../src/article/segment.js';
import type { Engine } from '../../../src/engines/engine.js';
import { ArticleWatchController, type WatchedPlayback } from '../../../src/player/article-watch.js';
import { initialSnapshot, type PlayerSnapshot } from '../../../src/player/store.js';

type Call = readonly ['reload', number | undefined, boolean | undefined] | readonly ['articleGone'];

/** A playback controller that records what it is asked; `read()` loads an engine for the article as it is. */
class FakePlayback implements WatchedPlayback {
  engine: Engine | null = null;
  snapshot: PlayerSnapshot = initialSnapshot;
  segments: readonly Segment[] = [];
  readonly calls: Call[] = [];

  read(state: PlayerSnapshot['state'] = 'playing', segmentIndex = 0): void {
    this.engine = { kind: 'speech' } as Engine;
    this.segments = extractSegments(document.getElementById('story')!);
    this.snapshot = { ...initialSnapshot, state, segmentIndex };
  }

  reload(at?: number, resume?: boolean): void {
    this.calls.push(['reload', at, resume]);
    if (document.getElementById('story')) this.read(this.snapshot.state, at ?? this.snapshot.segmentIndex);
  }

  articleGone(): void {
    this.calls.push(['articleGone']);
    this.engine = null;
    this.snapshot = { ...initialSnapshot, state: 'error' };
  }
}

/** The player element, as far as a controller sees it. */
function host() {
  const element = document.createElement('listen-player');
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const host = Object.assign(element, {
    addController: (controller: ReactiveController) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => updates++,
    updateComplete: Promise.resolve(true),
  });
  return {
    host,
    /** What an update of the element does for its controllers. */
    update: () => controllers.forEach((controller) => controller.hostUpdated?.()),
    disconnect: () => controllers.forEach((controller) => controller.hostDisconnected?.()),
    updates: () => updates,
  };
}

/** Resolves once mutations of the document are delivered (after the watcher's observer, made before). */
function delivered(): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

const ARTICLE = '<article id="story"><p id="p0">First paragraph.</p><p id="p1">Second paragraph.</p><p id="p2">Third paragraph.</p></article>';

function setUp(html: string) {
  document.body.innerHTML = html;
  const player = host();
  document.body.append(player.host);
  const playback = new FakePlayback();
  const ready = () => {
    const article = document.getElementById('story');
    return article && article.textContent!.trim() ? article : null;
  };
  new ArticleWatchController(player.host, playback, { article: () => document.getElementById('story'), ready, exclude: () => [player.host] });
  return { ...player, playback };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ArticleWatchController: waiting for the article', () => {
  it('reads the article once it appears with text, and then follows it', async () => {
    const { update, playback, updates } = setUp('');
    update();
    let change = delivered();
    document.body.insertAdjacentHTML('afterbegin', '<article id="story"></article>');
    await change;
    expect(playback.calls).toEqual([]);
    change = delivered();
    document.getElementById('story')!.innerHTML = '<p>Now it has text.</p>';
    await change;
    expect(playback.calls).toEqual([['reload', undefined, undefined]]);
    expect(updates()).toBe(1);

    // The reader plays it; a paragraph added after is read on.
    playback.read('playing', 0);
    update();
    change = delivered();
    document.getElementById('story')!.insertAdjacentHTML('beforeend', '<p>A second paragraph.</p>');
    await change;
    expect(playback.calls.at(-1)).toEqual(['reload', 0, true]);
  });

  it('an element given the id later counts as the article', async () => {
    const { update, playback } = setUp('<div id="later"><p>Some text.</p></div>');
    update();
    const change = delivered();
    document.getElementById('later')!.id = 'story';
    await change;
    expect(playback.calls).toEqual([['reload', undefined, undefined]]);
  });

  it('after play failed without it, the error stays: the article appearing only renders again', async () => {
    const { update, playback, updates } = setUp('');
    playback.snapshot = { ...initialSnapshot, state: 'error' };
    update();
    const change = delivered();
    document.body.insertAdjacentHTML('afterbegin', ARTICLE);
    await change;
    expect(playback.calls).toEqual([]);
    expect(updates()).toBe(1);
  });
});

describe('ArticleWatchController: the article being read', () => {
  it('a paragraph inserted before the one being read: reloads at its new index, playing on', async () => {
    const { update, playback } = setUp(ARTICLE);
    playback.read('playing', 1);
    update();
    const change = delivered();
    document.getElementById('p0')!.insertAdjacentHTML('afterend', '<p>Inserted.</p>');
    await change;
    expect(playback.calls).toEqual([['reload', 2, true]]);
  });

  it('the last paragraphs removed while the last is read: reloads at the new last one, stopped', async () => {
    const { update, playback } = setUp(ARTICLE);
    playback.read('playing', 2);
    update();
    const change = delivered();
    document.getElementById('p2')!.remove();
    await change;
    expect(playback.calls).toEqual([['reload', 1, false]]);
  });

  it('a change to what is not read, or to a class, does nothing', async () => {
    const { update, playback } = setUp(ARTICLE.replace('</article>', '<aside id="ad" data-listen-skip>Advert.</aside></article>'));
    playback.read('paused', 1);
    update();
    const change = delivered();
    document.getElementById('ad')!.textContent = 'Another advert.';
    document.getElementById('p1')!.className = 'seen';
    await change;
    expect(playback.calls).toEqual([]);
  });

  it('removed from the page: reading stops (articleGone); a copy in its place is read from the same paragraph', async () => {
    const gone = setUp(ARTICLE);
    gone.playback.read('playing', 1);
    gone.update();
    let change = delivered();
    document.getElementById('story')!.remove();
    await change;
    expect(gone.playback.calls).toEqual([['articleGone']]);
    gone.disconnect();

    const copied = setUp(ARTICLE);
    copied.playback.read('paused', 2);
    copied.update();
    change = delivered();
    document.getElementById('story')!.replaceWith(document.createRange().createContextualFragment(ARTICLE));
    await change;
    expect(copied.playback.calls).toEqual([['reload', 2, false]]);
  });

  it('nothing is watched once the player is removed', async () => {
    const { update, disconnect, playback } = setUp(ARTICLE);
    playback.read('playing', 0);
    update();
    disconnect();
    const change = delivered();
    document.getElementById('p0')!.remove();
    document.getElementById('story')!.remove();
    await change;
    expect(playback.calls).toEqual([]);
  });
});
