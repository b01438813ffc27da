/**
 * The values written to the Media Session: a position state the browser accepts whatever the engine reports,
 * and metadata that falls back to the words alone when the browser refuses the artwork or the chapters.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guard, positionState, setMetadata } from '../../../src/player/media-session-writes.js';
import type { TimedChapter } from '../../../src/article/chapters.js';
import type { ArticleMetadata } from '../../../src/player/media-session-metadata.js';

describe('positionState', () => {
  it('is null until there is a finite, positive duration', () => {
    expect(positionState(Number.NaN, 0, 1)).toBeNull();
    expect(positionState(Number.POSITIVE_INFINITY, 0, 1)).toBeNull();
    expect(positionState(0, 0, 1)).toBeNull();
  });

  it('keeps the position within [0, duration] and the rate finite and positive', () => {
    expect(positionState(60, 12, 1.5)).toEqual({ duration: 60, position: 12, playbackRate: 1.5 });
    expect(positionState(60, 75, 1)).toEqual({ duration: 60, position: 60, playbackRate: 1 });
    expect(positionState(60, -3, 0)).toEqual({ duration: 60, position: 0, playbackRate: 1 });
    expect(positionState(60, Number.NaN, Number.NaN)).toEqual({ duration: 60, position: 0, playbackRate: 1 });
  });
});

describe('guard', () => {
  it('keeps what the browser throws from the page', () => {
    expect(() => guard(() => { throw new TypeError('not supported'); })).not.toThrow();
  });
});

describe('setMetadata', () => {
  const data: ArticleMetadata = { title: 'Headline', artist: 'A. Writer', album: 'The Paper', artwork: [{ src: 'https://news.example/a.jpg' }] };
  const chapters: TimedChapter[] = [{ title: 'Part one', level: 2, segment: 3, parent: -1, start: 12 }];
  /** A `MediaMetadata` that knows chapters, refusing artwork when `refuse` is set; records what it was built with. */
  class FakeMetadata {
    static refuse = false;
    static made: MediaMetadataInit[] = [];
    constructor(init: MediaMetadataInit) {
      if (FakeMetadata.refuse && init.artwork?.length) throw new TypeError('bad artwork');
      FakeMetadata.made.push(init);
    }
    /** On the prototype, as the browsers that take chapters have it. */
    get chapterInfo(): readonly unknown[] {
      return [];
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    FakeMetadata.refuse = false;
    FakeMetadata.made = [];
  });

  it('does nothing where the browser has no MediaMetadata', () => {
    vi.stubGlobal('MediaMetadata', undefined);
    const session = { metadata: null } as MediaSession;
    setMetadata(session, data, chapters);
    expect(session.metadata).toBeNull();
  });

  it('gives the chapters, by title and start, to a browser that takes them', () => {
    vi.stubGlobal('MediaMetadata', FakeMetadata);
    const session = { metadata: null } as MediaSession;
    setMetadata(session, data, chapters);
    expect(FakeMetadata.made).toEqual([{ ...data, chapterInfo: [{ title: 'Part one', startTime: 12, artwork: [] }] }]);
    expect(session.metadata).toBeInstanceOf(FakeMetadata);
  });

  it('sets the words alone when the browser refuses the artwork', () => {
    vi.stubGlobal('MediaMetadata', FakeMetadata);
    FakeMetadata.refuse = true;
    const session = { metadata: null } as MediaSession;
    setMetadata(session, data, chapters);
    expect(FakeMetadata.made).toEqual([{ title: 'Headline', artist: 'A. Writer', album: 'The Paper', artwork: [] }]);
    expect(session.metadata).toBeInstanceOf(FakeMetadata);
  });
});
