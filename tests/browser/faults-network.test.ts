/**
 * Fault matrix, the network: the seed recording served by a misbehaving server (tests/setup/fault-server.ts)
 * — very slow, failing, or cut off mid-stream — in real Chromium. Each case ends in a defined state, with the
 * events and the message the reader sees, and no sound left playing that the reader cannot stop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import { placeDemo, silent, useAudioOptions, watchMedia, withoutStallNotices } from './helpers/audio.js';
import { controls, record, unmount, untilState } from './helpers/player.js';

afterEach(unmount);

/** A manifest URL on the fault server; `options` as it reads them (`delay=800,cut=20000`). */
function faulty(options: string): string {
  return `/__faults/${options}/seed.json`;
}

/** A key no other test uses, so a `fail=` count starts afresh and a `hold=` is this test's alone. */
function key(): string {
  return `k${Math.random().toString(36).slice(2)}`;
}

/** Lets the fault server answer the requests it holds under `name` (and every later one). */
async function release(name: string): Promise<void> {
  const response = await fetch(`/__faults/release/${name}`);
  expect(response.status).toBe(204);
}

describe('faults: a very slow or failing server', () => {
  it('stays "Loading audio…" while the server is slow, then plays the recording', async () => {
    useFakeSpeech();
    const player = placeDemo();
    const slow = key();
    player.setAttribute('src', faulty(`hold=${slow}`));
    const events = record(player);
    await player.updateComplete;

    await userEvent.click(controls(player).play);
    await untilState(player, 'loading');
    // Still waiting for the server (it answers once released): loading, said so, and the button offers to stop waiting.
    expect(controls(player).status.textContent!.trim()).toBe('Loading audio…');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Pause');

    await release(slow);
    await untilState(player, 'playing', 20_000);
    expect(player.activeEngine).toBe('audio');
    expect(events.states).toEqual(['loading', 'playing']);
    expect(events.errors).toEqual([]);
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
    player.pause();
    await untilState(player, 'paused');
  });

  it('offers "Try again" when the slow server fails and nothing else can read; the retry plays the recording', async () => {
    useNoSpeech();
    const player = placeDemo();
    const slow = key();
    player.setAttribute('src', faulty(`fail=1,key=${slow},hold=${slow}`));
    const events = record(player);
    await player.updateComplete;

    // The failure is answered only once the reader has pressed play: not while the player loads on the pointer's approach.
    await userEvent.click(controls(player).play);
    await untilState(player, 'loading');
    await release(slow);
    await untilState(player, 'error', 10_000);
    // The recording failed (said once, with the HTTP status), and the browser's voice it fell back to is missing.
    expect(events.errors).toEqual([
      { code: 'audio-load', message: 'The audio timing file could not be loaded (HTTP 503).', fallback: 'speech' },
      { code: 'no-speech', message: 'This browser cannot read aloud: it has no speech synthesis.' },
    ]);
    expect(controls(player).status.textContent!.trim()).toBe(events.errors[1]!.message);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Try again');

    // The server has recovered: "Try again" loads the recording afresh and plays it.
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing', 20_000);
    expect(player.activeEngine).toBe('audio');
    expect(events.states.slice(-2)).toEqual(['loading', 'playing']);
    expect(events.errors).toHaveLength(2);
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
    player.pause();
    await untilState(player, 'paused');
  });

  it('gives up on a server that never answers, and says so; "Try again" asks again', async () => {
    useNoSpeech();
    useAudioOptions({ stallTimeout: 2000 });
    const player = placeDemo();
    player.setAttribute('src', faulty(`hold=${key()}`));
    const events = record(player);
    await player.updateComplete;

    await userEvent.click(controls(player).play);
    await untilState(player, 'error', 10_000);
    expect(events.errors).toEqual([
      { code: 'audio-load', message: 'The audio stopped arriving (nothing for 2 s).', fallback: 'speech' },
      { code: 'no-speech', message: 'This browser cannot read aloud: it has no speech synthesis.' },
    ]);
    expect(events.states).toEqual(['loading', 'error']);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Try again');

    await userEvent.click(controls(player).play);
    await untilState(player, 'loading');
    expect(controls(player).status.textContent!.trim()).toBe('Loading audio…');
    await untilState(player, 'error', 10_000);
    expect(events.errors.map((error) => error.code)).toEqual(['audio-load', 'no-speech', 'audio-load', 'no-speech']);
  });
});

describe('faults: the network fails mid-stream', () => {
  it('stops the audio where the connection dropped and reads on with speech from that paragraph', async () => {
    const fake = useFakeSpeech();
    const media = watchMedia();
    useAudioOptions({ stallTimeout: 3000 });
    const player = placeDemo();
    // The MP3 arrives at 12× its bit rate (4× what 3× playback needs) for about 18 s of audio, then the
    // connection drops and every later byte is refused: Chromium reports no error, the element just waits.
    player.setAttribute('src', faulty('only=mp3,trickle=48000,cut=72000'));
    player.setAttribute('rate', '3');
    const events = record(player);
    await player.updateComplete;

    player.play();
    await untilState(player, 'playing', 20_000);
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => player.activeEngine, { timeout: 40_000, interval: 100 }).toBe('speech');
    await untilState(player, 'playing', 10_000);

    // The clock stood still: "loading" (the reader sees "Loading audio…"), then, with no progress for the
    // watchdog's time, the audio is given up once, and speech goes on.
    expect(events.errors).toEqual([{ code: 'audio-load', message: 'The audio stopped arriving (nothing for 3 s).', fallback: 'speech' }]);
    // (Before the cut, a loaded machine may show the watchdog's brief loading notice as well: left out.)
    const failed = events.log.indexOf('error:audio-load');
    const states = (log: string[]) => log.filter((entry) => entry.startsWith('state:')).map((entry) => entry.slice(6));
    expect(withoutStallNotices(states(events.log.slice(0, failed)))).toEqual(['loading', 'playing', 'loading']);
    expect(states(events.log.slice(failed))).toEqual(['playing']);
    const { status } = controls(player);
    expect(status.textContent).toContain("The audio stopped arriving (nothing for 3 s). Reading with the browser's voice instead.");
    // The recording is silent; speech reads the paragraph the audio had reached.
    expect(await silent(media.elements())).toBe(true);
    const at = player.segmentIndex;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(player.segments[at]!.text.startsWith(fake.texts[0]!)).toBe(true);
  });
});
