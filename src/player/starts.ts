/**
 * Where `play()` starts, when something says more than the current position. The sources are asked in a fixed
 * order, whatever order they were registered in: what the reader just did on the page says more than what was
 * remembered of an earlier visit.
 *
 * 1. `selection`: a new text selection in the article (play-from-here);
 * 2. `link`: the URL's fragment naming a place in the article (a link to a section);
 * 3. `saved`: the place saved on an earlier visit, while "Resume at" is offered;
 * otherwise play goes on from the current position (the start, before the first play).
 */

/** Where `play()` starts instead of the current position: a segment, and a time on the engine's timeline in it. */
export interface StartPoint {
  readonly segment: number;
  /** Seconds; absent: the segment's start. */
  readonly time?: number | undefined;
}

/** The sources of a start, most specific first. */
export const START_ORDER = ['selection', 'link', 'saved'] as const;

export type StartSource = (typeof START_ORDER)[number];

/** Answers where play starts, or null to leave it to the next source. Asked once per `play()`, so it may use up what it answers. */
export type StartChooser = () => StartPoint | null;

export class StartSources {
  readonly #choosers = new Map<StartSource, StartChooser>();

  /** Registers `source`'s chooser (one per source; a second replaces the first); returns its removal. */
  add(source: StartSource, choose: StartChooser): () => void {
    this.#choosers.set(source, choose);
    return () => {
      if (this.#choosers.get(source) === choose) this.#choosers.delete(source);
    };
  }

  /** The first answer in `START_ORDER`; the sources after it are not asked. */
  choose(): StartPoint | null {
    for (const source of START_ORDER) {
      const at = this.#choosers.get(source)?.();
      if (at) return at;
    }
    return null;
  }
}
