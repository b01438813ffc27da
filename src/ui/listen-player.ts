import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { extractSegments } from '../article/extract.js';
import type { Skipped } from '../article/judge.js';
import type { Segment } from '../article/segment.js';
import type { EngineKind, WordTiming } from '../engines/engine.js';
import type { HighlightMode } from '../player/playback.js';
import type { SleepTimerSetting } from '../player/sleep-setting.js';
import type { PlayerState } from '../player/store.js';
import { PlayerCore } from './player-core.js';
import { renderPlayer } from './player-view.js';
import type { StringOverrides } from './strings.js';
import { playerStyles, type ThemeMode } from './styles.js';

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
 * @attribute state - the `state` property, kept on the host for styling (`listen-player[state='playing']`); set by the player, not by the page.
 * @csspart base - the player's box.
 * @csspart play-button - the play/pause button.
 * @csspart controls - the row of secondary controls.
 * @csspart previous-button - previous paragraph.
 * @csspart next-button - next paragraph.
 * @csspart seek - the position slider.
 * @csspart time - elapsed and total time.
 * @csspart speed - the speed menu and its label.
 * @csspart voice - the voice menu and its label.
 * @csspart menus - the row under the controls holding the voice and sleep timer menus and the download link (from when the rest of the player starts loading).
 * @csspart status - the status line: a live region announcing each change of state once, and beside it an error nobody asked for (shown, not announced).
 * @csspart download - the link to download the audio file (pre-rendered audio only).
 * @csspart paragraphs-button - opens the list of paragraphs to play from.
 * @csspart paragraphs - the list of paragraphs to play from.
 * @csspart moment-button - "Copy link to this moment", with the open paragraph list.
 * @csspart moment-link - the field showing a link to a moment when the clipboard was refused.
 * @csspart sleep - the sleep timer's menu and its label.
 * @csspart sleep-badge - what the sleep timer is set to ("Sleep timer: 12 minutes"), while set.
 * @csspart resume - the resume offer ("Resume at 2:31", "Start over"), shown when the reader comes back.
 * @csspart resume-button - "Resume at …".
 * @csspart start-over-button - "Start over".
 * @csspart back-to-current - "Back to the current paragraph", while following waits for the reader (inline and in the mini player).
 * @csspart mini-player - the compact bar fixed to the viewport while the inline player is out of view.
 * @cssprop --listen-accent - brand colour of the play button, slider and focus.
 * @cssprop [--listen-on-accent=white or black, whichever contrasts with the accent] - icon colour on the accent.
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
  static override styles = playerStyles;

  /**
   * The reactive properties, each documented at its field below. Declared here rather than with `@property`:
   * the decorators' helper and calls cost bytes a page loads before play. `{}`: the attribute is the property's
   * name in lower case (Lit's default).
   */
  static override properties: PropertyDeclarations = {
    for: {},
    src: {},
    allowCrossOrigin: { attribute: 'allow-cross-origin', type: Boolean },
    lang: {},
    langOverride: { attribute: 'lang-override' },
    lexicon: {},
    voice: {},
    rate: { type: Number, reflect: true },
    highlight: {},
    noFollow: { attribute: 'no-follow', type: Boolean },
    theme: { reflect: true, useDefault: true },
    strings: { attribute: false },
    stringsSrc: { attribute: 'strings-src' },
    nextArticle: { attribute: 'next' },
    sleepTimer: { attribute: false },
  };

  /** Id of the article element to read; absent: the nearest `article` ancestor, else the next `article` sibling. */
  for = '';

  /** URL of a timing manifest for pre-rendered audio; absent: the browser's speech. */
  src = '';

  /** Allow a manifest and audio on another origin than the page (they are refused otherwise). */
  allowCrossOrigin = false;

  /** Language of the article (BCP 47), and of the player's UI where it has strings for it; absent: the article's or the document's `lang`. */
  override lang = '';

  /**
   * The article's real language when the page declares a wrong one: what the page marks with its declared
   * language (or leaves unmarked) is read in this one; phrases marked with another language keep theirs.
   */
  langOverride = '';

  /** URL of a pronunciation lexicon (JSON or PLS) applied to what is spoken, never to what is shown; same origin as for `src`. */
  lexicon = '';

  /** Name of the voice to read with; absent or unknown: the best voice for the language. */
  voice = '';

  /** Speaking rate, 0.5–3. */
  rate = 1;

  /** What is highlighted while reading: `paragraph`, `word` or `none`. */
  highlight: HighlightMode = 'paragraph';

  /** Do not scroll the page to keep the paragraph being read in view. */
  noFollow = false;

  /** Colours: `light`, `dark`, or `auto` to follow the reader's system (`prefers-color-scheme`). */
  theme: ThemeMode = 'auto';

  /** Strings over the UI's own (a partial table: to reword the player, or to give it a language it lacks; see docs/languages.md). */
  strings: StringOverrides | null = null;

  /** URL of a JSON file of strings over the UI's own (as `strings`; on the page's origin unless `allow-cross-origin`). */
  stringsSrc = '';

  /**
   * URL of the article to offer when this one ends ("Up next", then on to it; same origin only); absent: the
   * page's `<link rel="next">`. The attribute is `next` (the `next()` method moves by paragraph).
   */
  nextArticle = '';

  /**
   * Pause reading after a number of minutes (`{ kind: 'minutes', minutes }`, from when set) or at the end of the
   * paragraph or article (`{ kind: 'end', of: 'paragraph' | 'article' }`); null: off. A bad value is off, with a
   * console warning. Back to null once the timer is done; remembered for the visit (see docs/sleep-timer.md).
   */
  sleepTimer: SleepTimerSetting | null = null;

  /**
   * The player, one from the start: its store, the rest of it that loads on first use, and the requests made
   * meanwhile (see `player-core.ts`).
   */
  readonly #core = new PlayerCore(this);

  /** Also waits for the rest of the player while it loads (after the first use, or at once for a returning reader). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const loading = this.#core.loader.taskComplete;
    if (!loading) return done;
    await loading.catch(() => {});
    return super.getUpdateComplete();
  }

  /** The first render speaks the UI's language from the start (a table other than English loads on demand). */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.#core.language.ready();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#core.willUpdate(changed);
  }

  /** `idle`, `loading`, `playing`, `paused`, `ended` or `error` (also the host attribute `state`). */
  get state(): PlayerState {
    return this.#core.store.snapshot.state;
  }

  /**
   * The engine reading (or to read, before play): `speech`, `audio`, or null while there is no article. It
   * changes while reading, with `listen-enginechange`: to `speech` for a paragraph the recording has no audio
   * for and back, or when the recording fails.
   */
  get activeEngine(): EngineKind | null {
    return this.#core.store.snapshot.engine;
  }

  /** Position in seconds (estimated for speech). */
  get currentTime(): number {
    return this.#core.store.currentTime;
  }

  /** Length in seconds (estimated for speech, corrected as it speaks). */
  get duration(): number {
    return this.#core.duration;
  }

  /** Index of the segment being read, −1 when none. */
  get segmentIndex(): number {
    return this.#core.store.snapshot.segmentIndex;
  }

  /** What is read, in order: `{ text, element, lang }` per heading, paragraph, list item or quote. */
  get segments(): readonly Segment[] {
    return this.#core.parts.segments();
  }

  /**
   * What the article leaves out, and why: `{ element, reason }` per block that holds text (the outermost only),
   * in document order; `reason` is `marked`, `hidden`, `role`, `share`, `related`, `ad`, `promo`, `comments`,
   * `bio`, `print`, `links`, `caption`, `control`, `media` or `code` (see docs/what-is-read.md). Read afresh.
   */
  get skipped(): readonly Skipped[] {
    const skipped: Skipped[] = [];
    const article = this.#core.article();
    if (article) extractSegments(article, { exclude: [this], skipped });
    return skipped;
  }

  /**
   * How word times are known: `exact` (recorded audio's manifest, or a voice that sends word boundaries),
   * `estimated` (a voice that sends none: words spread over each sentence), null before it is known.
   */
  get wordTiming(): WordTiming | null {
    return this.#core.store.snapshot.wordTiming;
  }

  /** Starts or resumes reading. */
  play(): void {
    this.#core.play((session) => session.playback.play());
  }

  /** Pauses; `play()` goes on from here. */
  pause(): void {
    this.#core.pause();
  }

  /** Plays if paused or stopped, pauses if playing. */
  toggle(): void {
    this.#core.toggle();
  }

  /** Moves to `seconds` (speech: to the sentence at that estimated time); keeps playing or paused. */
  seek(seconds: number): void {
    this.#core.seek(seconds);
  }

  /** Starts reading at segment `index`. */
  playSegment(index: number): void {
    this.#core.play((session) => session.playback.playSegment(index));
  }

  /** Moves to the next paragraph; keeps playing or paused. */
  next(): void {
    this.#core.request((session) => session.playback.step(1));
  }

  /** Moves to the previous paragraph; keeps playing or paused. */
  previous(): void {
    this.#core.request((session) => session.playback.step(-1));
  }

  protected override render() {
    return renderPlayer(this, this.#core);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-player': ListenPlayer;
  }
}
