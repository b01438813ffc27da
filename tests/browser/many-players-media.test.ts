/**
 * Many players on one page, with real media: Chromium's real `speechSynthesis` (one queue for the page, which
 * is where two players would fight), and recorded narration (the seed audio) beside a Web Speech player.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED, placeDemo, silent, watchMedia } from './helpers/audio.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, mount, sleep, unmount, untilState } from './helpers/player.js';

/** Long first sentences, so each keeps the synthesiser busy for seconds while the test looks. */
const TWO_STORIES = `
  <article id="alpha" lang="en-GB"><p>Alpha is the first story on this page, and its opening sentence is long
    enough to keep the synthesiser talking for several seconds while the test checks it.</p></article>
  <listen-player for="alpha"></listen-player>
  <article id="beta" lang="en-GB"><p>Beta is the second story on this page, and its opening sentence is long
    enough to keep the synthesiser talking for several seconds while the test checks it.</p></article>
  <listen-player for="beta"></listen-player>`;

function playerFor(id: string): ListenPlayer {
  const player = document.querySelector<ListenPlayer>(`[for="${id}"]`);
  if (!player) throw new Error(`No player for #${id}.`);
  return player;
}

interface Heard {
  readonly utterance: SpeechSynthesisUtterance;
  readonly events: string[];
}

/** Lets every utterance through to the real synthesiser, noting its `start`, `end` and `error` events. */
function watchSpeech(): Heard[] {
  const heard: Heard[] = [];
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  vi.spyOn(speechSynthesis, 'speak').mockImplementation((utterance) => {
    const entry: Heard = { utterance, events: [] };
    utterance.addEventListener('start', () => entry.events.push('start'));
    utterance.addEventListener('end', () => entry.events.push('end'));
    utterance.addEventListener('error', (event) => entry.events.push(`error:${event.error}`));
    heard.push(entry);
    speak(utterance);
  });
  return heard;
}

function startsWith(heard: readonly Heard[], word: string): Heard[] {
  return heard.filter((entry) => entry.utterance.text.startsWith(word));
}

afterEach(() => {
  vi.restoreAllMocks();
  unmount();
  speechSynthesis.cancel();
});

describe('many players with real speech', () => {
  it('B started while A speaks: A pauses, B is heard and not cut off; then A again', async () => {
    await mount(TWO_STORIES);
    const a = playerFor('alpha');
    const b = playerFor('beta');
    const heard = watchSpeech();

    a.play();
    await untilState(a, 'playing', 15_000);
    b.play();
    await untilState(b, 'playing', 15_000);
    expect(a.state).toBe('paused');
    await sleep(800);
    // B's sentence is still being spoken: nobody cancelled it.
    expect(b.state).toBe('playing');
    expect(speechSynthesis.speaking).toBe(true);
    const beta = startsWith(heard, 'Beta');
    expect(beta.map((entry) => entry.events)).toEqual([['start']]);
    expect(startsWith(heard, 'Alpha')[0]!.events).toEqual(['start', 'error:interrupted']);

    a.play();
    await untilState(a, 'playing', 15_000);
    expect(b.state).toBe('paused');
    await sleep(800);
    expect(a.state).toBe('playing');
    expect(startsWith(heard, 'Alpha').at(-1)!.events).toEqual(['start']);
    expect(beta[0]!.events).toEqual(['start', 'error:interrupted']);
  });

  it('speech of the page’s own script that interrupts a player is not cancelled by it', async () => {
    await mount(TWO_STORIES);
    const a = playerFor('alpha');
    const heard = watchSpeech();
    a.play();
    await untilState(a, 'playing', 15_000);

    // Another widget takes the synthesiser: cancel everything, then speak.
    const theirs = new SpeechSynthesisUtterance('Another widget on the page is now speaking its own words, at length.');
    theirs.lang = 'en-GB';
    const events: string[] = [];
    theirs.addEventListener('start', () => events.push('start'));
    theirs.addEventListener('error', (event) => events.push(`error:${event.error}`));
    speechSynthesis.cancel();
    speechSynthesis.speak(theirs);
    await untilState(a, 'paused', 5000);
    await sleep(800);
    expect(events).toEqual(['start']);
    expect(speechSynthesis.speaking).toBe(true);
    expect(heard.filter((entry) => entry.utterance !== theirs)).toHaveLength(1); // A did not speak again
  });
});

describe('recorded narration and Web Speech on one page', () => {
  it('starting speech pauses the audio, and starting the audio pauses speech', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const media = watchMedia();
    const audio = placeDemo();
    expect(audio.getAttribute('src')).toBe(SEED);
    const second = document.createElement('article');
    second.id = 'second';
    second.lang = 'en-GB';
    second.append(Object.assign(document.createElement('p'), { textContent: 'A second story, read by the voice.' }));
    const speech = document.createElement('listen-player');
    speech.setAttribute('for', 'second');
    document.body.append(second, speech);
    await Promise.all([audio.updateComplete, speech.updateComplete]);

    audio.play();
    await untilState(audio, 'playing', 10_000);
    expect(audio.activeEngine).toBe('audio');

    speech.play();
    await untilState(speech, 'playing', 5000);
    expect(audio.state).toBe('paused');
    expect(await silent(media.elements())).toBe(true);
    expect(fake.current?.text).toBe('A second story, read by the voice.');

    audio.play();
    await untilState(audio, 'playing', 10_000);
    expect(speech.state).toBe('paused');
    expect(fake.current).toBeNull();
    expect(fake.speaking).toBe(false);
    const moving = audio.currentTime;
    await expect.poll(() => audio.currentTime, { timeout: 3000 }).toBeGreaterThan(moving);
  });
});
