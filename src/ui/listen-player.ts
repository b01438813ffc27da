import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from './property.js';
import { extractSegments } from '../article/extract.js';
import type { Skipped } from '../article/judge.js';
import type { Segment } from '../article/segment.js';
import type { EngineKind, EngineLoadOptions, WordTiming } from '../engines/engine.js';
import { prefetchDuration } from '../manifest/prefetch.js';
import { clampRate, estimateSpeechSeconds } from '../engines/pace.js';
import { engineOptions } from '../player/engine-options.js';
import type { HighlightMode } from '../player/playback.js';
import { hasStoredState } from '../player/storage-keys.js';
import type { PlayerState } from '../player/store.js';
import { i18nStyles, LanguageController } from './i18n.js';
import { nextIcon, pauseIcon, playIcon, previousIcon, retryIcon } from './icons.js';
import { renderParagraphsButton } from './paragraphs-button.js';
import type { PlayerSession } from './session.js';
import { renderSpeedMenu, stepRate } from './speed-menu.js';
import { enShell, type ShellStrings } from './strings-shell.js';
import { ShortcutController } from './shortcuts.js';
import { playerStyles, type ThemeMode } from './styles.js';
import { formatClock, spokenTime } from './time.js';

/**
 * Reads an article of the page aloud and highlights the paragraph being read.
 *
 * @fires listen-statechange - `{ state }` whenever `state` changes.
 * @fires listen-segmentchange - `{ index, time }` when another segment (paragraph) becomes active.
 * @fires listen-wordchange - `{ segment, word, offset, length, time }` when another word becomes active.
 * @fires listen-error - `{ code, message, fallback? }` when reading fails (with `fallback`, it goes on).
 * @fires listen-enginechange - `{ engine, reason }` when another engine takes over: `no-audio` (a paragraph the recording has no audio for, and back), `fallback` (the recording failed).
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
 * @csspart status - the status line: a live region announcing each change of state once, and beside it an error nobody asked for (shown, not announced).
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
 * @cssprop --listen-paragraph-outline - (on the page) outline of the paragraph being read (a cue not by colour alone).
 * @cssprop --listen-word-underline - (on the page) underline of the word being read.
 */
export class ListenPlayer extends LitElement {
  static override styles = [playerStyles, i18nStyles];

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
  get #strings(): ShellStrings {
    return this.#i18n.strings;
  }

  /**
   * The rest of the player (engines, follow along, resume, Media Session…), loaded on first use: see
   * `session.ts`. Null until then.
   */
  #session: PlayerSession | null = null;
  #opening: Promise<PlayerSession> | null = null;
  /** Play was pressed and waits for the session to load: `loading`, and the button offers to pause. */
  #playPending = false;
  /** A position sought before the session loaded, until it applies it. */
  #pendingTime: number | null = null;
  /** The session could not be loaded: an error the play button retries. */
  #loadFailed = false;
  /** The article's segments read before the session exists (handed to it once). */
  #segments: readonly Segment[] | null = null;
  /** Length shown before the session knows it: the manifest's, or the speech estimate. */
  #estimate = 0;
  /** Whether the page set `rate` and `voice` itself, read before the first update reflects `rate`. */
  #explicit: { rate: boolean; voice: boolean } | null = null;

  constructor() {
    super();
    new ShortcutController(this, {
      toggle: () => this.toggle(),
      skip: (direction) => this.#use((session) => session.playback.skip(direction)),
      step: (direction) => this.#use((session) => session.playback.step(direction)),
      changeRate: (direction) => this.#changeRate(direction),
      rtl: () => this.#i18n.rtl,
    });
    // A pointer over the player or focus in it is a reader about to use it: the rest of it loads meanwhile
    // (the voices then show in the menu, and play starts sooner).
    const intent = () => void this.#open().catch(() => {});
    this.addEventListener('pointerenter', intent);
    this.addEventListener('focusin', intent);
  }

  override connectedCallback(): void {
    this.#explicit ??= { rate: this.hasAttribute('rate') || this.rate !== 1, voice: this.hasAttribute('voice') || Boolean(this.voice) };
    // The session keeps the `state` attribute once it is there (it is `idle` until then, or `error`).
    this.#reflectState();
    super.connectedCallback();
  }

  /** Slider value while the reader drags it (the position is applied on release). */
  #scrub: number | null = null;

  /** Also waits for the rest of the player while it loads (after the first use, or at once for a returning reader). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#opening) return done;
    await this.#opening.catch(() => {});
    return super.getUpdateComplete();
  }

  /** The first render speaks the UI's language from the start (a table other than English loads on demand). */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.#i18n.ready();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      // Read the article before the first render: the total time shows. The rest of the player loads when the
      // reader reaches for it, or at once: for a reader who has listened before (their place and speed show
      // before play), on a device that cannot speak (it says so before anyone presses play), and while the
      // article is not on the page yet (the session waits for it).
      const article = this.#article();
      if (article) this.#preview();
      // An article with nothing to read (images only) is an error to show at once, as the session reports it.
      const eager = !article || !this.#segments?.length || hasStoredState() || (!this.src && !this.#speechSupported());
      if (eager) void this.#open().catch(() => {});
      return;
    }
    const changedAfterStart = (key: 'for' | 'lang' | 'src') => changed.has(key) && changed.get(key) !== undefined;
    if (changedAfterStart('for') || changedAfterStart('lang') || changedAfterStart('src')) {
      this.#segments = null;
      this.#estimate = 0;
      if (this.#session) this.#session.playback.changed();
      else if (this.#article()) this.#preview();
      else void this.#open().catch(() => {});
    }
    if (changed.has('rate')) this.#session?.playback.setRate(this.rate);
    if (changed.has('voice') && this.voice) this.#session?.playback.setVoice(this.voice);
  }

  /** `idle`, `loading`, `playing`, `paused`, `ended` or `error` (also the host attribute `state`). */
  get state(): PlayerState {
    if (this.#session) return this.#session.playback.snapshot.state;
    return this.#loadFailed ? 'error' : this.#playPending ? 'loading' : 'idle';
  }

  /**
   * The engine reading (or to read, before play): `speech`, `audio`, or null while there is no article. It
   * changes while reading, with `listen-enginechange`: to `speech` for a paragraph the recording has no audio
   * for and back, or when the recording fails.
   */
  get activeEngine(): EngineKind | null {
    if (this.#session) return this.#session.playback.snapshot.engine;
    return this.#segments?.length ? (this.src ? 'audio' : 'speech') : null;
  }

  /** Position in seconds (estimated for speech). */
  get currentTime(): number {
    return this.#session?.playback.engine?.currentTime ?? this.#pendingTime ?? 0;
  }

  /** Length in seconds (estimated for speech, corrected as it speaks). */
  get duration(): number {
    const engine = this.#session?.playback.engine;
    return engine && engine.duration > 0 ? engine.duration : this.#estimate;
  }

  /** Index of the segment being read, −1 when none. */
  get segmentIndex(): number {
    return this.#session?.playback.snapshot.segmentIndex ?? -1;
  }

  /** What is read, in order: `{ text, element, lang }` per heading, paragraph, list item or quote. */
  get segments(): readonly Segment[] {
    if (this.#session) return this.#session.playback.segments;
    return (this.#segments ??= this.#read());
  }

  /**
   * What the article leaves out, and why: `{ element, reason }` per block that holds text (the outermost only),
   * in document order; `reason` is `marked`, `hidden`, `role`, `share`, `related`, `ad`, `promo`, `comments`,
   * `bio`, `print`, `links`, `caption`, `control`, `media` or `code` (see docs/what-is-read.md). Read afresh.
   */
  get skipped(): readonly Skipped[] {
    const skipped: Skipped[] = [];
    const article = this.#findArticle();
    if (article) extractSegments(article, { exclude: [this], skipped });
    return skipped;
  }

  /**
   * How word times are known: `exact` (recorded audio's manifest, or a voice that sends word boundaries),
   * `estimated` (a voice that sends none: words spread over each sentence), null before it is known.
   */
  get wordTiming(): WordTiming | null {
    return this.#session?.playback.engine?.wordTiming ?? null;
  }

  /** Starts or resumes reading. */
  play(): void {
    if (this.#session) this.#session.playback.play();
    else this.#playWhenLoaded((session) => session.playback.play());
  }

  /**
   * Before the session: `loading` at once (the button offers to pause), and `start` once it is there, unless
   * the reader paused meanwhile.
   */
  #playWhenLoaded(start: (session: PlayerSession) => void): void {
    this.#playPending = true;
    this.#reflectState();
    this.requestUpdate();
    this.#use((session) => {
      if (!this.#playPending) return;
      this.#playPending = false;
      start(session);
    });
  }

  /** Pauses; `play()` goes on from here. */
  pause(): void {
    if (this.#playPending) {
      this.#playPending = false;
      this.#reflectState();
      this.requestUpdate();
    }
    this.#session?.playback.pause();
  }

  /** Plays if paused or stopped, pauses if playing. */
  toggle(): void {
    if (this.#session) this.#session.playback.toggle();
    else if (this.#playPending) this.pause();
    else this.play();
  }

  /** Moves to `seconds` (speech: to the sentence at that estimated time); keeps playing or paused. */
  seek(seconds: number): void {
    if (!this.#session && Number.isFinite(seconds)) {
      // Shown at once, applied as soon as the rest of the player is there.
      this.#pendingTime = Math.min(Math.max(seconds, 0), this.duration);
      this.requestUpdate();
    }
    this.#use((session) => {
      this.#pendingTime = null;
      session.playback.seek(seconds);
    });
  }

  /** Starts reading at segment `index`. */
  playSegment(index: number): void {
    if (this.#session) this.#session.playback.playSegment(index);
    else this.#playWhenLoaded((session) => session.playback.playSegment(index));
  }

  /** Moves to the next paragraph; keeps playing or paused. */
  next(): void {
    this.#use((session) => session.playback.step(1));
  }

  /** Moves to the previous paragraph; keeps playing or paused. */
  previous(): void {
    this.#use((session) => session.playback.step(-1));
  }

  /** Runs `action` with the session, loading it first if needed (in order: actions queued meanwhile run in turn). */
  #use(action: (session: PlayerSession) => void): void {
    if (this.#session) action(this.#session);
    else this.#open().then(action, () => {});
  }

  /** Loads the rest of the player once; a failure is shown as an error that "Try again" retries. */
  #open(): Promise<PlayerSession> {
    if (this.#session) return Promise.resolve(this.#session);
    if (this.#loadFailed) {
      this.#loadFailed = false;
      this.#reflectState();
      this.requestUpdate();
    }
    this.#opening ??= import('./session.js').then(
      ({ PlayerSession }) => this.#start(PlayerSession),
      (error: unknown) => {
        this.#opening = null;
        this.#playPending = false;
        this.#loadFailed = true;
        this.#reflectState();
        // The rest of the player did not load (offline, a blocked file); the message is in English, as the engines' are.
        for (const [type, detail] of [
          ['listen-statechange', { state: 'error' }],
          ['listen-error', { code: 'player-load', message: enShell.errors['player-load'] }],
        ] as const) {
          this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
        }
        this.requestUpdate();
        throw error;
      },
    );
    return this.#opening;
  }

  #start(Session: typeof PlayerSession): PlayerSession {
    if (this.#session) return this.#session;
    const session = new Session(this, {
      article: () => this.#findArticle(),
      readyArticle: () => this.#article(),
      segments: this.#segments?.length ? this.#segments : null,
      src: () => this.src,
      loadOptions: () => this.#loadOptions(),
      highlight: () => this.highlight,
      exclude: () => [this],
      followEnabled: () => !this.noFollow,
      rate: () => this.rate,
      explicit: () => this.#explicit ?? { rate: false, voice: false },
      toggle: () => this.toggle(),
      speech: engineOptions().speech,
      audio: () => ({ ...engineOptions().audio, allowCrossOrigin: this.allowCrossOrigin }),
      styles: ListenPlayer.elementStyles,
    });
    this.#session = session;
    this.#segments = null;
    // As the element did before the first render when it was all one: read the article and load an engine,
    // so voices, the manifest and the resume offer are there as early as they can be.
    if (this.#article()) session.playback.prepare();
    this.requestUpdate();
    return session;
  }

  /** The `state` attribute before the session, which keeps it from then on. */
  #reflectState(): void {
    if (!this.#session) this.setAttribute('state', this.state);
  }

  #speechSupported(): boolean {
    const synth = engineOptions().speech?.synth;
    return synth !== undefined ? synth !== null : 'speechSynthesis' in globalThis;
  }

  #read(): readonly Segment[] {
    const article = this.#findArticle();
    return article ? Object.freeze(extractSegments(article, { exclude: [this] })) : [];
  }

  /** Reads the article for the first render: its segments, and how long reading it takes. */
  #preview(): void {
    const segments = (this.#segments = this.#read());
    const src = this.src;
    if (!src) {
      this.#estimate = estimateSpeechSeconds(segments);
      return;
    }
    const options = { allowCrossOrigin: this.allowCrossOrigin, fetch: engineOptions().audio?.fetch };
    void prefetchDuration(src, options).then((duration) => {
      if (duration === undefined || this.src !== src) return;
      this.#estimate = duration;
      this.requestUpdate();
    });
  }

  /**
   * The article, once it has text: an empty shell a framework fills in a moment later is not ready yet
   * (reading it would fail with "no text").
   */
  #article(): Element | null {
    const article = this.#findArticle();
    if (!article) return null;
    // Up to the first text that is not blank: `textContent` would copy a long article on every render.
    const texts = article.ownerDocument.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) if (/\S/.test(texts.currentNode.nodeValue!)) return article;
    return null;
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
    if (next === undefined) return;
    this.rate = next;
    // The session remembers a choice it saw; one made before it loaded is handed to it.
    if (!this.#session) this.#use((session) => session.rememberRate());
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
    if (!this.#session) this.#use((session) => session.rememberRate());
  };

  readonly #onVoiceChange = (event: Event): void => {
    this.voice = (event.target as HTMLSelectElement).value;
  };

  /**
   * The status line until the session plays: why loading it failed, or "Loading audio…" for a recording (the
   * session goes on saying so, once); the browser's voice is the session's to announce as it starts.
   */
  #shellStatus(s: ShellStrings): string {
    if (this.#loadFailed) return s.errors['player-load'];
    return this.#playPending && this.src ? s.loading : '';
  }

  protected override render() {
    const s = this.#strings;
    const session = this.#session;
    const state = this.state;
    // Times are spoken in the UI's language, not the article's.
    const spoken = this.#i18n.locale;
    const duration = this.duration;
    const time = this.#scrub ?? Math.min(this.currentTime, duration);
    const [said, length] = session && this.#scrub === null ? session.slider(time, duration) : [time, duration];
    const active = state === 'playing' || state === 'loading' || this.#playPending;
    const playLabel = state === 'error' ? s.retry : active ? s.pause : s.play;
    // Announced in the live region, or only shown (an error nobody asked for, see `PlayerSession.status`).
    const [announced, shown] = session && !this.#playPending ? session.status(s) : [this.#shellStatus(s), ''];
    // The host's `lang` is the article's; the controls speak the UI's language.
    return html`<div class="player" part="base" role="group" aria-label=${s.label} lang=${s.lang} dir=${s.dir}>
      <button class="play" part="play-button" aria-label=${playLabel} @click=${this.toggle}>
        ${state === 'error' ? retryIcon : active ? pauseIcon : playIcon}
      </button>
      <div class="top">
        ${session?.renderBack(s) ?? html`<span class="label" aria-hidden="true">${s.label}</span>`}
        <span class="time" part="time">${formatClock(time)} / ${formatClock(duration)}</span>
      </div>
      <div class="bar" part="controls">
        <button part="previous-button" aria-label=${s.previous} @click=${this.previous}>${previousIcon}</button>
        <input
          type="range"
          part="seek"
          aria-label=${s.position}
          min="0"
          max=${Math.max(length, 0)}
          step="any"
          .value=${String(said)}
          aria-valuetext=${s.timeOf(spokenTime(said, spoken), spokenTime(length, spoken))}
          @input=${this.#onSeekInput}
          @change=${this.#onSeekChange}
        />
        <button part="next-button" aria-label=${s.next} @click=${this.next}>${nextIcon}</button>
        ${session
          ? session.renderParagraphs(s)
          : this.#segments?.length
            ? renderParagraphsButton(s.playFromParagraph, false, () => this.#use((loaded) => loaded.openParagraphs()))
            : nothing}
        ${renderSpeedMenu(s, clampRate(this.rate), this.#onRateChange)} ${session?.renderMenus(s, this.#onVoiceChange) ?? nothing}
      </div>
      ${session?.renderResume(s) ?? nothing}
      <div class="status ${state === 'error' ? 'error' : ''}" part="status">${shown} <span role="status">${announced}</span></div>
    </div>
    ${session?.renderMini({ strings: s, spoken, time, duration }) ?? nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-player': ListenPlayer;
  }
}
