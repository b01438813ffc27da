// The benchmark's scale page: builds a synthetic article of n paragraphs, times its extraction, makes a
// timing manifest for it on the seed audio, and times every frame and timer callback while the player reads.
// The Node side (tests/bench/scale.mjs) drives it through `window.listenBench`.
import { extractSegments } from '../../../src/article/extract.js';
import { fingerprint } from '../../../src/article/fingerprint.js';
import { ListenPlayer } from '../../../src/define.js';
import { stress } from './stress.js';

/** Seconds of the seed audio, which the synthetic manifest's times must fit in. */
const AUDIO_SECONDS = 295;
/** Paragraphs read in the measured window, each this long: the same pace of changes at every size. */
const WINDOW = 60;
const WINDOW_SECONDS = 1.2;

const WORDS = ('the council said on tuesday that its plans for the new bridge would go ahead despite objections from ' +
  'residents who fear traffic noise and years of building work along the river where families have lived for ' +
  'generations while ministers promised money for schools hospitals and roads in the north').split(' ');

/** Deterministic text, so every run and size reads the same kind of paragraph. */
function paragraphText(index: number): string {
  let seed = index * 2654435761 + 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const count = 10 + Math.floor(random() * 10);
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return `${words.join(' ')}.`.replace(/^./, (first) => first.toUpperCase());
}

/** Rounds to the manifest's 10 µs. */
const round = (seconds: number) => Math.round(seconds * 1e5) / 1e5;

/** Start and end of segment i of n: squeezed before and after a window of `WINDOW` evenly paced paragraphs. */
function segmentTimes(i: number, n: number, from: number): [number, number] {
  const windowStart = 100;
  const windowEnd = windowStart + WINDOW * WINDOW_SECONDS;
  if (i < from) return [round((i * windowStart) / from), round(((i + 1) * windowStart) / from)];
  if (i < from + WINDOW) return [round(windowStart + (i - from) * WINDOW_SECONDS), round(windowStart + (i - from + 1) * WINDOW_SECONDS)];
  const rest = n - from - WINDOW;
  const step = (AUDIO_SECONDS - 1 - windowEnd) / rest;
  return [round(windowEnd + (i - from - WINDOW) * step), round(windowEnd + (i - from - WINDOW + 1) * step)];
}

function manifestFor(texts: readonly string[], from: number): string {
  const segments = texts.map((text, i) => {
    const [start, end] = segmentTimes(i, texts.length, from);
    const spans = [...text.matchAll(/\S+/g)];
    const words = spans.map((span, w) => [
      round(start + ((end - start) * w) / spans.length),
      round(start + ((end - start) * (w + 1)) / spans.length),
      span.index,
      span[0].length,
    ]);
    return { start, end, fingerprint: fingerprint(text), length: text.length, words };
  });
  const sources = [{ src: '/audio/seed.mp3', type: 'audio/mpeg' }];
  return JSON.stringify({ version: '1.0', lang: 'en-GB', voice: 'bench', generator: 'listen bench', duration: AUDIO_SECONDS, sources, segments });
}

// Every frame and timer callback is timed up to the end of the microtasks it queued (Lit renders there).
const samples = { frames: [] as number[], timers: [] as number[], recording: false };
const timed = (callback: () => void, into: 'frames' | 'timers') => () => {
  const start = performance.now();
  try {
    callback();
  } finally {
    queueMicrotask(() => samples.recording && samples[into].push(performance.now() - start));
  }
};
const nativeFrame = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback) => nativeFrame((time) => timed(() => callback(time), 'frames')());
const nativeTimeout = window.setTimeout.bind(window);
window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) =>
  typeof handler === 'function'
    ? nativeTimeout(timed(() => handler(...rest), 'timers'), delay)
    : nativeTimeout(handler, delay, ...rest)) as typeof window.setTimeout;

const bench = {
  stress,
  /** Builds the article; returns the extraction times (ms) of `repeat` runs, the manifest and the window start. */
  build(n: number, repeat: number) {
    const host = document.getElementById('host')!;
    host.replaceChildren();
    const article = document.createElement('article');
    article.id = 'article';
    article.lang = 'en-GB';
    const heading = document.createElement('h1');
    heading.textContent = `Synthetic article of ${n} paragraphs`;
    article.append(heading);
    for (let i = 0; i < n; i++) {
      const paragraph = document.createElement('p');
      paragraph.textContent = paragraphText(i);
      article.append(paragraph);
    }
    host.append(article);
    const extractMs: number[] = [];
    let texts: string[] = [];
    for (let run = 0; run < repeat; run++) {
      const start = performance.now();
      const segments = extractSegments(article);
      extractMs.push(performance.now() - start);
      texts = segments.map((segment) => segment.text);
    }
    const from = Math.floor(texts.length / 2) - WINDOW / 2;
    return { extractMs, manifest: manifestFor(texts, from), from, segments: texts.length };
  },
  /** Adds the player reading `src`; resolves once it knows its segments. */
  async mount(src: string) {
    const player = document.createElement('listen-player');
    player.setAttribute('for', 'article');
    player.setAttribute('highlight', 'word');
    player.setAttribute('no-follow', '');
    player.setAttribute('src', src);
    document.getElementById('article')!.prepend(player);
    await player.updateComplete;
    while (!player.segments.length) await new Promise((resolve) => nativeTimeout(resolve, 10));
  },
  /** Reads from segment `from` for `ms` of playback; returns the callbacks' durations and the frame count. */
  async play(from: number, ms: number) {
    const player = document.querySelector('listen-player')!;
    const playing = new Promise<void>((resolve) => {
      const check = () => (player.state === 'playing' ? resolve() : nativeTimeout(check, 5));
      check();
    });
    player.playSegment(from);
    await playing;
    samples.frames = [];
    samples.timers = [];
    samples.recording = true;
    await new Promise((resolve) => nativeTimeout(resolve, ms));
    samples.recording = false;
    const state = player.state;
    const engine = player.activeEngine;
    player.pause();
    return { frames: samples.frames, timers: samples.timers, state, engine, segment: player.segmentIndex };
  },
};

declare global {
  interface Window {
    listenBench: typeof bench;
  }
}
window.listenBench = bench;
// package.json marks only the built files as having side effects: a bare import of the sources' define
// module is dropped, so the element is referenced (and registered if that import was dropped).
if (!customElements.get('listen-player')) customElements.define('listen-player', ListenPlayer);
