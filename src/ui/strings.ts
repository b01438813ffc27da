/**
 * UI strings, one table per language: this type and English here, the others in `strings/` (chosen by `i18n.ts`).
 * Every table must have every key: the type makes a missing string a compile error.
 */
import type { ListenErrorCode } from '../engines/engine.js';
import { enShell, type ShellStrings } from './strings-shell.js';

export interface Strings extends ShellStrings {
  readonly voice: string;
  readonly otherLanguages: string;
  /** A voice in the voice menu that the platform marks as of higher quality (natural, premium, online…). */
  readonly higherQuality: (voice: string) => string;
  readonly download: string;
  /** The status while the browser's voice starts to speak (the shell's `loading` is for recordings). */
  readonly startingVoice: string;
  /** The status while play waits for the browser's list of voices, which may take seconds to arrive. */
  readonly waitingForVoices: string;
  readonly playing: string;
  readonly paused: string;
  readonly ended: string;
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
  /** The play button while a link's moment is offered: "Play from 2:31" (see docs/moment-links.md). */
  readonly playFrom: (time: string) => string;
  /** The paragraph list's button that copies a link to the moment being read. */
  readonly copyMoment: string;
  /** Announced when the link is on the clipboard. */
  readonly momentCopied: string;
  /** The field showing the link where the clipboard was refused. */
  readonly momentLink: string;
  /** Announced when the clipboard was refused and the link is in its field. */
  readonly momentRefused: string;
  /** The sleep timer's menu (see docs/sleep-timer.md); its label before what it is set to, and before "Paused" when it paused. */
  readonly sleepTimer: string;
  readonly sleepOff: string;
  readonly sleepParagraph: string;
  readonly sleepArticle: string;
  /**
   * What went wrong, by error code, for the status line. The engines' own messages (`listen-error`
   * `detail.message`) are English and stay so; an English player shows those, which carry details.
   */
  readonly errors: Readonly<Record<ListenErrorCode, string>>;
  /** `no-speech` when the device has voices, but none for the article's language (named in this language). */
  readonly noVoiceFor: (language: string) => string;
  /** Added to the reason when pre-rendered audio fails and Web Speech takes over. */
  readonly speechFallback: string;
  /**
   * Only for a language whose unit names a browser's `Intl` may lack (Irish, Maltese): hours, minutes and
   * seconds by plural category, for spoken times; the others are spoken by `Intl.NumberFormat`.
   */
  readonly units?: SpokenUnits;
}

/** Unit names by plural category (`Intl.PluralRules`), `#` standing for the number: `{ one: '# nóiméad', … }`. */
export type SpokenUnits = Readonly<
  Record<'hour' | 'minute' | 'second', Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>>
>;

/**
 * Strings a site supplies (the `strings` property, or the JSON at `strings-src`): any keys of a table, each
 * builder as a function or as a template with named placeholders (`"{elapsed} of {total}"`, see `overrides.ts`).
 */
export type StringOverrides = {
  readonly [K in Exclude<keyof Strings, 'errors' | 'units'>]?: Strings[K] extends (...args: never[]) => string ? Strings[K] | string : Strings[K];
} & { readonly errors?: Partial<Strings['errors']> };

export const en: Strings = {
  ...enShell,
  voice: 'Voice',
  otherLanguages: 'Other languages',
  higherQuality: (voice) => `${voice} — higher quality`,
  download: 'Download audio',
  startingVoice: "Starting the browser's voice…",
  waitingForVoices: "Waiting for the browser's voices…",
  playing: 'Playing',
  paused: 'Paused',
  ended: 'Finished',
  backToCurrent: 'Back to the current paragraph',
  miniPlayer: 'Listen to this article: mini player',
  closeMiniPlayer: 'Close the mini player',
  resumeAt: (time) => `Resume at ${time}`,
  startOver: 'Start over',
  resumeOffered: (time) => `You stopped at ${time} last time. Play resumes there.`,
  playFrom: (time) => `Play from ${time}`,
  copyMoment: 'Copy link to this moment',
  momentCopied: 'Link to this moment copied.',
  momentLink: 'Link to this moment',
  momentRefused: 'The link could not be copied. It is selected in the field below.',
  sleepTimer: 'Sleep timer',
  sleepOff: 'Off',
  sleepParagraph: 'End of this paragraph',
  sleepArticle: 'End of the article',
  errors: {
    'no-article': 'The article to read was not found on this page, or it has no text.',
    'no-speech': 'This browser cannot read aloud on this device.',
    'speech-failed': 'The browser could not speak this text.',
    'speech-timeout': "The browser's speech stopped responding.",
    'not-allowed': 'The browser blocked sound until the page is used. Press play to start.',
    'audio-load': 'The audio could not be loaded.',
    'audio-decode': 'The audio file could not be played.',
    'manifest-invalid': "The audio's timing file is not valid.",
    'manifest-mismatch': 'The audio was made for another version of this article.',
    'player-load': enShell.errors['player-load'],
  },
  noVoiceFor: (language) => `No voice for ${language} is installed on this device.`,
  speechFallback: "Reading with the browser's voice instead.",
};
