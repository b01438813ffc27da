/**
 * Writing to `navigator.mediaSession` without ever throwing into the page: the values the browser accepts
 * (it throws on a position out of range or an artwork URL it refuses) and the guard around each write. Apart
 * from the controller (media-session.ts), which decides when to write and what: this module is how, one
 * browser's refusal at a time.
 */
import type { TimedChapter } from '../article/chapters.js';
import type { ArticleMetadata } from './media-session-metadata.js';

/** Runs one write to the session; what the browser throws stays here. */
export function guard(action: () => unknown): void {
  try {
    action();
  } catch {
    // A browser without this part of the API: nothing to do.
  }
}

/**
 * A position state the browser accepts (it throws otherwise): duration finite and > 0, position within
 * [0, duration], rate finite and > 0. Null when there is no duration to give yet.
 */
export function positionState(duration: number, position: number, rate: number): Required<MediaPositionState> | null {
  if (!Number.isFinite(duration) || duration <= 0) return null;
  return {
    duration,
    position: Number.isFinite(position) ? Math.min(Math.max(position, 0), duration) : 0,
    playbackRate: Number.isFinite(rate) && rate > 0 ? rate : 1,
  };
}

/** Whether this browser takes chapters in the metadata (Media Session's `ChapterInformation`). */
export function chapterInfoSupported(): boolean {
  return typeof MediaMetadata === 'function' && 'chapterInfo' in MediaMetadata.prototype;
}

/** The metadata's chapters: each chapter's title and start; a browser that does not know them never sees them. */
function chapterInfo(chapters: readonly TimedChapter[]): { chapterInfo?: { title: string; startTime: number; artwork: MediaImage[] }[] } {
  if (!chapters.length || !chapterInfoSupported()) return {};
  return { chapterInfo: chapters.map((chapter) => ({ title: chapter.title, startTime: chapter.start, artwork: [] })) };
}

export function setMetadata(session: MediaSession, data: ArticleMetadata, chapters: readonly TimedChapter[] = []): void {
  if (typeof MediaMetadata !== 'function') return;
  const chaptersInit = chapterInfo(chapters);
  try {
    session.metadata = new MediaMetadata({ ...data, artwork: [...data.artwork], ...chaptersInit });
  } catch {
    // An artwork URL (or a chapter) the browser refuses: the words alone are still worth showing.
    guard(() => (session.metadata = new MediaMetadata({ ...data, artwork: [] })));
  }
}
