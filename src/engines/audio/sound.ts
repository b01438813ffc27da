/**
 * The howler sound of a recording: HTML5 audio, so long files stream. howler is imported when the sound is
 * first needed (the first play): a page that never plays never downloads it. The sound is ready once loaded
 * and as long as the manifest says; what it does after that (plays, pauses, ends, fails) goes to the engine.
 */
import type { Howl, HowlerModule } from './howler.js';
import { releaseWithoutDataUrl } from './release.js';
import { durationMismatch, type AudioSource } from './timings.js';

export interface SoundEvents {
  /** The file loaded (progress, whether or not it fits the manifest). */
  loaded(): void;
  /** It loaded, but is not the recording the manifest describes. */
  mismatch(message: string): void;
  /** The file could not be loaded (`error`: howler's, the `MediaError` code). */
  loadError(error: unknown): void;
  /** The browser refused to start it (autoplay policy). */
  playError(error: unknown): void;
  play(): void;
  pause(): void;
  end(): void;
}

/**
 * Makes the sound of `source` with howler's `Howl` (imported by the caller on first play). Returns it at once
 * (it can be stopped and unloaded while it loads) and `ready`: the sound once usable, or null if it is not.
 */
export function openSound(
  HowlClass: HowlerModule['Howl'],
  source: AudioSource,
  rate: number,
  expectedDuration: number,
  on: SoundEvents,
): { readonly howl: Howl; readonly ready: Promise<Howl | null> } {
  let settle: (howl: Howl | null) => void = () => undefined;
  const ready = new Promise<Howl | null>((resolve) => (settle = resolve));
  const howl: Howl = new HowlClass({
    src: [source.url],
    format: [source.format],
    html5: true,
    preload: true,
    rate,
    onload: () => {
      on.loaded();
      const mismatch = durationMismatch(howl.duration(), expectedDuration);
      if (mismatch) {
        settle(null);
        on.mismatch(mismatch);
      } else settle(howl);
    },
    onloaderror: (_id, error: unknown) => {
      settle(null);
      on.loadError(error);
    },
    // Autoplay policy: howler retries on the next user gesture; the engine reports it rather than hang.
    onplayerror: (_id, error: unknown) => on.playError(error),
    onplay: () => on.play(),
    onpause: () => on.pause(),
    onend: () => on.end(),
  });
  releaseWithoutDataUrl(howl);
  return { howl, ready };
}

/** The sound, made (and howler imported) on first need, once. */
export class LazySound {
  readonly #loadHowler: () => Promise<HowlerModule>;
  #howl: Howl | null = null;
  #ready: Promise<Howl | null> | null = null;
  #unloaded = false;

  // Assigned to `HowlerModule`: the compiler checks howler's own types against the ones declared here.
  constructor(loadHowler: () => Promise<HowlerModule> = (): Promise<HowlerModule> => import('howler')) {
    this.#loadHowler = loadHowler;
  }

  /** The sound once made (loaded or not), else null. */
  get howl(): Howl | null {
    return this.#howl;
  }

  /**
   * The sound of what `recording` resolves to (null: nothing to play), made on the first call; later calls get
   * the same. Resolves to null when it cannot be played, or was unloaded meanwhile.
   */
  open(
    recording: Promise<{ readonly source: AudioSource; readonly duration: number } | null>,
    rate: () => number,
    events: SoundEvents,
  ): Promise<Howl | null> {
    this.#ready ??= (async () => {
      const wanted = await recording;
      if (!wanted || this.#unloaded) return null;
      const { Howl } = await this.#loadHowler();
      if (this.#unloaded) return null;
      const { howl, ready } = openSound(Howl, wanted.source, rate(), wanted.duration, events);
      this.#howl = howl;
      return ready;
    })();
    return this.#ready;
  }

  unload(): void {
    this.#unloaded = true;
    this.#howl?.off();
    this.#howl?.unload();
    this.#howl = null;
  }
}
