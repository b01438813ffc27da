/**
 * Many players on one page: each reads its own article, and starting one pauses any other — through a DOM
 * event on the document (`listen-exclusive`), so players in shadow roots and players of a second copy of the
 * code coordinate too, and the page's one speech queue is never fought over: the player that started keeps
 * speaking.
 */
import { ReactiveElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeSpeechSynthesis } from '../fakes/speech-synthesis.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { engineOptions } from '../../src/player/engine-options.js';
import { ListenPlayer, mount, sleep, unmount, untilState } from './helpers/player.js';

const ALPHA = 'Alpha paragraph one is read by the first player.';
const BETA = 'Beta paragraph one is read by the second player.';

/** An article and its player (after it, pointing at it with `for`). */
function story(id: string, text: string, tag = 'listen-player', headline = ''): string {
  return `<article id="${id}" lang="en-GB">${headline && `<h1>${headline}</h1>`}<p>${text}</p><p>The ${id} story ends here.</p></article>
    <${tag} for="${id}"></${tag}>`;
}

function playerFor(id: string, root: ParentNode = document): ListenPlayer {
  const player = root.querySelector<ListenPlayer>(`[for="${id}"]`);
  if (!player) throw new Error(`No player for #${id}.`);
  return player;
}

/** Starts `player` and waits until it really speaks (or plays). */
async function start(player: ListenPlayer): Promise<void> {
  player.play();
  await untilState(player, 'playing', 5000);
}

/** The fake synthesiser is speaking `text` and has not been interrupted in it. */
function speakingText(fake: FakeSpeechSynthesis): string | undefined {
  return fake.current?.text;
}

afterEach(() => {
  vi.restoreAllMocks();
  unmount();
});

describe('many players on one page (fake speech)', () => {
  it('starting B pauses A, B keeps speaking its own article; starting A again pauses B', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    await mount(story('alpha', ALPHA) + story('beta', BETA));
    const a = playerFor('alpha');
    const b = playerFor('beta');
    await Promise.all([a.updateComplete, b.updateComplete]);

    await start(a);
    expect(speakingText(fake)).toBe(ALPHA);

    await start(b);
    expect(a.state).toBe('paused');
    expect(b.state).toBe('playing');
    // A's pause cancelled A's own utterance before B spoke; nothing cancelled B's since.
    await sleep(300);
    expect(speakingText(fake)).toBe(BETA);
    expect(fake.log.find((entry) => entry.text === BETA)?.outcome).toBe('speaking');
    expect(fake.log.find((entry) => entry.text === ALPHA)?.outcome).toBe('interrupted');
    expect([a.state, b.state]).toEqual(['paused', 'playing']);

    await start(a);
    expect(b.state).toBe('paused');
    await sleep(300);
    expect(speakingText(fake)).toBe(ALPHA);
    expect([a.state, b.state]).toEqual(['playing', 'paused']);
    // Each read only its own article.
    expect(new Set(fake.texts)).toEqual(new Set([ALPHA, BETA]));
  });

  it('the system controls follow the player that started last', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    await mount(
      '<article id="alpha" lang="en-GB"><h1>Alpha headline</h1><p>' + ALPHA + '</p></article><listen-player for="alpha"></listen-player>' +
        '<article id="beta" lang="en-GB"><h1>Beta headline</h1><p>' + BETA + '</p></article><listen-player for="beta"></listen-player>',
    );
    const a = playerFor('alpha');
    const b = playerFor('beta');
    await start(a);
    expect(navigator.mediaSession.metadata?.title).toBe('Alpha headline');
    await start(b);
    expect(navigator.mediaSession.metadata?.title).toBe('Beta headline');
    expect(navigator.mediaSession.playbackState).toBe('playing');
    await start(a);
    expect(navigator.mediaSession.metadata?.title).toBe('Alpha headline');
    expect(navigator.mediaSession.playbackState).toBe('playing');
  });

  it('a player inside another component’s shadow root coordinates with one in the page', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    await mount(story('alpha', ALPHA) + '<div id="widget"></div>');
    const shadow = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    // `for` resolves in the player's own root: the shadow root's article, not the page's.
    shadow.innerHTML = story('beta', BETA);
    const a = playerFor('alpha');
    const inner = playerFor('beta', shadow);
    await inner.updateComplete;

    await start(a);
    await start(inner);
    expect(a.state).toBe('paused');
    await sleep(200);
    expect(speakingText(fake)).toBe(BETA);

    await start(a);
    expect(inner.state).toBe('paused');
    expect(speakingText(fake)).toBe(ALPHA);
  });

  it('players of two copies of the code (two bundles) still coordinate', async () => {
    // A second module instance of the element, as a second bundle would bring: its own class and statics.
    const copy = (await import(/* @vite-ignore */ `/src/ui/listen-player.ts?copy=${Date.now()}`)) as {
      ListenPlayer: typeof ListenPlayer;
    };
    expect(copy.ListenPlayer).not.toBe(ListenPlayer);
    const tag = `listen-player-copy-${Date.now()}`;
    customElements.define(tag, copy.ListenPlayer);
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    // The copy's own class reads the same engine options: the module holding them is not copied.

    await mount(story('alpha', ALPHA, 'listen-player', 'Alpha news') + story('beta', BETA, tag, 'Beta news'));
    const a = playerFor('alpha');
    const other = playerFor('beta');
    expect(other).toBeInstanceOf(copy.ListenPlayer);
    await other.updateComplete;

    await start(a);
    await start(other);
    expect(a.state).toBe('paused');
    await sleep(200);
    expect(speakingText(fake)).toBe('Beta news');
    // Each copy keeps its own idea of who holds the system controls; the event keeps them in step.
    expect(navigator.mediaSession.metadata?.title).toBe('Beta news');
    expect(navigator.mediaSession.playbackState).toBe('playing');

    await start(a);
    expect(other.state).toBe('paused');
    expect(speakingText(fake)).toBe('Alpha news');
    expect(navigator.mediaSession.metadata?.title).toBe('Alpha news');

    await start(other);
    // The paused player of the other copy no longer holds the session: removing it leaves it to the one playing.
    a.remove();
    expect(navigator.mediaSession.metadata?.title).toBe('Beta news');
    expect(navigator.mediaSession.playbackState).toBe('playing');
  });

  it('the system controls stay with the player that started last across copies of the code', async () => {
    // A second bundle has its own module instances, so its own idea of who holds the Media Session: build a
    // player of such a copy from fresh instances of the playback, one-at-a-time and Media Session modules.
    const copy = `?copy=${Date.now()}`;
    type Modules = [
      typeof import('../../src/player/playback.js'),
      typeof import('../../src/player/exclusive.js'),
      typeof import('../../src/player/media-session.js'),
    ];
    const [playback, exclusive, session] = (await Promise.all(
      ['playback', 'exclusive', 'media-session'].map((name) => import(/* @vite-ignore */ `/src/player/${name}.ts${copy}`)),
    )) as Modules;
    const { MediaSessionController } = await import('../../src/player/media-session.js');
    expect(session.MediaSessionController).not.toBe(MediaSessionController);
    useFakeSpeech({ charsPerSecond: SLOW });
    class OtherCopy extends ReactiveElement {
      readonly playback = new playback.PlaybackController(this, {
        article: () => document.getElementById('beta'),
        src: () => '',
        loadOptions: () => ({ lang: 'en-GB', rate: 1 }),
        highlight: () => 'paragraph',
        exclude: () => [this],
        speech: engineOptions().speech,
      });
      constructor() {
        super();
        new exclusive.ExclusiveController(this, this.playback);
        new session.MediaSessionController(this, this.playback, { article: () => document.getElementById('beta'), rate: () => 1 });
      }
    }
    const tag = `listen-other-copy-${Date.now()}`;
    customElements.define(tag, OtherCopy);
    await mount(story('alpha', ALPHA, 'listen-player', 'Alpha news') + story('beta', BETA, tag, 'Beta news'));
    const a = playerFor('alpha');
    const other = document.querySelector(tag) as OtherCopy;
    const otherState = () => other.playback.snapshot.state;

    await start(a);
    other.playback.play();
    await expect.poll(otherState).toBe('playing');
    expect(a.state).toBe('paused');
    expect(navigator.mediaSession.metadata?.title).toBe('Beta news');

    // A claims again (its copy must not think it still holds the session), and the other copy let go.
    await start(a);
    expect(otherState()).toBe('paused');
    expect(navigator.mediaSession.metadata?.title).toBe('Alpha news');
    other.remove();
    expect(navigator.mediaSession.metadata?.title).toBe('Alpha news');
    expect(navigator.mediaSession.playbackState).toBe('playing');
  });

  it('announces its start on the document, pauses for a host’s own media, and stops listening when removed', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    await mount(story('alpha', ALPHA));
    const a = playerFor('alpha');
    const heard: CustomEvent[] = [];
    const note = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('listen-exclusive', note);

    await start(a);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.detail).toEqual({ player: a });
    expect(heard[0]!.target).toBe(document);
    expect([heard[0]!.bubbles, heard[0]!.composed]).toEqual([false, false]);
    await sleep(100); // still one: playing after loading is the same start
    expect(heard).toHaveLength(1);

    // The host's own video starts: it says so with the same event, and the player pauses.
    const video = document.createElement('video');
    expect(navigator.mediaSession.metadata).not.toBeNull();
    document.dispatchEvent(new CustomEvent('listen-exclusive', { detail: { player: video } }));
    await untilState(a, 'paused', 2000);
    // …and leaves the system controls to it.
    expect(navigator.mediaSession.metadata).toBeNull();
    // A malformed event from elsewhere pauses too, and never throws into the page.
    await start(a);
    document.dispatchEvent(new CustomEvent('listen-exclusive', { detail: 42 }));
    await untilState(a, 'paused', 2000);
    document.removeEventListener('listen-exclusive', note);

    const count = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'listen-exclusive').length;
    expect(count(added)).toBe(3); // the player's (one-at-a-time and its system controls) and the test's own
    a.remove();
    expect(count(removed)).toBe(3);
  });
});
