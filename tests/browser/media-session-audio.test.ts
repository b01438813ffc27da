/**
 * The Media Session with recorded narration: the demo article with its seed audio, in real Chromium. The lock
 * screen shows the demo's headline, byline and lead picture; seeking from the system lands on exact times; the
 * position state follows seeks, paragraphs and the rate, and is not sent on every frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import { placeDemo, seedManifest } from './helpers/audio.js';
import { lastPosition, spySession, watchSilence } from './helpers/media-session.js';
import { type ListenPlayer, sleep, untilState, unmount } from './helpers/player.js';

/** How far a position may be from where it was sent, in seconds of audio. */
const EXACT = 0.05;

let manifest: ManifestJson;

afterEach(unmount);

async function demo(): Promise<ListenPlayer> {
  manifest = await seedManifest();
  const player = placeDemo();
  await player.updateComplete;
  await expect.poll(() => player.duration, { timeout: 5000 }).toBe(manifest.duration);
  return player;
}

function segmentAt(time: number): number {
  return manifest.segments.findLastIndex((segment) => segment.start <= time);
}

describe('Media Session with recorded narration', () => {
  it('shows the demo article and seeks exactly from the system controls', async () => {
    const spy = spySession();
    const silence = watchSilence();
    const player = await demo();
    player.play();
    await untilState(player, 'playing', 10_000);

    const metadata = navigator.mediaSession.metadata!;
    const headline = document.querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(metadata.title).toBe(headline);
    expect(metadata.artist).toBe('Asher McShane');
    // The demo names no site in its meta data: the host name stands in.
    expect(metadata.album).toBe(location.hostname);
    expect(metadata.artwork).toHaveLength(1);
    expect(metadata.artwork[0]!.src).toBe(new URL('/src/demo/images/call.svg', location.href).href);
    expect(navigator.mediaSession.playbackState).toBe('playing');
    // The audio is media already: no silent element under it.
    expect(silence()).toEqual([]);

    spy.act('seekto', { seekTime: 120 });
    expect(Math.abs(player.currentTime - 120)).toBeLessThanOrEqual(EXACT);
    expect(lastPosition(spy)!.duration).toBe(manifest.duration);
    expect(lastPosition(spy)!.position).toBeCloseTo(120, 1);
    spy.act('seekforward', { seekOffset: 10 });
    expect(Math.abs(player.currentTime - 130)).toBeLessThanOrEqual(0.3);
    // Without an offset: the player's own skip, 15 s.
    spy.act('seekforward');
    expect(Math.abs(player.currentTime - 145)).toBeLessThanOrEqual(0.3);
    spy.act('seekbackward');
    expect(Math.abs(player.currentTime - 130)).toBeLessThanOrEqual(0.3);
    spy.act('seekbackward', { seekOffset: 5 });
    expect(Math.abs(player.currentTime - 125)).toBeLessThanOrEqual(0.3);
    expect(lastPosition(spy)!.position).toBeCloseTo(player.currentTime, 0);

    const here = segmentAt(player.currentTime);
    spy.act('nexttrack');
    await expect.poll(() => player.segmentIndex).toBe(here + 1);
    expect(Math.abs(player.currentTime - manifest.segments[here + 1]!.start)).toBeLessThanOrEqual(0.3);
    spy.act('previoustrack');
    await expect.poll(() => player.segmentIndex).toBe(here);
    expect(player.state).toBe('playing');
    expect(spy.refused).toEqual([]);
  });

  it('sends the position on seeks, rate and pause, not on every frame', async () => {
    const spy = spySession();
    const player = await demo();
    player.seek(30);
    player.play();
    await untilState(player, 'playing', 10_000);
    const position = lastPosition(spy)!;
    expect(position.playbackRate).toBe(1);
    expect(Math.abs(position.position! - 30)).toBeLessThanOrEqual(0.3);

    // A second of playing (60 frames, 4 clock reports): the browser extrapolates, so at most a paragraph change.
    const sent = spy.positions.length;
    await sleep(1000);
    expect(spy.positions.length - sent).toBeLessThanOrEqual(1);

    player.rate = 2;
    await player.updateComplete;
    expect(lastPosition(spy)!.playbackRate).toBe(2);

    player.pause();
    await untilState(player, 'paused', 2000);
    expect(navigator.mediaSession.playbackState).toBe('paused');
    expect(lastPosition(spy)!.position).toBeCloseTo(player.currentTime, 1);

    spy.act('stop');
    expect(player.currentTime).toBe(0);
    expect(navigator.mediaSession.metadata).toBeNull();
    expect(navigator.mediaSession.playbackState).toBe('none');
    expect(spy.refused).toEqual([]);
  });
});
