/**
 * The engine in use: makes it (only the module of the kind that reads loads), carries its events into the
 * store, and keeps reading where a failure can spare the reader an error state: audio that cannot be played
 * falls back to Web Speech, and speech failing on a paragraph without audio skips that paragraph.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Segment } from '../article/segment.js';
import type { AudioEngineOptions } from '../engines/audio/audio.js';
import {
  capabilitiesOf,
  type EngineCore,
  type EngineEvent,
  type EngineKind,
  type EngineLoadOptions,
  type ListenErrorCode,
} from '../engines/engine.js';
import { LoadingEngine, importEngine, type EngineFactory, type EngineRequest } from '../engines/loader.js';
import type { SpeechEngineOptions } from '../engines/speech/options.js';
import { emit } from './events.js';
import type { PlayerStore, StoreAction } from './store.js';

/** What the engines are made with (part of the playback controller's options). */
export interface EngineMaking {
  /** Timing manifest URL of pre-rendered audio, or '' for Web Speech. */
  src(): string;
  /** Language, voice and rate for the engine. */
  loadOptions(): EngineLoadOptions;
  /** Test seams: options for the engines. */
  speech?: SpeechEngineOptions | undefined;
  audio?: () => Partial<AudioEngineOptions>;
  /** Makes the engines. Default: `importEngine`, which loads only the module of the engine that reads. */
  engines?: EngineFactory | undefined;
}

/** What the slot needs from the playback controller. */
export interface EngineSlotContext {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly store: PlayerStore;
  readonly making: EngineMaking;
  /** The article's segments, loaded into every engine made. */
  segments(): readonly Segment[];
  /** Where an engine taking over after a failure carries on: the segment asked for, else the current one. */
  resumeAt(): number;
  /** Engine events the slot does not handle itself, for the store. */
  report(event: StoreAction): void;
}

export class EngineSlot {
  readonly #context: EngineSlotContext;
  /** The engine, standing in for it while its module loads (requests made meanwhile wait in it, in order). */
  #engine: LoadingEngine | null = null;
  /** Why the engine in use is not the one asked for (audio fell back to speech), shown to the reader. */
  #notice = '';

  constructor(context: EngineSlotContext) {
    this.#context = context;
  }

  /** The engine in use (or its stand-in while its module loads), or null before one is made. */
  get current(): LoadingEngine | null {
    return this.#engine;
  }

  get notice(): string {
    return this.#notice;
  }

  /** Makes an engine of `kind`, loads the article into it and makes it the one in use. */
  use(kind: EngineKind, reason?: 'fallback'): EngineCore {
    const engine = this.#make(kind);
    const { store, host } = this.#context;
    this.#engine = engine;
    store.dispatch({ type: 'engine', engine: engine.kind, reason });
    store.clock = () => engine.currentTime;
    this.syncCapabilities();
    // Voices and manifests arrive asynchronously; render again when they are known.
    void engine.load(this.#context.segments(), this.#context.making.loadOptions()).then(() => {
      if (engine === this.#engine) this.syncCapabilities();
      host.requestUpdate();
    });
    return engine;
  }

  /** Destroys the engine in use and forgets why it was chosen; the store keeps no clock of it. */
  unload(): void {
    this.#engine?.destroy();
    this.#engine = null;
    this.#context.store.clock = null;
    this.#notice = '';
  }

  /** Carries what the engine can do (voices, the file to download, word timing…) into the store. */
  syncCapabilities(): void {
    this.#context.store.dispatch({ type: 'capabilities', capabilities: capabilitiesOf(this.#engine?.engine ?? null) });
  }

  /** An engine of the kind asked for; only its module loads, and the player goes on with a stand-in meanwhile. */
  #make(kind: EngineKind): LoadingEngine {
    const making = this.#context.making;
    const request: EngineRequest = kind === 'audio' ? { kind, options: { ...making.audio?.(), src: making.src() } } : { kind, options: making.speech };
    const factory = making.engines ?? importEngine;
    const engine: LoadingEngine = new LoadingEngine(request, factory, (event) => this.#fromEngine(engine, event));
    return engine;
  }

  /**
   * Events of a replaced engine are dropped; an audio failure with a fallback switches to speech; speech
   * failing on a paragraph without audio (which the audio engine skips) is a notice, not an error state; so is
   * an engine's `notice` (a lexicon it could not load), reported with `fallback: 'continue'`.
   */
  #fromEngine(engine: EngineCore, event: EngineEvent): void {
    if (engine !== this.#engine) return;
    // First what the engine can do now (the manifest's hash came with its length): listeners see both at once.
    // The clock's events (many a second) change none of it but, with the first words spoken, the word timing.
    const clock = event.type === 'position' || event.type === 'word';
    if (!clock || engine.wordTiming !== this.#context.store.snapshot.wordTiming) this.syncCapabilities();
    const host = this.#context.host;
    if (event.type === 'notice') emit(host, 'listen-error', { code: event.code, message: event.message, fallback: 'continue' });
    else if (event.type === 'error' && event.fallback === 'speech') this.#fallBack(engine, event.code, event.message);
    else if (event.type === 'error' && event.fallback === 'audio') this.#skipped(event.code, event.message);
    else this.#context.report(event);
  }

  #skipped(code: ListenErrorCode, message: string): void {
    this.#notice = `${message} That paragraph was skipped.`;
    emit(this.#context.host, 'listen-error', { code, message, fallback: 'audio' });
    this.#context.host.requestUpdate();
  }

  #fallBack(failed: EngineCore, code: ListenErrorCode, message: string): void {
    const { state } = this.#context.store.snapshot;
    const segmentIndex = this.#context.resumeAt();
    const resume = state === 'playing' || state === 'loading';
    failed.destroy();
    this.#notice = `${message} Reading with the browser's voice instead.`;
    emit(this.#context.host, 'listen-error', { code, message, fallback: 'speech' });
    continueWith(this.use('speech', 'fallback'), segmentIndex, resume);
    this.#context.host.requestUpdate();
  }
}

/** Carries on in `engine` from segment `segmentIndex`, playing if `resume`. */
export function continueWith(engine: EngineCore, segmentIndex: number, resume: boolean): void {
  if (segmentIndex > 0) engine.seekSegment(segmentIndex);
  if (resume) engine.play();
}
