/**
 * The playback controller: owns the article's segments, the engine (in an `EngineSlot`) and the store, and hands
 * store changes to `PageEvents` (the player's DOM events and the highlights). Data flows one way:
 * article DOM → segments → engine → engine events → store → (events, highlight, UI render).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adoptHighlightStyle } from '../article/highlight.js';
import type { Segment } from '../article/segment.js';
import type { EngineCore } from '../engines/engine.js';
import { isAudioEngine, isSpeechEngine } from '../engines/loader.js';
import { clampRate } from '../article/pace.js';
import { continueWith, EngineSlot, type EngineMaking } from './engine-slot.js';
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

export interface PlaybackOptions extends EngineMaking {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  highlight(): HighlightMode;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
  /** The article's segments, read already by whoever made the controller: used by the first `prepare`. */
  readonly segments?: readonly Segment[] | null;
  /** The player's store, which the element made (it shows state before the controller exists); default: a new one. */
  readonly store?: PlayerStore;
}

export class PlaybackController implements ReactiveController {
  readonly store: PlayerStore;
  readonly #options: PlaybackOptions;
  readonly #page: PageEvents;
  readonly #segments: ArticleSegments;
  /** The engine in use, and what happens when it fails. */
  readonly #slot: EngineSlot;
  /** The segment last asked for (play from, next, previous) until the engine reports a position. */
  #requested = -1;
  #unsubscribe: (() => void) | null = null;
  /** Asked by `play()` where to start, in their fixed order (see `startFrom`). */
  readonly #starts = new StartSources();
  /** After a reload for a change, more changes wait for the burst to end (see `changed`). */
  readonly #changes = new BurstGate(CHANGE_SETTLE_MS);

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlaybackOptions) {
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
    this.#slot = new EngineSlot({
      host,
      store: this.store,
      making: options,
      segments: () => this.segments,
      resumeAt: () => (this.#requested >= 0 ? this.#requested : this.snapshot.segmentIndex),
      report: (event) => this.#report(event),
    });
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
    const engine = this.#slot.current;
    return engine?.engine ?? engine;
  }

  /** Whether an engine is loaded or loading (the article was read and an engine made for it). */
  get hasEngine(): boolean {
    return this.#slot.current !== null;
  }

  get notice(): string {
    return this.#slot.notice;
  }

  /** The article's segments, read from the page on first use. */
  get segments(): readonly Segment[] {
    return this.#segments.all;
  }

  /** Reads the article and loads an engine for it, unless one is loaded already. */
  prepare(): EngineCore | null {
    const current = this.#slot.current;
    if (current) return current;
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
    return this.#slot.use(this.#options.src() ? 'audio' : 'speech');
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
    if (!this.#slot.current) this.store.dispatch({ type: 'loading' });
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
    this.#slot.current?.pause();
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
    const engine = this.#slot.current;
    if (engine) this.seek(engine.segmentStart(index));
  }

  /** Moves to the next/previous paragraph; keeps playing if playing, stays paused otherwise. */
  step(direction: -1 | 1): void {
    this.stepTo((from) => from + direction);
  }

  /**
   * Moves to the segment `target` picks from the one being read (or last asked for: presses in a row add up);
   * keeps playing if playing, stays paused otherwise. `target` may answer null: nowhere to go.
   */
  stepTo(target: (from: number) => number | null): void {
    const engine = this.prepare();
    if (!engine) return;
    // Before the first play (index −1) "next" means the second segment, as if the first were current.
    const to = target(Math.max(this.#requested >= 0 ? this.#requested : this.snapshot.segmentIndex, 0));
    if (to === null) return;
    this.#requested = Math.min(Math.max(to, 0), this.segments.length - 1);
    engine.seekSegment(this.#requested);
  }

  setRate(rate: number): void {
    this.#slot.current?.setRate(clampRate(rate));
  }

  setVoice(name: string): void {
    this.#slot.current?.when(isSpeechEngine, (engine) => {
      engine.setVoice(name);
      this.#slot.syncCapabilities();
    });
  }

  /** Fades a recording's sound to `volume` (0–1) over `ms`; speech has no volume to fade, and ignores it. */
  fade(volume: number, ms: number): void {
    this.#slot.current?.when(isAudioEngine, (engine) => engine.fade?.(volume, ms));
  }

  /** Forgets the segments and engine so the next play reads the page again (a new `for`, `src` or `lang`). */
  reset(): void {
    this.#unload();
    this.#segments.forget();
  }

  #unload(): void {
    this.#slot.unload();
    this.#requested = -1;
    this.#page.clear();
    this.store.dispatch({ type: 'reset' });
  }

  /**
   * Loads a fresh engine (the source, article or language changed) and carries on from the same paragraph,
   * playing if it was playing; or from segment `at` (the article changed under it), playing if `resume`.
   */
  reload(at = this.snapshot.segmentIndex, resume = this.snapshot.state === 'playing' || this.snapshot.state === 'loading'): void {
    this.reset();
    if (!this.#options.article()) return;
    const engine = this.prepare();
    if (engine) continueWith(engine, at, resume);
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

  #report(event: StoreAction): void {
    if (event.type === 'position') this.#requested = -1;
    this.store.dispatch(event);
  }
}
