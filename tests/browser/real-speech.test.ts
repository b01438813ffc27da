/**
 * The player with the browser's real speech: Chromium's `speechSynthesis` speaking through speech-dispatcher
 * and espeak-ng (started by the global setup). No fake here: these tests prove that real `start` and `end`
 * events move the highlight, that an English article gets an English voice (the device default is Afrikaans),
 * and that pausing, leaving the page and removing the player really stop the speech.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import demo from '../../index.html?raw';
import {
  ListenPlayer,
  controls,
  highlighted,
  mount,
  record,
  sleep,
  unmount,
  untilSegment,
  untilState,
} from './helpers/player.js';

interface Spoken {
  readonly utterance: SpeechSynthesisUtterance;
  /** What happened to it, in order, with the player's state and the highlighted elements at that moment. */
  readonly events: { readonly type: string; readonly state: string | undefined; readonly highlighted: Element[] }[];
}

/** Lets every utterance through to the real synthesiser, noting it and its `start`/`end` events. */
function watchSpeech(player: ListenPlayer): Spoken[] {
  const spoken: Spoken[] = [];
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  vi.spyOn(speechSynthesis, 'speak').mockImplementation((utterance) => {
    const entry: Spoken = { utterance, events: [] };
    for (const type of ['start', 'end', 'error']) {
      const note = () => entry.events.push({ type, state: player.state, highlighted: highlighted() });
      utterance.addEventListener(type, note);
    }
    spoken.push(entry);
    speak(utterance);
  });
  return spoken;
}

/**
 * The demo page as served, less its script; its player sits inside `<article id="article">`. Any recorded
 * narration (`src`) is dropped, as when the reader picks "This browser's voice": this is about Web Speech.
 */
function mountDemo(): ListenPlayer {
  const parsed = new DOMParser().parseFromString(demo, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  parsed.querySelector('listen-player')?.removeAttribute('src');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  const player = document.querySelector('listen-player');
  if (!player) throw new Error('The demo page has no <listen-player>.');
  return player;
}

/** Its first sentence takes several seconds to say, so speech that is not stopped is still going when checked. */
const LONG_FIRST = `
  <article id="story" lang="en-GB">
    <p>This first sentence is deliberately long, so that it keeps the synthesiser busy for several
    seconds while the test checks what happens to it.</p>
    <p>A second paragraph follows.</p>
  </article>
  <listen-player for="story"></listen-player>`;

/** True once the synthesiser has been silent for `ms` (it may take a moment to notice a cancel). */
async function silentFor(ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (speechSynthesis.speaking || speechSynthesis.pending) return false;
    await sleep(50);
  }
  return true;
}

afterEach(() => {
  vi.restoreAllMocks();
  unmount();
  speechSynthesis.cancel();
});

describe('real speech', () => {
  it('reads the demo article aloud in English, the highlight following start and end, until paused', async () => {
    const player = mountDemo();
    expect(player.getAttribute('for')).toBe('article');
    player.rate = 2.5;
    await player.updateComplete;
    const spoken = watchSpeech(player);
    const events = record(player);
    const { segments } = player;
    expect(segments.length).toBeGreaterThan(3);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing', 15_000);
    expect(player.activeEngine).toBe('speech');
    expect(speechSynthesis.speaking).toBe(true);

    await untilSegment(player, 2, 20_000);
    // Wait for segment 2's first chunk to be heard (its `start`), so the chunks before it have ended.
    await expect.poll(() => spoken.at(-1)!.events.map((event) => event.type), { timeout: 10_000 }).toContain('start');
    expect(events.states).toEqual(['loading', 'playing']);
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2]);
    // Each change came with exactly one highlighted element: the paragraph now being read.
    expect(events.highlights).toEqual([0, 1, 2].map((index) => [segments[index]!.element]));
    const times = events.segments.map((segment) => segment.time);
    expect(times[0]).toBe(0);
    expect(times[1]).toBeGreaterThan(times[0]!);
    expect(times[2]).toBeGreaterThan(times[1]!);
    expect(player.state).toBe('playing');

    // The voice was chosen for the article's language, not taken as the device's default.
    const voice = spoken[0]!.utterance.voice;
    expect(voice?.lang.toLowerCase()).toMatch(/^en\b/);
    expect(voice?.default).toBe(false);
    expect(controls(player).voice?.value).toBe(voice?.name);

    // Every chunk was heard from start to end before the next was sent; while it was heard the player said
    // `playing` and highlighted exactly its own paragraph.
    expect(spoken.length).toBeGreaterThanOrEqual(3);
    for (const entry of spoken.slice(0, -1)) expect(entry.events.map((event) => event.type)).toEqual(['start', 'end']);
    for (const entry of spoken) {
      const start = entry.events.find((event) => event.type === 'start')!;
      expect(start.state).toBe('playing');
      expect(start.highlighted).toHaveLength(1);
      expect(start.highlighted[0]!.textContent!.replace(/\s+/g, ' ')).toContain(entry.utterance.text);
    }

    const speaks = spoken.length;
    await userEvent.click(controls(player).play);
    expect(player.state).toBe('paused');
    expect(player.getAttribute('state')).toBe('paused');
    expect(await silentFor(600)).toBe(true);
    expect(spoken).toHaveLength(speaks);
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(events.errors).toEqual([]);
    // Paused keeps the paragraph marked: it is where reading resumes.
    expect(highlighted()).toHaveLength(1);
  });

  it('stops speaking when the page is hidden (pagehide)', async () => {
    const player = await mount(LONG_FIRST);
    const spoken = watchSpeech(player);
    const events = record(player);
    player.play();
    await untilState(player, 'playing', 15_000);
    expect(speechSynthesis.speaking).toBe(true);

    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(player.state).toBe('paused');
    const speaks = spoken.length;
    expect(await silentFor(600)).toBe(true);
    expect(spoken).toHaveLength(speaks);
    // A pause like any other: the event, the status, no error.
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(events.errors).toEqual([]);
    expect(controls(player).status.textContent!.trim()).toBe('Paused');
  });

  it('stops speaking when the player is removed mid-sentence', async () => {
    const player = await mount(LONG_FIRST);
    const spoken = watchSpeech(player);
    const events = record(player);
    player.play();
    await untilState(player, 'playing', 15_000);
    expect(speechSynthesis.speaking).toBe(true);
    expect(highlighted()).toHaveLength(1);

    player.remove();
    const speaks = spoken.length;
    const fired = events.log.length;
    expect(await silentFor(600)).toBe(true);
    expect(spoken).toHaveLength(speaks);
    expect(highlighted()).toEqual([]);
    expect(events.log).toHaveLength(fired);
  });
});
