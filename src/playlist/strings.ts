/**
 * What the playlist and "Up next" say. A table of their own, beside the player's (`src/ui/strings.ts`), so
 * the player's tables stay whole and unchanged: English here; a site gives another language, or rewords it,
 * with the element's `strings` (a partial table over English, as the player's `strings` is).
 */
import type { PlaylistItemState } from './items.js';
import type { ListenPlaylistErrorCode } from './fetch-page.js';

export interface PlaylistStrings {
  /** The language of these strings (BCP 47). */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The playlist's name (its region), unless the page gives one with `label`. */
  readonly label: string;
  /** The list of articles. */
  readonly queue: string;
  readonly play: string;
  readonly pause: string;
  readonly previousArticle: string;
  readonly nextArticle: string;
  /** "Article 2 of 3": where the queue is. */
  readonly position: (number: number, total: number) => string;
  /** Name of the current article's progress bar. */
  readonly articleProgress: string;
  /** Name of the whole queue's progress bar. */
  readonly queueProgress: string;
  /** "40 %": a progress bar's value, spoken. */
  readonly percent: (percent: number) => string;
  /** Each item's state, shown beside its title (empty: nothing shown). */
  readonly states: Readonly<Record<PlaylistItemState, string>>;
  /** Announced when another article becomes the current one. */
  readonly nowPlaying: (title: string, number: number, total: number) => string;
  /** Announced and shown when an article is skipped, with the reason. */
  readonly skipped: (title: string, reason: string) => string;
  readonly errors: Readonly<Record<ListenPlaylistErrorCode, string>>;
  /** Announced when the last article ends. */
  readonly ended: string;
  /** Shows the current article's text ("Text of …"). */
  readonly transcript: (title: string) => string;
  /** "Up next: <title>" at the end of an article. */
  readonly upNext: (title: string) => string;
  /** Announced once when "Up next" appears. */
  readonly upNextAnnounce: (title: string, seconds: number) => string;
  /** The visible countdown. */
  readonly startsIn: (seconds: number) => string;
  readonly playNow: string;
  readonly cancel: string;
  /** Announced when the reader cancels "Up next". */
  readonly cancelled: string;
  /** On the next page, when the browser would not start it without a press: "Continue: <title>". */
  readonly continueWith: (title: string) => string;
}

export const enPlaylist: PlaylistStrings = {
  lang: 'en',
  dir: 'ltr',
  label: 'Playlist',
  queue: 'Articles',
  play: 'Play the playlist',
  pause: 'Pause the playlist',
  previousArticle: 'Previous article',
  nextArticle: 'Next article',
  position: (number, total) => `Article ${number} of ${total}`,
  articleProgress: 'This article',
  queueProgress: 'The playlist',
  percent: (percent) => `${percent} %`,
  states: { queued: '', loading: 'Loading…', ready: 'Next to play', playing: 'Playing', paused: 'Paused', played: 'Played', skipped: 'Skipped' },
  nowPlaying: (title, number, total) => `${title}: article ${number} of ${total}.`,
  skipped: (title, reason) => `Skipped “${title}”. ${reason}`,
  errors: {
    'item-load': 'The article could not be loaded.',
    'no-article': 'The page has no article to read.',
  },
  ended: 'End of the playlist.',
  transcript: (title) => `Text of “${title}”`,
  upNext: (title) => `Up next: ${title}`,
  upNextAnnounce: (title, seconds) => `Up next: ${sentence(title)} It starts in ${seconds} seconds; press Escape to cancel.`,
  startsIn: (seconds) => `Starts in ${seconds} s`,
  playNow: 'Play now',
  cancel: 'Cancel',
  cancelled: 'Up next cancelled.',
  continueWith: (title) => `Continue: ${title}`,
};

/** `title` ending as a sentence: a headline often has its own full stop, question or exclamation mark. */
function sentence(title: string): string {
  return /[.!?…]$/.test(title) ? title : `${title}.`;
}

/** English with the site's strings over it. */
export function playlistStrings(overrides: Partial<PlaylistStrings> | null | undefined): PlaylistStrings {
  return overrides ? { ...enPlaylist, ...overrides, states: { ...enPlaylist.states, ...overrides.states }, errors: { ...enPlaylist.errors, ...overrides.errors } } : enPlaylist;
}
