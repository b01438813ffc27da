/**
 * The Web Speech engine: speaks segments chunk by chunk with `speechSynthesis`, and keeps an estimated
 * timeline (seconds at rate 1) so the player can show time, seek and skip as it does for audio.
 *
 * Browser pitfalls it works around (those of the utterances themselves in utterances.ts):
 * - Chrome cuts utterances after ~15 s (https://crbug.com/679437): chunks are one sentence, ≤ 200 characters.
 * - `pause()`/`resume()` is broken on Android and some Linux setups: pausing cancels, resuming re-speaks the chunk.
 * - `speechSynthesis` is one queue per page: another's `cancel()` (error `interrupted`) pauses the engine
 *   without a `cancel()` of its own, which would silence whoever spoke next.
 * - Some platforms never send `end` (or hang after `start`): such a chunk counts as failed.
 */
import type { Segment } from '../../article/segment.js';
import type { EngineListener, EngineLoadOptions, ListenErrorCode, SpeechEngineLike, WordTiming } from '../engine.js';
import { hasInlineLang } from '../../article/inline-lang.js';
import { clampRate } from '../../article/pace.js';
import { type ChunkPlace, type RunsOf, SpeechTimeline, type TimedChunk } from './timeline.js';
import { SpeechWords } from './words.js';
import { ChunkSpeaker } from './chunk-speaker.js';
import { Pronunciation } from './pronunciation.js';
import { VoiceChoice } from './voice-choice.js';
import { VOICE_TIMEOUT_MS, type RankContext } from './voices.js';
import type { SpeechEngineOptions } from './options.js';
import { speechFailure, UtteranceLine } from './utterances.js';

/** The cutting at language runs, once imported (for the first article with phrases in another language). */
let langRuns: RunsOf | undefined;

export class SpeechEngine implements SpeechEngineLike {
  readonly kind = 'speech' as const;

  readonly #listener: EngineListener;
  /** Speaks the utterances, keeps them alive, drops stale events, watches for hangs. */
  readonly #line: UtteranceLine;
  /** Says each chunk and keeps its clock. */
  readonly #speaker: ChunkSpeaker;
  readonly #voiceTimeout: number;
  readonly #window: EventTarget | null;

  #timeline = new SpeechTimeline([], '');
  /** Word events: the voice's boundaries where it sends them, else estimated over each chunk. */
  readonly #words: SpeechWords;
  /** The article's voice, and one for each chunk in another language (`lang` on a quote or paragraph). */
  readonly #choice: VoiceChoice;
  /** What is said for each chunk: the page's words, with the pronunciation lexicon's replacements. */
  readonly #pronunciation = new Pronunciation();
  #rate = 1;

  /** The chunk to speak; null past the last one. */
  #place: ChunkPlace | null = null;
  #wantPlay = false;
  #ready: Promise<boolean> | null = null;
  #destroyed = false;
  /** Loading failed (reported once); play does nothing until the next load. */
  #failed = false;

  constructor(listener: EngineListener, options: SpeechEngineOptions = {}) {
    this.#listener = listener;
    const g = globalThis as Partial<typeof globalThis>;
    this.#line = new UtteranceLine(
      options.synth === undefined ? (g.speechSynthesis ?? null) : options.synth,
      options.Utterance ?? g.SpeechSynthesisUtterance,
      () => this.#fail('speech-timeout', "The browser's speech stopped responding."),
    );
    this.#voiceTimeout = options.voiceTimeout ?? VOICE_TIMEOUT_MS;
    const now = options.now ?? (() => performance.now());
    this.#window = options.window === undefined ? (typeof window === 'undefined' ? null : window) : options.window;
    this.#window?.addEventListener('pagehide', this.#onPageHide);
    this.#choice = new VoiceChoice(options.voiceContext);
    this.#words = new SpeechWords(
      (segment, word, offset, length) => this.#listener({ type: 'word', segment, word, offset, length, time: this.currentTime }),
      now,
    );
    this.#speaker = new ChunkSpeaker(this.#line, this.#words, this.#choice, this.#pronunciation, now, options.startTimeout ?? 10_000, {
      start: () => {
        this.#listener({ type: 'playing' });
        this.#emitPosition();
      },
      tick: () => this.#emitPosition(),
      end: (chunk, seconds) => this.#onEnd(chunk, seconds),
      error: (error) => this.#onError(error),
    });
  }

  /** Voices on this device (after `load`). */
  get voices(): readonly SpeechSynthesisVoice[] {
    return this.#choice.voices;
  }

  /** The voice speaking, or null when none fits. */
  get voice(): SpeechSynthesisVoice | null {
    return this.#choice.voice;
  }

  /** What the voices were ranked with (online or not, the reader's languages), for the voice menu. */
  get voiceContext(): RankContext {
    return this.#choice.context;
  }

  get duration(): number {
    return this.#timeline.duration;
  }

  /** `exact` once the voice sends word boundaries, `estimated` while it speaks without; null before it speaks. */
  get wordTiming(): WordTiming | null {
    return this.#words.timing;
  }

  get currentTime(): number {
    const start = this.#timeline.start(this.#place);
    const elapsed = this.#speaker.elapsed(this.#rate);
    if (elapsed === null) return start;
    // Never run past the chunk's estimate: the next chunk's `start` moves the clock on.
    return start + Math.min(elapsed, (this.#timeline.end(this.#place) - start) * 0.99);
  }

  load(segments: readonly Segment[], options: EngineLoadOptions): Promise<void> {
    this.#speaker.stop();
    this.#rate = clampRate(options.rate);
    const previous = this.duration;
    const inline = hasInlineLang(segments);
    this.#timeline = new SpeechTimeline(segments, options.lang, options.relabel, inline ? langRuns : undefined);
    this.#words.reset(segments);
    this.#place = this.#timeline.firstFrom(0);
    if (this.duration !== previous) this.#listener({ type: 'duration', duration: this.duration });
    this.#failed = false;
    this.#ready = this.#prepare(options, inline && !langRuns);
    return this.#ready.then(() => undefined);
  }

  async #prepare(options: EngineLoadOptions, cutRuns: boolean): Promise<boolean> {
    const synth = this.#line.synth;
    if (!synth) {
      this.#failLoad('This browser cannot read aloud: it has no speech synthesis.');
      return false;
    }
    const voices = this.#choice.load(synth, this.#voiceTimeout, options, this.#timeline.langs());
    const runs = cutRuns ? this.#cutAtRuns(this.#timeline) : undefined;
    const [loaded] = await Promise.all([voices, this.#pronunciation.load(options, this.#listener), runs]);
    // A newer load has taken over (or the engine is gone): it reports for itself.
    if (this.#destroyed || loaded.status === 'stale') return false;
    if (loaded.status === 'failed') this.#failLoad(loaded.message);
    return loaded.status === 'ready';
  }

  /**
   * Imports the cutting at language runs and cuts `timeline` with it, keeping the place (a chunk starts where
   * the first of its parts does). Should it fail to load, each phrase is read in its paragraph's language.
   */
  async #cutAtRuns(timeline: SpeechTimeline): Promise<void> {
    try {
      langRuns ??= (await import('../../article/lang-runs.js')).langRuns;
    } catch {
      return;
    }
    if (timeline !== this.#timeline) return;
    const chunk = timeline.chunk(this.#place);
    timeline.useRuns(langRuns);
    if (chunk) this.#place = timeline.placeAt(chunk.segment, chunk.offset);
  }

  /** Switches to the voice named `name` (if the device has it); speaking restarts the current chunk with it. */
  setVoice(name: string): void {
    if (!this.#choice.select(name)) return;
    this.#words.voiceChanged();
    if (this.#speaker.speaking) this.#speakCurrent();
  }

  play(): void {
    if (this.#destroyed || this.#failed || this.#timeline.empty) return;
    this.#wantPlay = true;
    if (this.#speaker.speaking) return;
    this.#place ??= this.#timeline.firstFrom(0);
    this.#listener(this.#choice.waiting ? { type: 'loading', reason: 'voices' } : { type: 'loading' });
    void this.#ready?.then((ok) => {
      if (ok && this.#wantPlay && !this.#speaker.speaking) this.#speakCurrent();
    });
  }

  pause(): void {
    if (this.#destroyed) return;
    const wasActive = this.#wantPlay || this.#speaker.speaking;
    this.#wantPlay = false;
    this.#speaker.stop();
    this.#emitPosition();
    if (wasActive) this.#listener({ type: 'paused' });
  }

  seek(seconds: number): void {
    if (this.#destroyed || this.#timeline.empty || !Number.isFinite(seconds)) return;
    this.#jumpTo(this.#timeline.at(seconds));
  }

  /** Speech has no exact clock, so skipping moves a whole chunk (a sentence) back or forward. */
  skip(direction: -1 | 1): void {
    if (this.#destroyed || this.#timeline.empty) return;
    const from = this.#place ?? this.#timeline.lastUpTo();
    if (!from) return;
    this.#jumpTo(this.#timeline.sentence(from, direction) ?? from);
  }

  seekSegment(index: number): void {
    if (this.#destroyed) return;
    const place = this.#timeline.firstOf(index);
    if (place) this.#jumpTo(place);
  }

  segmentStart(index: number): number {
    return this.#timeline.start(this.#timeline.firstOf(index));
  }

  setRate(rate: number): void {
    const next = clampRate(rate);
    if (next === this.#rate) return;
    this.#rate = next;
    if (this.#speaker.speaking) this.#speakCurrent();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#wantPlay = false;
    this.#choice.abort();
    this.#pronunciation.abort();
    this.#speaker.stop();
    this.#line.destroy();
    this.#window?.removeEventListener('pagehide', this.#onPageHide);
  }

  #jumpTo(place: ChunkPlace | null): void {
    this.#place = place;
    if (this.#speaker.speaking || this.#wantPlay) {
      this.#speakCurrent();
    } else {
      this.#emitPosition();
    }
  }

  #speakCurrent(): void {
    const place = this.#place;
    const chunk = this.#timeline.chunk(place);
    if (!this.#line.synth || !chunk) return;
    // Stopped first, so the position reported is the chunk's start; it is reported before the chunk is spoken.
    this.#speaker.stop();
    this.#emitPosition();
    this.#speaker.speak(chunk, this.#timeline.end(place) - this.#timeline.start(place), this.#rate);
  }

  #onEnd(chunk: TimedChunk, seconds: number): void {
    if (seconds > 0.05) {
      const previous = this.duration;
      this.#timeline.measure(chunk, seconds);
      if (this.duration !== previous) this.#listener({ type: 'duration', duration: this.duration });
    }
    this.#place = this.#place && this.#timeline.next(this.#place);
    if (this.#place) {
      this.#speakCurrent();
      return;
    }
    this.#wantPlay = false;
    this.#speaker.stop();
    this.#emitPosition();
    this.#listener({ type: 'ended' });
  }

  #onError(error: SpeechSynthesisErrorCode): void {
    const failure = speechFailure(error);
    if (failure) {
      this.#fail(failure.code, failure.message);
      return;
    }
    // Someone else (another player, the page's own script, the OS) cancelled the page's one speech queue,
    // maybe to speak: pause, resumable, with nothing of ours left to cancel — cancelling again would
    // silence their speech.
    this.#line.forget();
    this.pause();
  }

  /** The device cannot speak this article: reported once; `play()` stays silent until the next `load()`. */
  #failLoad(message: string): void {
    this.#failed = true;
    this.#fail('no-speech', message);
  }

  #fail(code: ListenErrorCode, message: string): void {
    this.#wantPlay = false;
    this.#speaker.stop();
    this.#listener({ type: 'error', code, message });
  }

  #emitPosition(): void {
    const place = this.#place ?? this.#timeline.lastUpTo();
    this.#listener({ type: 'position', time: this.currentTime, segment: place ? place.segment : -1 });
  }

  readonly #onPageHide = () => {
    if (this.#speaker.speaking || this.#wantPlay) this.pause();
  };
}

