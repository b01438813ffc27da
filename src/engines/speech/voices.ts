/**
 * The device's voices for Web Speech: finding them, matching their languages, ranking them (pure functions; the
 * engine's choice is kept in `voice-choice.ts`). Browsers differ: Chrome fills `getVoices()` asynchronously and
 * fires `voiceschanged`; Safari and Firefox may fill it without the event, so we also poll briefly. A voice is
 * always chosen by the article's language, never taken as the default: the default voice can be any language
 * (headless Chromium on Linux defaults to Afrikaans).
 */

/**
 * How long the device's voices are waited for by default, in ms: generous, since Chromium on a busy Linux
 * machine lists them 7 s or more after the first request, and giving up early tells a reader whose device can
 * read aloud that it cannot.
 */
export const VOICE_TIMEOUT_MS = 20_000;

/**
 * Resolves with the device's voices: at once if known, else when they arrive, else `[]` after `timeout` ms
 * (or as soon as `signal` aborts; every timer and listener is released either way).
 */
export function loadVoices(
  synth: SpeechSynthesis,
  timeout = VOICE_TIMEOUT_MS,
  interval = 250,
  signal?: AbortSignal,
): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length || signal?.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (voices: SpeechSynthesisVoice[]) => {
      clearInterval(poll);
      clearTimeout(giveUp);
      synth.removeEventListener('voiceschanged', check);
      signal?.removeEventListener('abort', abort);
      resolve(voices);
    };
    const abort = () => done([]);
    signal?.addEventListener('abort', abort);
    const check = () => {
      const voices = synth.getVoices();
      if (voices.length) done(voices);
    };
    synth.addEventListener('voiceschanged', check);
    const poll = setInterval(check, interval);
    const giveUp = setTimeout(() => done(synth.getVoices()), timeout);
  });
}

/**
 * Lower-case BCP 47 with `-` separators (`en_GB` → `en-gb`), deprecated codes replaced by their current ones:
 * Android lists voices under Java's old codes (`iw-IL`, `in-ID`) where pages write `he`, `id`; `cmn` is `zh`.
 */
export function normaliseLang(lang: string): string {
  let normalised = normalisedTags.get(lang);
  if (normalised === undefined) {
    const tag = lang.trim().replace(/_/g, '-');
    try {
      normalised = (Intl.getCanonicalLocales(tag)[0] ?? '').toLowerCase();
    } catch {
      // Not a well-formed tag (`i-klingon`, stray characters): compared as written, so it still matches itself.
      normalised = tag.toLowerCase();
    }
    // A device has few distinct voice languages, but ranks them often (Linux lists thousands of voices).
    if (normalisedTags.size >= 1000) normalisedTags.clear();
    normalisedTags.set(lang, normalised);
  }
  return normalised;
}

const normalisedTags = new Map<string, string>();

/**
 * The language part of a normalised tag. Norwegian is written `no` by many pages and `nb` (Bokmål, what
 * `no` nearly always means) by Apple's and Microsoft's voices: one language here.
 */
function primary(normalised: string): string {
  const language = normalised.split('-')[0] ?? '';
  return language === 'no' ? 'nb' : language;
}

/** How well a voice's language fits `lang`: 3 exact, 2 same region family (`en-gb` ~ `en-gb-x-rp`), 1 same language, 0 none. */
export function langMatch(voiceLang: string, lang: string): number {
  const v = normaliseLang(voiceLang);
  const l = normaliseLang(lang);
  if (!v || !l) return 0;
  if (v === l) return 3;
  if (v.startsWith(`${l}-`) || l.startsWith(`${v}-`)) return 2;
  return primary(v) === primary(l) ? 1 : 0;
}

/** What the ranking knows of the reader's situation besides the voices. */
export interface RankContext {
  /** False when the device is offline (`navigator.onLine`): a remote voice cannot speak then. Default: true. */
  readonly online?: boolean;
  /** The reader's languages, best first (`navigator.languages`): between equally close regions, theirs wins. */
  readonly readerLangs?: readonly string[];
}

/** The reader's situation as the browser tells it; nothing outside a browser. */
export function rankContext(
  nav: Pick<Navigator, 'onLine' | 'languages'> | undefined = globalThis.navigator,
): RankContext {
  if (!nav) return {};
  return { online: nav.onLine !== false, readerLangs: nav.languages ?? [] };
}

/**
 * How good a voice sounds, from what the platform tells of it (higher is better):
 * `Best` premium, natural or neural (Apple's premium voices, Edge's "Online (Natural)");
 * `Higher` enhanced, online or remote (Apple's enhanced voices; Chrome's Google voices, made on a server);
 * `Plain` no mark; `Compact` Apple's small default voices; `Novelty` Apple's novelty and retro voices
 * (Eloquence: Eddy, Flo…; the old MacinTalk set: Fred, Zarvox…).
 */
export const VoiceQuality = { Best: 4, Higher: 3, Plain: 2, Compact: 1, Novelty: 0 } as const;
export type VoiceQuality = (typeof VoiceQuality)[keyof typeof VoiceQuality];

/** A mark as a word of its own in a name or URI: `Daniel (Enhanced)`, `…voice.premium.en-GB…`, `…_compact`. */
const mark = (words: string) => new RegExp(`(?<![a-z])(?:${words})(?![a-z])`, 'i');
const BEST = mark('premium|natural|neural');
const HIGHER = mark('enhanced|online');
const COMPACT = mark('compact');
const NOVELTY = /com\.apple\.(?:eloquence|speech\.synthesis\.voice)\./i;

export function voiceQuality(voice: SpeechSynthesisVoice): VoiceQuality {
  const text = `${voice.name} ${voice.voiceURI}`;
  if (BEST.test(text)) return VoiceQuality.Best;
  if (NOVELTY.test(voice.voiceURI)) return VoiceQuality.Novelty;
  if (COMPACT.test(text)) return VoiceQuality.Compact;
  if (HIGHER.test(text) || !voice.localService) return VoiceQuality.Higher;
  return VoiceQuality.Plain;
}

/** Whether the voice menu marks the voice as of higher quality. */
export function isHigherQuality(voice: SpeechSynthesisVoice): boolean {
  return voiceQuality(voice) >= VoiceQuality.Higher;
}

/**
 * The voices that speak `lang`, best first; never a voice of another language. In order of weight: offline,
 * local voices before remote ones (which cannot speak then); the closer locale (exact, then the same region
 * family, then the language in another region); the better quality (`voiceQuality`); the reader's own locale;
 * the platform default; local before remote. The sort is stable: the platform's own order breaks the rest.
 */
export function rankVoices(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
  context: RankContext = {},
): SpeechSynthesisVoice[] {
  const offline = context.online === false;
  const reader = (context.readerLangs ?? []).map(normaliseLang);
  const readerRank = (voiceLang: string) => {
    const index = reader.indexOf(normaliseLang(voiceLang));
    return index < 0 ? reader.length : index;
  };
  return voices
    .map((voice) => ({
      voice,
      match: langMatch(voice.lang, lang),
      quality: voiceQuality(voice),
      reader: readerRank(voice.lang),
    }))
    .filter((entry) => entry.match > 0)
    .sort(
      (a, b) =>
        (offline ? Number(b.voice.localService) - Number(a.voice.localService) : 0) ||
        b.match - a.match ||
        b.quality - a.quality ||
        a.reader - b.reader ||
        Number(b.voice.default) - Number(a.voice.default) ||
        Number(b.voice.localService) - Number(a.voice.localService),
    )
    .map((entry) => entry.voice);
}

/** The voice named `name` (by name or voiceURI) if the device has it, else the best voice for `lang`, else null. */
export function chooseVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
  name?: string | null,
  context: RankContext = {},
): SpeechSynthesisVoice | null {
  if (name) {
    const named = voices.find((voice) => voice.name === name || voice.voiceURI === name);
    if (named) return named;
  }
  return rankVoices(voices, lang, context)[0] ?? null;
}

/** The language's name in the reader's language, for messages ("English (United Kingdom)"). */
export function languageName(lang: string, displayLocale?: string): string {
  try {
    return new Intl.DisplayNames(displayLocale ? [displayLocale] : undefined, { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
