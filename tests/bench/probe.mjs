// What the benchmark runs inside the demo page. `probeScript` is added before any page script (Playwright
// init script): it loads web-vitals, notes every media element that plays and when, and the clicks.
// `syncProbe` is evaluated in the page before play: it records the highlight error of the player and of a
// `timeupdate` baseline against the audio clock.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The init script: web-vitals (IIFE build, so it is not a network resource of the page) and the probe. */
export function probeScript() {
  // The IIFE build sits beside the entry (the package does not export its path).
  const vitals = readFileSync(join(dirname(require.resolve('web-vitals')), 'web-vitals.iife.js'), 'utf8');
  // Playwright may wrap the script in a function: `webVitals` is passed on, not read from `window`.
  return `${vitals}\n(${probe.toString()})(webVitals);`;
}

/** @param {typeof import('web-vitals')} vitals */
function probe(vitals) {
  const bench = { media: [], playing: [], clicks: [], states: [], vitals: {} };
  Object.defineProperty(window, '__bench', { value: bench });
  // Howler plays through HTMLAudioElements it never puts in the document: patching play() finds them.
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    if (!bench.media.includes(this)) {
      bench.media.push(this);
      this.addEventListener('playing', () => bench.playing.push({ src: this.currentSrc, t: performance.now() }));
    }
    return play.apply(this, args);
  };
  addEventListener('click', (event) => bench.clicks.push(event.timeStamp), true);
  document.addEventListener('listen-statechange', (event) => bench.states.push({ state: event.detail.state, t: performance.now() }));
  const keep = (metric) => (bench.vitals[metric.name] = metric.value);
  // reportAllChanges: the values as they are now, not only when the page is hidden.
  vitals.onINP(keep, { reportAllChanges: true, durationThreshold: 16 });
  vitals.onCLS(keep, { reportAllChanges: true });
  vitals.onLCP(keep, { reportAllChanges: true });
  vitals.onFCP(keep);
  vitals.onTTFB(keep);
}

/**
 * Evaluated in the page before play, with the playback rate. Resolves, once the article has been read to
 * its end, to the errors (ms of wall-clock time: audio-clock error ÷ rate) of every paragraph and word
 * change, for the player and for the baseline, plus the words each never showed.
 */
export async function syncProbe(rate) {
  const bench = window.__bench;
  const player = document.querySelector('listen-player');
  const manifestUrl = new URL(player.getAttribute('src'), location.href);
  const manifest = await (await fetch(manifestUrl)).json();
  const segmentStarts = manifest.segments.map((segment) => segment.start);
  const words = manifest.segments.flatMap((segment, s) => segment.words.map((word, w) => ({ s, w, start: word[0] })));
  const wordStarts = words.map((word) => word.start);
  /** Index of the last start ≤ time, −1 before the first: the same O(log n) look-up for both. */
  const find = (starts, time) => {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle] <= time) (found = middle), (low = middle + 1);
      else high = middle - 1;
    }
    return found;
  };
  const result = { rate, player: [], baseline: [], playerWords: new Set(), baselineWords: new Set(), excluded: 0 };
  const audio = () => bench.media.find((media) => /seed\.(mp3|opus)/.test(media.currentSrc) && media !== baseline);
  // The first activation happens on the click, before the sound: it measures nothing about sync.
  const running = (media) => media && !media.paused && bench.playing.some((entry) => entry.src === media.currentSrc);
  const record = (kind, start, label) => {
    const media = audio();
    if (!running(media)) return void result.excluded++;
    const clock = media.currentTime; // read in the same task as the change
    result.player.push({ kind, at: start, error: ((clock - start) * 1000) / rate, label });
  };
  document.addEventListener('listen-segmentchange', (event) => {
    if (event.detail.index >= 0) record('segment', segmentStarts[event.detail.index], event.detail.index);
  });
  document.addEventListener('listen-wordchange', (event) => {
    const { segment, word } = event.detail;
    const timing = manifest.segments[segment]?.words[word];
    if (!timing) return;
    result.playerWords.add(`${segment}:${word}`);
    record('word', timing[0], `${segment}:${word}`);
  });

  // The baseline: a muted <audio> on the same file, started with the player's, mapping currentTime to the
  // paragraph and word at each `timeupdate`, as a player without a frame loop does.
  const mp3 = manifest.sources.find((source) => source.type === 'audio/mpeg') ?? manifest.sources[0];
  const baseline = new Audio(new URL(mp3.src, manifestUrl).href);
  baseline.muted = true;
  baseline.preload = 'auto';
  baseline.playbackRate = rate;
  let segment = -1;
  let wordIndex = -1;
  baseline.addEventListener('timeupdate', () => {
    if (baseline.paused) return;
    const time = baseline.currentTime;
    const s = find(segmentStarts, time);
    const w = find(wordStarts, time);
    if (s !== segment && s >= 0) result.baseline.push({ kind: 'segment', at: segmentStarts[s], error: ((time - segmentStarts[s]) * 1000) / rate });
    if (w !== wordIndex && w >= 0) {
      result.baseline.push({ kind: 'word', at: wordStarts[w], error: ((time - wordStarts[w]) * 1000) / rate });
      result.baselineWords.add(`${words[w].s}:${words[w].w}`);
    }
    segment = s;
    wordIndex = w;
  });
  const started = new Promise((resolve) => {
    const check = () => {
      const media = audio();
      if (running(media)) {
        baseline.currentTime = media.currentTime;
        baseline.play().then(resolve, resolve);
      } else setTimeout(check, 5);
    };
    check();
  });
  const ended = new Promise((resolve) => player.addEventListener('listen-ended', resolve, { once: true }));
  player.setAttribute('rate', String(rate));
  window.__benchSync = { started, done: ended.then(() => {
    baseline.pause();
    return {
      rate,
      player: result.player,
      baseline: result.baseline,
      excluded: result.excluded,
      words: words.length,
      playerMissed: words.length - result.playerWords.size,
      baselineMissed: words.length - result.baselineWords.size,
    };
  }) };
}

/**
 * An init script for the page read by the browser's voice: a stand-in for Web Speech that speaks nothing and
 * times each sentence at 15 characters a second. The benchmark has no speech stack to talk to, and what it
 * measures there (the JS the player loads to read, the click → `playing`) does not depend on the voice.
 */
export function fakeSpeechScript() {
  return `(${fakeSpeech.toString()})();`;
}

function fakeSpeech() {
  const voice = { name: 'Benchmark voice', lang: 'en-US', default: true, localService: true, voiceURI: 'benchmark' };
  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
      Object.assign(this, { onstart: null, onend: null, onerror: null, onboundary: null, onpause: null, onresume: null, onmark: null });
    }
  }
  const synth = new EventTarget();
  const queue = [];
  let current = null;
  let timer = 0;
  const fire = (utterance, type, extra = {}) => {
    const event = Object.assign(new Event(type), { utterance, charIndex: 0, elapsedTime: 0, name: '' }, extra);
    utterance[`on${type}`]?.(event);
    utterance.dispatchEvent(event);
  };
  const next = () => {
    current = queue.shift() ?? null;
    if (!current) return;
    const spoken = current;
    timer = setTimeout(() => {
      fire(spoken, 'start');
      timer = setTimeout(() => {
        current = null;
        fire(spoken, 'end');
        next();
      }, (spoken.text.length / 15 / spoken.rate) * 1000);
    }, 20);
  };
  Object.assign(synth, {
    onvoiceschanged: null,
    paused: false,
    getVoices: () => [voice],
    speak(utterance) {
      queue.push(utterance);
      if (!current) next();
    },
    cancel() {
      clearTimeout(timer);
      const dropped = [current, ...queue.splice(0)].filter(Boolean);
      current = null;
      setTimeout(() => dropped.forEach((utterance, i) => fire(utterance, 'error', { error: i === 0 ? 'interrupted' : 'canceled' })));
    },
    pause() {},
    resume() {},
  });
  Object.defineProperties(synth, {
    speaking: { get: () => current !== null || queue.length > 0 },
    pending: { get: () => queue.length > 0 },
  });
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
}
