/**
 * What the page sees of the player's state, from each change of the store: the `listen-*` events of reading
 * (segment, word, engine, end), the paragraph and word highlighted in the article, and a render of the player when what
 * it shows changed. The playback controller feeds it; nothing here changes the store.
 */
import type { ReactiveControllerHost } from 'lit';
import { ParagraphHighlighter } from '../article/highlight.js';
import type { Segment } from '../article/segment.js';
import { WordHighlighter, type WordHighlighterSource } from '../article/word-highlight.js';
import { emit } from './events.js';
import type { PlayerSnapshot } from './store.js';

export interface PageEventsOptions extends WordHighlighterSource {
  /** The segments being read (their elements are highlighted). */
  segments(): readonly Segment[];
  /** Whether the paragraph is highlighted, and the word (`highlight`: `none`, `paragraph`, `word`). */
  paragraphs(): boolean;
  words(): boolean;
}

export class PageEvents {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PageEventsOptions;
  readonly #highlighter = new ParagraphHighlighter();
  readonly #words: WordHighlighter;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PageEventsOptions) {
    this.#host = host;
    this.#options = options;
    this.#words = new WordHighlighter(options);
  }

  /** Nothing is highlighted any more (the engine was let go). */
  clear(): void {
    this.#highlighter.set(null);
    this.#words.clear();
  }

  change(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const host = this.#host;
    const segments = this.#options.segments();
    if (next.segmentIndex !== previous.segmentIndex) {
      const element = segments[next.segmentIndex]?.element ?? null;
      this.#highlighter.set(!this.#options.paragraphs() || next.state === 'ended' ? null : element);
      if (next.segmentIndex >= 0) emit(host, 'listen-segmentchange', { index: next.segmentIndex, time: next.currentTime });
    }
    // Before `listen-wordchange`, so a listener finds the word already highlighted.
    const words = next.segmentIndex >= 0 && next.state !== 'ended' && this.#options.words() ? segments : [];
    this.#words.follow(words, next.segmentIndex, next.wordOffset, next.wordLength);
    if (next.wordIndex >= 0 && (next.wordIndex !== previous.wordIndex || next.segmentIndex !== previous.segmentIndex)) {
      emit(host, 'listen-wordchange', {
        segment: next.segmentIndex,
        word: next.wordIndex,
        offset: next.wordOffset,
        length: next.wordLength,
        time: next.currentTime,
      });
    }
    // The state itself (the `state` attribute, `listen-statechange`, `listen-error`) is the element's to reflect.
    if (next.state !== previous.state && next.state === 'ended') {
      this.#highlighter.set(null);
      emit(host, 'listen-ended', {});
    }
    if (next.engine && next.engineReason && next.engine !== previous.engine) {
      emit(host, 'listen-enginechange', { engine: next.engine, reason: next.engineReason });
    }
    if (shownChange(next, previous)) host.requestUpdate();
  }
}

/**
 * How finely the player's time display and slider follow the clock, in seconds: the display shows whole
 * seconds, and on a slider a few hundred pixels wide an article of minutes moves about a pixel a second.
 */
const SHOWN_TIME_STEP = 1;

/**
 * Whether the player shows something else: its state (and what it waits for), engine, length, paragraph, error,
 * or the clock to the second. A new word alone (a dozen a second) is the highlight's business, not a render of the player.
 */
function shownChange(next: PlayerSnapshot, previous: PlayerSnapshot): boolean {
  return (
    next.state !== previous.state ||
    next.loadingReason !== previous.loadingReason ||
    next.engine !== previous.engine ||
    next.duration !== previous.duration ||
    next.segmentIndex !== previous.segmentIndex ||
    next.error !== previous.error ||
    Math.floor(next.currentTime / SHOWN_TIME_STEP) !== Math.floor(previous.currentTime / SHOWN_TIME_STEP)
  );
}
