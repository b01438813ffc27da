// The package ships no types. These cover only what src/render/espeak.ts uses, as read from its
// Emscripten WebIDL bindings (espeak-ng.js). GPL-3.0: loaded by the render command only, never bundled.
declare module '@echogarden/espeak-ng-emscripten' {
  /** One entry of espeak's event list (an `espeak_EVENT` in the module's heap). */
  export interface EspeakEvent {
    get_type(): number;
    /** 1-based position in the input text, counted in Unicode code points (not bytes). */
    get_text_position(): number;
    get_length(): number;
    /** Milliseconds since the start of this synthesis, truncated. */
    get_audio_position(): number;
    /** Samples since the start of this synthesis: the exact form of `get_audio_position()`. */
    get_sample(): number;
  }

  export interface EspeakVoiceInfo {
    readonly name: string;
    readonly identifier: string;
    /** Languages the voice speaks; a lower priority number is a better match. */
    readonly languages: readonly { readonly priority: number; readonly name: string }[];
  }

  export interface EspeakWorker {
    /** Words per minute (80–450; espeak's default is 175). */
    rate: number;
    readonly samplerate: number;
    list_voices(): EspeakVoiceInfo[];
    /** 0 when the voice was set. */
    set_voice(name: string, lang?: string): number;
    getSizeOfEventStruct_(): number;
    /**
     * Synthesises `text` synchronously, calling `callback(audioPointer, sampleCount, eventsPointer)` (a
     * pointer from `addFunction`) with each chunk of 16-bit mono samples and its events. The input is
     * read with SSML and `[[phoneme]]` markup enabled.
     */
    synth_(text: string, callback: number): void;
  }

  export interface EspeakModule {
    readonly HEAP16: Int16Array;
    readonly espeakEVENT_LIST_TERMINATED: number;
    readonly espeakEVENT_WORD: number;
    readonly eSpeakNGWorker: new () => EspeakWorker;
    readonly espeak_EVENT: unknown;
    wrapPointer(pointer: number, type: unknown): EspeakEvent;
    /** Adds a JS function to the wasm table; `signature` in Emscripten's letters ('iiii'). */
    addFunction(fn: (...args: number[]) => number, signature: string): number;
  }

  export default function createEspeakModule(options?: object): Promise<EspeakModule>;
}
