/**
 * "Copy link to this moment" as the session holds it: nothing until the first copy (a key, the paragraph list),
 * then the copying itself (`moment-copy.ts`: the clipboard, the field it falls back to) loads and does it.
 */
import { nothing, type ReactiveControllerHost } from 'lit';
import type { PlaybackController } from '../player/playback.js';
import { addStyles } from './add-styles.js';
import type { MomentCopy, MomentStrings } from './moment-copy.js';

export class MomentHook {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: PlaybackController;
  #copy: MomentCopy | null = null;
  #loading: Promise<MomentCopy> | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController) {
    this.#host = host;
    this.#playback = playback;
  }

  /** Puts a link to the current moment, or paragraph `index`'s start, on the clipboard (or shows it). */
  copy(index?: number): void {
    this.#loading ??= import('./moment-copy.js').then(
      ({ MomentCopy, momentStyles }) => {
        if (this.#host.shadowRoot) addStyles(this.#host.shadowRoot, momentStyles);
        return (this.#copy = new MomentCopy(this.#host, this.#playback));
      },
      (error: unknown) => {
        // Offline, or the file blocked: the next copy tries again.
        this.#loading = null;
        throw error;
      },
    );
    this.#loading.then((copy) => copy.copy(index), () => {});
  }

  /** What the status line announces about the last copy ('' when nothing). */
  status(strings: MomentStrings): string {
    return this.#copy?.status(strings) ?? '';
  }

  /** The field with the link, when the clipboard was refused. */
  renderField(strings: MomentStrings) {
    return this.#copy?.renderField(strings) ?? nothing;
  }
}
