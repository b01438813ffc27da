/**
 * Fault matrix, hostile or unreadable manifests through the player in real Chromium: a newer format, a
 * `javascript:` manifest URL, `javascript:`/`data:` audio, audio or a manifest on another origin. Each is
 * refused before anything loads (`manifest-invalid`, said once), the player reads on with speech, nothing
 * runs, and no refused URL ever reaches the page (the download link, a media element).
 * Also a web page served where the manifest should be. 404, not JSON, overlapping times and another article's
 * manifest: tests/browser/audio-fallback.test.ts.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { type MediaWatch, jsonResponse, placeDemo, seedManifest, useAudioOptions, watchMedia } from './helpers/audio.js';
import { type ListenPlayer, controls, record, unmount, untilState } from './helpers/player.js';

afterEach(unmount);

/** The seed manifest with its sources replaced by `sources`. */
async function withSources(...sources: ManifestJson['sources']): Promise<ManifestJson> {
  return { ...(await seedManifest()), sources };
}

/** Plays `player` and expects it to read on with speech after the one `manifest-invalid` error `message`. */
async function expectRefused(player: ListenPlayer, message: string, media: MediaWatch = watchMedia()): Promise<void> {
  const events = record(player);
  await player.updateComplete;
  player.play();
  await untilState(player, 'playing', 10_000);
  expect(events.errors).toEqual([{ code: 'manifest-invalid', message, fallback: 'speech' }]);
  expect(events.states).toEqual(['loading', 'playing']);
  expect(player.activeEngine).toBe('speech');
  expect(controls(player).status.textContent).toContain(`${message} Reading with the browser's voice instead.`);
  expect(player.shadowRoot!.querySelector('[part~="download"]')).toBeNull();
  expect(media.elements()).toEqual([]);
  expect((window as { pwned?: unknown }).pwned).toBeUndefined();
}

describe('faults: manifests the player refuses', () => {
  it('a newer format version: the message names both versions', async () => {
    useFakeSpeech();
    const manifest = { ...(await seedManifest()), version: '2.0' };
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    await expectRefused(
      placeDemo(),
      'The timing manifest is a newer format (version 2.0) than this player reads (1.x); update the player.',
    );
  });

  it('a web page where the manifest should be (a host answering a missing file with its page, status 200)', async () => {
    useFakeSpeech();
    const page = '<!doctype html><title>Not found</title><p>Sorry, this page does not exist.</p>';
    useAudioOptions({ fetch: async () => new Response(page, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }) });
    const player = placeDemo();
    const events = record(player);
    await player.updateComplete;
    player.play();
    await untilState(player, 'playing', 10_000);
    const message = 'The audio timing file was not found (the server sent a web page).';
    expect(events.errors).toEqual([{ code: 'audio-load', message, fallback: 'speech' }]);
    expect(events.states).toEqual(['loading', 'playing']);
    expect(player.activeEngine).toBe('speech');
    expect(controls(player).status.textContent).toContain(message);
  });

  it('a javascript: manifest URL is never fetched', async () => {
    useFakeSpeech();
    const fetch = vi.fn(async () => jsonResponse(await seedManifest()));
    useAudioOptions({ fetch });
    const player = placeDemo();
    player.setAttribute('src', 'javascript:window.pwned=1');
    await expectRefused(player, 'The timing manifest must be an http(s) URL, not javascript:');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a manifest on another origin is never fetched without allow-cross-origin', async () => {
    useFakeSpeech();
    const fetch = vi.fn(async () => jsonResponse(await seedManifest()));
    useAudioOptions({ fetch });
    const player = placeDemo();
    player.setAttribute('src', 'https://cdn.example/audio/seed.json');
    await expectRefused(player, 'The timing manifest is on another origin (https://cdn.example).');
    expect(fetch).not.toHaveBeenCalled();
  });

  for (const [name, src, problem] of [
    ['javascript:', 'javascript:window.pwned=1', 'only http(s) audio is played, not javascript:'],
    ['data:', 'data:audio/mpeg;base64,SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4Ljc2LjEwMAAAAAAAAAAAAAAA', 'only http(s) audio is played, not data:'],
  ] as const) {
    it(`a ${name} audio URL in the manifest is refused; it never becomes a link or a media source`, async () => {
      useFakeSpeech();
      const manifest = await withSources({ src, type: 'audio/mpeg' });
      useAudioOptions({ fetch: async () => jsonResponse(manifest) });
      await expectRefused(placeDemo(), `Invalid timing manifest: sources[0].src: ${problem}`);
    });
  }

  it('audio on another origin is refused, and played once the host sets allow-cross-origin', async () => {
    useFakeSpeech();
    // The test server under another name: another origin, reachable.
    const other = new URL(location.href);
    other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const manifest = await withSources({ src: `${other.origin}/audio/seed.mp3`, type: 'audio/mpeg' });
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    const media = watchMedia();
    await expectRefused(
      placeDemo(),
      `Invalid timing manifest: sources[0].src: ${other.origin} is not the manifest's origin (${location.origin})`,
      media,
    );
    unmount();

    const allowed = placeDemo();
    allowed.setAttribute('allow-cross-origin', '');
    const events = record(allowed);
    await allowed.updateComplete;
    allowed.play();
    await untilState(allowed, 'playing', 10_000);
    onTestFinished(() => allowed.pause());
    expect(allowed.activeEngine).toBe('audio');
    expect(events.errors).toEqual([]);
    expect(media.played()).toEqual([`${other.origin}/audio/seed.mp3`]);
    expect(allowed.shadowRoot!.querySelector('[part~="download"]')?.getAttribute('href')).toBe(`${other.origin}/audio/seed.mp3`);
  });
});
