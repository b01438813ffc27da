/**
 * A fake of Web Speech synthesis (https://webaudio.github.io/web-speech-api/#tts-section) for tests, in Node
 * and in the browser alike: a queue of utterances spoken one at a time on a simulated clock (`setTimeout` only,
 * so Vitest fake timers drive it), with the browser quirks the player has to survive switchable on demand.
 *
 * Faithful where it matters:
 * - Events are dispatched asynchronously, never inside `speak()`/`cancel()`/`pause()`/`resume()`.
 * - The head of the queue fires `start`, then `boundary` (optional), then `end` after text length ÷ (chars per
 *   second × rate); only then does the next utterance start.
 * - `cancel()` empties the queue at once; the utterance being spoken gets `error` "interrupted", the others
 *   "canceled" (or `end` for all, as older Chrome did). It does not change `paused`.
 * - `speaking` and `pending` are reported as Chromium does: speaking while the queue holds anything (even paused
 *   or not yet started), pending while more than one utterance is queued.
 * - Utterances have both `on*` handler properties and `addEventListener`, like the DOM.
 */

export interface FakeVoiceInit {
  readonly name: string;
  readonly lang: string;
  /** Default: the name. */
  readonly voiceURI?: string;
  /** Default: true. */
  readonly localService?: boolean;
  /** Default: false. */
  readonly default?: boolean;
}

/** A voice as `getVoices()` lists it. */
export function fakeVoice(init: FakeVoiceInit): SpeechSynthesisVoice {
  return Object.freeze({
    name: init.name,
    lang: init.lang,
    voiceURI: init.voiceURI ?? init.name,
    localService: init.localService ?? true,
    default: init.default ?? false,
  });
}

/** Voices as headless Chromium on Linux lists them with espeak-ng: Afrikaans first, and the default. */
export const LINUX_CHROMIUM_VOICES: readonly SpeechSynthesisVoice[] = Object.freeze([
  fakeVoice({ name: 'Afrikaans', lang: 'af', default: true }),
  fakeVoice({ name: 'English (America)', lang: 'en-US' }),
  fakeVoice({ name: 'English (Great Britain)', lang: 'en-GB' }),
  fakeVoice({ name: 'German', lang: 'de' }),
  fakeVoice({ name: 'Japanese', lang: 'ja' }),
]);

export interface FakeSpeechSynthesisOptions {
  /** The device's voices. Default: `LINUX_CHROMIUM_VOICES`. */
  readonly voices?: readonly SpeechSynthesisVoice[];
  /** When `getVoices()` starts listing them: 0 at once (default), after N ms, or `Infinity` for never. */
  readonly voicesDelay?: number;
  /** Whether `voiceschanged` fires when late voices arrive (Safari and Firefox sometimes omit it). Default: true. */
  readonly voicesChangedEvent?: boolean;
  /** Speaking speed at rate 1. Default: 15. */
  readonly charsPerSecond?: number;
  /** Delay between an utterance reaching the head of the queue and its `start`, in ms. Default: 0. */
  readonly startLatency?: number;
  /** Fire `boundary` events for words. Default: false. */
  readonly boundaries?: boolean;
  /** Added to every boundary's `charIndex` (some engines report offsets that are off). Default: 0. */
  readonly boundaryOffset?: number;
  /** What cancelled utterances fire: `error` (current browsers, default) or `end` (older Chrome). */
  readonly cancelEvent?: 'error' | 'end';
  /** `start` fires but `end` never does. Default: false. */
  readonly hangAfterStart?: boolean;
  /** The head of the queue never starts. Default: false. */
  readonly neverStart?: boolean;
  /** Clock in ms for `elapsedTime` and pause bookkeeping. Default: `Date.now` (which fake timers control). */
  readonly now?: () => number;
}

/** Initialisation of a synthesis event, as the DOM's `SpeechSynthesisEventInit`. */
export interface FakeSpeechSynthesisEventInit extends EventInit {
  readonly utterance: FakeUtterance;
  readonly charIndex?: number;
  readonly charLength?: number;
  readonly elapsedTime?: number;
  readonly name?: string;
}

export class FakeSpeechSynthesisEvent extends Event {
  readonly utterance: FakeUtterance;
  readonly charIndex: number;
  readonly charLength: number;
  /** Seconds since the utterance started. */
  readonly elapsedTime: number;
  readonly name: string;

  constructor(type: string, init: FakeSpeechSynthesisEventInit) {
    super(type, init);
    this.utterance = init.utterance;
    this.charIndex = init.charIndex ?? 0;
    this.charLength = init.charLength ?? 0;
    this.elapsedTime = init.elapsedTime ?? 0;
    this.name = init.name ?? '';
  }
}

export class FakeSpeechSynthesisErrorEvent extends FakeSpeechSynthesisEvent {
  readonly error: SpeechSynthesisErrorCode;

  constructor(type: string, init: FakeSpeechSynthesisEventInit & { readonly error: SpeechSynthesisErrorCode }) {
    super(type, init);
    this.error = init.error;
  }
}

/**
 * Event handler properties as the DOM has them: setting one adds a listener (in order with the others),
 * which calls whatever handler is set when the event fires; setting null removes it.
 */
class EventHandlers {
  readonly #target: EventTarget;
  readonly #handlers = new Map<string, unknown>();
  readonly #listeners = new Map<string, EventListener>();

  constructor(target: EventTarget) {
    this.#target = target;
  }

  get<T>(type: string): T | null {
    return (this.#handlers.get(type) ?? null) as T | null;
  }

  set(type: string, handler: unknown): void {
    if (typeof handler !== 'function') {
      this.#handlers.delete(type);
      const listener = this.#listeners.get(type);
      if (listener) this.#target.removeEventListener(type, listener);
      this.#listeners.delete(type);
      return;
    }
    this.#handlers.set(type, handler);
    if (this.#listeners.has(type)) return;
    const listener: EventListener = (event) => {
      const current = this.#handlers.get(type);
      if (typeof current === 'function') current.call(this.#target, event);
    };
    this.#listeners.set(type, listener);
    this.#target.addEventListener(type, listener);
  }
}

/** Stands in for `SpeechSynthesisUtterance`. */
export class FakeUtterance extends EventTarget {
  text: string;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  readonly #handlers = new EventHandlers(this);

  constructor(text?: string) {
    super();
    this.text = text ?? '';
  }

  get onstart(): SpeechSynthesisUtterance['onstart'] {
    return this.#handlers.get('start');
  }
  set onstart(handler: SpeechSynthesisUtterance['onstart']) {
    this.#handlers.set('start', handler);
  }
  get onend(): SpeechSynthesisUtterance['onend'] {
    return this.#handlers.get('end');
  }
  set onend(handler: SpeechSynthesisUtterance['onend']) {
    this.#handlers.set('end', handler);
  }
  get onerror(): SpeechSynthesisUtterance['onerror'] {
    return this.#handlers.get('error');
  }
  set onerror(handler: SpeechSynthesisUtterance['onerror']) {
    this.#handlers.set('error', handler);
  }
  get onboundary(): SpeechSynthesisUtterance['onboundary'] {
    return this.#handlers.get('boundary');
  }
  set onboundary(handler: SpeechSynthesisUtterance['onboundary']) {
    this.#handlers.set('boundary', handler);
  }
  get onmark(): SpeechSynthesisUtterance['onmark'] {
    return this.#handlers.get('mark');
  }
  set onmark(handler: SpeechSynthesisUtterance['onmark']) {
    this.#handlers.set('mark', handler);
  }
  get onpause(): SpeechSynthesisUtterance['onpause'] {
    return this.#handlers.get('pause');
  }
  set onpause(handler: SpeechSynthesisUtterance['onpause']) {
    this.#handlers.set('pause', handler);
  }
  get onresume(): SpeechSynthesisUtterance['onresume'] {
    return this.#handlers.get('resume');
  }
  set onresume(handler: SpeechSynthesisUtterance['onresume']) {
    this.#handlers.set('resume', handler);
  }
}

export type SpokenOutcome = 'queued' | 'speaking' | 'ended' | SpeechSynthesisErrorCode;

/** One `speak()` call, with the utterance's settings as they were when it was queued. */
export interface SpokenEntry {
  readonly utterance: FakeUtterance;
  readonly text: string;
  readonly lang: string;
  readonly voice: SpeechSynthesisVoice | null;
  readonly rate: number;
  readonly pitch: number;
  readonly volume: number;
  /** What has become of it so far. */
  readonly outcome: SpokenOutcome;
}

type MutableEntry = { -readonly [K in keyof SpokenEntry]: SpokenEntry[K] };

/** The utterance handed to the "platform": the head of the queue. */
interface Head {
  readonly utterance: FakeUtterance;
  readonly entry: { outcome: SpokenOutcome };
  started: boolean;
  /** ms of speech done before the last resume. */
  progress: number;
  /** When speech last (re)started, by `now()`. */
  resumedAt: number;
  /** Boundaries already fired. */
  boundariesFired: number;
  readonly timers: Set<ReturnType<typeof setTimeout>>;
}

/** Stands in for `window.speechSynthesis`. */
export class FakeSpeechSynthesis extends EventTarget {
  charsPerSecond: number;
  startLatency: number;
  boundaries: boolean;
  boundaryOffset: number;
  cancelEvent: 'error' | 'end';
  hangAfterStart: boolean;
  neverStart: boolean;

  readonly #now: () => number;
  readonly #handlers = new EventHandlers(this);
  #voices: readonly SpeechSynthesisVoice[] = [];
  #queue: FakeUtterance[] = [];
  #head: Head | null = null;
  #paused = false;
  readonly #failures: SpeechSynthesisErrorCode[] = [];
  readonly #log: MutableEntry[] = [];
  readonly #entries = new Map<FakeUtterance, { outcome: SpokenOutcome }>();

  constructor(options: FakeSpeechSynthesisOptions = {}) {
    super();
    this.charsPerSecond = options.charsPerSecond ?? 15;
    this.startLatency = options.startLatency ?? 0;
    this.boundaries = options.boundaries ?? false;
    this.boundaryOffset = options.boundaryOffset ?? 0;
    this.cancelEvent = options.cancelEvent ?? 'error';
    this.hangAfterStart = options.hangAfterStart ?? false;
    this.neverStart = options.neverStart ?? false;
    this.#now = options.now ?? (() => Date.now());
    const voices = options.voices ?? LINUX_CHROMIUM_VOICES;
    const delay = options.voicesDelay ?? 0;
    if (delay <= 0) this.#voices = voices;
    else if (Number.isFinite(delay)) {
      setTimeout(() => this.setVoices(voices, options.voicesChangedEvent ?? true), delay);
    }
  }

  /** Options for the player's speech engine, typed as the DOM types they stand in for. */
  engineOptions(): { synth: SpeechSynthesis; Utterance: typeof SpeechSynthesisUtterance } {
    return { synth: this, Utterance: FakeUtterance };
  }

  get onvoiceschanged(): SpeechSynthesis['onvoiceschanged'] {
    return this.#handlers.get('voiceschanged');
  }
  set onvoiceschanged(handler: SpeechSynthesis['onvoiceschanged']) {
    this.#handlers.set('voiceschanged', handler);
  }

  get speaking(): boolean {
    return this.#queue.length > 0;
  }

  get pending(): boolean {
    return this.#queue.length > 1;
  }

  get paused(): boolean {
    return this.#paused;
  }

  getVoices(): SpeechSynthesisVoice[] {
    return [...this.#voices];
  }

  speak(utterance: SpeechSynthesisUtterance): void {
    if (!(utterance instanceof FakeUtterance)) throw new TypeError('speak() needs a FakeUtterance.');
    const entry: MutableEntry = {
      utterance,
      text: utterance.text,
      lang: utterance.lang,
      voice: utterance.voice,
      rate: utterance.rate,
      pitch: utterance.pitch,
      volume: utterance.volume,
      outcome: 'queued',
    };
    this.#log.push(entry);
    this.#entries.set(utterance, entry);
    this.#queue.push(utterance);
    if (!this.#head && !this.#paused) this.#startHead();
  }

  cancel(): void {
    const cancelled = this.#queue;
    const head = this.#head;
    const elapsed = this.#elapsed(head);
    this.#queue = [];
    this.#head = null;
    if (head) this.#clearTimers(head);
    if (!cancelled.length) return;
    const wasStarted = head?.started ? head.utterance : null;
    for (const utterance of cancelled) {
      this.#outcome(utterance, utterance === wasStarted ? 'interrupted' : 'canceled');
    }
    setTimeout(() => {
      for (const utterance of cancelled) {
        if (this.cancelEvent === 'end') {
          this.#dispatch(utterance, 'end', utterance === wasStarted ? elapsed : 0);
        } else {
          const error = utterance === wasStarted ? 'interrupted' : 'canceled';
          utterance.dispatchEvent(
            new FakeSpeechSynthesisErrorEvent('error', {
              utterance,
              error,
              elapsedTime: utterance === wasStarted ? elapsed : 0,
            }),
          );
        }
      }
    }, 0);
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    const head = this.#head;
    if (!head) return;
    this.#clearTimers(head);
    if (!head.started) return;
    head.progress += this.#now() - head.resumedAt;
    const elapsed = this.#elapsed(head);
    setTimeout(() => this.#dispatch(head.utterance, 'pause', elapsed), 0);
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    const head = this.#head;
    if (!head) {
      if (this.#queue.length) this.#startHead();
      return;
    }
    if (!head.started) {
      this.#scheduleStart(head);
      return;
    }
    head.resumedAt = this.#now();
    const elapsed = this.#elapsed(head);
    setTimeout(() => this.#dispatch(head.utterance, 'resume', elapsed), 0);
    this.#scheduleSpeech(head);
  }

  // Test controls.

  /** The next utterance to reach the head fires `error` with `code` instead of `start` (one per call). */
  failNext(code: SpeechSynthesisErrorCode): void {
    this.#failures.push(code);
  }

  /** Makes `voices` the device's voices now, firing `voiceschanged` unless `event` is false. */
  setVoices(voices: readonly SpeechSynthesisVoice[], event = true): void {
    this.#voices = voices;
    if (event) this.dispatchEvent(new Event('voiceschanged'));
  }

  /** Every `speak()` so far, oldest first. */
  get log(): readonly SpokenEntry[] {
    return this.#log;
  }

  /** Texts of every `speak()` so far. */
  get texts(): string[] {
    return this.#log.map((entry) => entry.text);
  }

  /** The utterance being spoken (started, not finished), or null. */
  get current(): FakeUtterance | null {
    return this.#head?.started ? this.#head.utterance : null;
  }

  /** How long `text` takes at `rate`, in ms. */
  durationOf(text: string, rate = 1): number {
    return (text.length / (this.charsPerSecond * clamp(rate, 0.1, 10))) * 1000;
  }

  #startHead(): void {
    const utterance = this.#queue[0];
    if (!utterance) return;
    const head: Head = {
      utterance,
      entry: this.#entries.get(utterance) ?? { outcome: 'queued' },
      started: false,
      progress: 0,
      resumedAt: 0,
      boundariesFired: 0,
      timers: new Set(),
    };
    this.#head = head;
    if (!this.#paused) this.#scheduleStart(head);
  }

  #scheduleStart(head: Head): void {
    this.#later(head, this.startLatency, () => {
      const failure = this.#failures.shift();
      if (failure) {
        head.entry.outcome = failure;
        this.#finish(head, () =>
          head.utterance.dispatchEvent(
            new FakeSpeechSynthesisErrorEvent('error', { utterance: head.utterance, error: failure }),
          ),
        );
        return;
      }
      if (this.neverStart) return;
      head.started = true;
      head.resumedAt = this.#now();
      head.entry.outcome = 'speaking';
      this.#dispatch(head.utterance, 'start', 0);
      // A handler may have cancelled or paused.
      if (this.#head === head && !this.#paused) this.#scheduleSpeech(head);
    });
  }

  /** Schedules the remaining boundaries and the end from the head's progress. */
  #scheduleSpeech(head: Head): void {
    const { text, rate } = head.utterance;
    const msPerChar = this.durationOf('x', rate);
    if (this.boundaries) {
      const words = [...text.matchAll(/\S+/g)];
      words.slice(head.boundariesFired).forEach((word) => {
        this.#later(head, word.index * msPerChar - head.progress, () => {
          head.boundariesFired++;
          this.#dispatch(head.utterance, 'boundary', this.#elapsed(head), {
            name: 'word',
            charIndex: word.index + this.boundaryOffset,
            charLength: word[0].length,
          });
        });
      });
    }
    if (this.hangAfterStart) return;
    this.#later(head, this.durationOf(text, rate) - head.progress, () => {
      head.entry.outcome = 'ended';
      const elapsed = this.#elapsed(head);
      this.#finish(head, () => this.#dispatch(head.utterance, 'end', elapsed));
    });
  }

  /** As Chromium: the finished utterance leaves the queue, its event fires, then the next one is started. */
  #finish(head: Head, fire: () => void): void {
    this.#clearTimers(head);
    this.#queue.shift();
    this.#head = null;
    fire();
    if (!this.#head && !this.#paused && this.#queue.length) this.#startHead();
  }

  #later(head: Head, ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      head.timers.delete(timer);
      run();
    }, Math.max(0, ms));
    head.timers.add(timer);
  }

  #clearTimers(head: Head): void {
    for (const timer of head.timers) clearTimeout(timer);
    head.timers.clear();
  }

  #elapsed(head: Head | null): number {
    if (!head?.started) return 0;
    const running = this.#paused || this.#head !== head ? 0 : this.#now() - head.resumedAt;
    return (head.progress + running) / 1000;
  }

  #outcome(utterance: FakeUtterance, outcome: SpokenOutcome): void {
    const entry = this.#entries.get(utterance);
    if (entry) entry.outcome = outcome;
  }

  #dispatch(
    utterance: FakeUtterance,
    type: string,
    elapsedTime: number,
    extra: { name?: string; charIndex?: number; charLength?: number } = {},
  ): void {
    utterance.dispatchEvent(new FakeSpeechSynthesisEvent(type, { utterance, elapsedTime, ...extra }));
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, min), max) : 1;
}
