/**
 * The engine's line to `speechSynthesis`: makes utterances, keeps them alive, drops their stale events and
 * cancels only what is its own. The engine decides what to say and when; this decides how it reaches the queue.
 *
 * - Chrome garbage-collects utterances still speaking, and their events never fire: live ones are kept referenced.
 * - `cancel()` fires `error`/`end` on cancelled utterances in some browsers: every utterance carries a generation,
 *   and events of an older generation are ignored.
 * - `speechSynthesis` is one queue per page, and `cancel()` empties all of it: `cancel()` here reaches the
 *   synthesiser only while an utterance of ours is in it.
 * - Some platforms never send `end` (or hang after `start`): a watchdog reports such a chunk as hung.
 */
import type { ListenErrorCode } from '../engine.js';

/** What one utterance reports; called only while it is still the current one. */
export interface UtteranceHandlers {
  readonly start: () => void;
  readonly end: () => void;
  readonly boundary: (charIndex: number, name: string) => void;
  readonly error: (error: SpeechSynthesisErrorCode) => void;
}

/** How an utterance sounds. */
export interface UtteranceVoice {
  readonly voice: SpeechSynthesisVoice | null;
  readonly lang: string;
  readonly rate: number;
}

export class UtteranceLine {
  readonly #synth: SpeechSynthesis | null;
  readonly #Utterance: typeof SpeechSynthesisUtterance | undefined;
  readonly #onHung: () => void;
  /** Bumped on every cancel; events from older utterances are ignored. */
  #generation = 0;
  /** Utterances in flight, referenced so Chrome does not collect them mid-speech. */
  readonly #live = new Set<SpeechSynthesisUtterance>();
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #destroyed = false;

  constructor(synth: SpeechSynthesis | null, Utterance: typeof SpeechSynthesisUtterance | undefined, onHung: () => void) {
    this.#synth = synth;
    this.#Utterance = Utterance;
    this.#onHung = onHung;
  }

  /** The synthesiser, or null when this browser cannot speak (no service or no utterance constructor). */
  get synth(): SpeechSynthesis | null {
    return this.#Utterance ? this.#synth : null;
  }

  /**
   * Cancels what is in flight and makes the next utterance, kept alive until it ends or fails. It is not
   * spoken until `speak()`, so the caller can report its position first.
   */
  utter(text: string, sound: UtteranceVoice, on: UtteranceHandlers): SpeechSynthesisUtterance | null {
    if (!this.synth || !this.#Utterance) return null;
    this.cancel();
    const generation = this.#generation;
    const current = () => generation === this.#generation && !this.#destroyed;
    const utterance = new this.#Utterance(text);
    utterance.voice = sound.voice;
    utterance.lang = sound.lang;
    utterance.rate = sound.rate;
    utterance.onstart = () => current() && on.start();
    utterance.onend = () => {
      this.#live.delete(utterance);
      if (current()) on.end();
    };
    utterance.onboundary = (event) => current() && on.boundary(event.charIndex, event.name);
    utterance.onerror = (event) => {
      this.#live.delete(utterance);
      if (current()) on.error(event.error);
    };
    this.#live.add(utterance);
    return utterance;
  }

  /** Queues `utterance`; it counts as hung unless it starts within `startTimeout` ms. */
  speak(utterance: SpeechSynthesisUtterance, startTimeout: number): void {
    this.arm(startTimeout);
    this.#synth?.speak(utterance);
  }

  /** (Re)starts the watchdog: the chunk counts as hung after `ms`. */
  arm(ms: number): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(this.#onHung, ms);
  }

  /** Calls `tick` every `ms` until the next cancel (once, however often asked). */
  tick(tick: () => void, ms: number): void {
    this.#ticker ??= setInterval(tick, ms);
  }

  /** Someone else emptied the page's queue: nothing of ours is in it any more, so a cancel must not reach it. */
  forget(): void {
    this.#live.clear();
  }

  /** Stops timers; pending events of the stopped utterances become stale. */
  cancel(): void {
    this.#generation++;
    clearTimeout(this.#watchdog);
    clearInterval(this.#ticker);
    this.#watchdog = undefined;
    this.#ticker = undefined;
    // The synthesiser is one queue for the whole page: `speaking`/`pending` may be another player's or the
    // page's own speech. Cancel only while an utterance of ours is in it (queued or speaking).
    const ours = this.#live.size > 0;
    this.#live.clear();
    const synth = this.#synth;
    if (ours && synth && (synth.speaking || synth.pending)) synth.cancel();
  }

  destroy(): void {
    this.#destroyed = true;
    this.cancel();
  }
}

/** What a failed utterance means for the reader; null when someone else cancelled the page's speech queue. */
export function speechFailure(error: SpeechSynthesisErrorCode): { code: ListenErrorCode; message: string } | null {
  if (error === 'interrupted' || error === 'canceled') return null;
  if (error === 'not-allowed') {
    return { code: 'not-allowed', message: 'The browser blocked speech until the page is used. Press play to start.' };
  }
  return { code: 'speech-failed', message: `The browser could not speak this text (${error}).` };
}
