/**
 * The demo's story of three articles: chained for "Up next" (`<link rel="next">`), and the "Listen to the
 * whole story" playlist on the middle one, which reads each of the three (fetched as a reader's browser would) while
 * the article's own player leaves the box out of what it reads.
 */
import { describe, expect, it } from 'vitest';
import seed from '../../index.html?raw';
import ceasefire from '../../src/demo/articles/ceasefire.html?raw';
import blackSea from '../../src/demo/articles/black-sea.html?raw';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { innerPlayer, mountPlaylist, recordPlaylist, untilPlaylistState } from './helpers/playlist.js';
import type { ListenPlayer } from './helpers/player.js';

function head(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the demo story', () => {
  it('chains its three articles with <link rel="next">', () => {
    expect(head(seed).querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/src/demo/articles/ceasefire.html');
    expect(head(ceasefire).querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/src/demo/articles/black-sea.html');
    expect(head(blackSea).querySelector('link[rel="next"]')).toBeNull();
  });

  it('reads each article of the story from the playlist, which the article’s player does not read', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const main = head(ceasefire).querySelector('main')!;
    const playlist = await mountPlaylist(main.outerHTML);
    const player = document.querySelector<ListenPlayer>('article listen-player')!;
    await player.updateComplete;
    const read = player.segments.map((segment) => segment.text).join(' ');
    expect(read).toContain('A ceasefire sounds simple');
    expect(read).not.toContain('Listen to the whole story');
    expect(playlist.items.map((item) => new URL(item.href).pathname)).toEqual(['/', '/src/demo/articles/ceasefire.html', '/src/demo/articles/black-sea.html']);

    // Each article is fetched and read (the seed page's with its recording): playing it is enough here, since
    // a recording plays in real time.
    const recording = recordPlaylist(playlist);
    for (const index of [0, 1, 2]) {
      playlist.playItem(index);
      await untilPlaylistState(playlist, 'loading');
      await untilPlaylistState(playlist, 'playing');
      expect(innerPlayer(playlist)!.segments.length).toBeGreaterThan(5);
    }
    playlist.pause();
    await untilPlaylistState(playlist, 'paused');
    expect(recording.errors).toEqual([]);
  });
});
