/**
 * The demo's two newer articles play their own recordings in real Chromium: the manifest each player's `src`
 * names matches its page (no fallback to speech), and the audio plays through its last paragraph to the end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import blackSea from '../../src/demo/articles/black-sea.html?raw';
import ceasefire from '../../src/demo/articles/ceasefire.html?raw';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import { placeDemo } from './helpers/audio.js';
import { record, untilSegment, untilState, unmount } from './helpers/player.js';

afterEach(unmount);

describe('the demo articles with recordings', () => {
  it.each([
    ['ceasefire', ceasefire],
    ['black-sea', blackSea],
  ])('%s plays its recording to the end', { timeout: 60_000 }, async (name, html) => {
    const player = placeDemo(html);
    expect(player.getAttribute('src')).toBe(`/audio/${name}.json`);
    const manifest = (await (await fetch(`/audio/${name}.json`)).json()) as ManifestJson;
    player.setAttribute('rate', '3');
    const events = record(player);
    await player.updateComplete;
    await expect.poll(() => player.duration, { timeout: 5000 }).toBe(manifest.duration);
    expect(player.segments).toHaveLength(manifest.segments.length);

    player.play();
    await untilState(player, 'playing', 15_000);
    expect(player.activeEngine).toBe('audio');
    // The last paragraph, from a little before its start: the recording reaches it and ends.
    const last = manifest.segments.length - 1;
    const reached = untilSegment(player, last, 20_000);
    player.seek(Math.max(0, manifest.segments[last]!.start - 0.5));
    await reached;
    await untilState(player, 'ended', 30_000);
    expect(events.errors).toEqual([]);
    expect(player.activeEngine).toBe('audio');
  });
});
