/**
 * Speaks one chunk at a time for the Web Speech engine and keeps its clock. The engine (speech.ts) decides
 * which chunk and when, over its timeline; this says it (the page's words with the lexicon's replacements, in
 * the voice for the chunk's language) and times it, since Web Speech tells no time: the time since the chunk's
 * `start`, the watchdog armed from its estimate, its words spread over it, and how long it took once it ends.
 */
import type { TimedChunk } from './timeline.js';
import type { SpeechWords } from './words.js';
import { chunkOffset, type Pronunciation } from './pronunciation.js';
import type { VoiceChoice } from './voice-choice.js';
import type { UtteranceLine } from './utterances.js';

/** How often the clock is reported while speaking, in ms (UI time only; highlights move on chunk events). */
const TICK_MS = 250;

/** What the chunk being spoken tells the engine. */
export interface ChunkEvents {
  /** It started; `tick` comes every TICK_MS from then until the next stop. */
  readonly start: () => void;
  readonly tick: () => void;
  /** `chunk` ended, after `seconds` of speech at rate 1 (0 when it never started). */
  readonly end: (chunk: TimedChunk, seconds: number) => void;
  readonly error: (error: SpeechSynthesisErrorCode) => void;
}

export class ChunkSpeaker {
  readonly #line: UtteranceLine;
  readonly #words: SpeechWords;
  readonly #choice: VoiceChoice;
  readonly #pronunciation: Pronunciation;
  readonly #now: () => number;
  readonly #startTimeout: number;
  readonly #on: ChunkEvents;
  #startedAt = 0;
  #speaking = false;

  constructor(line: UtteranceLine, words: SpeechWords, choice: VoiceChoice, pronunciation: Pronunciation, now: () => number, startTimeout: number, on: ChunkEvents) {
    this.#line = line;
    this.#words = words;
    this.#choice = choice;
    this.#pronunciation = pronunciation;
    this.#now = now;
    this.#startTimeout = startTimeout;
    this.#on = on;
  }

  /** From `speak()` to the next `stop()` (the chunk speaking, or about to). */
  get speaking(): boolean {
    return this.#speaking;
  }

  /** Seconds of the chunk spoken, at rate 1 (`rate` being the one it is spoken at); null before it started. */
  elapsed(rate: number): number | null {
    return this.#startedAt ? ((this.#now() - this.#startedAt) / 1000) * rate : null;
  }

  /** Speaks `chunk` (expected to take `length` seconds at rate 1) at `rate`; after a `stop()`. */
  speak(chunk: TimedChunk, length: number, rate: number): void {
    const on = this.#on;
    const line = this.#line;
    this.#speaking = true;
    const said = this.#pronunciation.say(chunk);
    const voice = this.#choice.forChunk(chunk.lang);
    const utterance = line.utter(said.text, { voice, lang: voice?.lang ?? chunk.lang, rate }, {
      start: () => {
        this.#startedAt = this.#now();
        // A chunk gets its estimate three times over, plus slack (5 s by default), before it counts as hung.
        const seconds = length / rate;
        line.arm(seconds * 3000 + this.#startTimeout / 2);
        on.start();
        line.tick(on.tick, TICK_MS);
        this.#words.started(chunk, seconds);
      },
      end: () => {
        const seconds = this.elapsed(rate) ?? 0;
        this.#startedAt = 0;
        on.end(chunk, seconds);
      },
      boundary: (charIndex, name) => this.#words.boundary(chunk, chunkOffset(said, charIndex), name),
      error: on.error,
    });
    if (utterance) line.speak(utterance, this.#startTimeout);
  }

  /** Stops speech and timers; pending events of the stopped utterances become stale. */
  stop(): void {
    this.#speaking = false;
    this.#startedAt = 0;
    this.#words.stop();
    this.#line.cancel();
  }
}
