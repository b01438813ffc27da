/**
 * The Media Session with Web Speech, in real Chromium (its own `navigator.mediaSession`, which refuses
 * invalid calls), on the fake synthesiser: the lock screen's title, byline, site and picture; every action
 * driving the player; `playbackState` following it; the near-silent element playing exactly while speech
 * plays; one player holding the session at a time; and nothing thrown where the API is missing or partial.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { MEDIA_ACTIONS } from '../../src/player/media-session.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { lastPosition, spySession, watchSilence, withoutMediaSession } from './helpers/media-session.js';
import { type ListenPlayer, mount, record, sleep, untilState, unmount, voicesListed } from './helpers/player.js';

const PICTURE = '/src/demo/images/call.svg';

function article(id: string, headline: string): string {
  return `
    <article id="${id}" lang="en-GB">
      <h1>${headline}</h1>
      <div class="byline">By <a rel="author" href="#">Jane Doe</a>, 18 March</div>
      <img src="${PICTURE}" alt="" width="1200" height="675">
      <p>The first paragraph. It has two sentences.</p>
      <p>The second paragraph is here.</p>
      <p>The third paragraph ends it.</p>
    </article>
    <listen-player for="${id}"></listen-player>`;
}

/** The page's site name, as news sites give it, until the test finishes. */
function siteName(name: string): void {
  const meta = document.createElement('meta');
  meta.setAttribute('property', 'og:site_name');
  meta.content = name;
  document.head.append(meta);
  onTestFinished(() => meta.remove());
}

/** The article mounted, its voices known and its picture decoded (so its natural size is known). */
async function ready(markup = article('story', 'A short story.')): Promise<ListenPlayer> {
  const player = await mount(markup);
  await voicesListed(player);
  await document.querySelector('img')!.decode();
  return player;
}

function expectReleased(): void {
  expect(navigator.mediaSession.metadata).toBeNull();
  expect(navigator.mediaSession.playbackState).toBe('none');
}

afterEach(unmount);

describe('Media Session with Web Speech', () => {
  it('shows the headline, byline, site and picture, and every action drives the player', async () => {
    const spy = spySession();
    const silence = watchSilence();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    siteName('The Test Ledger');
    const player = await ready();
    expect(navigator.mediaSession.metadata).toBeNull();

    player.play();
    await untilState(player, 'playing');
    const metadata = navigator.mediaSession.metadata!;
    expect(metadata.title).toBe('A short story.');
    expect(metadata.artist).toBe('Jane Doe');
    expect(metadata.album).toBe('The Test Ledger');
    expect(metadata.artwork).toEqual([
      { src: new URL(PICTURE, location.href).href, sizes: '1200x675', type: 'image/svg+xml' },
    ]);
    expect(navigator.mediaSession.playbackState).toBe('playing');
    expect([...spy.handlers.keys()].sort()).toEqual([...MEDIA_ACTIONS].sort());
    expect(lastPosition(spy)).toEqual({ duration: player.duration, position: expect.any(Number), playbackRate: 1 });

    spy.act('pause');
    expect(player.state).toBe('paused');
    expect(navigator.mediaSession.playbackState).toBe('paused');
    spy.act('play');
    await untilState(player, 'playing');
    expect(navigator.mediaSession.playbackState).toBe('playing');

    spy.act('nexttrack');
    await expect.poll(() => fake.current?.text).toBe('The first paragraph.');
    expect(player.segmentIndex).toBe(1);
    spy.act('nexttrack');
    await expect.poll(() => player.segmentIndex).toBe(2);
    spy.act('previoustrack');
    await expect.poll(() => player.segmentIndex).toBe(1);
    // Without an offset from the system, speech skips a sentence (its clock is only an estimate).
    spy.act('seekforward');
    await expect.poll(() => fake.current?.text).toBe('It has two sentences.');
    spy.act('seekbackward');
    await expect.poll(() => fake.current?.text).toBe('The first paragraph.');
    spy.act('seekto', { seekTime: player.duration - 0.01 });
    await expect.poll(() => fake.current?.text).toBe('The third paragraph ends it.');
    expect(player.segmentIndex).toBe(3);
    expect(player.state).toBe('playing');
    // Each seek was sent: the last position is where the last sentence starts.
    expect(lastPosition(spy)!.position).toBeCloseTo(player.currentTime, 0);

    spy.act('stop');
    expect(player.state).toBe('paused');
    expect(player.currentTime).toBe(0);
    expectReleased();
    expect(MEDIA_ACTIONS.map((action) => spy.handlers.get(action))).toEqual(MEDIA_ACTIONS.map(() => null));
    expect(lastPosition(spy)).toBeUndefined();
    expect(spy.refused).toEqual([]);
    expect(silence()).toHaveLength(1);
  });

  it('plays a silent, detached, looping element exactly while speech plays', async () => {
    const silence = watchSilence();
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready();
    expect(silence()).toEqual([]);

    player.play();
    await untilState(player, 'playing');
    expect(silence()).toHaveLength(1);
    const [element] = silence();
    await expect.poll(() => element!.paused).toBe(false);
    expect(element!.loop).toBe(true);
    expect(element!.isConnected).toBe(false);
    expect(player.shadowRoot!.querySelector('audio')).toBeNull();
    await expect.poll(() => element!.currentTime).toBeGreaterThan(0);

    player.pause();
    await expect.poll(() => element!.paused).toBe(true);
    player.play();
    await untilState(player, 'playing');
    await expect.poll(() => element!.paused).toBe(false);
    // One element, reused.
    expect(silence()).toHaveLength(1);
  });

  it('lets go of the session and the silent element at the end', async () => {
    const silence = watchSilence();
    useFakeSpeech({ charsPerSecond: 60 });
    const player = await ready();
    player.rate = 3;
    await player.updateComplete;
    player.play();
    await untilState(player, 'playing');
    const [element] = silence();
    expect(navigator.mediaSession.metadata?.title).toBe('A short story.');

    await untilState(player, 'ended', 10_000);
    expectReleased();
    await expect.poll(() => element!.paused).toBe(true);
  });

  it('pauses speech when the system pauses the silent element (a call, another app), not on a quick pause and play', async () => {
    const silence = watchSilence();
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready();
    player.play();
    await untilState(player, 'playing');
    const [element] = silence();
    await expect.poll(() => element!.paused).toBe(false);

    // Pause and play again at once: the element's queued `pause` event is not an interruption.
    player.pause();
    player.play();
    await untilState(player, 'playing');
    await sleep(200);
    expect(player.state).toBe('playing');

    element!.pause();
    await untilState(player, 'paused', 2000);
    expect(navigator.mediaSession.playbackState).toBe('paused');
  });

  it('belongs to the last player to start playing; the other leaves it alone; removal releases it', async () => {
    const spy = spySession();
    useFakeSpeech({ charsPerSecond: SLOW });
    await ready(article('one', 'The first story.') + article('two', 'The second story.'));
    const [first, second] = [...document.querySelectorAll('listen-player')] as [ListenPlayer, ListenPlayer];
    await voicesListed(second);

    first.play();
    await untilState(first, 'playing');
    expect(navigator.mediaSession.metadata?.title).toBe('The first story.');
    // The page has one synthesiser, so one reader at a time: the first pauses, the second plays.
    first.pause();
    second.play();
    await untilState(second, 'playing');
    expect(navigator.mediaSession.metadata?.title).toBe('The second story.');
    expect(navigator.mediaSession.playbackState).toBe('playing');
    // The first player no longer touches the session.
    first.next();
    await expect.poll(() => first.segmentIndex).toBe(1);
    expect(navigator.mediaSession.playbackState).toBe('playing');
    spy.act('nexttrack');
    await expect.poll(() => second.segmentIndex).toBe(1);
    expect(first.segmentIndex).toBe(1);

    second.pause();
    expect(navigator.mediaSession.playbackState).toBe('paused');
    first.play();
    await untilState(first, 'playing');
    expect(navigator.mediaSession.metadata?.title).toBe('The first story.');
    expect(navigator.mediaSession.playbackState).toBe('playing');
    spy.act('previoustrack');
    await expect.poll(() => first.segmentIndex).toBe(0);
    expect(second.segmentIndex).toBe(1);

    // Removing the player that does not hold the session changes nothing; removing the holder clears it.
    second.remove();
    expect(navigator.mediaSession.metadata?.title).toBe('The first story.');
    first.remove();
    expectReleased();
    expect(spy.refused).toEqual([]);
  });

  it('lets go of the session when speech fails', async () => {
    const silence = watchSilence();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready();
    fake.failNext('synthesis-failed');
    player.play();
    await untilState(player, 'error');
    expectReleased();
    for (const element of silence()) await expect.poll(() => element.paused).toBe(true);
  });
});

describe('Media Session missing or partial', () => {
  /** Errors that reach the page while `run` runs. */
  async function pageErrors(run: () => Promise<void>): Promise<unknown[]> {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await run();
      await sleep(100);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    return errors;
  }

  it('reads as before in a browser without the API, with no silent element and nothing thrown', async () => {
    withoutMediaSession();
    const silence = watchSilence();
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready();
    const events = record(player);
    const errors = await pageErrors(async () => {
      player.play();
      await untilState(player, 'playing');
      player.next();
      await expect.poll(() => player.segmentIndex).toBe(1);
      player.pause();
    });
    expect(errors).toEqual([]);
    expect(events.errors).toEqual([]);
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(silence()).toEqual([]);
  });

  it('skips actions the browser refuses and survives a position state it throws on', async () => {
    const { setActionHandler } = MediaSession.prototype;
    const handlers = new Map<MediaSessionAction, MediaSessionActionHandler | null>();
    vi.spyOn(MediaSession.prototype, 'setActionHandler').mockImplementation(function (this: MediaSession, action, handler) {
      if (action === 'seekto' || action === 'stop') throw new TypeError(`The provided value '${action}' is not a valid enum value.`);
      setActionHandler.call(this, action, handler);
      handlers.set(action, handler);
    });
    vi.spyOn(MediaSession.prototype, 'setPositionState').mockImplementation(() => {
      throw new TypeError('The provided position is invalid.');
    });
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await ready();
    const errors = await pageErrors(async () => {
      player.play();
      await untilState(player, 'playing');
    });
    expect(errors).toEqual([]);
    expect(navigator.mediaSession.metadata?.title).toBe('A short story.');
    expect([...handlers.keys()].sort()).toEqual(MEDIA_ACTIONS.filter((a) => a !== 'seekto' && a !== 'stop').sort());
    handlers.get('pause')!({ action: 'pause' });
    expect(player.state).toBe('paused');
    expect(navigator.mediaSession.playbackState).toBe('paused');
  });
});
