/**
 * Fault matrix, what a hostile or careless publisher's files do to the player in real Chromium: a manifest
 * URL on the page's origin that redirects to another, credentials in an audio URL, an impossible or a wrong
 * `duration`, a manifest served as an image, and `lang="constructor"`. Each ends in a defined state: a named
 * `listen-error` and the browser's voice reading on, or the player working as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import { STORAGE_VERSION } from '../../src/player/persistence.js';
import { PREFERENCES_KEY } from '../../src/player/storage-keys.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { type MediaWatch, jsonResponse, placeDemo, seedManifest, useAudioOptions, watchMedia } from './helpers/audio.js';
import { type ListenPlayer, SHORT_ARTICLE, controls, mount, record, untilState, unmount } from './helpers/player.js';

afterEach(unmount);

/** The test server under its other name: another origin, reachable. */
function otherOrigin(): string {
  const other = new URL(location.href);
  other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return other.origin;
}

/** Plays `player` and expects it to read on with speech after the one error `code`/`message`, nothing refused loaded. */
async function expectRefused(player: ListenPlayer, code: string, message: string, media: MediaWatch = watchMedia()): Promise<void> {
  const events = record(player);
  await player.updateComplete;
  player.play();
  await untilState(player, 'playing', 10_000);
  expect(events.errors).toEqual([{ code, message, fallback: 'speech' }]);
  expect(player.activeEngine).toBe('speech');
  expect(controls(player).status.textContent).toContain(message);
  expect(player.shadowRoot!.querySelector('[part~="download"]')).toBeNull();
  expect(media.elements()).toEqual([]);
}

describe('faults: hostile files', () => {
  it('a same-origin manifest URL that redirects to another origin is refused (the other origin allows any)', async () => {
    useFakeSpeech();
    const player = placeDemo();
    player.setAttribute('src', '/__faults/redirect=manifest/seed.json');
    await expectRefused(player, 'manifest-invalid', `The timing manifest was redirected to another origin (${otherOrigin()}).`);
    // Not shown before play either: the time display never read the other origin's file.
    expect(controls(player).time.textContent).not.toContain('4:55');
  });

  it('an audio URL with a user name and password is refused without showing them', async () => {
    useFakeSpeech();
    const manifest: ManifestJson = {
      ...(await seedManifest()),
      sources: [{ src: `${location.protocol}//user:secret@${location.host}/audio/seed.mp3`, type: 'audio/mpeg' }],
    };
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    const player = placeDemo();
    await expectRefused(player, 'manifest-invalid', 'Invalid timing manifest: sources[0].src: a user name or password in an audio URL is refused');
    expect(player.shadowRoot!.innerHTML).not.toContain('secret');
  });

  it('an impossible duration (1e308) is refused: the time reads as minutes and seconds, from the voice', async () => {
    useFakeSpeech();
    const manifest = { ...(await seedManifest()), duration: 1e308 };
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    const player = placeDemo();
    await expectRefused(player, 'manifest-invalid', 'Invalid timing manifest: duration: expected seconds above 0, at most 86400, found 1e+308');
    const time = controls(player).time.textContent ?? '';
    expect(time).toMatch(/^\s*\d+:\d\d\s*\/\s*\d+:\d\d\s*$/);
    expect(controls(player).seek.getAttribute('aria-valuetext')).not.toMatch(/\d{5}/);
  });

  it('a duration that is not the audio file\'s is refused once the audio says its length', async () => {
    useFakeSpeech();
    const manifest = { ...(await seedManifest()), duration: 80_000 };
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    const player = placeDemo();
    const events = record(player);
    await player.updateComplete;
    player.play();
    await untilState(player, 'playing', 20_000);
    const errors = new Promise<void>((resolve) => {
      if (events.errors.length) resolve();
      else player.addEventListener('listen-error', () => resolve(), { once: true });
    });
    await errors;
    expect(events.errors).toEqual([
      {
        code: 'manifest-mismatch',
        message: expect.stringMatching(/^The audio file is 295\.\d s long, but its timing manifest says 80000 s: they do not belong together\.$/),
        fallback: 'speech',
      },
    ]);
    await untilState(player, 'playing', 10_000);
    expect(player.activeEngine).toBe('speech');
  });

  it('a manifest served as an image (image/svg+xml) is refused', async () => {
    useFakeSpeech();
    const player = placeDemo();
    player.setAttribute('src', `/__faults/${encodeURIComponent('type=image/svg+xml')}/seed.json`);
    await expectRefused(player, 'manifest-invalid', 'The audio timing file is not JSON (the server sent image/svg+xml).');
  });
});

describe('faults: lang="constructor"', () => {
  it('on the player: it renders in English and says no voice speaks that language (a defined state)', async () => {
    useFakeSpeech();
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story" lang="constructor"></listen-player>`);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Play');
    expect(player.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-label')).toBe('Listen to this article');
    const events = record(player);
    player.play();
    await untilState(player, 'error', 10_000);
    expect(events.errors.map((error) => error.message)).toEqual(['No voice for constructor is installed on this device.']);
    expect(controls(player).status.textContent).toContain('No voice for constructor is installed on this device.');
  });

  it('on the article too, with a voice remembered for English: no voice is taken from the prototype', async () => {
    useFakeSpeech();
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ version: STORAGE_VERSION, rate: 1.25, voices: { en: 'Someone' } }));
    const player = await mount(
      `${SHORT_ARTICLE.replace('lang="en-GB"', 'lang="constructor"')}<listen-player for="story" lang="constructor"></listen-player>`,
    );
    expect(player.voice).toBe('');
    expect(player.rate).toBe(1.25);
    // A defined state: no voice speaks that language, and the player says so in English.
    await untilState(player, 'error', 10_000);
    expect(controls(player).status.textContent).toContain('No voice for constructor is installed on this device.');
  });
});
