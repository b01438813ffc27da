/** UI strings, one table per language. */
export interface Strings {
  /** The language of these strings (BCP 47). */
  readonly lang: string;
  readonly label: string;
  readonly play: string;
  readonly pause: string;
  readonly retry: string;
  readonly previous: string;
  readonly next: string;
  readonly position: string;
  readonly speed: string;
  readonly voice: string;
  readonly otherLanguages: string;
  readonly download: string;
  readonly loading: string;
  readonly playing: string;
  readonly paused: string;
  readonly ended: string;
  /** "1 minute 5 seconds of 5 minutes 40 seconds" */
  readonly timeOf: (elapsed: string, total: string) => string;
  /** Scrolls back to the paragraph being read after the reader scrolled away. */
  readonly backToCurrent: string;
  /** Name of the mini player's region. */
  readonly miniPlayer: string;
  readonly closeMiniPlayer: string;
  /** "Resume at 2:31": plays from where the reader stopped last time. */
  readonly resumeAt: (time: string) => string;
  readonly startOver: string;
  /** The status line while "Resume at" is offered. */
  readonly resumeOffered: (time: string) => string;
  /** Opens the list of paragraphs to play from, and names it. */
  readonly playFromParagraph: string;
}

export const en: Strings = {
  lang: 'en',
  label: 'Listen to this article',
  play: 'Play',
  pause: 'Pause',
  retry: 'Try again',
  previous: 'Previous paragraph',
  next: 'Next paragraph',
  position: 'Position',
  speed: 'Speed',
  voice: 'Voice',
  otherLanguages: 'Other languages',
  download: 'Download audio',
  loading: 'Loading audio…',
  playing: 'Playing',
  paused: 'Paused',
  ended: 'Finished',
  timeOf: (elapsed, total) => `${elapsed} of ${total}`,
  backToCurrent: 'Back to the current paragraph',
  miniPlayer: 'Listen to this article: mini player',
  closeMiniPlayer: 'Close the mini player',
  resumeAt: (time) => `Resume at ${time}`,
  startOver: 'Start over',
  resumeOffered: (time) => `You stopped at ${time} last time. Play resumes there.`,
  playFromParagraph: 'Play from a paragraph',
};
