/**
 * Helpers for the pre-rendered audio tests: the demo page with its recorded narration, the seed manifest,
 * manifests served (or held back) through the audio engine's `fetch` seam, word events, and the media
 * elements the page loads, to tell whether any of them is still playing.
 */
import { onTestFinished, vi } from 'vitest';
import demo from '../../../index.html?raw';
import type { AudioEngineOptions } from '../../../src/engines/audio/audio.js';
import type { ManifestJson } from '../../../src/manifest/manifest.js';
import type { ListenWordChangeDetail } from '../../../src/player/events.js';
import { SILENCE_URL } from '../../../src/player/silence.js';
import { setEngineOptions } from '../../../src/player/engine-options.js';
import { ListenPlayer, sleep } from './player.js';

/** The committed seed audio's manifest, as the demo page refers to it. */
export const SEED = '/audio/seed.json';

/**
 * Puts a demo page (the seed article's, else `page`'s markup) into the document, less its scripts, and returns
 * its player (for the seed, `src` the seed manifest), created but not yet rendered.
 */
export function placeDemo(page: string = demo): ListenPlayer {
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  const player = document.querySelector('listen-player');
  if (!player) throw new Error('The demo page has no <listen-player>.');
  return player;
}

let seed: Promise<ManifestJson> | undefined;

/** The seed manifest as stored (a fresh copy each call, free to edit). */
export async function seedManifest(): Promise<ManifestJson> {
  seed ??= fetch(SEED).then((response) => {
    if (!response.ok) throw new Error(`${SEED}: HTTP ${response.status}`);
    return response.json() as Promise<ManifestJson>;
  });
  return structuredClone(await seed);
}

/** Players created from now on in this test get these audio engine options. */
export function useAudioOptions(options: Partial<AudioEngineOptions>): void {
  setEngineOptions({ audio: options });
  onTestFinished(() => {
    setEngineOptions({ audio: undefined });
  });
}

export interface HeldFetch {
  /** The audio engine's `fetch` seam. */
  readonly fetch: typeof fetch;
  /** Resolves when the engine has asked for the manifest. */
  readonly requested: Promise<void>;
  /** Lets the answer through. */
  release(): void;
}

/**
 * A `fetch` for the audio engine that holds every answer until `release()`, so a test can act (play from a
 * paragraph) while the manifest is still on its way. `answer` gives the response; default: the network's.
 */
export function heldFetch(
  answer: (url: string, init?: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
): HeldFetch {
  let release!: () => void;
  let requested!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (requested = resolve));
  return {
    fetch: async (input, init) => {
      requested();
      await gate;
      return answer(input instanceof Request ? input.url : String(input), init);
    },
    requested: asked,
    release,
  };
}

/** A manifest answer with `body` (an object is sent as JSON, a string as it is). */
export function jsonResponse(body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** Records `listen-wordchange` events of `player` until the test finishes. */
export function recordWords(player: ListenPlayer): ListenWordChangeDetail[] {
  const words: ListenWordChangeDetail[] = [];
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  player.addEventListener('listen-wordchange', (event) => words.push(event.detail), { signal: stop.signal });
  return words;
}

export interface MediaWatch {
  /** The media elements given an audio URL to load or play (howler's HTML5 audio is never in the document). */
  elements(): HTMLMediaElement[];
  /** The URL of each `play()` of audio, in order (howler's probe of an empty element for autoplay is left out). */
  played(): string[];
}

/**
 * Notes every media element the page loads or plays from now on, until the test finishes; all but the
 * near-silent element the player keeps playing under Web Speech for the system's media controls (silence.ts).
 */
export function watchMedia(): MediaWatch {
  const { load, play } = HTMLMediaElement.prototype;
  const elements = new Set<HTMLMediaElement>();
  const played: string[] = [];
  const note = (element: HTMLMediaElement): string => {
    const src = element.currentSrc || element.src;
    if (src === SILENCE_URL) return '';
    if (/^https?:/.test(src)) elements.add(element);
    return src;
  };
  const loads = vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(function (this: HTMLMediaElement) {
    note(this);
    return load.call(this);
  });
  const plays = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    const src = note(this);
    if (src) played.push(src);
    return play.call(this);
  });
  onTestFinished(() => {
    loads.mockRestore();
    plays.mockRestore();
  });
  return { elements: () => [...elements], played: () => [...played] };
}

/** True when none of `elements` is playing, and none of their clocks moves over `ms`. */
export async function silent(elements: readonly HTMLMediaElement[], ms = 300): Promise<boolean> {
  const before = elements.map((element) => element.currentTime);
  await sleep(ms);
  return elements.every((element, i) => element.paused && element.currentTime === before[i]);
}

/** min, median and max of `values`. */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/**
 * The states without the stall watchdog's notices: after `playing`, a `loading` that `playing` follows is the
 * audio element waiting for data (on a loaded machine, a long pass meets one now and then), not a change of state
 * the reader caused. Any other sequence is kept as it is, so a test still sees a pause, an error or a missing end.
 */
export function withoutStallNotices(states: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < states.length; i++) {
    if (states[i] === 'loading' && states[i + 1] === 'playing' && out.at(-1) === 'playing') i++;
    else out.push(states[i]!);
  }
  return out;
}
