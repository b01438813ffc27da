/**
 * A near-silent, looping audio element that keeps the page "playing media" while Web Speech speaks.
 *
 * Browsers route media keys, headset buttons and lock-screen controls to a page (and show its Media Session
 * metadata) only while it plays media through a media element; `speechSynthesis` does not count. So while the
 * speech engine speaks, this element plays `silence.mp3`:
 * - a real file next to this module, so it loads under `media-src 'self'` (no `data:` or `blob:` URL);
 * - 6 s long, because Chrome on Android shows no media notification for media of 5 s or less
 *   (https://developers.google.com/web/updates/2015/07/media-notifications);
 * - pink noise at about −80 dBFS (peaks −70 dBFS) rather than digital zero: inaudible, but Firefox treats a
 *   page playing only zeros as silent and shows no controls for it (https://github.com/w3c/mediasession/issues/328).
 * Made with: `ffmpeg -f lavfi -i "anoisesrc=r=22050:a=0.0005:c=pink:d=6:seed=1" -ac 1 -c:a libmp3lame -b:a 8k
 * -map_metadata -1 -id3v2_version 0 silence.mp3` (6 KB).
 *
 * It is never in the page's DOM nor in a shadow root, and it never throws or blocks: a refused `play()`
 * (autoplay policy) only means media keys will not reach the page.
 */

/** The silent file, emitted by the bundler as an asset beside the player's script. */
export const SILENCE_URL = new URL('./silence.mp3', import.meta.url).href;

export class SilentAudio {
  readonly #onInterrupted: () => void;
  #audio: HTMLAudioElement | null = null;
  /** Whether it should be playing; a `pause` the page did not ask for is an interruption. */
  #wanted = false;

  /**
   * @param onInterrupted called when the browser or the system pauses the element on its own while it
   *   should play (a phone call, another app taking audio focus): speech should pause with it.
   */
  constructor(onInterrupted: () => void) {
    this.#onInterrupted = onInterrupted;
  }

  start(): void {
    if (this.#wanted) return;
    const audio = this.#element();
    if (!audio) return;
    this.#wanted = true;
    try {
      // A refused play (autoplay policy) or one cut short by pause() rejects: neither matters here.
      void audio.play()?.catch(() => undefined);
    } catch {
      // Very old engines throw instead of rejecting; the same applies.
    }
  }

  stop(): void {
    if (!this.#wanted) return;
    this.#wanted = false;
    try {
      this.#audio?.pause();
    } catch {
      // Nothing to release if pausing fails.
    }
  }

  /** Stops and frees the element and its network resource; `start()` makes a new one. */
  dispose(): void {
    this.stop();
    const audio = this.#audio;
    this.#audio = null;
    if (!audio) return;
    audio.removeEventListener('pause', this.#onPause);
    try {
      // Removing `src` and loading again is how a media element lets go of its resource.
      audio.removeAttribute('src');
      audio.load();
    } catch {
      // Already released.
    }
  }

  #element(): HTMLAudioElement | null {
    if (this.#audio) return this.#audio;
    if (typeof Audio !== 'function') return null;
    try {
      const audio = new Audio();
      audio.loop = true;
      audio.preload = 'auto';
      // Never offer the filler to Cast or AirPlay pickers.
      audio.disableRemotePlayback = true;
      audio.src = SILENCE_URL;
      audio.addEventListener('pause', this.#onPause);
      this.#audio = audio;
      return audio;
    } catch {
      return null;
    }
  }

  readonly #onPause = (): void => {
    // The event is queued: after a quick stop()+start() it arrives while the element plays again, so the
    // element's own `paused` tells a stale event from a real interruption.
    if (this.#wanted && this.#audio?.paused) {
      this.#wanted = false;
      this.#onInterrupted();
    }
  };
}
