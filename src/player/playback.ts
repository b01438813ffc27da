/**
 * The playback controller: owns the article's segments, the engine and the store, and hands store changes to
 * `PageEvents` (the player's DOM events and the highlights). Data flows one way:
 * article DOM → segments → engine → engine events → store → (events, highlight, UI render).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adoptHighlightStyle } from '../article/highlight.js';
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
import { LoadingEngine, importEngine, isSpeechEngine, type EngineFactory, type EngineRequest } from '../engines/loader.js';
import { clampRate } from '../article/pace.js';
import type { SpeechEngineOptions } from '../engines/speech/options.js';
import { emit } from './events.js';
import { PageEvents } from './page-events.js';
import { ArticleSegments } from './segments.js';
import { BurstGate } from './settle.js';
import { StartSources, type StartChooser, type StartPoint, type StartSource } from './starts.js';
import { PlayerStore, type PlayerSnapshot, type StoreAction } from './store.js';
import { reduce } from './transitions.js';

export type HighlightMode = 'paragraph' | 'word' | 'none';

/**
 * After a reload for a new source, article or language, how long (ms) more changes wait for the burst to
 * end: a script setting `src` every frame gets one more load, of its last value, not one per change.
 */
const CHANGE_SETTLE_MS = 150;

export interface PlaybackOptions {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** Timing manifest URL of pre-rendered audio, or '' for Web Speech. */
  src(): string;
  /** Language, voice and rate for the engine. */
  loadOptions(): EngineLoadOptions;
  highlight(): HighlightMode;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
  /** The article's segments, read already by whoever made the controller: used by the first `prepare`. */
  readonly segments?: readonly Segment[] | null;
  /** The player's store, which the element made (it shows state before the controller exists); default: a new one. */
  readonly store?: PlayerStore;
  /** Test seams: options for the engines. */
  speech?: SpeechEngineOptions | undefined;
  audio?: () => Partial<AudioEngineOptions>;
  /** Makes the engines. Default: `importEngine`, which loads only the module of the engine that reads. */
  engines?: EngineFactory | undefined;
}

export class PlaybackController implements ReactiveController {
  readonly store: PlayerStore;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PlaybackOptions;
  readonly #page: PageEvents;
  readonly #segments: ArticleSegments;
  /** The engine, standing in for it while its module loads (requests made meanwhile wait in it, in order). */
  #engine: LoadingEngine | null = null;
  /** Why the engine in use is not the one asked for (audio fell back to speech), shown to the reader. */
  #notice = '';
  /** The segment last asked for (play from, next, previous) until the engine reports a position. */
  #requested = -1;
  #unsubscribe: (() => void) | null = null;
  /** Asked by `play()` where to start, in their fixed order (see `startFrom`). */
  readonly #starts = new StartSources();
  /** After a reload for a change, more changes wait for the burst to end (see `changed`). */
  readonly #changes = new BurstGate(CHANGE_SETTLE_MS);

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlaybackOptions) {
    this.#host = host;
    this.#options = options;
    this.store = options.store ?? new PlayerStore();
    this.store.use(reduce);
    this.#page = new PageEvents(host, {
      article: options.article,
      exclude: options.exclude,
      segments: () => this.segments,
      paragraphs: () => options.highlight() !== 'none',
      words: () => options.highlight() === 'word',
    });
    this.#segments = new ArticleSegments(options, options.segments ?? null);
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.store.subscribe((next, previous) => this.#page.change(next, previous));
  }

  hostDisconnected(): void {
    this.#changes.cancel();
    this.#unload();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  get snapshot(): PlayerSnapshot {
    return this.store.snapshot;
  }

  /** The engine reading; while its module loads, a stand-in with no timeline yet. */
  get engine(): EngineCore | null {
    return this.#engine?.engine ?? this.#engine;
  }

  /** Whether an engine is loaded or loading (the article was read and an engine made for it). */
  get hasEngine(): boolean {
    return this.#engine !== null;
  }

  get notice(): string {
    return this.#notice;
  }

  /** The article's segments, read from the page on first use. */
  get segments(): readonly Segment[] {
    return this.#segments.all;
  }

  /** Reads the article and loads an engine for it, unless one is loaded already. */
  prepare(): EngineCore | null {
    if (this.#engine) return this.#engine;
    const article = this.#options.article();
    if (!article) {
      this.#report({ type: 'error', code: 'no-article', message: 'The article to read was not found on this page.' });
      return null;
    }
    this.#segments.refresh();
    if (!this.segments.length) {
      this.#report({ type: 'error', code: 'no-article', message: 'This article has no text to read.' });
      return null;
    }
    const root = article.getRootNode();
    if (root instanceof Document || root instanceof ShadowRoot) adoptHighlightStyle(root);
    return this.#use(this.#make(this.#options.src() ? 'audio' : 'speech'));
  }

  play(): void {
    // After an error, try again from scratch.
    if (this.snapshot.state === 'error') this.#unload();
    const engine = this.#prepareToPlay();
    if (!engine) return;
    const at = this.#starts.choose();
    if (at) this.#moveTo(engine, at);
    engine.play();
  }

  /**
   * Lets a controller choose where `play()` starts, as `source` (asked in `START_ORDER`, the first non-null answer
   * wins); returns its removal. Not asked by `playFrom`, `playSegment` or `toggle` to pause.
   */
  startFrom(source: StartSource, choose: StartChooser): () => void {
    return this.#starts.add(source, choose);
  }

  /** Starts reading at `at` (a remembered position), whatever any `startFrom` would choose. */
  playFrom(at: StartPoint): void {
    const engine = this.#prepareToPlay();
    if (!engine) return;
    this.#moveTo(engine, at);
    engine.play();
  }

  /**
   * `prepare()` for a play the reader asked for: without an engine yet, `loading` while one loads, so one that
   * cannot (no article, no speech) fails that play visibly, not as an error of the player loading ahead of play.
   */
  #prepareToPlay(): EngineCore | null {
    if (!this.#engine) this.store.dispatch({ type: 'loading' });
    return this.prepare();
  }

  #moveTo(engine: EngineCore, at: StartPoint): void {
    if (!Number.isInteger(at.segment) || at.segment < 0 || at.segment >= this.segments.length) return;
    this.#requested = at.segment;
    if (at.time === undefined || !Number.isFinite(at.time)) engine.seekSegment(at.segment);
    // As in `seek`: an engine without its timeline yet bounds the time once it has it.
    else engine.seek(engine.duration > 0 ? Math.min(Math.max(at.time, 0), engine.duration) : Math.max(at.time, 0));
  }

  pause(): void {
    this.#engine?.pause();
  }

  toggle(): void {
    const { state } = this.snapshot;
    if (state === 'playing' || state === 'loading') this.pause();
    else this.play();
  }

  seek(seconds: number): void {
    const engine = this.prepare();
    // An engine still loading its timeline (length 0) keeps the time and bounds it once it knows its length.
    if (engine) engine.seek(engine.duration > 0 ? Math.min(Math.max(seconds, 0), engine.duration) : Math.max(seconds, 0));
  }

  skip(direction: -1 | 1): void {
    this.prepare()?.skip(direction);
  }

  playSegment(index: number): void {
    const engine = this.prepare();
    if (!engine || !Number.isInteger(index) || index < 0 || index >= this.segments.length) return;
    this.#requested = index;
    engine.seekSegment(index);
    engine.play();
  }

  /** Moves to the start of segment `index` without playing (paused: a click on a paragraph). */
  seekToSegment(index: number): void {
    const engine = this.#engine;
    if (engine) this.seek(engine.segmentStart(index));
  }

  /** Moves to the next/previous paragraph; keeps playing if playing, stays paused otherwise. */
  step(direction: -1 | 1): void {
    const engine = this.prepare();
    if (!engine) return;
    // Before the first play (index −1) "next" means the second segment, as if the first were current.
    const from = Math.max(this.#requested >= 0 ? this.#requested : this.snapshot.segmentIndex, 0);
    this.#requested = Math.min(Math.max(from + direction, 0), this.segments.length - 1);
    engine.seekSegment(this.#requested);
  }

  setRate(rate: number): void {
    this.#engine?.setRate(clampRate(rate));
  }

  setVoice(name: string): void {
    this.#engine?.when(isSpeechEngine, (engine) => {
      engine.setVoice(name);
      this.#syncCapabilities();
    });
  }

  /** Forgets the segments and engine so the next play reads the page again (a new `for`, `src` or `lang`). */
  reset(): void {
    this.#unload();
    this.#segments.forget();
  }

  /** An engine of the kind asked for; only its module loads, and the player goes on with a stand-in meanwhile. */
  #make(kind: EngineKind): LoadingEngine {
    const request: EngineRequest =
      kind === 'audio' ? { kind, options: { ...this.#options.audio?.(), src: this.#options.src() } } : { kind, options: this.#options.speech };
    const factory = this.#options.engines ?? importEngine;
    const engine: LoadingEngine = new LoadingEngine(request, factory, (event) => this.#fromEngine(engine, event));
    return engine;
  }

  #use(engine: LoadingEngine, reason?: 'fallback'): EngineCore {
    this.#engine = engine;
    this.store.dispatch({ type: 'engine', engine: engine.kind, reason });
    this.store.clock = () => engine.currentTime;
    this.#syncCapabilities();
    // Voices and manifests arrive asynchronously; render again when they are known.
    void engine.load(this.segments, this.#options.loadOptions()).then(() => {
      if (engine === this.#engine) this.#syncCapabilities();
      this.#host.requestUpdate();
    });
    return engine;
  }

  #unload(): void {
    this.#engine?.destroy();
    this.#engine = null;
    this.store.clock = null;
    this.#notice = '';
    this.#requested = -1;
    this.#page.clear();
    this.store.dispatch({ type: 'reset' });
  }

  /**
   * Events of a replaced engine are dropped; an audio failure with a fallback switches to speech; speech
   * failing on a paragraph without audio (which the audio engine skips) is a notice, not an error state; so is
   * an engine's `notice` (a lexicon it could not load), reported with `fallback: 'continue'`.
   */
  #fromEngine(engine: EngineCore, event: EngineEvent): void {
    if (engine !== this.#engine) return;
    // First what the engine can do now (the manifest's hash came with its length): listeners see both at once.
    this.#syncCapabilities();
    if (event.type === 'notice') emit(this.#host, 'listen-error', { code: event.code, message: event.message, fallback: 'continue' });
    else if (event.type === 'error' && event.fallback === 'speech') this.#fallBack(engine, event.code, event.message);
    else if (event.type === 'error' && event.fallback === 'audio') this.#skipped(event.code, event.message);
    else this.#report(event);
  }

  #skipped(code: ListenErrorCode, message: string): void {
    this.#notice = `${message} That paragraph was skipped.`;
    emit(this.#host, 'listen-error', { code, message, fallback: 'audio' });
    this.#host.requestUpdate();
  }

  #fallBack(failed: EngineCore, code: ListenErrorCode, message: string): void {
    const { state } = this.snapshot;
    const segmentIndex = this.#requested >= 0 ? this.#requested : this.snapshot.segmentIndex;
    const resume = state === 'playing' || state === 'loading';
    failed.destroy();
    this.#notice = `${message} Reading with the browser's voice instead.`;
    emit(this.#host, 'listen-error', { code, message, fallback: 'speech' });
    this.#continueWith(this.#use(this.#make('speech'), 'fallback'), segmentIndex, resume);
    this.#host.requestUpdate();
  }

  /**
   * Loads a fresh engine (the source, article or language changed) and carries on from the same paragraph,
   * playing if it was playing; or from segment `at` (the article changed under it), playing if `resume`.
   */
  reload(at = this.snapshot.segmentIndex, resume = this.snapshot.state === 'playing' || this.snapshot.state === 'loading'): void {
    this.reset();
    if (!this.#options.article()) return;
    const engine = this.prepare();
    if (engine) this.#continueWith(engine, at, resume);
  }

  /** The article left the page and nothing took its place: reading stops with `no-article`. */
  articleGone(): void {
    this.reset();
    this.#report({ type: 'error', code: 'no-article', message: 'The article was removed from the page.' });
  }

  /**
   * The source, article or language changed: reload at once, unless a change came a moment ago; then the
   * last of the burst loads once it is over (`CHANGE_SETTLE_MS` without a change). Only the last value matters.
   */
  changed(): void {
    this.#changes.changed(() => this.reload());
  }

  #continueWith(engine: EngineCore, segmentIndex: number, resume: boolean): void {
    if (segmentIndex > 0) engine.seekSegment(segmentIndex);
    if (resume) engine.play();
  }

  /** Carries what the engine can do (voices, the file to download, word timing…) into the store. */
  #syncCapabilities(): void {
    this.store.dispatch({ type: 'capabilities', capabilities: capabilitiesOf(this.#engine?.engine ?? null) });
  }

  #report(event: StoreAction): void {
    if (event.type === 'position') this.#requested = -1;
    this.store.dispatch(event);
  }
}
