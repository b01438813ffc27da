/**
 * Voice discovery and choice for Web Speech. Browsers differ: Chrome fills `getVoices()` asynchronously and
 * fires `voiceschanged`; Safari and Firefox may fill it without the event, so we also poll briefly.
 * The default voice can be any language (headless Chromium on Linux defaults to Afrikaans), so a voice is
 * always chosen by the article's language, never taken as the default.
 */

/**
 * Resolves with the device's voices: at once if known, else when they arrive, else `[]` after `timeout` ms
 * (or as soon as `signal` aborts; every timer and listener is released either way).
 */
export function loadVoices(
  synth: SpeechSynthesis,
  timeout = 5000,
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

/** Lower-case BCP 47 with `-` separators (`en_GB` → `en-gb`). */
export function normaliseLang(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

/** How well a voice's language fits `lang`: 3 exact, 2 same region family (`en-gb` ~ `en-gb-x-rp`), 1 same language, 0 none. */
export function langMatch(voiceLang: string, lang: string): number {
  const v = normaliseLang(voiceLang);
  const l = normaliseLang(lang);
  if (!v || !l) return 0;
  if (v === l) return 3;
  if (v.startsWith(`${l}-`) || l.startsWith(`${v}-`)) return 2;
  return v.split('-')[0] === l.split('-')[0] ? 1 : 0;
}

/**
 * Voices that speak `lang`, best first: closer locale, then the platform default, then local (works offline).
 * The sort is stable, so the platform's own order breaks ties (it lists a family's base voice first).
 */
export function voicesFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice[] {
  return voices
    .map((voice) => ({ voice, match: langMatch(voice.lang, lang) }))
    .filter((entry) => entry.match > 0)
    .sort(
      (a, b) =>
        b.match - a.match ||
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
): SpeechSynthesisVoice | null {
  if (name) {
    const named = voices.find((voice) => voice.name === name || voice.voiceURI === name);
    if (named) return named;
  }
  return voicesFor(voices, lang)[0] ?? null;
}

/** The language's name in the reader's language, for messages ("English (United Kingdom)"). */
export function languageName(lang: string, displayLocale?: string): string {
  try {
    return new Intl.DisplayNames(displayLocale ? [displayLocale] : undefined, { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
