/**
 * The element's one player, whatever has loaded: its store from the start, reflected on the host (the `state`
 * attribute, written here only, and the events of state and error); the rest of the player, which one loader
 * brings on first use; and the requests (play, pause, seek…), run at once or queued for it in order. It also
 * works out from the element's settings and the page what the rest of the player is made with (the article,
 * the language, what the page set itself), and what a change of those settings asks of it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { clampRate } from '../article/pace.js';
import type { EngineLoadOptions } from '../engines/engine.js';
import { emit } from '../player/events.js';
import { engineOptions } from '../player/engine-options.js';
import { hasStoredState } from '../player/storage-keys.js';
import { PlayerStore, type PlayerSnapshot } from '../player/store.js';
import { declaredLang, findArticle, readyArticle } from './article-source.js';
import { LanguageController, type StringsSource } from './i18n.js';
import { Loader } from './loader.js';
import type { PlayerParts } from './player-view.js';
import type { PlayerSession, SessionHost, SessionOptions } from './session.js';
import { ShellParts } from './shell.js';
import { shortcutKey } from './shortcut-keys.js';
import { enShell } from './strings-shell.js';

/** The element, as its player uses it: its settings (see `listen-player.ts`) and its own play/pause. */
export type CoreHost = SessionHost &
  StringsSource &
  ReactiveElement & { readonly for: string; readonly langOverride: string; readonly lexicon: string };

/** The settings that name another article, or read it otherwise: what was read of it before no longer holds. */
const ARTICLE_SETTINGS = ['for', 'lang', 'src', 'langOverride', 'lexicon'] as const;

export class PlayerCore implements ReactiveController {
  readonly store = new PlayerStore();
  /** The rest of the player (engines, follow along, resume, Media Session…): see `session.ts`. */
  readonly loader: Loader<PlayerSession, typeof import('./session.js')>;
  /** The element's own parts until the rest of the player loads (see `shell.ts`). */
  readonly shell: ShellParts;
  /** The UI's language: from `lang`, else the article's or the document's (see `i18n.ts`). */
  readonly language: LanguageController;
  /** Slider value while the reader drags it (the position is applied on release). */
  scrub: number | null = null;
  readonly #host: CoreHost;
  /** While the rest of the player takes over: the snapshot before, whose change the host hears of once, after. */
  #handover: PlayerSnapshot | null = null;
  /** Whether the page set `rate` and `voice` itself, read before the first update reflects `rate`. */
  #explicit: { rate: boolean; voice: boolean } | null = null;

  constructor(host: CoreHost) {
    this.#host = host;
    const store = this.store;
    const options: Omit<SessionOptions, 'store' | 'segments'> = {
      article: () => this.article(),
      readyArticle: () => this.#ready(),
      loadOptions: () => this.#loadOptions(),
      explicit: () => this.#explicit ?? { rate: false, voice: false },
      // The arrow keys follow what the reader sees.
      rtl: () => this.language.current.strings.dir === 'rtl',
    };
    this.language = new LanguageController(host, { lang: () => this.#loadOptions().lang });
    this.loader = new Loader(host, {
      task: () => {
        // The engine's file is asked for with the session's, not once the session has made the engine: one
        // round trip less before play. The session imports it again (at once, from the module map).
        if (this.#ready()) void (host.src ? import('../engines/audio/audio.js') : import('../engines/speech/speech.js')).catch(() => {});
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
        if (this.#ready()) session.playback.prepare();
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
    this.shell = new ShellParts(this, host);
    store.subscribe((next, previous) => this.#reflect(next, previous));
    // The shortcuts come with the rest of the player (`shortcuts.ts`). One pressed before it is there is kept
    // from the page and done once it is (its press loads it); play and pause at once, as the button does.
    host.addEventListener('keydown', (event) => {
      const key = this.loader.value ? null : shortcutKey(event);
      if (key === null) return;
      event.preventDefault();
      const { shiftKey } = event;
      if (/^[ k]$/i.test(key)) this.toggle();
      else this.request((session) => session.press(key, shiftKey));
    });
    // A pointer over the player or focus in it is a reader about to use it: the rest of it loads meanwhile
    // (the voices then show in the menu, and play starts sooner).
    const intent = () => this.load();
    host.addEventListener('pointerenter', intent);
    host.addEventListener('focusin', intent);
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.#host;
    this.#explicit ??= { rate: host.hasAttribute('rate') || host.rate !== 1, voice: host.hasAttribute('voice') || Boolean(host.voice) };
    this.#reflectState();
  }

  /** The slider while the reader drags it: their value shows as it is (see `scrub`). */
  readonly onSeekInput = (event: Event): void => {
    this.scrub = (event.target as HTMLInputElement).valueAsNumber;
    this.#host.requestUpdate();
  };

  /** The slider released: the position is sought. */
  readonly onSeekChange = (event: Event): void => {
    this.scrub = null;
    this.seek((event.target as HTMLInputElement).valueAsNumber);
  };

  /** The reader chose a speed in the menu. */
  readonly onRateChange = (event: Event): void => {
    this.#host.rate = Number((event.target as HTMLSelectElement).value);
    // The session remembers a choice it saw; one made before it loaded is handed to it.
    if (!this.loader.value) this.request((session) => session.rememberRate());
  };

  /** What a change of the element's properties asks of the player: called from its `willUpdate`. */
  willUpdate(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const host = this.#host;
    // Set, or set back to off: the timer is the rest of the player's (loaded for it).
    if (changed.has('sleepTimer') && (host.sleepTimer || changed.get('sleepTimer'))) this.request((session) => session.setSleepTimer(host.sleepTimer));
    if (!host.hasUpdated) {
      // Read the article before the first render: the total time shows. The rest of the player loads when the
      // reader reaches for it, or at once: for a reader who has listened before (their place and speed show
      // before play), on a device that cannot speak (it says so before anyone presses play), and while the
      // article is not on the page yet (the session waits for it).
      const article = this.#ready();
      if (article) this.shell.preview();
      // An article with nothing to read (images only) is an error to show at once, as the session reports it.
      // A link to a spoken moment (`#listen=151`) too: the player marks its paragraph and offers to play from it.
      const synth = engineOptions().speech?.synth;
      const speaks = synth !== undefined ? synth !== null : 'speechSynthesis' in globalThis;
      if (!article || !this.shell.read || hasStoredState() || location.hash.includes('listen=') || (!host.src && !speaks)) this.load();
      return;
    }
    if (ARTICLE_SETTINGS.some((key) => changed.has(key) && changed.get(key) !== undefined)) {
      const { shell, loader } = this;
      shell.forget();
      if (loader.value) loader.value.playback.changed();
      else if (this.#ready()) shell.preview();
      else {
        this.store.dispatch({ type: 'engine', engine: null });
        this.load();
      }
    }
    if (changed.has('rate')) this.setting('rate', (session) => session.playback.setRate(host.rate));
    if (changed.has('voice') && host.voice) this.setting('voice', (session) => session.playback.setVoice(host.voice));
  }

  /** The article element to read (`for`, else around or after the player), or null when it cannot be found. */
  article(): Element | null {
    return findArticle(this.#host, this.#host.for);
  }

  /** The article once it has text to read. */
  #ready(): Element | null {
    return readyArticle(this.article());
  }

  #loadOptions(): EngineLoadOptions {
    const { langOverride, lang, voice, rate, lexicon, allowCrossOrigin } = this.#host;
    const declared = declaredLang(this.article());
    return { lang: langOverride || lang || declared || navigator.language, voice: voice || undefined, rate: clampRate(rate), relabel: langOverride && declared, lexicon, allowCrossOrigin };
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
