/**
 * Shared helpers for the player's browser tests: mounting an article with its player, finding the controls
 * in the shadow root, and recording the events the player fires.
 */
import { expect, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/define.js';
import type { ListenErrorDetail, ListenSegmentChangeDetail } from '../../../src/player/events.js';
import { POSITIONS_KEY, PREFERENCES_KEY } from '../../../src/player/storage-keys.js';
import type { PlayerState } from '../../../src/player/store.js';
import { ListenPlayer } from '../../../src/ui/listen-player.js';

export { ListenPlayer };

/** A short English article: a heading and three paragraphs of one or two sentences each. */
export const SHORT_ARTICLE = `
  <article id="story" lang="en-GB">
    <h1>A short story.</h1>
    <p>The first paragraph. It has two sentences.</p>
    <p>The second paragraph is here.</p>
    <p>The third paragraph ends it.</p>
  </article>`;

/**
 * Puts `markup` into the page and returns its (first) player, created but not yet rendered: listeners added now
 * see what it does on its first render (a device that cannot speak says so before anyone presses play).
 */
export function place(markup: string): ListenPlayer {
  document.body.innerHTML = markup;
  const player = document.querySelector('listen-player');
  if (!player) throw new Error('The markup has no <listen-player>.');
  return player;
}

/** Puts `markup` into the page and returns its (first) player, rendered. */
export async function mount(markup: string): Promise<ListenPlayer> {
  const player = place(markup);
  await player.updateComplete;
  return player;
}

/**
 * Empties the page (disconnecting any player, which stops its speech and saves its place), then forgets what
 * players remembered in storage (places, speed, voice), so that every test starts as a first visit.
 */
export function unmount(): void {
  document.body.replaceChildren();
  forgetRemembered();
}

/** Removes the players' records from `localStorage` (harmless where a test made storage fail). */
export function forgetRemembered(): void {
  try {
    localStorage.removeItem(POSITIONS_KEY);
    localStorage.removeItem(PREFERENCES_KEY);
  } catch {
    // Storage is failing on purpose in this test; there is nothing in it to forget.
  }
}

export interface Controls {
  readonly play: HTMLButtonElement;
  readonly previous: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly seek: HTMLInputElement;
  readonly speed: HTMLSelectElement;
  /** Absent until the voices are known (and never when there is no speech). */
  readonly voice: HTMLSelectElement | null;
  /** The status line, as shown: what the live region says, or an error nobody asked for, shown only. */
  readonly status: HTMLElement;
  /** The player's one live region (in the status line): what is announced. */
  readonly live: HTMLElement;
  readonly time: HTMLElement;
}

function query<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`No ${selector} in the player.`);
  return element;
}

/** The player's controls, looked up afresh (Lit may replace the voice menu between renders). */
export function controls(player: ListenPlayer): Controls {
  const root = player.shadowRoot;
  if (!root) throw new Error('The player has no shadow root.');
  return {
    play: query(root, '[part~="play-button"]'),
    previous: query(root, '[part~="previous-button"]'),
    next: query(root, '[part~="next-button"]'),
    seek: query(root, 'input[type="range"]'),
    speed: query(root, '[part~="speed"] select'),
    voice: root.querySelector('[part~="voice"] select'),
    status: query(root, '[part~="status"]'),
    live: query(root, '[role="status"]'),
    time: query(root, '[part~="time"]'),
  };
}

/**
 * Resolves once the engine knows the device's voices and the voice menu lists them. The reader points at the
 * player first, as a reader choosing a voice before play does: the rest of the player loads on that intent.
 */
export async function voicesListed(player: ListenPlayer, timeout = 5000): Promise<void> {
  await userEvent.hover(player);
  await expect.poll(() => controls(player).voice, { timeout }).not.toBeNull();
}

/**
 * Every text the player's live region announces from now until the test finishes, in order: each time it
 * comes to say something else (emptied in between, it says nothing; said again after that, it counts again).
 */
export function announcements(player: ListenPlayer): string[] {
  const live = controls(player).live;
  const said: string[] = [];
  let last = live.textContent!.trim();
  const observer = new MutationObserver(() => {
    const text = live.textContent!.trim();
    if (text !== last && text) said.push(text);
    last = text;
  });
  observer.observe(live, { childList: true, characterData: true, subtree: true });
  onTestFinished(() => observer.disconnect());
  return said;
}

/** The page elements carrying the paragraph highlight. */
export function highlighted(): Element[] {
  return [...document.querySelectorAll('[data-listen-active]')];
}

export interface Recording {
  readonly states: PlayerState[];
  /** The host's `state` attribute as each `listen-statechange` fired. */
  readonly stateAttributes: (string | null)[];
  readonly segments: ListenSegmentChangeDetail[];
  readonly errors: ListenErrorDetail[];
  /** How many times `listen-ended` fired. */
  ended: number;
  /** Every event in the order fired, as `type:detail` ("state:playing", "segment:1", "error:no-speech", "ended"). */
  readonly log: string[];
  /** For each `listen-segmentchange`, the elements highlighted when it fired. */
  readonly highlights: Element[][];
}

/**
 * Records the player's events until the test finishes. Listens on the document, so it also proves they
 * bubble out of the player.
 */
export function record(player: ListenPlayer): Recording {
  const recording: Recording = {
    states: [],
    stateAttributes: [],
    segments: [],
    errors: [],
    ended: 0,
    log: [],
    highlights: [],
  };
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  const options = { signal: stop.signal };
  const mine = (event: Event) => event.composedPath().includes(player);
  document.addEventListener('listen-statechange', (event) => {
    if (!mine(event)) return;
    recording.states.push(event.detail.state);
    recording.stateAttributes.push(player.getAttribute('state'));
    recording.log.push(`state:${event.detail.state}`);
  }, options);
  document.addEventListener('listen-segmentchange', (event) => {
    if (!mine(event)) return;
    recording.segments.push(event.detail);
    recording.highlights.push(highlighted());
    recording.log.push(`segment:${event.detail.index}`);
  }, options);
  document.addEventListener('listen-error', (event) => {
    if (!mine(event)) return;
    recording.errors.push(event.detail);
    recording.log.push(`error:${event.detail.code}`);
  }, options);
  document.addEventListener('listen-ended', (event) => {
    if (!mine(event)) return;
    recording.ended++;
    recording.log.push('ended');
  }, options);
  return recording;
}

declare global {
  interface DocumentEventMap {
    'listen-statechange': HTMLElementEventMap['listen-statechange'];
    'listen-segmentchange': HTMLElementEventMap['listen-segmentchange'];
    'listen-error': HTMLElementEventMap['listen-error'];
    'listen-ended': HTMLElementEventMap['listen-ended'];
  }
}

/** An element with a player's `state` and `listen-statechange` (the player, the playlist). */
export interface Stateful extends HTMLElement {
  readonly state: PlayerState;
  readonly updateComplete: Promise<boolean>;
}

/**
 * Resolves when `player` (or a playlist) has reached `state` and rendered it (at once if it is there); rejects
 * after `timeout` ms.
 */
export async function untilState(player: Stateful, state: PlayerState, timeout = 10_000): Promise<void> {
  await reach(player, state, timeout);
  await player.updateComplete;
}

function reach(player: Stateful, state: PlayerState, timeout: number): Promise<void> {
  if (player.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      player.removeEventListener('listen-statechange', check);
      reject(new Error(`The player did not reach "${state}" within ${timeout} ms (it is "${player.state}").`));
    }, timeout);
    const check = () => {
      if (player.state !== state) return;
      clearTimeout(timer);
      player.removeEventListener('listen-statechange', check);
      resolve();
    };
    player.addEventListener('listen-statechange', check);
  });
}

/** Resolves with the first `listen-segmentchange` for `index`, rejects after `timeout` ms. */
export function untilSegment(
  player: ListenPlayer,
  index: number,
  timeout = 10_000,
): Promise<ListenSegmentChangeDetail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      player.removeEventListener('listen-segmentchange', check);
      reject(new Error(`Segment ${index} did not become active within ${timeout} ms (at ${player.segmentIndex}).`));
    }, timeout);
    const check = (event: HTMLElementEventMap['listen-segmentchange']) => {
      if (event.detail.index !== index) return;
      clearTimeout(timer);
      player.removeEventListener('listen-segmentchange', check);
      resolve(event.detail);
    };
    player.addEventListener('listen-segmentchange', check);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** "m:ss" as a reader expects to see elapsed and total time (written here independently of the player's code). */
export function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1 minute 5 seconds" as a screen reader should say a time under an hour (English). */
export function spokenTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts = [
    minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest || !minutes ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** An English article long enough to last minutes: `paragraphs` paragraphs of four sentences each. */
export function longArticle(paragraphs: number, id = 'long'): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1} begins with a plain sentence about the weather in the valley. ` +
      'The river was high after a week of rain, and the bridge was closed to traffic. ' +
      'People in the village walked the long way round, past the church and the old school. ' +
      'By evening the water had fallen and the road was open again.</p>',
  ).join('');
  return `<article id="${id}" lang="en-GB"><h1>A long story.</h1>${body}</article>`;
}
