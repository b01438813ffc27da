/**
 * When the recorded narration cannot be played, the player reads on with Web Speech from the paragraph the
 * reader asked for, says why once (`listen-error` with `fallback: 'speech'`), never shows an error state,
 * and leaves no audio playing. Each failure is injected: a manifest that is not there, audio that is not
 * there, a file that is not audio, a broken manifest, a manifest recorded for another text. The fake
 * synthesiser shows what is spoken, and from where.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ListenErrorCode } from '../../src/engines/engine.js';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import type { ListenEngineChangeDetail } from '../../src/player/events.js';
import type { FakeSpeechSynthesis } from '../fakes/speech-synthesis.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import {
  type HeldFetch,
  heldFetch,
  jsonResponse,
  placeDemo,
  seedManifest,
  silent,
  useAudioOptions,
  watchMedia,
} from './helpers/audio.js';
import { type ListenPlayer, SHORT_ARTICLE, controls, highlighted, place, record, untilState, unmount } from './helpers/player.js';

/** The paragraph the reader starts from: the fallback must read on from here, not from the top. */
const FROM = 3;

afterEach(unmount);

interface Expected {
  readonly code: ListenErrorCode;
  /** What the message must say. */
  readonly message: RegExp;
  /**
   * The manifest request, held until the reader has pressed play, for failures found while loading it;
   * absent for failures of the audio file, found only when play loads it.
   */
  readonly held?: HeldFetch;
}

/**
 * Starts reading `player` at paragraph `FROM` and checks that it goes on with speech from there, the failure
 * reported once and nothing left playing from the audio.
 */
async function expectFallBack(player: ListenPlayer, fake: FakeSpeechSynthesis, { code, message, held }: Expected): Promise<void> {
  const media = watchMedia();
  const events = record(player);
  const changes: ListenEngineChangeDetail[] = [];
  player.addEventListener('listen-enginechange', (event) => changes.push(event.detail));
  await player.updateComplete;
  expect(player.activeEngine).toBe('audio');
  if (held) await held.requested;
  else await expect.poll(() => player.duration, { timeout: 5000 }).toBeGreaterThan(0);

  player.playSegment(FROM);
  expect(player.state).toBe('loading');
  held?.release();
  await untilState(player, 'playing', 10_000);

  // Said once, with the code, a message that names the problem, and what happens instead.
  expect(events.errors).toEqual([{ code, message: expect.stringMatching(message), fallback: 'speech' }]);
  // The reader never saw an error state: loading, then reading.
  expect(events.states).toEqual(['loading', 'playing']);
  expect(player.activeEngine).toBe('speech');
  expect(changes).toEqual([{ engine: 'speech', reason: 'fallback' }]);
  const { status } = controls(player);
  expect(status.textContent).toContain(events.errors[0]!.message);
  expect(status.textContent).toMatch(/browser's voice/);
  expect(player.shadowRoot!.querySelector('[part~="download"]')).toBeNull();

  // Speech starts with the paragraph asked for, and that paragraph alone was ever highlighted.
  const paragraph = player.segments[FROM]!;
  expect(fake.texts.length).toBeGreaterThan(0);
  expect(fake.texts[0]!.length).toBeGreaterThan(10);
  expect(paragraph.text.startsWith(fake.texts[0]!)).toBe(true);
  expect(fake.current?.text).toBe(fake.texts[0]);
  expect(player.segmentIndex).toBe(FROM);
  expect(highlighted()).toEqual([paragraph.element]);
  expect(events.segments.map((segment) => segment.index)).toEqual([FROM]);

  // No audio was started, and whatever the audio engine loaded is silent.
  expect(media.played()).toEqual([]);
  expect(await silent(media.elements())).toBe(true);
}

/** The seed manifest with `edit` applied. */
async function doctored(edit: (manifest: { -readonly [K in keyof ManifestJson]: ManifestJson[K] }) => void): Promise<ManifestJson> {
  const manifest = await seedManifest();
  edit(manifest);
  return manifest;
}

describe('recorded narration falls back to speech', () => {
  it('audio-load: the manifest URL is not there (HTTP 404)', async () => {
    const fake = useFakeSpeech();
    const held = heldFetch(async () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } }));
    useAudioOptions({ fetch: held.fetch });
    const player = placeDemo();
    player.setAttribute('src', '/audio/missing.json');
    await expectFallBack(player, fake, { code: 'audio-load', message: /could not be loaded.*404/, held });
  });

  // The test server, like Vite's dev server and many single-page-app hosts, answers a missing file with its
  // HTML page and status 200: a "soft 404". It is still a file that is not there.
  it('audio-load: the manifest URL is not there (a soft 404: the HTML page, status 200)', async () => {
    const fake = useFakeSpeech();
    const held = heldFetch();
    useAudioOptions({ fetch: held.fetch });
    const player = placeDemo();
    player.setAttribute('src', '/audio/missing.json');
    await expectFallBack(player, fake, { code: 'audio-load', message: /could not be loaded/, held });
  });

  it('audio-load: the audio file the manifest names is not there (HTTP 404)', async () => {
    const fake = useFakeSpeech();
    const manifest = await doctored((m) => {
      m.sources = [{ src: 'missing.opus', type: 'audio/ogg; codecs=opus' }];
    });
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    // The server as a static host answers: 404 for the file (the media element sees an error either way).
    const missing = new URL('/audio/missing.opus', location.href).href;
    const network = window.fetch.bind(window);
    const server = vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      String(input) === missing ? Promise.resolve(new Response(null, { status: 404 })) : network(input, init),
    );
    onTestFinished(() => server.mockRestore());
    await expectFallBack(placeDemo(), fake, { code: 'audio-load', message: /could not be loaded/ });
    expect(server).toHaveBeenCalledWith(missing, expect.objectContaining({ method: 'HEAD' }));
  });

  it('audio-load: the audio file the manifest names is not there (a soft 404: the HTML page, status 200)', async () => {
    const fake = useFakeSpeech();
    const manifest = await doctored((m) => {
      m.sources = [{ src: 'missing.opus', type: 'audio/ogg; codecs=opus' }];
    });
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    await expectFallBack(placeDemo(), fake, { code: 'audio-load', message: /could not be loaded/ });
  });

  it('audio-decode: the audio file is not audio', async () => {
    const fake = useFakeSpeech();
    const manifest = await doctored((m) => {
      m.sources = [{ src: '/tests/fixtures/audio/corrupt.mp3', type: 'audio/mpeg' }];
    });
    useAudioOptions({ fetch: async () => jsonResponse(manifest) });
    await expectFallBack(placeDemo(), fake, { code: 'audio-decode', message: /could not be decoded/ });
  });

  it('audio-load: the audio fails while playing; it stops, and speech reads on from the paragraph it was in', async () => {
    const fake = useFakeSpeech();
    const media = watchMedia();
    const player = placeDemo();
    const events = record(player);
    await player.updateComplete;
    const from = 5;
    player.playSegment(from);
    await untilState(player, 'playing', 10_000);
    const start = player.currentTime;
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(start + 0.3);
    const playing = media.elements().filter((element) => !element.paused);
    expect(playing).toHaveLength(1);

    // What a dropped connection does to a playing media element.
    playing[0]!.dispatchEvent(new Event('error'));
    await expect.poll(() => player.activeEngine, { timeout: 5000 }).toBe('speech');
    await untilState(player, 'playing', 5000);

    expect(events.errors).toEqual([{ code: 'audio-load', message: expect.stringMatching(/could not be loaded/), fallback: 'speech' }]);
    expect(events.states).toEqual(['loading', 'playing', 'loading', 'playing']);
    expect(await silent(media.elements())).toBe(true);
    expect(player.segments[from]!.text.startsWith(fake.texts[0]!)).toBe(true);
    expect(fake.current?.text).toBe(fake.texts[0]);
    expect(player.segmentIndex).toBe(from);
    expect(highlighted()).toEqual([player.segments[from]!.element]);
  });

  it('manifest-invalid: a segment starts before the previous one ends', async () => {
    const fake = useFakeSpeech();
    const manifest = await doctored((m) => {
      // Segment 6, words and all, moved back onto segment 5's time.
      const shift = m.segments[5]!.start - m.segments[6]!.start;
      const moved = m.segments[6]!;
      const segments = [...m.segments];
      segments[6] = {
        ...moved,
        start: moved.start + shift,
        end: moved.end + shift,
        words: moved.words.map(([start, end, offset, length]) => [start + shift, end + shift, offset, length] as const),
      };
      m.segments = segments;
    });
    const held = heldFetch(async () => jsonResponse(manifest));
    useAudioOptions({ fetch: held.fetch });
    await expectFallBack(placeDemo(), fake, {
      code: 'manifest-invalid',
      message: /segments\[6\]: starts at [\d.]+, before the previous one ends/,
      held,
    });
  });

  it('manifest-invalid: the manifest is not JSON', async () => {
    const fake = useFakeSpeech();
    const held = heldFetch(async () => jsonResponse('{"version": "1.0", "segments": ['));
    useAudioOptions({ fetch: held.fetch });
    await expectFallBack(placeDemo(), fake, { code: 'manifest-invalid', message: /not valid JSON/, held });
  });

  it('manifest-mismatch: the manifest was recorded for another text', async () => {
    const fake = useFakeSpeech();
    const held = heldFetch();
    useAudioOptions({ fetch: held.fetch });
    const player = place(`${SHORT_ARTICLE}<listen-player for="story" src="/audio/seed.json"></listen-player>`);
    await expectFallBack(player, fake, { code: 'manifest-mismatch', message: /does not match this article/, held });
    expect(fake.texts[0]).toBe('The third paragraph ends it.');
  });
});
