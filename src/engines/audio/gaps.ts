/**
 * Paragraphs the recording does not contain (manifest 1.1 `"audio": false`), read by Web Speech in place,
 * on the timeline `gap-timeline.ts` makes. `GapReader` speaks a span with an inner `SpeechEngine`, made only
 * when a span is first read: the audio engine never needs one for a complete recording, and its module is
 * imported only then (a recording with every paragraph never downloads the speech engine).
 */
import type { Segment } from '../../article/segment.js';
import type { EngineEvent, EngineLoadOptions, ListenErrorCode } from '../engine.js';
import type { SpeechEngine } from '../speech/speech.js';
import type { SpeechEngineOptions } from '../speech/options.js';
import type { GapTimeline, SpeechSpan } from './gap-timeline.js';

/** What a `GapReader` tells the audio engine. */
export interface GapReaderHost {
  /** An event for the player, already on the audio engine's timeline and segment numbering. */
  emit(event: EngineEvent): void;
  /** Speech finished span `index` (read to its end, or skipped after a failure): the recording goes on. */
  finished(index: number): void;
  /** Speech paused on its own (the page was hidden, another player or script cancelled the speech). */
  paused(): void;
}

export interface GapReaderOptions {
  /** Test seam: options for the inner speech engine. */
  readonly speech?: SpeechEngineOptions | undefined;
  /** Test seam: how the speech engine is loaded. */
  readonly loadSpeech?: () => Promise<typeof import('../speech/speech.js')>;
}

/**
 * Reads the speech spans of a `GapTimeline` with one inner `SpeechEngine`, loaded with a span's segments
 * when that span is entered. Its events are mapped onto the audio engine's timeline (the span's room,
 * in proportion to the speech engine's own estimate) and segment numbers; its `loading` and `duration` are
 * the audio engine's business and are not passed on, nor its `ended`, which means "go on with the audio".
 * A speech failure skips the span: an error with `fallback: 'audio'`, then `finished`.
 */
export class GapReader {
  readonly #timeline: GapTimeline;
  readonly #segments: readonly Segment[];
  readonly #host: GapReaderHost;
  readonly #options: GapReaderOptions;
  #loadOptions: EngineLoadOptions;
  #speech: Promise<SpeechEngine | null> | null = null;
  #engine: SpeechEngine | null = null;
  /** The span held (position in it), or −1. */
  #span = -1;
  /** The span the inner engine was loaded with, or −1. */
  #loaded = -1;
  /** Where in the held span to start when play comes (a time on the timeline), until the engine has it. */
  #at = 0;
  #wantPlay = false;
  /** Whether speech has the reading, as last reported with an `engine` event. */
  #speaking = false;
  /** Set while the reader itself stops the inner engine. */
  #quiet = false;
  #destroyed = false;

  constructor(timeline: GapTimeline, segments: readonly Segment[], host: GapReaderHost, loadOptions: EngineLoadOptions, options: GapReaderOptions = {}) {
    this.#timeline = timeline;
    this.#segments = segments;
    this.#host = host;
    this.#loadOptions = loadOptions;
    this.#options = options;
  }

  /** Index of the speech span held (being read, or paused in), or −1. */
  get span(): number {
    return this.#span;
  }

  /** The position on the timeline while a span is held. */
  get currentTime(): number {
    const span = this.#held();
    if (!span) return 0;
    const engine = this.#engine;
    if (!engine || this.#loaded !== this.#span) return this.#at;
    return this.#toTimeline(span, engine.currentTime, engine.duration);
  }

  /**
   * Holds span `index` at `time` (in it), reporting that speech has the reading (`engine` event); reads it
   * at once when `play`.
   */
  hold(index: number, time: number, play: boolean): void {
    const span = this.#timeline.spans[index];
    if (!span || span.kind !== 'speech' || this.#destroyed) return;
    if (!this.#speaking) {
      this.#speaking = true;
      this.#host.emit({ type: 'engine', engine: 'speech', reason: 'no-audio' });
    }
    if (this.#span !== index) this.#stopInner();
    if (!play) this.#wantPlay = false;
    this.#span = index;
    this.#at = Math.min(Math.max(time, span.at), span.at + span.length);
    if (this.#loaded === index && this.#engine) this.#seekInner(this.#engine, span, this.#at);
    if (play) this.play();
  }

  play(): void {
    const index = this.#span;
    if (index < 0 || this.#destroyed) return;
    this.#wantPlay = true;
    void this.#load().then((engine) => {
      if (!engine || this.#span !== index || !this.#wantPlay || this.#destroyed) return;
      const span = this.#held()!;
      if (this.#loaded !== index) {
        this.#loaded = index;
        const segments = span.segments.map((segment) => this.#segments[segment.index]!);
        void engine.load(segments, this.#loadOptions);
        this.#seekInner(engine, span, this.#at);
      }
      engine.play();
    });
  }

  /**
   * Pauses the span's speech, keeping the place in it. Says nothing: returns whether it was reading (or about
   * to), for the audio engine to report `paused` once, whoever was speaking.
   */
  pause(): boolean {
    const wasActive = this.#wantPlay;
    this.#at = this.currentTime;
    this.#wantPlay = false;
    this.#stopInner();
    return wasActive;
  }

  setRate(rate: number): void {
    this.#loadOptions = { ...this.#loadOptions, rate };
    this.#engine?.setRate(rate);
  }

  /** Lets go of the held span, silently; the recording has the reading again (`engine` event, once). */
  release(): void {
    this.#wantPlay = false;
    this.#stopInner();
    this.#span = -1;
    if (this.#speaking && !this.#destroyed) this.#host.emit({ type: 'engine', engine: 'audio', reason: 'no-audio' });
    this.#speaking = false;
  }

  destroy(): void {
    this.#destroyed = true;
    this.release();
    this.#engine?.destroy();
    this.#engine = null;
  }

  #held(): SpeechSpan | null {
    const span = this.#timeline.spans[this.#span];
    return span?.kind === 'speech' ? span : null;
  }

  /** The inner speech engine, imported and made on first need. */
  #load(): Promise<SpeechEngine | null> {
    this.#speech ??= (this.#options.loadSpeech ?? (() => import('../speech/speech.js')))().then(
      ({ SpeechEngine }) => {
        if (this.#destroyed) return null;
        this.#engine = new SpeechEngine((event) => this.#fromSpeech(event), this.#options.speech);
        return this.#engine;
      },
      (error: unknown) => {
        // The module itself failed to arrive (offline, a deploy replaced it): skip as for a speech failure.
        this.#skip('speech-failed', `The browser's voice could not be loaded (${String(error)}).`);
        this.#speech = null;
        return null;
      },
    );
    return this.#speech;
  }

  /** Stops the inner engine, if it speaks, without passing on its `paused`. */
  #stopInner(): void {
    this.#quiet = true;
    try {
      this.#engine?.pause();
    } finally {
      this.#quiet = false;
    }
  }

  #fromSpeech(event: EngineEvent): void {
    const span = this.#held();
    // While the reader stops it itself, what it says (its clock, `paused`) is not news.
    if (!span || this.#loaded !== this.#span || this.#destroyed || this.#quiet) return;
    const engine = this.#engine!;
    switch (event.type) {
      case 'playing':
        this.#host.emit(event);
        return;
      case 'paused':
        // Not asked for by the player (its own pauses are quiet): speech was stopped from outside.
        if (!this.#wantPlay) return;
        this.#at = this.currentTime;
        this.#wantPlay = false;
        this.#host.paused();
        return;
      case 'position':
        this.#host.emit({ ...event, time: this.#toTimeline(span, event.time, engine.duration), segment: this.#outer(span, event.segment) });
        return;
      case 'word':
        this.#host.emit({ ...event, time: this.#toTimeline(span, event.time, engine.duration), segment: this.#outer(span, event.segment) });
        return;
      case 'ended':
        this.#finish();
        return;
      case 'notice':
        this.#host.emit(event);
        return;
      case 'error':
        this.#skip(event.code, event.message);
        return;
      case 'loading':
      case 'duration':
      case 'engine':
        return;
    }
  }

  /** Speech failed on this span: say so, and go on with the recording after it. */
  #skip(code: ListenErrorCode, message: string): void {
    if (this.#span < 0) return;
    // Loaded afresh next time: an engine that failed to load stays silent until it is loaded again.
    this.#loaded = -1;
    this.#host.emit({ type: 'error', code, message, fallback: 'audio' });
    this.#finish();
  }

  /** Done with the span; the audio engine goes on (and releases the reader as the recording takes over). */
  #finish(): void {
    const index = this.#span;
    this.#wantPlay = false;
    this.#stopInner();
    this.#span = -1;
    this.#host.finished(index);
  }

  /** The article's index of the span's `local` segment (−1 stays −1). */
  #outer(span: SpeechSpan, local: number): number {
    return local >= 0 ? (span.segments[local]?.index ?? span.segments.at(-1)!.index) : -1;
  }

  /** A time of the inner engine (its own estimated timeline) → the audio engine's timeline, inside the span. */
  #toTimeline(span: SpeechSpan, time: number, duration: number): number {
    const share = duration > 0 ? Math.min(Math.max(time / duration, 0), 1) : 0;
    return span.at + share * span.length;
  }

  /**
   * Moves the inner engine to `time` (on the timeline, inside `span`): a segment's own start goes to that
   * segment's first sentence (the two estimates cut sentences a little differently), any other time to the
   * sentence at the same share of the inner engine's estimate.
   */
  #seekInner(engine: SpeechEngine, span: SpeechSpan, time: number): void {
    const local = span.segments.findIndex((segment) => segment.at === time);
    if (local >= 0) {
      engine.seekSegment(local);
      return;
    }
    const share = span.length > 0 ? Math.min(Math.max((time - span.at) / span.length, 0), 1) : 0;
    engine.seek(share * engine.duration);
  }
}
