/**
 * The part of howler's API the audio engine uses, declared here: the package's published types name these,
 * not `howler`'s own, so an app that type-checks them (`skipLibCheck: false`) needs no `@types/howler`.
 * `audio.ts` assigns `import('howler')` to a `HowlerModule`, so the compiler checks howler's real types
 * (a devDependency) against these.
 */
export interface HowlOptions {
  src: string[];
  format: string[];
  html5: boolean;
  preload: boolean;
  rate: number;
  onload: () => void;
  onloaderror: (soundId: number, error: unknown) => void;
  onplayerror: (soundId: number, error: unknown) => void;
  onplay: () => void;
  onpause: () => void;
  onend: () => void;
}

export interface Howl {
  play(): number;
  pause(): this;
  stop(): this;
  rate(rate: number): this;
  seek(): number;
  seek(seconds: number): this;
  playing(): boolean;
  volume(): number;
  /** Sets the volume (howler's own types say `this | number`: a number given is taken as the volume). */
  volume(volume: number): this | number;
  fade(from: number, to: number, duration: number): this;
  duration(): number;
  state(): 'unloaded' | 'loading' | 'loaded';
  off(): this;
  unload(): void;
}

export interface HowlerModule {
  readonly Howl: new (options: HowlOptions) => Howl;
}
