/**
 * What a playlist (`<listen-playlist>`) sets on the player it drives, under `MEDIA_TRACKS`: the article's
 * title as the playlist names it, and its previous and next articles as the system's previous and next
 * track. Without it those buttons move by paragraph. Its own module: the playlist sets it, the Media Session
 * and "Up next" read it, and none of them needs the others' code to do so.
 */

/**
 * The playlist's part of the player's media controls. A global symbol, so a playlist of another copy of this
 * code on the page is heard as well.
 */
export interface MediaTracks {
  readonly title?: string;
  previous?(): void;
  next?(): void;
}

export const MEDIA_TRACKS = Symbol.for('listen-player.media-tracks');

/** The tracks a playlist set on `host`, if a playlist drives it. */
export function tracksOf(host: Element): MediaTracks | undefined {
  return (host as HTMLElement & { [MEDIA_TRACKS]?: MediaTracks })[MEDIA_TRACKS];
}
