/**
 * eSpeak NG, compiled to WebAssembly (@echogarden/espeak-ng-emscripten), as a synchronous synthesiser:
 * text in, 16-bit mono samples and word spans out. The render worker makes one per article (see
 * worker.ts); each holds ~25 MB of voice data. GPL-3.0, so only the render command (build time, Node)
 * ever loads it.
 */
import createEspeakModule, {
  type EspeakModule,
  type EspeakVoiceInfo,
  type EspeakWorker,
} from '@echogarden/espeak-ng-emscripten';
import { espeakInput, wordSpans, type InputRun, type WordEvent, type WordSpan } from './words.js';

/** A pause shorter than this inside a word's time is part of the word (stop consonants, breaths). */
const MIN_WORD_PAUSE_SECONDS = 0.12;

export interface Synthesis {
  /** 16-bit mono samples at `Espeak.sampleRate`. */
  readonly pcm: Int16Array;
  /** Words in samples of `pcm` and UTF-16 code units of the text. */
  readonly words: readonly WordSpan[];
}

export class Espeak {
  readonly #module: EspeakModule;
  readonly #worker: EspeakWorker;
  readonly #eventSize: number;
  /** One callback for every synthesis: adding a function to the wasm table costs more than a short text. */
  readonly #callback: number;
  /** Where the synthesis in progress collects its output. */
  #chunks: Int16Array[] = [];
  #events: WordEvent[] = [];
  /** The language of the voice set: runs in another are read with a voice of theirs. */
  #voiceLang = '';

  private constructor(module: EspeakModule) {
    this.#module = module;
    this.#worker = new module.eSpeakNGWorker();
    this.#eventSize = this.#worker.getSizeOfEventStruct_();
    this.#callback = module.addFunction(this.#receive, 'iiii');
  }

  static async create(): Promise<Espeak> {
    return new Espeak(await createEspeakModule());
  }

  get sampleRate(): number {
    return this.#worker.samplerate;
  }

  /** Selects a voice by identifier ("gmw/en"), name or language ("en-gb"); throws when none fits. */
  setVoice(wanted: string): EspeakVoiceInfo {
    const voices = this.#worker.list_voices();
    const voice = pickVoice(voices, wanted);
    if (!voice) throw new Error(`eSpeak NG has no voice for "${wanted}" (try a language such as en-gb, or a voice name)`);
    const result = this.#worker.set_voice(voice.identifier);
    if (result !== 0) throw new Error(`eSpeak NG could not load the voice ${voice.identifier} (error ${result})`);
    this.#voiceLang = voice.languages[0]?.name ?? '';
    return voice;
  }

  /** Words per minute, 80–450. */
  setRate(wordsPerMinute: number): void {
    this.#worker.rate = wordsPerMinute;
  }

  /**
   * Speaks `text`, a segment; with `runs`, as they say it (its language runs, the lexicon's replacements: see
   * `spoken.ts`). Word spans are always in `text`.
   */
  synthesize(text: string, runs?: readonly InputRun[] | null): Synthesis {
    const input = espeakInput(text, runs, this.#voiceLang);
    this.#chunks = [];
    this.#events = [];
    this.#worker.synth_(input.text, this.#callback);
    const pcm = new Int16Array(this.#chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of this.#chunks) {
      pcm.set(chunk, offset);
      offset += chunk.length;
    }
    const minPause = Math.round(MIN_WORD_PAUSE_SECONDS * this.sampleRate);
    const words = wordSpans(text, input, this.#events, pcm, minPause);
    this.#chunks = [];
    this.#events = [];
    return { pcm, words };
  }

  /** espeak's callback: a chunk of samples and the events in it. Returns 0 to go on. */
  readonly #receive = (audio: number, length: number, eventList: number): number => {
    const module = this.#module;
    // Read HEAP16 afresh each time: it is replaced whenever wasm memory grows.
    if (length > 0) this.#chunks.push(module.HEAP16.slice(audio / 2, audio / 2 + length));
    for (let at = eventList; ; at += this.#eventSize) {
      const event = module.wrapPointer(at, module.espeak_EVENT);
      const type = event.get_type();
      if (type === module.espeakEVENT_LIST_TERMINATED) break;
      if (type === module.espeakEVENT_WORD) this.#events.push({ position: event.get_text_position(), sample: event.get_sample() });
    }
    return 0;
  };
}

/**
 * The voice `wanted` names: an exact identifier or name first, then the best-ranked voice for the language
 * tag, then for its primary language ("en-gb-x-foo" → "en").
 */
export function pickVoice(voices: readonly EspeakVoiceInfo[], wanted: string): EspeakVoiceInfo | undefined {
  const key = wanted.trim().toLowerCase();
  if (!key) return undefined;
  const exact = voices.find((v) => v.identifier.toLowerCase() === key || v.name.toLowerCase() === key);
  if (exact) return exact;
  return bestFor(voices, key) ?? bestFor(voices, key.split(/[-_]/)[0]!);
}

function bestFor(voices: readonly EspeakVoiceInfo[], lang: string): EspeakVoiceInfo | undefined {
  let best: EspeakVoiceInfo | undefined;
  let bestPriority = Infinity;
  for (const voice of voices) {
    for (const language of voice.languages) {
      if (language.name.toLowerCase() === lang && language.priority < bestPriority) {
        best = voice;
        bestPriority = language.priority;
      }
    }
  }
  return best;
}
