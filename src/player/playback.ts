/**
 * The playback controller: owns the article's segments, the engine and the store, and turns store changes
 * into the player's DOM events and the paragraph highlight. Data flows one way:
 * article DOM → segments → engine → engine events → store → (events, highlight, UI render).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { extractSegments } from '../article/extract.js';
import { ParagraphHighlighter, adoptHighlightStyle } from '../article/highlight.js';
import type { Segment } from '../article/segment.js';
import type { Engine, EngineEvent, EngineLoadOptions } from '../engines/engine.js';
import { SpeechEngine, clampRate, type SpeechEngineOptions } from '../engines/speech.js';
import { emit } from './events.js';
import { PlayerStore, type PlayerSnapshot } from './store.js';

export type HighlightMode = 'paragraph' | 'word' | 'none';

export interface PlaybackOptions {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** Language, voice and rate for the engine. */
  loadOptions(): EngineLoadOptions;
  highlight(): HighlightMode;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
  /** Test seam: options for the speech engine. */
  speech?: SpeechEngineOptions;
}

export class PlaybackController implements ReactiveController {
  readonly store = new PlayerStore();
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PlaybackOptions;
  readonly #highlighter = new ParagraphHighlighter();
  #segments: readonly Segment[] | null = null;
  #engine: Engine | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlaybackOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.setAttribute('state', this.store.snapshot.state);
    this.#unsubscribe = this.store.subscribe((next, previous) => this.#onChange(next, previous));
  }

  hostDisconnected(): void {
    this.#engine?.destroy();
    this.#engine = null;
    this.#highlighter.set(null);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.store.dispatch({ type: 'reset' });
  }

  get snapshot(): PlayerSnapshot {
    return this.store.snapshot;
  }

  get engine(): Engine | null {
    return this.#engine;
  }

  /** The article's segments, read from the page on first use. */
  get segments(): readonly Segment[] {
    if (!this.#segments) {
      const article = this.#options.article();
      this.#segments = article ? Object.freeze(extractSegments(article, { exclude: this.#options.exclude() })) : [];
    }
    return this.#segments;
  }

  /** Reads the article and loads an engine for it, unless one is loaded already. */
  prepare(): Engine | null {
    if (this.#engine) return this.#engine;
    const article = this.#options.article();
    if (!article) {
      this.#report({ type: 'error', code: 'no-article', message: 'The article to read was not found on this page.' });
      return null;
    }
    this.#segments = null;
    if (!this.segments.length) {
      this.#report({ type: 'error', code: 'no-article', message: 'This article has no text to read.' });
      return null;
    }
    const root = article.getRootNode();
    if (root instanceof Document || root instanceof ShadowRoot) adoptHighlightStyle(root);
    const engine = new SpeechEngine((event) => engine === this.#engine && this.#report(event), this.#options.speech);
    this.#engine = engine;
    this.store.dispatch({ type: 'engine', engine: engine.kind });
    // Voices arrive asynchronously; render again when they are known.
    void engine.load(this.segments, this.#options.loadOptions()).then(() => this.#host.requestUpdate());
    return engine;
  }

  play(): void {
    if (this.snapshot.state === 'error') this.#unload();
    this.prepare()?.play();
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
    if (engine) engine.seek(Math.min(Math.max(seconds, 0), engine.duration));
  }

  skip(direction: -1 | 1): void {
    this.prepare()?.skip(direction);
  }

  playSegment(index: number): void {
    const engine = this.prepare();
    if (!engine || !Number.isInteger(index) || index < 0 || index >= this.segments.length) return;
    engine.seek(engine.segmentStart(index));
    engine.play();
  }

  /** Moves to the next/previous paragraph; keeps playing if playing, stays paused otherwise. */
  step(direction: -1 | 1): void {
    const engine = this.prepare();
    if (!engine) return;
    const index = Math.min(Math.max(this.snapshot.segmentIndex + direction, 0), this.segments.length - 1);
    engine.seek(engine.segmentStart(index));
  }

  setRate(rate: number): void {
    this.#engine?.setRate(clampRate(rate));
  }

  setVoice(name: string): void {
    if (this.#engine instanceof SpeechEngine) this.#engine.setVoice(name);
  }

  /** Forgets the segments and engine so the next play reads the page again (after an error, or a new `for`). */
  reset(): void {
    this.#unload();
    this.#segments = null;
  }

  #unload(): void {
    this.#engine?.destroy();
    this.#engine = null;
    this.#highlighter.set(null);
    this.store.dispatch({ type: 'reset' });
  }

  #report(event: EngineEvent): void {
    this.store.dispatch(event);
  }

  #onChange(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const host = this.#host;
    if (next.segmentIndex !== previous.segmentIndex) {
      const element = this.segments[next.segmentIndex]?.element ?? null;
      this.#highlighter.set(this.#options.highlight() === 'none' || next.state === 'ended' ? null : element);
      if (next.segmentIndex >= 0) emit(host, 'listen-segmentchange', { index: next.segmentIndex, time: next.currentTime });
    }
    if (next.state !== previous.state) {
      host.setAttribute('state', next.state);
      emit(host, 'listen-statechange', { state: next.state });
      if (next.state === 'ended') {
        this.#highlighter.set(null);
        emit(host, 'listen-ended', {});
      }
    }
    if (next.error && next.error !== previous.error) emit(host, 'listen-error', { ...next.error });
    host.requestUpdate();
  }
}
