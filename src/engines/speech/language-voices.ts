/**
 * A voice per language for the Web Speech engine: an article in one language may quote another (a French
 * paragraph in an English article, marked with `lang="fr"`). The article's voice — the reader's choice or the
 * best one for the article's language — reads everything in the article's language; a chunk in another
 * language gets the device's best voice for that language, or the article's voice when the device has none
 * (an accent is better than silence). Choices are cached per language until the voices or article change.
 */
import { langMatch, normaliseLang, rankVoices, type RankContext } from './voices.js';

export class LanguageVoices {
  #voices: readonly SpeechSynthesisVoice[] = [];
  #articleLang = '';
  /** The language most of the article's segments are marked with (the page's, which `lang` may override). */
  #markedLang = '';
  #context: RankContext = {};
  /** Best voice per (normalised) language other than the article's; null when the device has none. */
  readonly #cache = new Map<string, SpeechSynthesisVoice | null>();

  /**
   * The device's voices, the article's language and its segments' languages, on every load. A player's `lang`
   * may correct the page's (a French article on a site whose `<html lang="en">`): then the segments are marked
   * with the page's language, and that language, the one most of them carry, is also read by the article's voice.
   * `context` is the ranking's (online or not, the reader's languages), as when the article's voice was chosen.
   */
  reset(
    voices: readonly SpeechSynthesisVoice[],
    articleLang: string,
    segmentLangs: readonly string[] = [],
    context: RankContext = {},
  ): void {
    this.#voices = voices;
    this.#context = context;
    this.#articleLang = articleLang;
    this.#markedLang = mostCommon(segmentLangs);
    this.#cache.clear();
  }

  /** The voice for a chunk in `lang`, given the article's voice (which the reader may have chosen). */
  voiceFor(lang: string, articleVoice: SpeechSynthesisVoice | null): SpeechSynthesisVoice | null {
    // Same language as the article (`en-US` in an `en-GB` article too), or one the article's voice speaks:
    // the article's voice, so the reader's choice is kept and the voice does not change for a region.
    if (
      !lang ||
      langMatch(lang, this.#articleLang) > 0 ||
      (this.#markedLang && langMatch(lang, this.#markedLang) > 0) ||
      (articleVoice && langMatch(articleVoice.lang, lang) > 0)
    ) {
      return articleVoice;
    }
    const key = normaliseLang(lang);
    let voice = this.#cache.get(key);
    if (voice === undefined) {
      voice = rankVoices(this.#voices, lang, this.#context)[0] ?? null;
      this.#cache.set(key, voice);
    }
    return voice ?? articleVoice;
  }
}

function mostCommon(langs: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  for (const lang of langs) {
    if (!lang) continue;
    const key = normaliseLang(lang);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > (counts.get(best) ?? 0)) best = key;
  }
  return best;
}
