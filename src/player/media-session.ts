/**
 * The Media Session: the article's headline, byline and picture on the lock screen, in the system's media
 * controls and on headset buttons, and those controls driving the player.
 *
 * - Only one player of a page holds `navigator.mediaSession`: the last one to start playing. It gives the
 *   session up (clears what it set) when it ends, fails, is stopped, reset or removed; pausing keeps it, so the
 *   lock screen can resume.
 * - `playbackState` and the position state are updated on play, pause, seek, rate, duration and paragraph
 *   changes, not on every clock tick: the browser extrapolates the position from the rate meanwhile.
 * - With Web Speech a near-silent looping audio element plays while speaking (see silence.ts), since browsers
 *   route media keys only to pages that play media.
 * - Everything is guarded: no Media Session API, an action the browser does not support (`setActionHandler`
 *   throws), or a value it refuses never throws into the page (the writes: media-session-writes.ts).
 * - A playlist driving the player names the track and moves by article (media-tracks.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimedChapter } from '../article/chapters.js';
import { onOtherStart } from './exclusive.js';
import { type ArticleMetadata, describeArticle } from './media-session-metadata.js';
import { chapterInfoSupported, guard, positionState, setMetadata } from './media-session-writes.js';
import { tracksOf } from './media-tracks.js';
import type { PlaybackController } from './playback.js';
import { SilentAudio } from './silence.js';
import type { PlayerSnapshot, PlayerState } from './store.js';

export interface MediaSessionOptions {
  /** The article element read (for its byline and picture), or null. */
  article(): Element | null;
  /** The playback rate in use. */
  rate(): number;
  /** The article's chapters on the engine's timeline (none while it has none), for the system's chapter list. */
  chapters?(): readonly TimedChapter[];
}

export const MEDIA_ACTIONS = [
  'play',
  'pause',
  'stop',
  'seekbackward',
  'seekforward',
  'seekto',
  'previoustrack',
  'nexttrack',
] as const satisfies readonly MediaSessionAction[];

/** A reported position further than this (seconds) from where the browser extrapolates it is a seek. */
const DRIFT = 1;

/** The player holding the page's Media Session: the last one to start playing. */
let owner: MediaSessionController | null = null;

export class MediaSessionController implements ReactiveController {
  readonly #host: HTMLElement;
  readonly #playback: PlaybackController;
  readonly #options: MediaSessionOptions;
  readonly #silence: SilentAudio;
  #unsubscribe: (() => void) | null = null;
  #stopListening: (() => void) | null = null;
  #owned = false;
  /** Actions whose handler this player set, to clear exactly those. */
  readonly #handled = new Set<MediaSessionAction>();
  /** Metadata per reading of the article (the segments array is replaced when the page is read again). */
  #metadataFor: readonly unknown[] | null = null;
  /** The chapters last given with the metadata (speech's estimated times move as it speaks). */
  #chaptersSent: readonly TimedChapter[] = [];
  /** The last position state sent, and when (ms), to tell a seek from the clock running. */
  #sent: { position: number; rate: number; at: number; playing: boolean } | null = null;
  #rate = 1;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: MediaSessionOptions) {
    this.#host = host;
    this.#playback = playback;
    this.#options = options;
    // The system paused our media (a call, another app): pause speech with it.
    this.#silence = new SilentAudio(() => this.#playback.pause());
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#playback.store.subscribe((next, previous) => this.#onChange(next, previous));
    // `owner` is per copy of this code: a player of a second bundle on the page, or the page's own media, says
    // it started through the page-wide `listen-exclusive` event (exclusive.ts). Let go then; a player that
    // started claims the session right after.
    this.#stopListening = onOtherStart(this.#host, () => this.#release());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#stopListening?.();
    this.#stopListening = null;
    this.#release();
    this.#silence.dispose();
  }

  hostUpdated(): void {
    // The rate lives on the host, not in the store: a render after a rate change is where it shows.
    const rate = this.#options.rate();
    if (rate === this.#rate) return;
    this.#rate = rate;
    if (this.#owned) this.#sendPosition();
  }

  #onChange(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    if (isActive(next.state) && !isActive(previous.state)) this.#claim();
    if (!this.#owned) return;
    if (next.state === 'ended' || next.state === 'error' || next.state === 'idle') {
      this.#release();
      return;
    }
    this.#keepAlive(next);
    if (next.duration !== previous.duration || next.engine !== previous.engine) this.#updateChapters();
    if (next.state !== previous.state) this.#setPlaybackState(next.state);
    if (
      next.state !== previous.state ||
      next.duration !== previous.duration ||
      next.segmentIndex !== previous.segmentIndex ||
      this.#jumped(next.currentTime)
    ) {
      this.#sendPosition();
    }
  }

  /** Takes the session from whichever player had it, and fills it for this article. */
  #claim(): void {
    const session = this.#session();
    const segments = this.#playback.segments;
    if (!session || (this.#owned && this.#metadataFor === segments)) return;
    if (owner && owner !== this) owner.#yield();
    owner = this;
    this.#owned = true;
    this.#metadataFor = segments;
    this.#chaptersSent = this.#options.chapters?.() ?? [];
    setMetadata(session, this.#describe(), this.#chaptersSent);
    for (const action of MEDIA_ACTIONS) {
      try {
        session.setActionHandler(action, this.#handlers[action]);
        this.#handled.add(action);
      } catch {
        // This browser does not support the action: the others still work.
      }
    }
    this.#sent = null;
  }

  /** The chapters came (their module loads after the session): the system's list is brought up to date. */
  chaptersChanged(): void {
    if (this.#owned) this.#updateChapters();
  }

  /**
   * Where the browser shows chapters (`MediaMetadata.chapterInfo`), their times follow the engine's timeline:
   * a recording's arrive with its manifest, speech's estimates are corrected as it speaks. The metadata is set
   * again only when a chapter moved by more than `DRIFT` (or chapters came or went), not on each correction.
   */
  #updateChapters(): void {
    const session = this.#session();
    if (!session || !this.#options.chapters || !chapterInfoSupported()) return;
    const chapters = this.#options.chapters();
    const sent = this.#chaptersSent;
    const moved = chapters.length !== sent.length || chapters.some((chapter, i) => Math.abs(chapter.start - sent[i]!.start) > DRIFT);
    if (!moved) return;
    this.#chaptersSent = chapters;
    setMetadata(session, this.#describe(), chapters);
  }

  /** The article's metadata, titled as the playlist driving this player names it. */
  #describe(): ArticleMetadata {
    const described = describeArticle(this.#options.article(), this.#playback.segments);
    const title = tracksOf(this.#host)?.title;
    return title ? { ...described, title } : described;
  }

  /** Another player took the session: stop touching it (the new owner replaces everything). */
  #yield(): void {
    this.#owned = false;
    this.#handled.clear();
    this.#silence.stop();
  }

  /** Gives the session up, clearing what this player set. */
  #release(): void {
    this.#silence.stop();
    if (!this.#owned) return;
    this.#owned = false;
    owner = null;
    this.#sent = null;
    this.#metadataFor = null;
    const session = this.#session();
    if (!session) return;
    guard(() => (session.metadata = null));
    guard(() => (session.playbackState = 'none'));
    for (const action of this.#handled) guard(() => session.setActionHandler(action, null));
    this.#handled.clear();
    // No argument clears the position state.
    guard(() => session.setPositionState?.());
  }

  #keepAlive(snapshot: PlayerSnapshot): void {
    if (snapshot.engine === 'speech' && isActive(snapshot.state)) this.#silence.start();
    else this.#silence.stop();
  }

  #setPlaybackState(state: PlayerState): void {
    const session = this.#session();
    if (session) guard(() => (session.playbackState = isActive(state) ? 'playing' : 'paused'));
  }

  /** Whether `time` is off from where the browser thinks the position is by now: a seek or a correction. */
  #jumped(time: number): boolean {
    const sent = this.#sent;
    if (!sent) return true;
    const expected = sent.position + (sent.playing ? ((performance.now() - sent.at) / 1000) * sent.rate : 0);
    return Math.abs(time - expected) > DRIFT;
  }

  #sendPosition(): void {
    const session = this.#session();
    if (!session || typeof session.setPositionState !== 'function') return;
    const snapshot = this.#playback.snapshot;
    const engine = this.#playback.engine;
    const duration = engine?.duration ?? snapshot.duration;
    const state = positionState(duration, engine?.currentTime ?? snapshot.currentTime, this.#options.rate());
    if (!state) return;
    try {
      session.setPositionState(state);
      const playing = snapshot.state === 'playing';
      this.#sent = { position: state.position, rate: state.playbackRate, at: performance.now(), playing };
    } catch {
      // Refused (a browser stricter than the checks above): the session works without a position.
    }
  }

  /** Looked up at each use: a test (or a polyfill) may replace it. */
  #session(): MediaSession | null {
    return typeof navigator !== 'undefined' && navigator.mediaSession ? navigator.mediaSession : null;
  }

  readonly #handlers: Record<(typeof MEDIA_ACTIONS)[number], MediaSessionActionHandler> = {
    play: () => this.#playback.play(),
    pause: () => this.#playback.pause(),
    stop: () => {
      this.#playback.pause();
      this.#playback.seek(0);
      this.#release();
    },
    seekbackward: (details) => this.#seekBy(-1, details.seekOffset),
    seekforward: (details) => this.#seekBy(1, details.seekOffset),
    seekto: (details) => {
      if (Number.isFinite(details.seekTime)) this.#playback.seek(details.seekTime!);
    },
    previoustrack: () => this.#track(-1),
    nexttrack: () => this.#track(1),
  };

  /** The playlist's previous or next article, else the previous or next paragraph. */
  #track(direction: -1 | 1): void {
    const tracks = tracksOf(this.#host);
    const move = direction < 0 ? tracks?.previous : tracks?.next;
    if (move) move.call(tracks);
    else this.#playback.step(direction);
  }

  /** The system's offset where it gives one (seconds), else the engine's own skip (15 s, or a sentence). */
  #seekBy(direction: -1 | 1, offset: number | undefined): void {
    if (offset !== undefined && Number.isFinite(offset) && offset > 0) {
      const now = this.#playback.engine?.currentTime ?? this.#playback.snapshot.currentTime;
      this.#playback.seek(now + direction * offset);
    } else {
      this.#playback.skip(direction);
    }
  }
}

function isActive(state: PlayerState): boolean {
  return state === 'playing' || state === 'loading';
}
