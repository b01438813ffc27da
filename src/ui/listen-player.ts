import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Segment } from '../article/segment.js';
import type { AudioEngineOptions } from '../engines/audio.js';
import type { EngineKind, EngineLoadOptions, WordTiming } from '../engines/engine.js';
import { clampRate, SpeechEngine, type SpeechEngineOptions } from '../engines/speech.js';
import { ArticleChangesController } from '../player/article-changes.js';
import { ExclusiveController } from '../player/exclusive.js';
import { MediaSessionController } from '../player/media-session.js';
import { PlaybackController, type HighlightMode } from '../player/playback.js';
import { ProgressController } from '../player/progress.js';
import { PreferencesController } from '../player/preferences.js';
import { ResumeController } from '../player/resume.js';
import type { PlayerState } from '../player/store.js';
import { ArticleWatchController } from './article-watch.js';
import { FollowController, followStyles } from './follow.js';
import { i18nStyles, LanguageController } from './i18n.js';
import { nextIcon, pauseIcon, playIcon, previousIcon, retryIcon } from './icons.js';
import { renderDownload, renderSpeedMenu, renderVoiceMenu, stepRate } from './menus.js';
import { MiniPlayerController, miniPlayerStyles } from './mini-player.js';
import { PlayFromHereController } from './play-from-here.js';
import { ParagraphListController, paragraphListStyles } from './play-from-here-list.js';
import { renderResumeOffer, resumeStatus, resumeStyles } from './resume-offer.js';
import type { Strings } from './strings.js';
import { ShortcutController } from './shortcuts.js';
import { playerStyles, type ThemeMode } from './styles.js';
import { formatClock, spokenTime } from './time.js';

export { RATES } from './menus.js';

/**
 * Reads an article of the page aloud and highlights the paragraph being read.
 *
 * @fires listen-statechange - `{ state }` whenever `state` changes.
 * @fires listen-segmentchange - `{ index, time }` when another segment (paragraph) becomes active.
 * @fires listen-wordchange - `{ segment, word, offset, length, time }` when another word becomes active.
 * @fires listen-error - `{ code, message }` when reading fails.
 * @fires listen-ended - when the end of the article is reached.
 * @fires listen-progress - `{ percent }` (25, 50, 75, 100) once per listen, as playback reaches it.
 * @csspart base - the player's box.
 * @csspart play-button - the play/pause button.
 * @csspart controls - the row of secondary controls.
 * @csspart previous-button - previous paragraph.
 * @csspart next-button - next paragraph.
 * @csspart seek - the position slider.
 * @csspart time - elapsed and total time.
 * @csspart speed - the speed menu and its label.
 * @csspart voice - the voice menu and its label.
 * @csspart status - the live status line (loading, errors).
 * @csspart download - the link to download the audio file (pre-rendered audio only).
 * @csspart paragraphs-button - opens the list of paragraphs to play from.
 * @csspart paragraphs - the list of paragraphs to play from.
 * @csspart resume - the resume offer ("Resume at 2:31", "Start over"), shown when the reader comes back.
 * @csspart resume-button - "Resume at …".
 * @csspart start-over-button - "Start over".
 * @csspart back-to-current - "Back to the current paragraph", while following waits for the reader (inline and in the mini player).
 * @csspart mini-player - the compact bar fixed to the viewport while the inline player is out of view.
 * @cssprop --listen-accent - brand colour of the play button, slider and focus.
 * @cssprop --listen-on-accent - icon colour on the accent (default: white or black, whichever contrasts with it).
 * @cssprop --listen-surface - background of the player.
 * @cssprop --listen-text - text and icon colour.
 * @cssprop --listen-muted - secondary text colour.
 * @cssprop --listen-error - colour of error messages.
 * @cssprop --listen-radius - corner radius of the player.
 * @cssprop --listen-focus-ring - focus outline colour.
 * @cssprop --listen-focus-width - focus outline width.
 * @cssprop --listen-border - edge of the menus and outlined buttons.
 * @cssprop --listen-control-size - size of the smaller round buttons.
 * @cssprop --listen-button-size - size of the play button.
 * @cssprop --listen-font - the player's font shorthand.
 * @cssprop --listen-paragraph-highlight - (on the page) background of the paragraph being read.
 * @cssprop --listen-word-highlight - (on the page) background of the word being read, with `highlight="word"`.
 */
export class ListenPlayer extends LitElement {
  static override styles = [playerStyles, followStyles, miniPlayerStyles, resumeStyles, paragraphListStyles, i18nStyles];

  /** Test seam: options passed to the Web Speech engine (a fake synthesiser, shorter timeouts). */
  static speechOptions: SpeechEngineOptions | undefined;
  /** Test seam: options passed to the audio engine. */
  static audioOptions: Partial<AudioEngineOptions> | undefined;

  readonly #playback = new PlaybackController(this, {
    article: () => this.#findArticle(),
    src: () => this.src,
    loadOptions: () => this.#loadOptions(),
    highlight: () => this.highlight,
    exclude: () => [this],
    speech: ListenPlayer.speechOptions,
    audio: () => ({ ...ListenPlayer.audioOptions, allowCrossOrigin: this.allowCrossOrigin }),
  });

  /** Id of the article element to read; absent: the nearest `article` ancestor, else the next `article` sibling. */
  @property({ attribute: 'for' }) for = '';

  /** URL of a timing manifest for pre-rendered audio; absent: the browser's speech. */
  @property({ attribute: 'src' }) src = '';

  /** Allow a manifest and audio on another origin than the page (they are refused otherwise). */
  @property({ attribute: 'allow-cross-origin', type: Boolean }) allowCrossOrigin = false;

  /** Language of the article (BCP 47), and of the player's UI where it has strings for it; absent: the article's or the document's `lang`. */
  @property({ attribute: 'lang' }) override lang = '';

  /** Name of the voice to read with; absent or unknown: the best voice for the language. */
  @property({ attribute: 'voice' }) voice = '';

  /** Speaking rate, 0.5–3. */
  @property({ attribute: 'rate', type: Number, reflect: true }) rate = 1;

  /** What is highlighted while reading: `paragraph`, `word` or `none`. */
  @property({ attribute: 'highlight' }) highlight: HighlightMode = 'paragraph';

  /** Do not scroll the page to keep the paragraph being read in view. */
  @property({ attribute: 'no-follow', type: Boolean }) noFollow = false;

  /** Colours: `light`, `dark`, or `auto` to follow the reader's system (`prefers-color-scheme`). */
  @property({ attribute: 'theme', reflect: true, useDefault: true }) theme: ThemeMode = 'auto';

  /** The UI's language: from `lang`, else the article's or the document's (see `i18n.ts`). */
  readonly #i18n = new LanguageController(this, { lang: () => this.#loadOptions().lang });
  get #strings(): Strings {
    return this.#i18n.strings;
  }
  readonly #follow: FollowController;
  readonly #mini: MiniPlayerController;
  readonly #resume: ResumeController;
  readonly #paragraphs: ParagraphListController;
  readonly #articleWatch: ArticleWatchController;

  constructor() {
    super();
    // First after playback: a player that starts pauses the others before its Media Session claims the controls.
    new ExclusiveController(this, this.#playback);
    new ArticleChangesController(this, this.#playback, { article: () => this.#findArticle(), exclude: () => [this] });
    this.#follow = new FollowController(this, { playback: this.#playback, enabled: () => !this.noFollow });
    this.#mini = new MiniPlayerController(this, { playback: this.#playback, follow: this.#follow, toggle: () => this.toggle() });
    new ShortcutController(this, {
      toggle: () => this.toggle(),
      skip: (direction) => this.#playback.skip(direction),
      step: (direction) => this.#playback.step(direction),
      changeRate: (direction) => this.#changeRate(direction),
      rtl: () => this.#i18n.rtl,
    });
    new MediaSessionController(this, this.#playback, { article: () => this.#findArticle(), rate: () => clampRate(this.rate) });
    new ProgressController(this, this.#playback, { rate: () => clampRate(this.rate) });
    new PreferencesController(this, { lang: () => this.#loadOptions().lang });
    // Before the resume offer: where play starts, a fresh selection in the article says more than a saved place.
    new PlayFromHereController(this, this.#playback);
    this.#resume = new ResumeController(this, this.#playback);
    this.#paragraphs = new ParagraphListController(this, this.#playback);
    // An article not on the page yet (client-rendered, or `for` set first): read it once it appears. After
    // play was pressed without it, the `no-article` error stays up until the reader presses "Try again".
    this.#articleWatch = new ArticleWatchController(this, {
      find: () => this.#findArticle(),
      loaded: () => this.#playback.engine !== null,
      found: () => {
        if (this.state !== 'error' && !this.#playback.engine) this.#playback.reload();
      },
    });
  }

  /** Slider value while the reader drags it (the position is applied on release). */
  #scrub: number | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      // Read the article and load the engine before the first render: the total time shows, and a device
      // that cannot speak says so before anyone presses play. An article not there yet (or still empty) is
      // waited for instead.
      if (this.#articleWatch.article()) this.#playback.prepare();
      return;
    }
    const changedAfterStart = (key: 'for' | 'lang' | 'src') => changed.has(key) && changed.get(key) !== undefined;
    if (changedAfterStart('for') || changedAfterStart('lang') || changedAfterStart('src')) {
      this.#playback.reload();
    }
    if (changed.has('rate')) this.#playback.setRate(this.rate);
    if (changed.has('voice') && this.voice) this.#playback.setVoice(this.voice);
  }

  /** `idle`, `loading`, `playing`, `paused`, `ended` or `error` (also the host attribute `state`). */
  get state(): PlayerState {
    return this.#playback.snapshot.state;
  }

  /** The engine reading: `speech`, `audio`, or null before one is loaded. */
  get activeEngine(): EngineKind | null {
    return this.#playback.snapshot.engine;
  }

  /** Position in seconds (estimated for speech). */
  get currentTime(): number {
    return this.#playback.engine?.currentTime ?? 0;
  }

  /** Length in seconds (estimated for speech, corrected as it speaks). */
  get duration(): number {
    return this.#playback.engine?.duration ?? 0;
  }

  /** Index of the segment being read, −1 when none. */
  get segmentIndex(): number {
    return this.#playback.snapshot.segmentIndex;
  }

  /** What is read, in order: `{ text, element, lang }` per heading, paragraph, list item or quote. */
  get segments(): readonly Segment[] {
    return this.#playback.segments;
  }

  /**
   * How word times are known: `exact` (recorded audio's manifest, or a voice that sends word boundaries),
   * `estimated` (a voice that sends none: words spread over each sentence), null before it is known.
   */
  get wordTiming(): WordTiming | null {
    return this.#playback.engine?.wordTiming ?? null;
  }

  /** Starts or resumes reading. */
  play(): void {
    this.#playback.play();
  }

  /** Pauses; `play()` goes on from here. */
  pause(): void {
    this.#playback.pause();
  }

  /** Plays if paused or stopped, pauses if playing. */
  toggle(): void {
    this.#playback.toggle();
  }

  /** Moves to `seconds` (speech: to the sentence at that estimated time); keeps playing or paused. */
  seek(seconds: number): void {
    this.#playback.seek(seconds);
  }

  /** Starts reading at segment `index`. */
  playSegment(index: number): void {
    this.#playback.playSegment(index);
  }

  /** Moves to the next paragraph; keeps playing or paused. */
  next(): void {
    this.#playback.step(1);
  }

  /** Moves to the previous paragraph; keeps playing or paused. */
  previous(): void {
    this.#playback.step(-1);
  }

  #findArticle(): Element | null {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      return root.getElementById?.(this.for) ?? document.getElementById(this.for);
    }
    const ancestor = this.closest('article');
    if (ancestor) return ancestor;
    for (let sibling = this.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.localName === 'article') return sibling;
    }
    return null;
  }

  #loadOptions(): EngineLoadOptions {
    const article = this.#findArticle();
    const lang =
      this.lang ||
      article?.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language;
    return { lang, voice: this.voice || undefined, rate: clampRate(this.rate) };
  }

  #changeRate(direction: -1 | 1): void {
    const next = stepRate(clampRate(this.rate), direction);
    if (next !== undefined) this.rate = next;
  }

  #onSeekInput(event: Event): void {
    this.#scrub = (event.target as HTMLInputElement).valueAsNumber;
    this.requestUpdate();
  }

  #onSeekChange(event: Event): void {
    this.#scrub = null;
    this.seek((event.target as HTMLInputElement).valueAsNumber);
  }

  readonly #onRateChange = (event: Event): void => {
    this.rate = Number((event.target as HTMLSelectElement).value);
  };

  readonly #onVoiceChange = (event: Event): void => {
    this.voice = (event.target as HTMLSelectElement).value;
  };

  #statusText(state: PlayerState): string {
    const notice = this.#i18n.noticeText(this.#playback.notice);
    const text = this.#stateText(state);
    return notice && state !== 'error' ? `${notice} ${text}`.trim() : text;
  }

  #stateText(state: PlayerState): string {
    const s = this.#strings;
    switch (state) {
      case 'loading':
        return s.loading;
      case 'playing':
        return s.playing;
      case 'paused':
        return s.paused;
      case 'ended':
        return s.ended;
      case 'error':
        return this.#i18n.errorText({
          error: this.#playback.snapshot.error,
          articleLang: this.#loadOptions().lang,
          hasVoices: this.#playback.engine instanceof SpeechEngine && this.#playback.engine.voices.length > 0,
        });
      case 'idle':
        return resumeStatus(this.#resume, s);
      default:
        return '';
    }
  }

  protected override render() {
    const s = this.#strings;
    const { state } = this.#playback.snapshot;
    const locale = this.#loadOptions().lang;
    // Times are spoken in the UI's language, not the article's.
    const spoken = this.#i18n.locale;
    const duration = this.duration;
    const time = this.#scrub ?? Math.min(this.currentTime, duration);
    const active = state === 'playing' || state === 'loading';
    const playLabel = state === 'error' ? s.retry : active ? s.pause : s.play;
    // The host's `lang` is the article's; the controls speak the UI's language.
    return html`<div class="player" part="base" role="group" aria-label=${s.label} lang=${s.lang} dir=${s.dir}>
      <button class="play" part="play-button" aria-label=${playLabel} @click=${this.toggle}>
        ${state === 'error' ? retryIcon : active ? pauseIcon : playIcon}
      </button>
      <div class="top">
        ${this.#follow.suspended ? this.#follow.renderBackButton(s, 'back-inline') : html`<span class="label">${s.label}</span>`}
        <span class="time" part="time">${formatClock(time)} / ${formatClock(duration)}</span>
      </div>
      <div class="bar" part="controls">
        <button part="previous-button" aria-label=${s.previous} @click=${this.previous}>${previousIcon}</button>
        <input
          type="range"
          part="seek"
          aria-label=${s.position}
          min="0"
          max=${Math.max(duration, 0)}
          step="any"
          .value=${String(time)}
          aria-valuetext=${s.timeOf(spokenTime(time, spoken), spokenTime(duration, spoken))}
          @input=${this.#onSeekInput}
          @change=${this.#onSeekChange}
        />
        <button part="next-button" aria-label=${s.next} @click=${this.next}>${nextIcon}</button>
        ${this.#paragraphs.render(s)}
        ${renderSpeedMenu(s, clampRate(this.rate), this.#onRateChange)}
        ${renderVoiceMenu(s, this.#playback.engine, locale, this.#onVoiceChange)} ${renderDownload(s, this.#playback.engine)}
      </div>
      ${renderResumeOffer(this.#resume, s)}
      <div class="status ${state === 'error' ? 'error' : ''}" part="status" role="status">${this.#statusText(state)}</div>
    </div>
    ${this.#mini.render({ strings: s, time, duration, locale: spoken })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-player': ListenPlayer;
  }
}
