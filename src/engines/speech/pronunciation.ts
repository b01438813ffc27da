/**
 * What the Web Speech engine says for a chunk: the page's text with the pronunciation lexicon's replacements
 * (`lexicon="…"`), and the way back from the voice's `charIndex` in it to the chunk's own text, so word
 * highlights stay on the page's words. The lexicon loads with the engine (its code too, only then: see
 * `lexicon-say.ts`); when it cannot be loaded, a `notice` says so and chunks are read as written.
 */
import type { TimedChunk } from './timeline.js';
import type { EngineListener, EngineLoadOptions } from '../engine.js';
import type { Say } from './lexicon-say.js';
import { pageOffset, type Said } from '../../spoken/said.js';

export class Pronunciation {
  /** What to say with the lexicon; null without one. */
  #say: Say | null = null;
  /** Bumped on every load: a lexicon arriving for an older load is dropped. */
  #loads = 0;

  /** Loads the lexicon `options` name (none without); resolves when it is in use or has failed (`report`ed), never rejects. */
  async load(options: EngineLoadOptions, report: EngineListener): Promise<void> {
    const load = ++this.#loads;
    this.#say = null;
    if (!options.lexicon) return;
    try {
      const { lexiconSay } = await import('./lexicon-say.js');
      const say = await lexiconSay(options.lexicon, options.allowCrossOrigin);
      if (load === this.#loads) this.#say = say;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (load === this.#loads) report({ type: 'notice', code: 'lexicon-load', message: `${message} Reading without it.` });
    }
  }

  /** A load in progress changes and reports nothing any more (the engine is gone). */
  abort(): void {
    this.#loads++;
  }

  /** What to say for `chunk`, in its language. */
  say(chunk: TimedChunk): Said {
    return this.#say?.(chunk.text, chunk.lang) ?? { text: chunk.text, origins: null };
  }
}

/**
 * The offset in `chunk`'s text a voice's `charIndex` into `said` (what was said for it) stands for: a voice that
 * reports word boundaries gives exact word timing, and its index is then snapped to a real word of the page.
 */
export function chunkOffset(said: Said, charIndex: number): number {
  return pageOffset(said, charIndex);
}
