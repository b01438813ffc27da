/**
 * The words of the status line (see `PlayerSession.status`): the state (what loading waits for, an error in
 * the UI's language, the resume offer while idle), and the notice after audio fell back to speech, with
 * whether it is still news to announce.
 */
import type { ListenErrorCode } from '../engines/engine.js';
import type { PlaybackController } from '../player/playback.js';
import type { ResumeController } from '../player/resume.js';
import type { PlayerState } from '../player/store.js';
import { resumeStatus } from './resume-offer.js';
import type { Strings } from './strings.js';

/** The language the engines write their `listen-error` messages in. */
const ENGINE_LANGUAGE = 'en';

export class StatusText {
  readonly #playback: PlaybackController;
  readonly #resume: ResumeController;
  /** The article's language (a missing voice is named by it). */
  readonly #lang: () => string | undefined;
  /** The code of an audio failure that fell back to speech: the notice is reworded by it. */
  #fallbackCode: ListenErrorCode | null = null;
  /** The playback notice last seen (English), the state it was last seen in, and whether it is still announced. */
  #noticeSeen: { readonly notice: string; readonly state: PlayerState; readonly announce: boolean } = {
    notice: '',
    state: 'idle',
    announce: false,
  };

  constructor(host: HTMLElement, playback: PlaybackController, resume: ResumeController, lang: () => string | undefined) {
    this.#playback = playback;
    this.#resume = resume;
    this.#lang = lang;
    host.addEventListener('listen-error', (event) => {
      // Only the switch to speech has a translated notice; a skipped paragraph keeps the English one.
      if (event.target === host && event.detail.fallback === 'speech') this.#fallbackCode = event.detail.code;
    });
  }

  /** The state in words ('' where there is nothing to say). */
  state(s: Strings, state: PlayerState): string {
    switch (state) {
      case 'loading':
        return this.#loadingText(s);
      case 'playing':
        return s.playing;
      case 'paused':
        return s.paused;
      case 'ended':
        return s.ended;
      case 'error':
        return this.#errorText(s);
      case 'idle':
        return resumeStatus(this.#resume, s);
      default:
        return '';
    }
  }

  /** The notice after audio fell back to speech (the engine's English sentence), in the UI's language. */
  notice(s: Strings): string {
    const notice = this.#playback.notice;
    if (!notice || s.lang === ENGINE_LANGUAGE || !this.#fallbackCode) return notice;
    return `${s.errors[this.#fallbackCode]} ${s.speechFallback}`;
  }

  /**
   * Whether the notice is news: it came while the reader was listening (not while idle, loading ahead of play),
   * and the state has not changed since. After that the live region says only the state, once each.
   */
  announceNotice(state: PlayerState): boolean {
    const notice = this.#playback.notice;
    const seen = this.#noticeSeen;
    if (notice !== seen.notice) this.#noticeSeen = { notice, state, announce: state !== 'idle' };
    else if (state !== seen.state) this.#noticeSeen = { notice, state, announce: false };
    return this.#noticeSeen.announce;
  }

  /**
   * What loading waits for, in words that fit the engine. A resume after a pause says nothing: it takes a
   * moment, the reader asked for it, and "Playing" follows.
   */
  #loadingText(s: Strings): string {
    const { loadingReason, engine } = this.#playback.snapshot;
    if (loadingReason === 'voices') return s.waitingForVoices;
    if (loadingReason === 'resume') return '';
    return engine === 'audio' ? s.loading : s.startingVoice;
  }

  /** An error: the engine's own message in English, else the table's by code. */
  #errorText(s: Strings): string {
    const error = this.#playback.snapshot.error;
    if (!error) return '';
    if (s.lang === ENGINE_LANGUAGE) return error.message;
    const articleLang = this.#lang();
    const hasVoices = this.#playback.snapshot.voices.length > 0;
    if (error.code === 'no-speech' && hasVoices && articleLang) return s.noVoiceFor(languageIn(articleLang, s.lang));
    return s.errors[error.code] ?? error.message;
  }
}

/** `lang` named in the UI's language `uiLang` ("German", "Deutsch"); the tag itself where the browser cannot name it. */
function languageIn(lang: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
