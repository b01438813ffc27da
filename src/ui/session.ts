/**
 * Everything the player does once the reader reaches for it: the playback controller with its engines, and the
 * controllers that follow, remember, announce and share it (follow along, mini player, resume, Media Session,
 * progress, play from a paragraph, one player at a time). The element loads this module on the first press
 * of play or any other control, or at once for a reader who has listened before (see `listen-player.ts`), so a
 * page downloads only the small element until someone listens.
 */
import { adoptStyles, html, nothing } from 'lit';
import type { Segment } from '../article/segment.js';
import type { AudioEngineOptions } from '../engines/audio/audio.js';
import type { EngineLoadOptions, ListenErrorCode } from '../engines/engine.js';
import { isSpeechEngine } from '../engines/loader.js';
import { clampRate } from '../engines/pace.js';
import type { SpeechEngineOptions } from '../engines/speech/speech.js';
import { languageName } from '../engines/speech/voices.js';
import { ArticleChangesController } from '../player/article-changes.js';
import { ExclusiveController } from '../player/exclusive.js';
import { MediaSessionController } from '../player/media-session.js';
import { PlaybackController, type HighlightMode } from '../player/playback.js';
import { PreferencesController, type PreferencesHost } from '../player/preferences.js';
import { ProgressController } from '../player/progress.js';
import { ResumeController } from '../player/resume.js';
import type { PlayerState } from '../player/store.js';
import { ArticleWatchController } from './article-watch.js';
import { FocusKeeper } from './focus-keeper.js';
import { FollowController, followStyles } from './follow.js';
import { renderDownload, renderVoiceMenu } from './menus.js';
import { MiniPlayerController, miniPlayerStyles } from './mini-player.js';
import { PlayFromHereController } from './play-from-here.js';
import { ParagraphListController, paragraphListStyles } from './play-from-here-list.js';
import { renderResumeOffer, resumeStatus, resumeStyles } from './resume-offer.js';
import { completeStrings } from './i18n.js';
import { en, type Strings } from './strings.js';
import type { ShellStrings } from './strings-shell.js';

/** A change of position between two renders (s; they come once a second while playing) that is a seek. */
const SEEK_JUMP = 2.5;

/** The language the engines write their `listen-error` messages in. */
const ENGINE_LANGUAGE = 'en';

/** The element: its `rate` and `voice` (remembered preferences set them) and its shadow root. */
export type SessionHost = PreferencesHost;

export interface SessionOptions {
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** The article once it has text to read (see `ArticleWatchController`). */
  readyArticle(): Element | null;
  /** The article's segments the element read already (handed over once, so a long article is not read twice). */
  readonly segments: readonly Segment[] | null;
  src(): string;
  loadOptions(): EngineLoadOptions;
  highlight(): HighlightMode;
  /** Elements inside the article that are not read (the player itself). */
  exclude(): readonly Element[];
  followEnabled(): boolean;
  rate(): number;
  /** Whether the page set the rate and the voice itself, read before the element's first update. */
  explicit(): { readonly rate: boolean; readonly voice: boolean };
  /** The element's own play/pause (the mini player's button). */
  toggle(): void;
  readonly speech?: SpeechEngineOptions | undefined;
  audio(): Partial<AudioEngineOptions>;
  /** The element's static styles, which the session's styles join. */
  readonly styles: Parameters<typeof adoptStyles>[1];
}

/** What the element renders from the session, beyond its own controls. */
export interface SessionView {
  readonly strings: ShellStrings;
  /** Locale of times spoken in the UI. */
  readonly spoken: string;
  readonly time: number;
  readonly duration: number;
}

export class PlayerSession {
  readonly playback: PlaybackController;
  readonly #host: SessionHost;
  readonly #options: SessionOptions;
  readonly #follow: FollowController;
  readonly #mini: MiniPlayerController;
  readonly #resume: ResumeController;
  readonly #paragraphs: ParagraphListController;
  readonly #preferences: PreferencesController;
  /** The position and length the focused slider reports while playing (see `slider`), and the last position seen. */
  #held: readonly [number, number] | null = null;
  #lastTime = 0;
  /** The code of an audio failure that fell back to speech: the notice is reworded by it. */
  #fallbackCode: ListenErrorCode | null = null;
  /** The playback notice last seen (English), the state it was last seen in, and whether it is still announced. */
  #noticeSeen: { readonly notice: string; readonly state: PlayerState; readonly announce: boolean } = {
    notice: '',
    state: 'idle',
    announce: false,
  };

  constructor(host: SessionHost, options: SessionOptions) {
    this.#host = host;
    this.#options = options;
    // The session's own styles join the element's (a constructed sheet each: allowed by a strict CSP).
    if (host.renderRoot instanceof ShadowRoot) {
      adoptStyles(host.renderRoot, [...options.styles, followStyles, miniPlayerStyles, resumeStyles, paragraphListStyles]);
    }
    const playback = (this.playback = new PlaybackController(host, {
      article: options.article,
      segments: options.segments,
      src: options.src,
      loadOptions: options.loadOptions,
      highlight: options.highlight,
      exclude: options.exclude,
      speech: options.speech,
      audio: options.audio,
    }));
    // First after playback: a player that starts pauses the others before its Media Session claims the controls.
    new ExclusiveController(host, playback);
    new ArticleChangesController(host, playback, { article: options.article, exclude: options.exclude });
    this.#follow = new FollowController(host, {
      playback,
      enabled: options.followEnabled,
      hold: () => this.#mini.dismissed && focus.inlineFocus() !== null,
      back: () => this.#mini.restore(),
    });
    this.#mini = new MiniPlayerController(host, { playback, follow: this.#follow, toggle: options.toggle });
    const focus = new FocusKeeper(host, { playback, mini: this.#mini });
    const rate = () => clampRate(options.rate());
    new MediaSessionController(host, playback, { article: options.article, rate });
    new ProgressController(host, playback, { rate });
    this.#preferences = new PreferencesController(host, { lang: () => options.loadOptions().lang, explicit: options.explicit });
    // Before the resume offer: where play starts, a fresh selection in the article says more than a saved place.
    new PlayFromHereController(host, playback);
    this.#resume = new ResumeController(host, playback);
    this.#paragraphs = new ParagraphListController(host, playback);
    // An article not on the page yet (client-rendered, or `for` set first): read it once it appears. After
    // play was pressed without it, the `no-article` error stays up until the reader presses "Try again".
    new ArticleWatchController(host, {
      ready: options.readyArticle,
      loaded: () => playback.engine !== null,
      found: () => {
        if (playback.snapshot.state !== 'error' && !playback.engine) playback.reload();
        host.requestUpdate();
      },
    });
    host.addEventListener('listen-error', this.#onError);
  }

  /** Remembers the rate the reader chose (maybe before the session loaded to see the menu change). */
  rememberRate(): void {
    this.#preferences.rememberRate();
  }

  /** Opens the list of paragraphs to play from (the element's button was pressed before the session loaded). */
  openParagraphs(): void {
    this.#paragraphs.toggle();
  }

  /**
   * The position and length the slider reports. A screen reader announces every value change of the focused
   * control, and the page is already speaking: while playing with the slider focused, its value, maximum and
   * `aria-valuetext` are held (speech corrects its estimated length as it goes), and move on a seek (a jump of
   * more than `SEEK_JUMP`), at each whole minute, and whenever the slider is not focused or not playing
   * (paused, ended). The clock beside it runs every second.
   */
  slider(time: number, duration: number): readonly [number, number] {
    const held = this.#held?.[0] ?? null;
    const jumped = Math.abs(time - this.#lastTime) > SEEK_JUMP;
    this.#lastTime = time;
    const focused = this.#host.renderRoot instanceof ShadowRoot && this.#host.renderRoot.activeElement?.localName === 'input';
    if (held === null || jumped || !focused || this.playback.snapshot.state !== 'playing' || Math.floor(time / 60) !== Math.floor(held / 60)) {
      this.#held = [time, duration];
    }
    return this.#held ?? [time, duration];
  }

  /**
   * The status line: a notice (audio fell back to speech), the state, an error, or the resume offer; as what the
   * live region announces and what it only shows (before it). Each is announced once: an error that came while
   * idle (loading ahead of play, which nobody asked for) is only shown — the device cannot read aloud, said
   * before play without interrupting; a notice is announced with the state it came in, then only shown.
   */
  status(shell: ShellStrings): readonly [announced: string, shown: string] {
    const strings = completeStrings(shell, en);
    const { state, errorWhileIdle } = this.playback.snapshot;
    const text = this.#stateText(strings, state);
    if (state === 'error') return errorWhileIdle ? ['', text] : [text, ''];
    const notice = this.#noticeText(strings);
    if (!notice) return [text, ''];
    return this.#announceNotice(state) ? [`${notice} ${text}`.trim(), ''] : [text, notice];
  }

  /** "Back to the current paragraph" in place of the player's label, while following waits for the reader. */
  renderBack(shell: ShellStrings) {
    return this.#follow.suspended ? this.#follow.renderBackButton(completeStrings(shell, en), 'back-inline') : null;
  }

  renderParagraphs(shell: ShellStrings) {
    return this.#paragraphs.render(shell);
  }

  renderMenus(shell: ShellStrings, onVoiceChange: (event: Event) => void) {
    const strings = completeStrings(shell, en);
    const engine = this.playback.engine;
    return html`${renderVoiceMenu(strings, engine, this.#options.loadOptions().lang, onVoiceChange)} ${renderDownload(strings, engine)}`;
  }

  renderResume(shell: ShellStrings) {
    return renderResumeOffer(this.#resume, completeStrings(shell, en));
  }

  renderMini(view: SessionView) {
    return this.#mini.render({ strings: completeStrings(view.strings, en), time: view.time, duration: view.duration, locale: view.spoken }) ?? nothing;
  }

  #stateText(s: Strings, state: PlayerState): string {
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

  /**
   * What loading waits for, in words that fit the engine. A resume after a pause says nothing: it takes a
   * moment, the reader asked for it, and "Playing" follows.
   */
  #loadingText(s: Strings): string {
    const { loadingReason, engine } = this.playback.snapshot;
    if (loadingReason === 'voices') return s.waitingForVoices;
    if (loadingReason === 'resume') return '';
    return engine === 'audio' ? s.loading : s.startingVoice;
  }

  /** An error: the engine's own message in English, else the table's by code. */
  #errorText(s: Strings): string {
    const error = this.playback.snapshot.error;
    if (!error) return '';
    if (s.lang === ENGINE_LANGUAGE) return error.message;
    const articleLang = this.#options.loadOptions().lang;
    const engine = this.playback.engine;
    const hasVoices = isSpeechEngine(engine) && engine.voices.length > 0;
    if (error.code === 'no-speech' && hasVoices && articleLang) return s.noVoiceFor(languageName(articleLang, s.lang));
    return s.errors[error.code] ?? error.message;
  }

  /**
   * Whether the notice is news: it came while the reader was listening (not while idle, loading ahead of play),
   * and the state has not changed since. After that the live region says only the state, once each.
   */
  #announceNotice(state: PlayerState): boolean {
    const notice = this.playback.notice;
    const seen = this.#noticeSeen;
    if (notice !== seen.notice) this.#noticeSeen = { notice, state, announce: state !== 'idle' };
    else if (state !== seen.state) this.#noticeSeen = { notice, state, announce: false };
    return this.#noticeSeen.announce;
  }

  /** The notice after audio fell back to speech (the engine's English sentence), in the UI's language. */
  #noticeText(s: Strings): string {
    const notice = this.playback.notice;
    if (!notice || s.lang === ENGINE_LANGUAGE || !this.#fallbackCode) return notice;
    return `${s.errors[this.#fallbackCode]} ${s.speechFallback}`;
  }

  readonly #onError = (event: HTMLElementEventMap['listen-error']): void => {
    // Only the switch to speech has a translated notice; a skipped paragraph keeps the English one.
    if (event.target === this.#host && event.detail.fallback === 'speech') this.#fallbackCode = event.detail.code;
  };
}
