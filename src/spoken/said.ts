/**
 * What is said for a piece of the page's text, and the way back from a voice's place in it to the page's text
 * (see `substitute.ts`, which makes it with a lexicon). Without a lexicon what is said is the page's text, and a
 * reader needs nothing more than this module.
 */

export interface Said {
  /** The text to speak. */
  readonly text: string;
  /**
   * For each UTF-16 unit of `text`, the offset in the page's text it stands for (a replacement's characters
   * all stand for the start of the words replaced); null when `text` is the page's text unchanged.
   */
  readonly origins: Int32Array | null;
}

/** The page offset a voice's `charIndex` into `said` stands for (`offset` + index when nothing was replaced). */
export function pageOffset(said: Said, charIndex: number, offset = 0): number {
  const index = Math.min(Math.max(Number.isFinite(charIndex) ? Math.trunc(charIndex) : 0, 0), Math.max(said.text.length - 1, 0));
  return said.origins ? (said.origins[index] ?? offset) : offset + index;
}
