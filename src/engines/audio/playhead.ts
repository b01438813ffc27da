/**
 * Where the audio engine is on its timeline, and who reads there: the howler sound in the stretches of
 * recording, Web Speech (the `GapReader`) in the paragraphs without audio. It seeks and plays the sound, hands
 * a paragraph over to speech and takes the reading back after it, and follows the clock while the sound plays.
 * The engine keeps the rest: loading, the sound's making, the stall watchdog, failures.
 */
import type { Howl } from './howler.js';
import type { EngineListener } from '../engine.js';
import { boundaryDelay, FrameLoop, PositionReport, restMs } from './clock.js';
import type { GapReader, GapReaderHost } from './gaps.js';
import type { Recording } from './recording.js';

export interface PlayheadHost {
  readonly listener: EngineListener;
  /** The sound, once made. */
  howl(): Howl | null;
  rate(): number;
  /** The sound started playing at `time`. */
  started(time: number): void;
  /** Reading stopped by itself (the end of the article). */
  ended(): void;
}

export class Playhead {
  readonly #host: PlayheadHost;
  readonly #frames = new FrameLoop(() => this.#follow());
  #recording: Recording | null = null;
  /** Reports the position and word; made with the recording. */
  #positions: PositionReport | null = null;
  /** Reads the paragraphs without audio with Web Speech; null when the recording has every paragraph. */
  #reader: GapReader | null = null;
  /** Index in the timeline's spans of the stretch of recording the sound plays (or will play). */
  #span = 0;
  /** Position on the timeline while the sound is not playing (before the first play, paused, seeking). */
  #position = 0;
  #wantPlay = false;

  constructor(host: PlayheadHost) {
    this.#host = host;
  }

  /** The recording arrived (its manifest is loaded); `reader` reads its paragraphs without audio, if any. */
  attach(recording: Recording, reader: GapReader | null): void {
    this.#recording = recording;
    this.#reader = reader;
    this.#positions = new PositionReport(recording.timings, recording.gaps, this.#host.listener);
  }

  /** What the `GapReader` tells: its events, the end of its paragraphs, a pause of its own. */
  readonly gapHost: GapReaderHost = {
    emit: (event) => this.#host.listener(event),
    finished: (index) => this.#afterGap(index),
    paused: () => {
      this.#wantPlay = false;
      this.#position = this.currentTime;
      this.#host.listener({ type: 'paused' });
    },
  };

  get wantPlay(): boolean {
    return this.#wantPlay;
  }

  /** Whether Web Speech holds the position (reading, or paused in, a paragraph without audio). */
  get reading(): boolean {
    return (this.#reader?.span ?? -1) >= 0;
  }

  get currentTime(): number {
    if (this.reading) return this.#reader!.currentTime;
    // Only a playing sound has a clock worth reading: when the audio ends, howler rewinds the element to 0
    // and tells us a task later, so a stopped sound's position is the last one read (or sought).
    const howl = this.#host.howl();
    const gaps = this.#recording?.gaps;
    if (howl?.playing() && gaps) {
      const time = howl.seek();
      if (typeof time === 'number' && Number.isFinite(time)) return gaps.fromFile(time, this.#span);
    }
    return this.#position;
  }

  /** Keeps `time` as the position while the sound does not play. */
  place(time: number): void {
    this.#position = time;
  }

  /** Play is wanted (the sound, or speech, starts once there). */
  want(): void {
    this.#wantPlay = true;
  }

  /** The sound is ready and play still wanted: reads on from the position, or from the start after the end. */
  resume(): void {
    if (this.reading) this.#reader!.play();
    else this.#enter(this.#position >= (this.#recording?.gaps.duration ?? 0) - 0.01 ? 0 : this.#position);
  }

  /** Pauses at `at`; tells `paused` if something played or was about to. */
  pause(at: number): void {
    const wasActive = this.#wantPlay;
    this.#wantPlay = false;
    this.#position = at;
    this.#frames.stop();
    const howl = this.#host.howl();
    if (this.reading) {
      if (this.#reader!.pause() || wasActive) this.#host.listener({ type: 'paused' });
    } else if (howl?.playing()) howl.pause();
    else if (wasActive) this.#host.listener({ type: 'paused' });
  }

  /** Goes to `time` (on the timeline, within it). */
  seek(time: number): void {
    this.#position = time;
    this.#enter(time);
  }

  setRate(rate: number): void {
    this.#frames.wake();
    this.#reader?.setRate(rate);
  }

  /** Stops wanting play and following the clock; lets the paragraph held by speech go (a failure). */
  halt(): void {
    this.#wantPlay = false;
    this.#frames.stop();
    this.#reader?.release();
  }

  destroy(): void {
    this.#wantPlay = false;
    this.#frames.stop();
    this.#reader?.destroy();
  }

  /** The sound started (howler's `play`): reading, unless play is no longer wanted or speech has the reading. */
  onPlay(): void {
    if (!this.#wantPlay || this.reading) {
      this.#host.howl()?.pause();
      return;
    }
    this.#host.started(this.currentTime);
    this.#host.listener({ type: 'playing' });
    this.#update(this.currentTime, true);
    this.#frames.start();
  }

  /** The sound reached its end, or the last paragraph (spoken) was read: the article ends. */
  onEnd(): void {
    this.#wantPlay = false;
    this.#frames.stop();
    this.#host.ended();
    this.#reader?.release();
    const duration = this.#recording?.gaps.duration ?? 0;
    this.#position = duration;
    this.#update(duration, true);
    this.#host.listener({ type: 'ended' });
  }

  /**
   * Goes to `time` on the timeline: in the recording, seeks the sound (and plays it if playing was asked
   * for); in a paragraph without audio, hands it to Web Speech. Reports the position either way.
   */
  #enter(time: number): void {
    const gaps = this.#recording?.gaps;
    if (!gaps) return;
    this.#position = time;
    const index = gaps.spanAt(time);
    if (gaps.spans[index]!.kind === 'speech') {
      this.#handOver(index, time);
      return;
    }
    this.#reader?.release();
    this.#span = index;
    this.#frames.wake();
    const howl = this.#host.howl();
    if (howl && howl.state() === 'loaded') {
      // Howler pauses a playing sound to seek and restarts it itself. Playing it here too took a second play
      // lock, behind which howler queues the next seek where nothing runs it: a quick second seek was lost.
      const playing = howl.playing();
      howl.seek(gaps.toFile(time));
      if (this.#wantPlay && !playing) howl.play();
    }
    this.#update(time, true);
  }

  /** Web Speech reads span `index` (paragraphs without audio) from `time`, if playing; the sound pauses. */
  #handOver(index: number, time: number): void {
    this.#frames.stop();
    this.#reader!.hold(index, time, this.#wantPlay);
    const howl = this.#host.howl();
    if (howl?.playing()) howl.pause();
    this.#update(time, true);
  }

  /** Speech finished span `index` (or skipped it): the recording goes on after it, or the article ends. */
  #afterGap(index: number): void {
    const next = this.#recording!.gaps.spans[index + 1];
    if (next) this.#enter(next.at);
    else this.onEnd();
  }

  /**
   * Reads the clock of the playing sound, reports what changed and aims at the next boundary; at the end of
   * its stretch of recording, hands the paragraph without audio that follows to Web Speech.
   */
  #follow(): void {
    const recording = this.#recording;
    if (!this.#host.howl()?.playing() || !recording) return;
    const { gaps, timings } = recording;
    const time = this.currentTime;
    const span = gaps.spans[this.#span]!;
    if (time >= span.at + span.length && this.#span + 1 < gaps.spans.length) {
      this.#enter(span.at + span.length);
      return;
    }
    this.#position = time;
    this.#update(time, false);
    const file = gaps.toFile(time);
    const rate = this.#host.rate();
    if (!this.#frames.aimed) {
      const delay = boundaryDelay(timings, file, rate);
      if (delay !== null) this.#frames.aim(delay);
    }
    this.#frames.rest(restMs(timings, time, file, span.at + span.length, rate));
  }

  /** Reports the position (and word) at `time` on the timeline: what changed, or all of it when `force`. */
  #update(time: number, force: boolean): void {
    this.#positions?.report(time, force);
  }
}
