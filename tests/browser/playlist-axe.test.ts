/**
 * The playlist's first tests: an axe-core audit in each state a reader meets (idle, playing, paused, an
 * article skipped with its notice, the end of the queue), then its keyboard use and its Media Session
 * (previous and next track move between articles; the lock screen names the current article).
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { spySession } from './helpers/media-session.js';
import {
  THREE,
  type ListenPlaylist,
  innerPlayer,
  mountPlaylist,
  nextEvent,
  playlistControls,
  playlistMarkup,
  untilPlaylistState,
} from './helpers/playlist.js';
import { untilState } from './helpers/player.js';

/** The `<main>` around the playlist audited, its shadow roots (the player's too) included. */
async function audit(playlist: ListenPlaylist): Promise<string[]> {
  await playlist.updateComplete;
  await innerPlayer(playlist)?.updateComplete;
  const results = await axe.run(playlist.closest('main')!, { resultTypes: ['violations'] });
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${JSON.stringify(node.target)}`));
}

describe('playlist accessibility audit (axe-core)', () => {
  it('finds nothing to fix when idle, playing (transcript open), paused and at the end', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    expect(await audit(playlist)).toEqual([]);

    playlist.playItem(2);
    await untilPlaylistState(playlist, 'playing');
    const details = playlist.shadowRoot!.querySelector('details')!;
    details.open = true;
    await new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    expect(await audit(playlist)).toEqual([]);

    playlist.pause();
    await untilPlaylistState(playlist, 'paused');
    expect(await audit(playlist)).toEqual([]);

    const ended = nextEvent(playlist, 'listen-ended');
    innerPlayer(playlist)!.playSegment(1);
    // The last paragraph, spoken slowly: the end is reached when it is spoken.
    await ended;
    expect(playlist.state).toBe('ended');
    expect(playlistControls(playlist).status.textContent).toContain('End of the playlist.');
    expect(await audit(playlist)).toEqual([]);
  });

  it('finds nothing to fix with an article skipped and its notice shown', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup([['https://elsewhere.example/a.html', 'Elsewhere'], ...THREE]));
    const error = nextEvent(playlist, 'listen-error');
    playlist.play();
    await error;
    await untilPlaylistState(playlist, 'playing');
    expect(playlistControls(playlist).status.textContent).toContain('Skipped “Elsewhere”');
    expect(playlistControls(playlist).items[0]!.dataset.state).toBe('skipped');
    expect(await audit(playlist)).toEqual([]);
  });
});

describe('playlist keyboard', () => {
  it('plays, pauses and moves between articles from the keyboard, the current one marked', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    await userEvent.tab();
    await userEvent.tab();
    expect(playlist.shadowRoot!.activeElement).toBe(playlistControls(playlist).play);
    await userEvent.keyboard('{Enter}');
    await untilPlaylistState(playlist, 'playing');
    expect(playlistControls(playlist).play.getAttribute('aria-label')).toBe('Pause the playlist');
    expect(playlistControls(playlist).items.map((item) => item.getAttribute('aria-current'))).toEqual(['true', 'false', 'false']);

    await userEvent.keyboard(' ');
    await untilPlaylistState(playlist, 'paused');

    // Next article: Tab to it, Enter; focus stays on it.
    await userEvent.tab();
    const next = playlistControls(playlist).next;
    expect(playlist.shadowRoot!.activeElement).toBe(next);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => innerPlayer(playlist)).not.toBeNull();
    expect(playlist.currentIndex).toBe(1);
    expect(playlist.shadowRoot!.activeElement).toBe(next);
    expect(playlistControls(playlist).items.map((item) => item.getAttribute('aria-current'))).toEqual(['false', 'true', 'false']);
    expect(playlistControls(playlist).position.textContent).toBe('Article 2 of 3');

    // An article of the list: its button plays it.
    const third = playlistControls(playlist).itemButtons[2]!;
    third.focus();
    await userEvent.keyboard('{Enter}');
    await untilPlaylistState(playlist, 'playing');
    expect(playlist.currentIndex).toBe(2);
    expect(third.textContent).toContain('Playing');
    // The last article: "Next" says it cannot go further, and keeps its focus.
    expect(playlistControls(playlist).next.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('playlist Media Session', () => {
  it('moves between articles with the previous and next track, naming the current one', async () => {
    const spy = spySession();
    useFakeSpeech({ charsPerSecond: SLOW });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    playlist.play();
    await untilPlaylistState(playlist, 'playing');
    await untilState(innerPlayer(playlist)!, 'playing');
    expect(navigator.mediaSession.metadata?.title).toBe('One');

    spy.act('nexttrack');
    await untilPlaylistState(playlist, 'loading');
    await untilPlaylistState(playlist, 'playing');
    await untilState(innerPlayer(playlist)!, 'playing');
    expect(playlist.currentIndex).toBe(1);
    expect(navigator.mediaSession.metadata?.title).toBe('Two');

    spy.act('previoustrack');
    await untilPlaylistState(playlist, 'loading');
    await untilPlaylistState(playlist, 'playing');
    expect(playlist.currentIndex).toBe(0);
  });

  it('goes on through the queue by itself', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const playlist = await mountPlaylist(playlistMarkup(THREE));
    const ended = nextEvent(playlist, 'listen-ended');
    playlist.play();
    await ended;
    expect(navigator.mediaSession.metadata).toBeNull();
  });
});
