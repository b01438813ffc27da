/**
 * The element's one player, whatever has loaded: its store from the start, reflected on the host (the `state`
 * attribute, written here only, and the events of state and error); the rest of the player, which one loader
 * brings on first use; and the requests (play, pause, seek…), run at once or queued for it in order.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { emit } from '../player/events.js';
import { PlayerStore, type PlayerSnapshot } from '../player/store.js';
import { Loader } from './loader.js';
import type { PlayerParts } from './player-view.js';
import type { PlayerSession, SessionHost, SessionOptions } from './session.js';
import { ShellParts, type ShellOptions } from './shell.js';
import { enShell } from './strings-shell.js';

export interface PlayerCoreOptions
  extends Omit<ShellOptions, 'store' | 'openParagraphs' | 'loaded'>, Omit<SessionOptions, 'store' | 'segments'> {}

export class PlayerCore implements ReactiveController {
  readonly store = new PlayerStore();
  /** The rest of the player (engines, follow along, resume, Media Session…): see `session.ts`. */
  readonly loader: Loader<PlayerSession, typeof import('./session.js')>;
  /** The element's own parts until the rest of the player loads (see `shell.ts`). */
  readonly shell: ShellParts;
  readonly #host: SessionHost & ReactiveElement;
  /** While the rest of the player takes over: the snapshot before, whose change the host hears of once, after. */
  #handover: PlayerSnapshot | null = null;

  constructor(host: SessionHost & ReactiveElement, options: PlayerCoreOptions) {
    this.#host = host;
    const store = this.store;
    this.loader = new Loader(host, {
      task: () => {
        // The engine's file is asked for with the session's, not once the session has made the engine: one
        // round trip less before play. The session imports it again (at once, from the module map).
        if (options.readyArticle()) void (options.src() ? import('../engines/audio/audio.js') : import('../engines/speech/speech.js')).catch(() => {});
        return import('./session.js');
      },
      make: ({ PlayerSession }) => {
        // The rest of the player takes over from `idle`, as if it had been there all along: its controllers
        // (one player at a time, Media Session, where play starts) see a waiting play start when it runs.
        this.#handover = store.snapshot;
        store.dispatch({ type: 'cancel' });
        const session = new PlayerSession(host, { ...options, store, segments: this.shell.take() });
        // As the element did before the first render when it was all one: read the article and load an engine,
        // so voices, the manifest and the resume offer are there as early as they can be.
        if (options.readyArticle()) session.playback.prepare();
        return session;
      },
      arrived: () => this.#endHandover(),
      failed: () => {
        this.#endHandover();
        // The rest of the player did not load (offline, a blocked file); the message is in English, as the engines' are.
        store.dispatch({ type: 'error', code: 'player-load', message: enShell.errors['player-load'] });
      },
      // Back to `idle` to try again; unless a play is what retries (it is `loading` already).
      retry: () => store.dispatch({ type: 'cancel' }),
    });
    this.shell = new ShellParts({
      ...options,
      store,
      openParagraphs: () => this.request((session) => session.openParagraphs()),
      loaded: () => this.loader.value !== undefined,
    });
    store.subscribe((next, previous) => this.#reflect(next, previous));
    host.addController(this);
  }

  hostConnected(): void {
    this.#reflectState();
  }

  /** What the player draws and reads beyond its own controls: the loaded parts, else the element's own. */
  get parts(): PlayerParts {
    return this.loader.value ?? this.shell;
  }

  /** Length in seconds: the engine's, else the one to expect. */
  get duration(): number {
    const { duration, estimate } = this.store.snapshot;
    return duration > 0 ? duration : estimate;
  }

  /** Loads the rest of the player now, if it is not there or on its way (a failure is shown, not thrown). */
  load(): void {
    this.loader.run().catch(() => {});
  }

  /** Runs `action` with the rest of the player, loading it first if need be. */
  request(action: (session: PlayerSession) => void): void {
    this.loader.request(action);
  }

  /** A setting (`key`): handed to the rest of the player once it is there, without loading it for that. */
  setting(key: string, action: (session: PlayerSession) => void): void {
    this.loader.request(action, { load: false, key });
  }

  /** A play: before the rest of the player, `loading` at once (the button offers to pause) until it runs. */
  play(start: (session: PlayerSession) => void): void {
    if (!this.loader.value) this.store.dispatch({ type: 'request' });
    this.loader.request(start, { play: true });
  }

  pause(): void {
    // A play still waiting for the rest of the player is taken back; there is nothing else to pause yet.
    if (this.loader.cancelPlays()) this.store.dispatch({ type: 'cancel' });
    this.loader.value?.playback.pause();
  }

  toggle(): void {
    const { state } = this.store.snapshot;
    if (state === 'playing' || state === 'loading') this.pause();
    else this.play((session) => session.playback.play());
  }

  seek(seconds: number): void {
    if (!this.loader.value && Number.isFinite(seconds)) {
      // Shown at once, applied as soon as the rest of the player is there.
      const time = Math.min(Math.max(seconds, 0), this.duration);
      this.store.dispatch({ type: 'position', time, segment: this.store.snapshot.segmentIndex });
      this.#host.requestUpdate();
    }
    this.request((session) => session.playback.seek(seconds));
  }

  #endHandover(): void {
    const before = this.#handover;
    this.#handover = null;
    if (before) this.#reflect(this.store.snapshot, before);
  }

  /** The store on the host: the `state` attribute, and the events of state and error. */
  #reflect(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    if (this.#handover) return;
    if (next.state !== previous.state) {
      this.#reflectState();
      emit(this.#host, 'listen-statechange', { state: next.state });
    }
    if (next.error && next.error !== previous.error) emit(this.#host, 'listen-error', { ...next.error });
    if (next.state !== previous.state || next.loadingReason !== previous.loadingReason || next.estimate !== previous.estimate) {
      this.#host.requestUpdate();
    }
  }

  #reflectState(): void {
    this.#host.setAttribute('state', this.store.snapshot.state);
  }
}
