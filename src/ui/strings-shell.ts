/**
 * What the element says before the rest of the player loads: its controls, and that loading it failed. The
 * English ones are here, kept apart so a page downloads only these until someone listens; `strings.ts` has
 * the whole table's type and the rest of English.
 */
export interface ShellStrings {
  /** The language of these strings (BCP 47). */
  readonly lang: string;
  /** Writing direction of the language: the player's layout, icons and arrow keys follow it. */
  readonly dir: 'ltr' | 'rtl';
  readonly label: string;
  readonly play: string;
  readonly pause: string;
  readonly retry: string;
  readonly previous: string;
  readonly next: string;
  readonly position: string;
  readonly speed: string;
  readonly loading: string;
  /** "1 minute 5 seconds of 5 minutes 40 seconds" */
  readonly timeOf: (elapsed: string, total: string) => string;
  /** Opens the list of paragraphs to play from, and names it. */
  readonly playFromParagraph: string;
  /** The one error the element reports itself (see `Strings.errors`). */
  readonly errors: { readonly 'player-load': string };
}

export const enShell: ShellStrings = {
  lang: 'en',
  dir: 'ltr',
  label: 'Listen to this article',
  play: 'Play',
  pause: 'Pause',
  retry: 'Try again',
  previous: 'Previous paragraph',
  next: 'Next paragraph',
  position: 'Position',
  speed: 'Speed',
  loading: 'Loading audio…',
  timeOf: (elapsed, total) => `${elapsed} of ${total}`,
  playFromParagraph: 'Play from a paragraph',
  errors: {
    'player-load': 'The player could not be loaded. Check the connection and try again.',
  },
};
