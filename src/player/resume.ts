/**
 * Resume where the reader left off. While the article plays, its position is saved (at most every few
 * seconds, and at once on pause, when the page is hidden or left, and when the player is removed); at the end
 * it is forgotten. On a later visit the player offers "Resume at 2:31" or "Start over" until the reader
 * starts; the play button alone resumes.
 *
 * An article is known by a fingerprint of its text, not by its engine: a place saved with the recorded
 * narration can be resumed with the browser's voice (the audio failed, or the reader switched) and the other
 * way round. The time is used as it is only on the very same recording (the manifest's hash and length);
 * otherwise the position is carried over as "this far into that paragraph", which speech turns into the start
 * of the sentence there, since its clock is only an estimate that differs from one visit to the next.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fingerprint } from '../article/fingerprint.js';
import type { Segment } from '../article/segment.js';
import type { Engine } from '../engines/engine.js';
import { isAudioEngine } from '../engines/loader.js';
import type { PlaybackController, StartPoint } from './playback.js';
import { clearPosition, loadPosition, safeStorage, savePosition, type SafeStorage, type SavedPosition } from './persistence.js';
import { initialSnapshot, type PlayerSnapshot } from './store.js';

/** How often the position is saved while playing, in ms. */
export const SAVE_INTERVAL_MS = 5000;
/** A position this close to the start or the end (seconds) is not worth offering. */
export const MIN_RESUME_SECONDS = 5;
/**
 * How long after the offer appears the status line says it, in ms. The offer is there from the player's first
 * render (no late row pushing the article down), and text that is in a live region from the start is not
 * announced: it has to arrive once the region is known to assistive technology.
 */
export const ANNOUNCE_DELAY_MS = 300;

export interface ResumeOptions {
  /** Test seam: where positions are kept. Default: `localStorage`, safely. */
  readonly storage?: SafeStorage;
  /** Clock in ms. Default: `Date.now`. */
  readonly now?: () => number;
}

/** What is offered: where play will start, and that time on the engine's timeline for the reader. */
export interface ResumeOffer {
  readonly at: StartPoint;
  readonly time: number;
}

interface Tracked {
  readonly key: string;
  readonly position: SavedPosition;
}

export class ResumeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  readonly #storage: SafeStorage;
  readonly #now: () => number;
  /** Whether the offer is settled: the engine knows its timeline (audio: the manifest arrived), or play began. */
  #decided = false;
  #offer: (ResumeOffer & { readonly key: string }) | null = null;
  /** The status line may say the offer (see `ANNOUNCE_DELAY_MS`). */
  #announce = false;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** This connection has played: only then is anything saved (a visit that only looks keeps the old place). */
  #started = false;
  /** The latest position, kept apart from the store, which is reset before the host hears of a disconnect. */
  #last: Tracked | null = null;
  #savedAt = 0;
  #keys = new WeakMap<readonly Segment[], string>();
  #cleanups: (() => void)[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, options: ResumeOptions = {}) {
    this.#host = host;
    this.#playback = playback;
    this.#storage = options.storage ?? safeStorage();
    this.#now = options.now ?? Date.now;
    host.addController(this);
  }

  /** The offer to show, while the player has not started (none in an error). */
  get offer(): ResumeOffer | null {
    return this.#playback.snapshot.state === 'idle' ? this.#offer : null;
  }

  /** The offer, once the status line should say it. */
  get announced(): ResumeOffer | null {
    return this.#announce ? this.offer : null;
  }

  hostConnected(): void {
    const view = this.#host.ownerDocument.defaultView;
    const doc = this.#host.ownerDocument;
    view?.addEventListener('pagehide', this.#flush);
    doc.addEventListener('visibilitychange', this.#onVisibility);
    this.#cleanups = [
      this.#playback.store.subscribe(this.#onChange),
      this.#playback.startFrom(() => this.#startPoint()),
      () => view?.removeEventListener('pagehide', this.#flush),
      () => doc.removeEventListener('visibilitychange', this.#onVisibility),
    ];
  }

  hostDisconnected(): void {
    this.#flush();
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
  }

  /** Before each render until settled: the first render already has the offer (the engine is made just before). */
  hostUpdate(): void {
    if (!this.#decided) this.#decide(false);
  }

  /** "Resume at …": plays from the offered place. */
  resume(): void {
    const offer = this.#offer;
    this.#dismiss();
    if (offer) this.#playback.playFrom(offer.at);
    else this.#playback.play();
  }

  /** "Start over": forgets the saved place and plays from the beginning. */
  startOver(): void {
    const offer = this.#offer;
    this.#dismiss();
    if (offer) clearPosition(this.#storage, offer.key);
    this.#playback.playFrom({ segment: 0 });
  }

  /**
   * Looks for a saved position as soon as the article's segments are known. Until the engine knows its
   * timeline (audio: the manifest has not arrived) the offer is the saved time at its paragraph; it is settled,
   * and may be refined, once the engine is ready, or when play starts (`early`).
   */
  #decide(early: boolean): void {
    const engine = this.#playback.engine;
    const ready = engine !== null && engine.duration > 0;
    if (this.#playback.snapshot.state !== 'idle') {
      this.#decided = true;
      return;
    }
    const segments = this.#playback.segments;
    if (!segments.length) return;
    if (ready || early) this.#decided = true;
    const key = this.#keyOf(segments);
    const saved = loadPosition(this.#storage, key);
    if (!saved || saved.segment >= segments.length) {
      this.#setOffer(null);
      return;
    }
    const offer = ready ? this.#offerOn(engine, saved) : { at: { segment: saved.segment }, time: saved.time };
    const duration = ready ? engine.duration : saved.duration;
    const worth = offer.time >= MIN_RESUME_SECONDS && offer.time <= duration - MIN_RESUME_SECONDS;
    this.#setOffer(worth ? { ...offer, key } : null);
  }

  #setOffer(offer: (ResumeOffer & { readonly key: string }) | null): void {
    const before = this.#offer;
    this.#offer = offer;
    if (offer && !before) {
      clearTimeout(this.#announceTimer);
      this.#announceTimer = setTimeout(() => {
        this.#announce = true;
        this.#host.requestUpdate();
      }, ANNOUNCE_DELAY_MS);
    }
    if (offer?.time !== before?.time) this.#host.requestUpdate();
  }

  /** Where `saved` is on `engine`'s timeline. */
  #offerOn(engine: Engine, saved: SavedPosition): ResumeOffer {
    const segment = saved.segment;
    const sameRecording =
      saved.engine === 'audio' &&
      isAudioEngine(engine) &&
      saved.hash === engine.hash &&
      Math.abs(saved.duration - engine.duration) < 0.01;
    if (sameRecording) return { at: { segment, time: saved.time }, time: saved.time };
    const start = engine.segmentStart(segment);
    // On other audio the place in the paragraph is a guess: better its start than the middle of a word.
    if (engine.kind === 'audio') return { at: { segment }, time: start };
    const end = this.#segmentEnd(engine, segment);
    const time = start + saved.fraction * (end - start);
    // Speech seeks to the sentence holding a time; a hair past it keeps rounding from landing one sentence early.
    return { at: { segment, time: Math.min(time + 0.001, end) }, time };
  }

  #segmentEnd(engine: Engine, segment: number): number {
    return segment + 1 < this.#playback.segments.length ? engine.segmentStart(segment + 1) : engine.duration;
  }

  /** `play()` with an offer standing resumes there. */
  #startPoint(): StartPoint | null {
    if (!this.#decided) this.#decide(true);
    const offer = this.#offer;
    if (!offer || this.#playback.snapshot.state !== 'idle') return null;
    this.#dismiss();
    return offer.at;
  }

  #dismiss(): void {
    if (!this.#offer) return;
    const root = this.#host.shadowRoot;
    // The offer's buttons vanish with it: focus goes on to the play button rather than to the page, without
    // scrolling (following may be taking the page to the paragraph; focus then moves on to the mini player).
    const hadFocus = root?.activeElement?.closest('[part~="resume"]');
    this.#offer = null;
    this.#announce = false;
    clearTimeout(this.#announceTimer);
    this.#host.requestUpdate();
    if (hadFocus) {
      void this.#host.updateComplete.then(() => root?.querySelector<HTMLElement>('[part~="play-button"]')?.focus({ preventScroll: true }));
    }
  }

  readonly #onChange = (next: PlayerSnapshot, previous: PlayerSnapshot): void => {
    if (next === initialSnapshot) {
      // The engine was unloaded (removed from the page, new source, retry): keep the place it had reached.
      this.#flush();
      this.#started = false;
      this.#last = null;
      // An offer stands on the old engine's timeline: work it out again on the next one.
      if (this.#offer) {
        this.#dismiss();
        this.#decided = false;
      }
      return;
    }
    const moved = next.segmentIndex !== previous.segmentIndex;
    if (this.#offer && (next.state !== 'idle' || moved)) this.#dismiss();
    if (next.state === 'playing') this.#started = true;
    if (!this.#started) return;
    if (next.state === 'ended') {
      clearPosition(this.#storage, this.#last?.key ?? this.#keyOf(this.#playback.segments));
      this.#started = false;
      this.#last = null;
      return;
    }
    this.#track(next);
    if (next.state === 'paused' && previous.state !== 'paused') this.#flush();
    else if (next.state === 'playing' && this.#now() - this.#savedAt >= SAVE_INTERVAL_MS) this.#flush();
  };

  #track(snapshot: PlayerSnapshot): void {
    const engine = this.#playback.engine;
    const segment = snapshot.segmentIndex;
    if (!engine || segment < 0 || engine.duration <= 0) return;
    // The engine's own clock: the store's is only refreshed a few times a second.
    const time = Math.max(engine.currentTime, 0);
    const start = engine.segmentStart(segment);
    const length = this.#segmentEnd(engine, segment) - start;
    const fraction = length > 0 ? Math.min(Math.max((time - start) / length, 0), 1) : 0;
    this.#last = {
      key: this.#keyOf(this.#playback.segments),
      position: {
        segment,
        fraction,
        time,
        engine: engine.kind,
        hash: isAudioEngine(engine) ? engine.hash : undefined,
        duration: engine.duration,
        savedAt: 0,
      },
    };
  }

  /** Saves the latest position now (if this connection played and has one). */
  readonly #flush = (): void => {
    const last = this.#last;
    if (!this.#started || !last) return;
    this.#savedAt = this.#now();
    savePosition(this.#storage, last.key, { ...last.position, savedAt: this.#savedAt });
  };

  readonly #onVisibility = (): void => {
    if (this.#host.ownerDocument.visibilityState === 'hidden') this.#flush();
  };

  /** The article's identity: a fingerprint of everything read, in order. */
  #keyOf(segments: readonly Segment[]): string {
    let key = this.#keys.get(segments);
    if (!key) {
      key = `text:${fingerprint(segments.map((segment) => segment.text).join('\n'))}`;
      this.#keys.set(segments, key);
    }
    return key;
  }
}
