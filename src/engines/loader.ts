/**
 * Engines load by kind: a page read by the browser's voice never downloads the audio engine, its manifest
 * parsing or howler, and a recording never downloads the speech engine unless it needs it (a paragraph
 * without audio, a fallback). `importEngine` imports the one engine module a reading needs; `LoadingEngine`
 * stands in for that engine while its module arrives, so the player has an engine at once and nothing it
 * asks meanwhile is lost or reordered.
 */
import type { Segment } from '../article/segment.js';
import type { AudioEngine, AudioEngineOptions } from './audio/audio.js';
import type { Engine, EngineCore, EngineKind, EngineListener, EngineLoadOptions, WordTiming } from './engine.js';
import type { SpeechEngine } from './speech/speech.js';
import type { SpeechEngineOptions } from './speech/options.js';

/** Which engine to make, with its options. */
export type EngineRequest =
  | { readonly kind: 'speech'; readonly options?: SpeechEngineOptions | undefined }
  | { readonly kind: 'audio'; readonly options: AudioEngineOptions };

/**
 * Makes the engine `request` names, telling `listener` what it does: at once when its module is there, else
 * once it arrives; rejects when it cannot be loaded.
 */
export type EngineFactory = (request: EngineRequest, listener: EngineListener) => Engine | Promise<Engine>;

/**
 * The engine modules imported so far: an engine made again (try again, a fallback to speech) is made in the
 * same task as the request, so what it says first comes before the player renders, as for any engine.
 */
const imported: { speech?: typeof import('./speech/speech.js'); audio?: typeof import('./audio/audio.js') } = {};

/** The default `EngineFactory`: imports only the module of the engine asked for, on first use. */
export const importEngine: EngineFactory = (request, listener) => {
  if (request.kind === 'audio') {
    const make = (module: typeof import('./audio/audio.js')) => new module.AudioEngine(listener, request.options);
    return imported.audio ? make(imported.audio) : import('./audio/audio.js').then((module) => make((imported.audio = module)));
  }
  const make = (module: typeof import('./speech/speech.js')) => new module.SpeechEngine(listener, request.options);
  return imported.speech ? make(imported.speech) : import('./speech/speech.js').then((module) => make((imported.speech = module)));
};

/**
 * The engine a factory makes, standing in for it while its module loads. Every call made before it arrives is
 * kept and made on it, in order, as soon as it is there (`load` first, as the player calls it first); after
 * that (or at once, when the factory had it ready), calls go straight through. Until then it has no timeline
 * (length 0) and its clock is the last time sought, and it says what an engine says at once to a play or a
 * pause: `loading` (play is wanted and waits) and `paused` (it is no longer). If the module cannot be loaded
 * (offline, blocked, a deploy replaced it), the listener hears a `player-load` error and the kept calls are
 * dropped: the player shows the error, and playing again makes a fresh engine.
 */
export class LoadingEngine implements EngineCore {
  readonly kind: EngineKind;
  #engine: Engine | null = null;
  /** Calls waiting for the engine; null once it arrived or failed to. */
  #waiting: ((engine: Engine) => void)[] | null = [];
  #time = 0;
  /** Play was asked for while the module loads (and not paused since). */
  #wanted = false;
  #destroyed = false;
  readonly #listener: EngineListener;
  readonly #arrived: Promise<Engine | null>;

  constructor(request: EngineRequest, factory: EngineFactory, listener: EngineListener) {
    this.kind = request.kind;
    this.#listener = listener;
    let made: Engine | Promise<Engine>;
    try {
      made = factory(request, listener);
    } catch (error) {
      made = Promise.reject(error);
    }
    if (!(made instanceof Promise)) {
      this.#engine = made;
      this.#waiting = null;
      this.#arrived = Promise.resolve(made);
      return;
    }
    this.#arrived = made.then(
      (engine) => {
        const waiting = this.#waiting ?? [];
        this.#waiting = null;
        if (this.#destroyed) {
          engine.destroy();
          return null;
        }
        this.#engine = engine;
        for (const call of waiting) call(engine);
        return engine;
      },
      (error: unknown) => {
        this.#waiting = null;
        if (!this.#destroyed) {
          listener({
            type: 'error',
            code: 'player-load',
            message: `The player could not be loaded (${String(error)}). Check the connection and try again.`,
          });
        }
        return null;
      },
    );
  }

  /** The engine itself once its module arrived, else null. */
  get engine(): Engine | null {
    return this.#engine;
  }

  get duration(): number {
    return this.#engine?.duration ?? 0;
  }

  get currentTime(): number {
    return this.#engine?.currentTime ?? this.#time;
  }

  get wordTiming(): WordTiming | null {
    return this.#engine?.wordTiming ?? null;
  }

  /** Resolves once the engine is loaded, or at once when its module failed (the error was reported). */
  load(segments: readonly Segment[], options: EngineLoadOptions): Promise<void> {
    if (this.#engine) return this.#engine.load(segments, options);
    let loaded: Promise<void> = Promise.resolve();
    this.#call((engine) => {
      loaded = engine.load(segments, options);
    });
    // The calls kept are made before this runs, so `loaded` is the engine's own promise by then.
    return this.#arrived.then(() => loaded);
  }

  play(): void {
    if (this.#loading) {
      this.#wanted = true;
      this.#listener({ type: 'loading' });
    }
    this.#call((engine) => engine.play());
  }

  pause(): void {
    if (this.#loading && this.#wanted) {
      this.#wanted = false;
      this.#listener({ type: 'paused' });
    }
    this.#call((engine) => engine.pause());
  }

  seek(seconds: number): void {
    if (!this.#engine && Number.isFinite(seconds)) this.#time = Math.max(seconds, 0);
    this.#call((engine) => engine.seek(seconds));
  }

  skip(direction: -1 | 1): void {
    this.#call((engine) => engine.skip(direction));
  }

  seekSegment(index: number): void {
    this.#call((engine) => engine.seekSegment(index));
  }

  segmentStart(index: number): number {
    return this.#engine?.segmentStart(index) ?? 0;
  }

  setRate(rate: number): void {
    this.#call((engine) => engine.setRate(rate));
  }

  /**
   * A call only one kind of engine has (the speech engine's voice): kept like the others, and made if the
   * engine that arrives is of that kind.
   */
  when<T extends Engine>(is: (engine: Engine) => engine is T, call: (engine: T) => void): void {
    this.#call((engine) => {
      if (is(engine)) call(engine);
    });
  }

  destroy(): void {
    this.#destroyed = true;
    this.#waiting = null;
    this.#engine?.destroy();
    this.#engine = null;
  }

  /** The module is still on its way (not arrived, failed or let go). */
  get #loading(): boolean {
    return this.#waiting !== null && !this.#destroyed;
  }

  #call(call: (engine: Engine) => void): void {
    if (this.#engine) call(this.#engine);
    else if (!this.#destroyed) this.#waiting?.push(call);
  }
}

/** Whether `engine` is the speech engine itself (not one still loading), told without importing its module. */
export function isSpeechEngine(engine: Engine | null | undefined): engine is SpeechEngine {
  return engine?.kind === 'speech' && !(engine instanceof LoadingEngine);
}

/** Whether `engine` is the audio engine itself (not one still loading), told without importing its module. */
export function isAudioEngine(engine: Engine | null | undefined): engine is AudioEngine {
  return engine?.kind === 'audio' && !(engine instanceof LoadingEngine);
}
