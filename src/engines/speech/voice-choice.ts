/**
 * The Web Speech engine's voices: it waits for the device's voices, then chooses the article's voice — the
 * one named by the page or remembered for the reader (`voice`) when the device has it, else the best for the
 * article's language (`rankVoices`) — and a voice for each chunk in another language (`LanguageVoices`).
 */
import { LanguageVoices } from './language-voices.js';
import { chooseVoice, languageName, loadVoices, rankContext, type RankContext } from './voices.js';

/** How a load of the voices ended: ready, superseded by a newer load (nothing changed), or unable to read. */
export type VoicesLoaded =
  | { readonly status: 'ready' | 'stale' }
  | { readonly status: 'failed'; readonly message: string };

export class VoiceChoice {
  #voices: readonly SpeechSynthesisVoice[] = [];
  #voice: SpeechSynthesisVoice | null = null;
  readonly #languages = new LanguageVoices();
  readonly #context: () => RankContext;
  #abort: AbortController | null = null;
  #waiting = false;

  /** `context` tells the ranking whether the device is online and the reader's languages, when it chooses. */
  constructor(context: () => RankContext = () => rankContext()) {
    this.#context = context;
  }

  /** Voices on this device (after `load`). */
  get voices(): readonly SpeechSynthesisVoice[] {
    return this.#voices;
  }

  /** The article's voice, or null when none speaks its language. */
  get voice(): SpeechSynthesisVoice | null {
    return this.#voice;
  }

  /** Whether a load is waiting for the device's voices to arrive (the list was empty when it began). */
  get waiting(): boolean {
    return this.#waiting;
  }

  /** Where the ranking stands now (for the voice menu, which ranks as the choice did). */
  get context(): RankContext {
    return this.#context();
  }

  /**
   * Waits for the device's voices (up to `timeout` ms) and chooses: the voice named `voice`, else the best for
   * `lang`. `chunkLangs` are the languages the article's chunks are marked with. A newer load or `abort()`
   * makes this one stale: it then changes nothing.
   */
  async load(
    synth: SpeechSynthesis,
    timeout: number,
    options: { readonly lang: string; readonly voice?: string | undefined },
    chunkLangs: readonly string[],
  ): Promise<VoicesLoaded> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    // Known at once whether voices must be waited for, so a play right after the load can say so.
    const now = synth.getVoices();
    this.#waiting = !now.length;
    const voices = await (now.length ? now : loadVoices(synth, timeout, undefined, abort.signal));
    if (abort.signal.aborted) return { status: 'stale' };
    this.#waiting = false;
    const context = this.#context();
    this.#voices = voices;
    this.#voice = chooseVoice(voices, options.lang, options.voice, context);
    this.#languages.reset(voices, options.lang, chunkLangs, context);
    if (!voices.length) {
      return { status: 'failed', message: 'No voices for reading aloud are installed on this device.' };
    }
    if (!this.#voice) {
      return { status: 'failed', message: `No voice for ${languageName(options.lang)} is installed on this device.` };
    }
    return { status: 'ready' };
  }

  /** Makes the voice named `name` (by name or voiceURI) the article's, if the device has it; true if it changed. */
  select(name: string): boolean {
    const voice = this.#voices.find((v) => v.name === name || v.voiceURI === name);
    if (!voice || voice === this.#voice) return false;
    this.#voice = voice;
    return true;
  }

  /** The voice for a chunk marked `lang`: the article's for its own language, else that language's best. */
  forChunk(lang: string): SpeechSynthesisVoice | null {
    return this.#languages.voiceFor(lang, this.#voice);
  }

  /** Stops waiting for voices; a pending load becomes stale. */
  abort(): void {
    this.#abort?.abort();
    this.#waiting = false;
  }
}
