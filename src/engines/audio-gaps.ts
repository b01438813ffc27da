/**
 * Paragraphs the recording does not contain (manifest 1.1 `"audio": false`), read by Web Speech in place.
 *
 * The audio engine's timeline is the recording's with each such paragraph given room of its own, so that
 * time, the seek bar and progress keep moving while speech reads it:
 *
 * - A run of consecutive segments without audio is one speech span. Each of its segments takes an
 *   estimated length (its text at `GAP_CHARS_PER_SECOND`, the speech timeline's first guess at rate 1).
 * - It replaces the stretch of the recording from the run's point (its `start`, where it would have been)
 *   to the start of the next segment with audio (or the end of the file): that stretch is at best a pause,
 *   and a recording of an older text may even hold words the page no longer has.
 * - Everything else is audio span: the recording as it is, shifted by the room the spans before it took.
 *
 * A manifest without such segments gives one audio span, the whole file, and the timeline is the file's.
 * `GapTimeline` is pure (no DOM); `GapReader` speaks a span with an inner `SpeechEngine`, imported only
 * when a span is first read, so pages whose recordings are complete never load it.
 */
import type { Segment } from '../article/segment.js';
import type { EngineEvent, EngineLoadOptions, ListenErrorCode } from './engine.js';
import type { ManifestSegment } from './manifest.js';
import type { SpeechEngine, SpeechEngineOptions } from './speech.js';

/**
 * Characters per second at rate 1 that a segment without audio is given on the timeline: the speech
 * timeline's initial estimate (`INITIAL_CHARS_PER_SECOND`), repeated here so the audio engine does not
 * load the speech modules to know it (a unit test keeps the two equal).
 */
export const GAP_CHARS_PER_SECOND = 14.5;

/** Part of the recording, played as it is: `[from, from + length)` of the file, at `at` on the timeline. */
export interface AudioSpan {
  readonly kind: 'audio';
  readonly at: number;
  readonly length: number;
  /** Where it starts in the file, in seconds. */
  readonly from: number;
}

/** Consecutive segments without audio, read by Web Speech, at `at` on the timeline. */
export interface SpeechSpan {
  readonly kind: 'speech';
  readonly at: number;
  readonly length: number;
  /** Where the recording goes on after it, in seconds of the file. */
  readonly resume: number;
  /** Its segments in order: their index in the article and their start on the timeline. */
  readonly segments: readonly { readonly index: number; readonly at: number }[];
}

export type Span = AudioSpan | SpeechSpan;

export class GapTimeline {
  readonly spans: readonly Span[];
  readonly duration: number;
  /** Start of each segment on the timeline. */
  readonly #starts: Float64Array;

  /**
   * `segments`: the manifest's (validated: in order, not overlapping); `texts`: the page's segment texts
   * (the manifest matched them), whose lengths give the spoken segments their room; `fileDuration`: the
   * recording's length in seconds.
   */
  constructor(segments: readonly Pick<ManifestSegment, 'start' | 'audio'>[], texts: readonly string[], fileDuration: number) {
    const spans: Span[] = [];
    const starts = new Float64Array(segments.length);
    let cursor = 0; // in the file
    let at = 0; // on the timeline
    const playTo = (end: number): void => {
      if (end > cursor) {
        spans.push({ kind: 'audio', at, length: end - cursor, from: cursor });
        at += end - cursor;
        cursor = end;
      }
    };
    for (let i = 0; i < segments.length; ) {
      if (segments[i]!.audio !== false) {
        starts[i] = at + Math.max(segments[i]!.start - cursor, 0);
        i++;
        continue;
      }
      playTo(segments[i]!.start);
      const run: { index: number; at: number }[] = [];
      const spanAt = at;
      for (; i < segments.length && segments[i]!.audio === false; i++) {
        starts[i] = at;
        run.push({ index: i, at });
        at += estimatedLength(texts[i] ?? '');
      }
      // The file goes on where the next segment with audio starts; after a trailing run, nowhere.
      const resume = Math.max(cursor, i < segments.length ? segments[i]!.start : fileDuration);
      spans.push({ kind: 'speech', at: spanAt, length: at - spanAt, resume, segments: run });
      cursor = resume;
    }
    playTo(fileDuration);
    if (spans.length === 0) spans.push({ kind: 'audio', at: 0, length: 0, from: 0 });
    this.spans = spans;
    this.duration = at;
    this.#starts = starts;
  }

  /** True when some segment is not in the recording (there is a speech span). */
  get partial(): boolean {
    return this.spans.some((span) => span.kind === 'speech');
  }

  /** Index of the span at `time` on the timeline: the last one started at or before it (clamped). */
  spanAt(time: number): number {
    let low = 0;
    let high = this.spans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.spans[middle]!.at <= time) low = middle;
      else high = middle - 1;
    }
    // A span of no length (a run of empty texts) is never "at" a time: the one after it is.
    while (low + 1 < this.spans.length && this.spans[low]!.length === 0 && this.spans[low + 1]!.at <= time) low++;
    return low;
  }

  /** Start of segment `index` on the timeline (0 for an index out of range). */
  segmentStart(index: number): number {
    return this.#starts[index] ?? 0;
  }

  /** Where the file is at `time` on the timeline: inside an audio span, the same moment; in a speech span, where it resumes. */
  toFile(time: number): number {
    const span = this.spans[this.spanAt(time)]!;
    if (span.kind === 'speech') return span.resume;
    return span.from + Math.min(Math.max(time - span.at, 0), span.length);
  }

  /** The timeline's time of `fileTime` played in audio span `index`. */
  fromFile(fileTime: number, index: number): number {
    const span = this.spans[index];
    if (!span || span.kind !== 'audio') return this.duration;
    return span.at + Math.max(fileTime - span.from, 0);
  }

  /** The segment read at `time` when it falls in a speech span (by the estimated starts), else −1. */
  spokenSegmentAt(time: number): number {
    const span = this.spans[this.spanAt(time)]!;
    if (span.kind !== 'speech') return -1;
    let found = span.segments[0]!.index;
    for (const segment of span.segments) if (segment.at <= time) found = segment.index;
    return found;
  }
}

/** Room on the timeline of a segment speech reads: its text at the speech timeline's first estimate. */
export function estimatedLength(text: string): number {
  return text.length / GAP_CHARS_PER_SECOND;
}

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
  readonly loadSpeech?: () => Promise<typeof import('./speech.js')>;
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

  /** Holds span `index` at `time` (in it); reads it at once when `play`. */
  hold(index: number, time: number, play: boolean): void {
    const span = this.#timeline.spans[index];
    if (!span || span.kind !== 'speech' || this.#destroyed) return;
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

  /** Lets go of the held span without a word (the audio takes over). */
  release(): void {
    this.#wantPlay = false;
    this.#stopInner();
    this.#span = -1;
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
    this.#speech ??= (this.#options.loadSpeech ?? (() => import('./speech.js')))().then(
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
    this.#host.emit({ type: 'error', code, message, fallback: 'audio' });
    this.#finish();
  }

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
