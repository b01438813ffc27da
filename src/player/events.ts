/** The player's DOM events: all bubble and cross shadow roots (`composed`). */
import type { EngineChangeReason, EngineKind, ListenErrorCode, ListenNoticeCode } from '../engines/engine.js';
import type { PlayerState } from './store.js';

export interface ListenStateChangeDetail {
  readonly state: PlayerState;
}
export interface ListenSegmentChangeDetail {
  /** Index into `player.segments`. */
  readonly index: number;
  /** The engine's clock (seconds) when the segment became active. */
  readonly time: number;
}
export interface ListenWordChangeDetail {
  /** Index into `player.segments`. */
  readonly segment: number;
  /** Index of the word within the segment (words as the timing gives them). */
  readonly word: number;
  /** Where the word is in `segments[segment].text` (UTF-16 offset, −1 when unknown) and its length. */
  readonly offset: number;
  readonly length: number;
  /** The engine's clock (seconds) when the word became active. */
  readonly time: number;
}
export type ListenErrorDetail =
  | {
      readonly code: ListenErrorCode;
      readonly message: string;
      /**
       * Set when the player goes on instead of stopping: `speech`, the recording failed and Web Speech reads on;
       * `audio`, Web Speech failed on a paragraph the recording has no audio for, which is skipped.
       */
      readonly fallback?: 'speech' | 'audio' | undefined;
    }
  /** Reading goes on as it was, without what failed (`lexicon-load`: the pronunciation lexicon). */
  | { readonly code: ListenNoticeCode; readonly message: string; readonly fallback: 'continue' };
export interface ListenEngineChangeDetail {
  /** The engine reading from now on (also `player.activeEngine`). */
  readonly engine: EngineKind;
  /**
   * `no-audio`: the recording has no audio for the paragraph reached, which Web Speech reads (and back to
   * `audio` after it); `fallback`: the recording cannot be played and Web Speech reads on instead.
   */
  readonly reason: EngineChangeReason;
}
export interface ListenProgressDetail {
  /** Share of the article reached through playback (25, 50, 75), or 100 at the end; each once per listen. */
  readonly percent: 25 | 50 | 75 | 100;
}

export function emit<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

/** The player's events by name. They bubble and are composed: a page hears them on `document` and `window` too. */
export interface ListenPlayerEventMap {
  'listen-statechange': CustomEvent<ListenStateChangeDetail>;
  'listen-segmentchange': CustomEvent<ListenSegmentChangeDetail>;
  'listen-wordchange': CustomEvent<ListenWordChangeDetail>;
  'listen-error': CustomEvent<ListenErrorDetail>;
  'listen-enginechange': CustomEvent<ListenEngineChangeDetail>;
  'listen-ended': CustomEvent<Record<string, never>>;
  'listen-progress': CustomEvent<ListenProgressDetail>;
}

declare global {
  interface HTMLElementEventMap extends ListenPlayerEventMap {}
  interface DocumentEventMap extends ListenPlayerEventMap {}
  interface WindowEventMap extends ListenPlayerEventMap {}
}
