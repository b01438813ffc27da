/**
 * What the player's one live region says in each flow (issue: chatter and wrong words in the status region):
 * a change of state once each, in words that fit the engine ("Loading audio…" for a recording, "Starting the
 * browser's voice…" or "Waiting for the browser's voices…" for speech); nothing while a resume takes its
 * moment; and no error nobody asked for (the reader only pointed at or focused the player), which the status
 * line shows without announcing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { heldFetch, placeDemo, seedManifest, useAudioOptions } from './helpers/audio.js';
import { LINUX_CHROMIUM_VOICES } from '../fakes/speech-synthesis.js';
import { SLOW, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import { SHORT_ARTICLE, announcements, controls, mount, place, record, unmount, untilState } from './helpers/player.js';

const PAGE = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;

afterEach(unmount);

describe('the live region: the browser’s voice', () => {
  it('first play with nothing loaded before: "Starting the browser\'s voice…" once, then "Playing"; a resume says only "Playing"', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    const said = announcements(player);
    // Play before the rest of the player has loaded (no pointer over it, no focus): it loads, then starts.
    player.play();
    await untilState(player, 'playing');
    expect(said).toEqual(["Starting the browser's voice…", 'Playing']);

    player.pause();
    await untilState(player, 'paused');
    player.play();
    await untilState(player, 'playing');
    expect(said).toEqual(["Starting the browser's voice…", 'Playing', 'Paused', 'Playing']);
  });

  it('focus alone on a device whose voices never come: the error is shown when the limit passes, not announced', async () => {
    const NO_VOICES = 'No voices for reading aloud are installed on this device.';
    useFakeSpeech({ voicesDelay: Infinity, voiceTimeout: 500 });
    const player = place(PAGE);
    const events = record(player);
    await player.updateComplete;
    const said = announcements(player);
    controls(player).play.focus();
    await untilState(player, 'error', 5000);

    expect(events.errors).toEqual([{ code: 'no-speech', message: NO_VOICES }]);
    expect(controls(player).status.textContent!.trim()).toBe(NO_VOICES);
    expect(controls(player).status.classList.contains('error')).toBe(true);
    expect(controls(player).live.textContent!.trim()).toBe('');
    expect(said).toEqual([]);
  });
});

describe('the live region: in the player’s language', () => {
  it('says in German that it waits for the voices, then that it plays', async () => {
    // The voices come when the test gives them, once it has seen the player wait for them.
    const fake = useFakeSpeech({ voicesDelay: Infinity, voiceTimeout: 30_000, charsPerSecond: SLOW });
    const player = await mount(
      '<article id="story" lang="de-DE"><h1>Titel.</h1><p>Erster Absatz. Zwei Sätze.</p></article><listen-player for="story"></listen-player>',
    );
    const said = announcements(player);
    player.play();
    await expect.poll(() => controls(player).live.textContent!.trim()).toBe('Warten auf die Stimmen des Browsers …');
    fake.setVoices(LINUX_CHROMIUM_VOICES);
    await untilState(player, 'playing');
    expect(said).toEqual(['Warten auf die Stimmen des Browsers …', 'Wiedergabe läuft']);
  });
});

describe('the live region: no speech synthesis at all', () => {
  it('says so before play without announcing it; "Try again" announces it, once', async () => {
    useNoSpeech();
    const player = place(PAGE);
    const events = record(player);
    await player.updateComplete;
    await untilState(player, 'error');
    const message = events.errors[0]!.message;
    expect(controls(player).status.textContent!.trim()).toBe(message);
    expect(controls(player).live.textContent!.trim()).toBe('');

    const said = announcements(player);
    await userEvent.click(controls(player).play);
    await expect.poll(() => events.errors.length).toBe(2);
    await player.updateComplete;
    expect(said).toEqual([message]);
    expect(controls(player).status.textContent!.trim()).toBe(message);
  });
});

describe('the live region: a recording', () => {
  it('first play with nothing loaded before: "Loading audio…" once, then "Playing"; a resume says only "Playing"', async () => {
    let arrived!: () => void;
    const howlerArrives = new Promise<void>((resolve) => (arrived = resolve));
    // howler held back: the recording cannot play until the test has seen it loading.
    useAudioOptions({ loadHowler: () => howlerArrives.then(() => import('howler')) });
    await seedManifest();
    const player = placeDemo();
    await player.updateComplete;
    const said = announcements(player);
    player.play();
    await expect.poll(() => controls(player).live.textContent!.trim()).toBe('Loading audio…');
    expect(player.state).toBe('loading');
    arrived();
    await untilState(player, 'playing');
    expect(said).toEqual(['Loading audio…', 'Playing']);

    player.pause();
    await untilState(player, 'paused');
    const resumed = announcements(player);
    player.play();
    await untilState(player, 'playing');
    expect(resumed).toEqual(['Playing']);
  });
});

describe('the live region: a recording that cannot be played, and the browser’s voice in its place', () => {
  const MISSING = `${SHORT_ARTICLE}<listen-player for="story" src="/audio/missing.json"></listen-player>`;
  const notFound = async () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

  it('found out while loading after play: the notice is announced once, with the state it came in', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const held = heldFetch(notFound);
    useAudioOptions({ fetch: held.fetch });
    const player = await mount(MISSING);
    const events = record(player);
    const said = announcements(player);
    player.play();
    await held.requested;
    await expect.poll(() => controls(player).live.textContent!.trim()).toBe('Loading audio…');
    held.release();
    await expect.poll(() => player.activeEngine).toBe('speech');
    await untilState(player, 'playing');
    const notice = `${events.errors[0]!.message} Reading with the browser's voice instead.`;
    player.pause();
    await untilState(player, 'paused');

    expect(events.errors.map((error) => error.fallback)).toEqual(['speech']);
    expect(said).toEqual(['Loading audio…', `${notice} Starting the browser's voice…`, 'Playing', 'Paused']);
    // Still shown, before the state.
    expect(controls(player).status.textContent!.trim()).toBe(`${notice} Paused`);
  });

  it('found out while idle (a pointer over the player): the notice is shown, not announced', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    useAudioOptions({ fetch: notFound });
    const player = await mount(MISSING);
    const events = record(player);
    const said = announcements(player);
    await userEvent.hover(player);
    await expect.poll(() => player.activeEngine).toBe('speech');
    await player.updateComplete;
    const notice = `${events.errors[0]!.message} Reading with the browser's voice instead.`;
    expect(controls(player).status.textContent!.trim()).toBe(notice);
    expect(said).toEqual([]);

    player.play();
    await untilState(player, 'playing');
    expect(said).toEqual(["Starting the browser's voice…", 'Playing']);
    expect(controls(player).status.textContent!.trim()).toBe(`${notice} Playing`);
  });
});
