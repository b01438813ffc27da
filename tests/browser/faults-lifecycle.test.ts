/**
 * Fault matrix, the element's life on a page: removed mid-play (speech cancelled, audio unloaded, and — counted —
 * no listener, timer, interval or animation frame of its code left behind), put back, hammered with 1,000
 * play/pause toggles and seeks, and started together with another player.
 * Elsewhere: real speech stopping on removal (tests/browser/real-speech.test.ts), the script loaded twice
 * (tests/unit/build/build.test.ts), a player's watch for its article after removal (tests/browser/embed.test.ts).
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { FakeSpeechSynthesis, FakeUtterance } from '../fakes/speech-synthesis.js';
import { placeDemo, silent, watchMedia } from './helpers/audio.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { setEngineOptions } from '../../src/player/engine-options.js';
import { describeListener, ledger, type Ledger } from './helpers/ledger.js';
import {
  ListenPlayer,
  SHORT_ARTICLE,
  highlighted,
  longArticle,
  mount,
  record,
  sleep,
  unmount,
  untilState,
  voicesListed,
} from './helpers/player.js';

afterEach(unmount);

/** Fake speech listening to this window's `pagehide`, as the real engine does (so that listener is counted too). */
function fakeSpeechOnWindow(): FakeSpeechSynthesis {
  const fake = new FakeSpeechSynthesis({ charsPerSecond: SLOW });
  setEngineOptions({ speech: { ...fake.engineOptions(), window, voiceTimeout: 300 } });
  onTestFinished(() => {
    setEngineOptions({ speech: undefined });
    fake.cancel();
  });
  return fake;
}

/** What the player's code left behind, one line each; empty when nothing. */
function leftBehind(book: Ledger): string[] {
  return [
    ...book.listeners().map(describeListener),
    ...book.timeouts().map((at) => `setTimeout ← ${at}`),
    ...book.intervals().map((at) => `setInterval ← ${at}`),
    ...book.frames().map((at) => `requestAnimationFrame ← ${at}`),
  ];
}

/** Utterances of `fake` queued or being spoken: more than one would be two voices (or a queue) at once. */
function live(fake: FakeSpeechSynthesis): number {
  return fake.log.filter((entry) => entry.outcome === 'queued' || entry.outcome === 'speaking').length;
}

describe('faults: removed while playing', () => {
  it('Web Speech: speech cancelled, no event after, and nothing of its code left (listeners, timers, frames)', async () => {
    const book = ledger((target) => target instanceof FakeUtterance);
    const fake = fakeSpeechOnWindow();
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story" highlight="word"></listen-player>`);
    await voicesListed(player);
    const events = record(player);
    player.play();
    await untilState(player, 'playing');
    // While it plays, its code does listen and tick (so the count below could find something).
    expect(book.listeners().map(describeListener)).toContainEqual(expect.stringMatching(/^Window pagehide ← .*\/src\/engines\/speech/));
    expect(book.intervals().length + book.timeouts().length).toBeGreaterThan(0);

    player.remove();
    const fired = events.log.length;
    await sleep(300);
    expect(fake.speaking).toBe(false);
    expect(fake.log.map((entry) => entry.outcome)).toEqual(['interrupted']);
    expect(events.log).toHaveLength(fired);
    expect(highlighted()).toEqual([]);
    expect(leftBehind(book)).toEqual([]);
  });

  it('recorded audio: the audio unloaded and silent, nothing of its code left', async () => {
    const book = ledger();
    useFakeSpeech();
    const media = watchMedia();
    const player = placeDemo();
    const events = record(player);
    await player.updateComplete;
    player.playSegment(2);
    await untilState(player, 'playing', 10_000);
    const start = player.currentTime;
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(start);
    expect(book.frames().length).toBeGreaterThan(0);

    player.remove();
    const fired = events.log.length;
    expect(await silent(media.elements())).toBe(true);
    // Unloaded: the element holds no file any more (and fetches nothing).
    for (const element of media.elements()) expect(element.getAttribute('src')).toBeNull();
    expect(events.log).toHaveLength(fired);
    // howler's page-wide setup stays, once per page whatever the number of players: listeners that unlock
    // audio on the first touch, click or key (and remove themselves then), and the timer that suspends its
    // idle audio context. Nothing else.
    const left = leftBehind(book);
    const howlerGlobal = left.filter((line) => line.includes('HowlerGlobal.'));
    expect(howlerGlobal.every((line) => /HowlerGlobal\._(?:unlockAudio|autoSuspend)\b/.test(line))).toBe(true);
    expect(left.filter((line) => !howlerGlobal.includes(line))).toEqual([]);
  });

  it('put back after removal: plays again, one voice at a time, with as many listeners as the first time', async () => {
    const book = ledger((target) => target instanceof FakeUtterance);
    const fake = fakeSpeechOnWindow();
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story"></listen-player>`);
    await voicesListed(player);
    player.play();
    await untilState(player, 'playing');
    const first = book.listeners().length;

    player.remove();
    await sleep(100);
    document.body.append(player);
    await player.updateComplete;
    expect(player.state).toBe('idle');
    const events = record(player);
    player.play();
    await untilState(player, 'playing');
    expect(events.states).toEqual(['loading', 'playing']);
    expect(events.errors).toEqual([]);
    expect(live(fake)).toBe(1);
    expect(book.listeners()).toHaveLength(first);

    player.remove();
    await sleep(100);
    expect(leftBehind(book)).toEqual([]);
  });
});

describe('faults: a storm of commands', () => {
  it('1,000 rapid play/pause toggles and seeks: the last command wins, never two voices at once', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    let most = 0;
    const speak = fake.speak.bind(fake);
    fake.speak = (utterance) => {
      speak(utterance);
      most = Math.max(most, live(fake));
    };
    const player = await mount(`${longArticle(12, 'story')}<listen-player for="story"></listen-player>`);
    await voicesListed(player);
    const events = record(player);
    const duration = player.duration;
    expect(duration).toBeGreaterThan(60);

    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    let wantPlaying = false;
    let lastSeek = 0;
    for (let i = 0; i < 1000; i++) {
      if (i % 2 === 0) {
        wantPlaying = !(player.state === 'playing' || player.state === 'loading');
        player.toggle();
      } else {
        lastSeek = random() * duration;
        player.seek(lastSeek);
      }
      // Now and then let the events of the commands so far arrive between commands, as clicks would.
      if (i % 25 === 0) await sleep(0);
    }
    wantPlaying = !(player.state === 'playing' || player.state === 'loading');
    player.toggle();
    await untilState(player, wantPlaying ? 'playing' : 'paused');
    expect(events.errors).toEqual([]);
    expect(most).toBeLessThanOrEqual(1);
    expect(live(fake)).toBe(wantPlaying ? 1 : 0);
    // At the last position sought: the sentence there (it starts at or before it) is where it stands.
    expect(player.currentTime).toBeLessThanOrEqual(lastSeek + 1);
    expect(player.currentTime).toBeGreaterThan(lastSeek - 20);
    if (wantPlaying) expect(player.segments[player.segmentIndex]!.text).toContain(fake.current!.text);
  });

  it('two players started in the same task: the second reads, the first is paused, one voice', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    await mount(`${SHORT_ARTICLE}<listen-player for="story"></listen-player>
      <article id="other" lang="en-GB"><p>The other story is read by the second player.</p></article>
      <listen-player for="other"></listen-player>`);
    const [first, second] = [...document.querySelectorAll('listen-player')] as [ListenPlayer, ListenPlayer];
    // One after the other: the pointer can be over one player at a time.
    await voicesListed(first);
    await voicesListed(second);
    const a = record(first);
    const b = record(second);

    first.play();
    second.play();
    await untilState(second, 'playing');
    await sleep(300);
    expect(first.state).toBe('paused');
    expect(a.states).toEqual(['loading', 'paused']);
    expect(b.states).toEqual(['loading', 'playing']);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect(live(fake)).toBe(1);
    expect(fake.current?.text).toBe('The other story is read by the second player.');
  });
});
