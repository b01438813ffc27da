/**
 * `<listen-playlist>` in real Chromium, on the fake synthesiser: the queue read article after article, the
 * articles it skips (another origin, a failed fetch, nothing to read), `no-continue`, its properties, methods
 * and events, what it takes from a fetched page (and what it leaves there), and where it remembers the reader.
 */
import { describe, expect, it } from 'vitest';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import {
  PAGES,
  THREE,
  innerPlayer,
  mountPlaylist,
  nextEvent,
  playlistControls,
  playlistMarkup,
  recordPlaylist,
  untilPlaylistState,
} from './helpers/playlist.js';
import { untilState } from './helpers/player.js';

describe('<listen-playlist>', () => {
  it('reads the links as its items, and fetches nothing until someone reaches for it', async () => {
    const playlist = await mountPlaylist(playlistMarkup([...THREE.slice(0, 2), [`${PAGES}/three.html`, ' Three ', 'data-listen-src="/audio/x.json"']]));
    expect(playlist.items).toEqual([
      { title: 'One', href: new URL(THREE[0]![0], location.href).href, state: 'queued' },
      { title: 'Two', href: new URL(THREE[1]![0], location.href).href, state: 'queued' },
      { title: 'Three', href: new URL(`${PAGES}/three.html`, location.href).href, src: new URL('/audio/x.json', location.href).href, state: 'queued' },
    ]);
    expect(playlist.currentIndex).toBe(0);
    expect(playlist.state).toBe('idle');
    expect(playlist.getAttribute('state')).toBe('idle');
    expect(innerPlayer(playlist)).toBeNull();
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('/fixtures/playlist/'))).toBe(false);
  });

  it('plays each article in turn, then ends', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    const recording = recordPlaylist(playlist);
    const ended = nextEvent(playlist, 'listen-ended');
    playlist.play();
    await ended;
    expect(recording.log.filter((entry) => entry.startsWith('item:') || entry === 'ended')).toEqual(['item:1', 'item:2', 'ended']);
    expect(recording.log).toContain('state:playing');
    expect(recording.log.at(-2)).toBe('state:ended');
    expect(playlist.state).toBe('ended');
    expect(playlist.currentIndex).toBe(2);
    expect(playlist.items.map((item) => item.state)).toEqual(['played', 'played', 'played']);
    expect(recording.errors).toEqual([]);
  });

  it('skips an article on another origin, one that fails to load and one with nothing to read, saying so', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const playlist = await mountPlaylist(
      playlistMarkup([
        ['https://elsewhere.example/article.html', 'Elsewhere'],
        ['/__faults/fail=99,key=playlist-skip/seed.json', 'Failing'],
        [`${PAGES}/empty.html`, 'Empty'],
        [`${PAGES}/three.html`, 'Three'],
      ]),
    );
    const recording = recordPlaylist(playlist);
    const ended = nextEvent(playlist, 'listen-ended');
    playlist.play();
    await ended;
    expect(recording.errors.map(({ code, index }) => [code, index])).toEqual([
      ['item-load', 0],
      ['item-load', 1],
      ['no-article', 2],
    ]);
    expect(recording.errors[0]!.message).toContain('not on this site');
    expect(recording.errors[1]!.message).toContain('503');
    expect(playlist.items.map((item) => item.state)).toEqual(['skipped', 'skipped', 'skipped', 'played']);
    // The skips stay said with the article that played.
    expect(playlistControls(playlist).status.textContent).toContain('Skipped “Empty”. The page has no article to read.');
  });

  it('with no-continue, stops after an article, with the next one ready', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const playlist = await mountPlaylist(playlistMarkup(THREE, 'no-continue'));
    expect(playlist.noContinue).toBe(true);
    const recording = recordPlaylist(playlist);
    const moved = nextEvent(playlist, 'listen-itemchange');
    playlist.play();
    await moved;
    await untilPlaylistState(playlist, 'idle');
    expect(playlist.currentIndex).toBe(1);
    await expect.poll(() => innerPlayer(playlist)).not.toBeNull();
    expect(playlist.items.map((item) => item.state)).toEqual(['played', 'ready', 'queued']);
    expect(recording.log).not.toContain('ended');
    const next = nextEvent(playlist, 'listen-itemchange');
    playlist.play();
    await next;
    expect(playlist.currentIndex).toBe(2);
  });

  it('playItem, next, previous, pause and play drive it; the page hears only the playlist', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    const heard: EventTarget[] = [];
    const listen = (event: Event) => heard.push(event.target!);
    document.addEventListener('listen-statechange', listen);
    try {
      playlist.playItem(1);
      await untilPlaylistState(playlist, 'playing');
      expect(playlist.currentIndex).toBe(1);
      expect(playlist.items[1]!.state).toBe('playing');
      const player = innerPlayer(playlist)!;
      expect(player.segments.map((segment) => segment.text)).toEqual(['The second article.', 'Its player names it with for.']);

      playlist.pause();
      await untilPlaylistState(playlist, 'paused');
      expect(playlist.items[1]!.state).toBe('paused');
      playlist.play();
      await untilPlaylistState(playlist, 'playing');

      playlist.next();
      await untilPlaylistState(playlist, 'loading');
      await untilPlaylistState(playlist, 'playing');
      expect(playlist.currentIndex).toBe(2);
      expect(innerPlayer(playlist)!.segments.map((segment) => segment.text)).toEqual(['The third article.', 'A page without a player: its main content is read.']);

      playlist.previous();
      await untilPlaylistState(playlist, 'loading');
      await untilPlaylistState(playlist, 'playing');
      expect(playlist.currentIndex).toBe(1);
      // Out of range: nothing happens.
      playlist.playItem(7);
      expect(playlist.currentIndex).toBe(1);
    } finally {
      document.removeEventListener('listen-statechange', listen);
    }
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((target) => target === playlist)).toBe(true);
  });

  it('reads the page as the player there would, and brings nothing of it that runs or styles inline', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.play();
    await untilPlaylistState(playlist, 'playing');
    const player = innerPlayer(playlist)!;
    await untilState(player, 'playing');
    expect(player.segments.map((segment) => segment.text)).toEqual(['The first article.', 'It has one short paragraph.', 'And a second one.']);
    const article = playlist.shadowRoot!.querySelector('#listen-playlist-article')!;
    expect(article.textContent).not.toContain('Site menu');
    expect(article.querySelector('listen-player, script, [style], [onerror]')).toBeNull();
    expect(article.querySelector('img')!.getAttribute('src')).toBe(new URL(`${PAGES}/missing.png`, location.href).href);
    expect((window as { playlistFixtureRan?: boolean }).playlistFixtureRan).toBeUndefined();
    // The article's paragraph being read is highlighted inside the playlist.
    expect(article.querySelectorAll('[data-listen-active]')).toHaveLength(1);
  });

  it('speaks the strings a site gives it, right to left where they are', async () => {
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.strings = {
      lang: 'he',
      dir: 'rtl',
      play: 'נגן את הרשימה',
      position: (number, total) => `כתבה ${number} מתוך ${total}`,
      states: { queued: '', loading: '', ready: '', playing: '', paused: '', played: 'הושמעה', skipped: '' },
    };
    await playlist.updateComplete;
    const base = playlist.shadowRoot!.querySelector('[part~="base"]')!;
    expect(base.getAttribute('dir')).toBe('rtl');
    expect(base.getAttribute('lang')).toBe('he');
    expect(playlistControls(playlist).play.getAttribute('aria-label')).toBe('נגן את הרשימה');
    expect(playlistControls(playlist).position.textContent).toBe('כתבה 1 מתוך 3');
    // What it was not given stays English.
    expect(playlistControls(playlist).next.getAttribute('aria-label')).toBe('Next article');
    // The arrows point the way the list is read.
    expect(getComputedStyle(playlistControls(playlist).next.querySelector('svg')!).transform).not.toBe('none');
  });

  it('puts an article back in the queue when the reader moves on while it is fetched', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.playItem(0);
    expect(playlist.items[0]!.state).toBe('loading');
    playlist.playItem(1);
    await untilPlaylistState(playlist, 'playing');
    expect(playlist.items.map((item) => item.state)).toEqual(['queued', 'playing', 'queued']);
  });

  it('keeps the article being read current, with its state, when the page adds a link before it', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.playItem(1);
    await untilPlaylistState(playlist, 'playing');
    playlist.querySelector('ul')!.insertAdjacentHTML('afterbegin', `<li><a href="${PAGES}/empty.html">Empty</a></li>`);
    await expect.poll(() => playlist.currentIndex).toBe(2);
    playlist.pause();
    await untilPlaylistState(playlist, 'paused');
    expect(playlist.items.map((item) => `${item.title}:${item.state}`)).toEqual(['Empty:queued', 'One:queued', 'Two:paused', 'Three:queued']);
  });

  it('remembers the article the reader was at, and comes back to it', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    let playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.playItem(2);
    await untilPlaylistState(playlist, 'playing');
    playlist.pause();
    await untilPlaylistState(playlist, 'paused');
    document.body.replaceChildren();

    document.body.innerHTML = playlistMarkup(THREE);
    playlist = document.querySelector('listen-playlist')!;
    expect(playlist.currentIndex).toBe(2);
    await expect.poll(() => innerPlayer(playlist)).not.toBeNull();
    expect(playlist.items[2]!.state).toBe('ready');
  });
});
