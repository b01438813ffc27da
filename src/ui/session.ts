/**
 * Everything the player does once the reader reaches for it: the playback controller with its engines, and the
 * controllers that follow, remember, announce and share it (follow along, mini player, resume, Media Session,
 * progress, play from a paragraph, one player at a time). The element loads this module on the first press
 * of play or any other control, or at once for a reader who has listened before (see `listen-player.ts`), so a
 * page downloads only the small element until someone listens.
 */
import { adoptStyles, html, nothing, type ReactiveElement } from 'lit';
import type { Segment } from '../article/segment.js';
import type { EngineLoadOptions } from '../engines/engine.js';
import { clampRate } from '../article/pace.js';
import { ArticleWatchController } from '../player/article-watch.js';
import { engineOptions } from '../player/engine-options.js';
import { ExclusiveController } from '../player/exclusive.js';
import { LinkStartController } from '../player/link-start.js';
import { MediaSessionController } from '../player/media-session.js';
import { PlaybackController, type HighlightMode } from '../player/playback.js';
import { PreferencesController, type PreferencesHost } from '../player/preferences.js';
import { ProgressController } from '../player/progress.js';
import { ResumeController } from '../player/resume.js';
import type { SleepTimerSetting } from '../player/sleep-setting.js';
import type { PlayerStore } from '../player/store.js';
import { ChaptersHook } from './chapters-hook.js';
import { FocusKeeper } from './focus-keeper.js';
import { FollowController, followStyles } from './follow.js';
import { menuStyles, renderDownload, VoiceMenu } from './menus.js';
import { MiniPlayerController } from './mini-player.js';
import { SleepSelect } from './sleep-select.js';
import { PlayFromHereController } from './play-from-here.js';
import { ParagraphListController } from './play-from-here-list.js';
import { ShortcutController } from './shortcuts.js';
import { stepRate } from './speed-menu.js';
import { LazyPart } from './lazy-part.js';
import type { MomentCopy } from './moment-copy.js';
import { renderResumeOffer, resumeStyles } from './resume-offer.js';
import { completeStrings } from './i18n.js';
import type { PartsView, PlayerParts } from './player-view.js';
import { StatusText } from './status-text.js';
import { en } from './strings.js';
import type { ShellStrings } from './strings-shell.js';
import { formatClock } from './time.js';
import { UpNextHook } from './up-next-hook.js';
import type { UpNextHost } from './up-next.js';

/** A change of position between two renders (s; they come once a second while playing) that is a seek. */
const SEEK_JUMP = 2.5;

/** The element: its settings, as properties, its own play/pause (the mini player's button) and its shadow root. */
export interface SessionHost extends PreferencesHost, UpNextHost {
  readonly src: string;
  readonly allowCrossOrigin: boolean;
  readonly highlight: HighlightMode;
  readonly noFollow: boolean;
  /** The sleep timer (see `sleep-menu.ts`); the session sets it back to null when the timer is done. */
  sleepTimer: SleepTimerSetting | null;
  toggle(): void;
}

/** What the element works out from the page for the session (its settings it reads from the host). */
export interface SessionOptions {
  /** The element's store: the player's state from before the session loaded, and from now on. */
  readonly store: PlayerStore;
  /** The article's segments the element read already (handed over once, so a long article is not read twice). */
  readonly segments: readonly Segment[] | null;
  /** The article element to read, or null when it cannot be found. */
  article(): Element | null;
  /** The article once it has text to read (see `ArticleWatchController`). */
  readyArticle(): Element | null;
  loadOptions(): EngineLoadOptions;
  /** Whether the page set the rate and the voice itself, read before the element's first update. */
  explicit(): { readonly rate: boolean; readonly voice: boolean };
  /** Whether the UI runs right to left (the arrow keys follow what the reader sees). */
  rtl(): boolean;
}

export class PlayerSession implements PlayerParts {
  readonly playback: PlaybackController;
  /** The article's headings as chapters: moved between, grouped under, marked on the slider and the lock screen. */
  readonly #chapters: ChaptersHook;
  readonly #host: SessionHost;
  readonly #options: SessionOptions;
  readonly #follow: FollowController;
  readonly #mini: MiniPlayerController;
  readonly #resume: ResumeController;
  readonly #paragraphs: ParagraphListController;
  readonly #preferences: PreferencesController;
  readonly #upNext: UpNextHook;
  readonly #link: LinkStartController;
  /** "Copy link to this moment" (`moment-copy.ts`: the clipboard, the field it falls back to), loaded on the first copy. */
  readonly #moment: LazyPart<MomentCopy>;
  readonly #sleep: SleepSelect;
  readonly #shortcuts: ShortcutController;
  /** The position and length the focused slider reports while playing (see `slider`), and the last position seen. */
  #held: readonly [number, number] | null = null;
  #lastTime = 0;
  readonly #voiceMenu: VoiceMenu;
  readonly #text: StatusText;

  constructor(host: SessionHost, options: SessionOptions) {
    this.#host = host;
    this.#options = options;
    // The session's own styles join the element's (a constructed sheet each: allowed by a strict CSP).
    if (host.renderRoot instanceof ShadowRoot) {
      const { elementStyles } = host.constructor as typeof ReactiveElement;
      adoptStyles(host.renderRoot, [...elementStyles, followStyles, resumeStyles, menuStyles]);
    }
    const exclude = () => [host];
    const playback = (this.playback = new PlaybackController(host, {
      store: options.store,
      article: options.article,
      segments: options.segments,
      src: () => host.src,
      loadOptions: options.loadOptions,
      highlight: () => host.highlight,
      exclude,
      speech: engineOptions().speech,
      audio: () => ({ ...engineOptions().audio, allowCrossOrigin: host.allowCrossOrigin }),
    }));
    const chapters = (this.#chapters = new ChaptersHook(host, playback, () => media.chaptersChanged()));
    // First after playback: a player that starts pauses the others before its Media Session claims the controls.
    new ExclusiveController(host, playback);
    this.#follow = new FollowController(host, {
      playback,
      enabled: () => !host.noFollow,
      hold: () => this.#mini.dismissed && focus.inlineFocus() !== null,
      back: () => this.#mini.restore(),
    });
    this.#mini = new MiniPlayerController(host, { playback, follow: this.#follow, toggle: () => host.toggle() });
    const focus = new FocusKeeper(host, { playback, mini: this.#mini });
    const rate = () => clampRate(host.rate);
    const media = new MediaSessionController(host, playback, { article: options.article, rate, chapters: () => chapters.now?.timed ?? [] });
    new ProgressController(host, playback, { rate });
    // Before the preferences: a speed changed by a key is remembered once the shortcut has handled it.
    this.#shortcuts = new ShortcutController(host, {
      toggle: () => host.toggle(),
      skip: (direction) => playback.skip(direction),
      step: (direction, chapter) => this.step(direction, chapter),
      chapters: () => this.#chapters.found,
      changeRate: (direction) => {
        const next = stepRate(clampRate(host.rate), direction);
        if (next !== undefined) host.rate = next;
      },
      copyMoment: () => this.copyMoment(),
      rtl: options.rtl,
    });
    this.#preferences = new PreferencesController(host, { lang: () => options.loadOptions().lang, explicit: options.explicit });
    new PlayFromHereController(host, playback);
    this.#link = new LinkStartController(host, playback, { article: options.article, marks: () => host.highlight !== 'none' });
    this.#resume = new ResumeController(host, playback);
    this.#text = new StatusText(host, playback, this.#resume, () => options.loadOptions().lang);
    this.#moment = new LazyPart(host, () => import('./moment-copy.js').then((loaded) => [new loaded.MomentCopy(host, playback), loaded.momentStyles] as const));
    this.#sleep = new SleepSelect(host, playback);
    this.#paragraphs = new ParagraphListController(host, playback, chapters, (index) => this.copyMoment(index));
    // The article: waited for while it is not on the page yet, and followed while it is read.
    new ArticleWatchController(host, playback, { article: options.article, ready: options.readyArticle, exclude });
    this.#upNext = new UpNextHook(host, playback);
    this.#voiceMenu = new VoiceMenu(host);
    chapters.look(options.segments);
  }

  /** What is read, in order (read from the page on first use). */
  segments(): readonly Segment[] {
    return this.playback.segments;
  }

  /** Remembers the rate the reader chose (maybe before the session loaded to see the menu change). */
  rememberRate(): void {
    this.#preferences.rememberRate();
  }

  /** Puts a link to the current moment, or paragraph `index`'s start, on the clipboard (or shows it). */
  copyMoment(index?: number): void {
    // Offline, or the file blocked: the next copy tries again.
    this.#moment.load().then((copy) => copy.copy(index), () => {});
  }

  /** Sets the sleep timer from the element's `sleepTimer` (a bad value: off, with a warning). */
  setSleepTimer(value: unknown): void {
    this.#sleep.set(value);
  }

  /** "Play from 2:31" while a link's moment is offered. */
  playLabel(shell: ShellStrings): string | null {
    const time = this.#link.moment?.time;
    return time === undefined ? null : completeStrings(shell, en).playFrom(formatClock(time));
  }

  /** Does what a shortcut pressed before the session loaded does (see `ShortcutController.press`). */
  press(key: string, shift: boolean): void {
    this.#shortcuts.press(key, shift);
    if (key === '<' || key === '>') this.#preferences.rememberRate();
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
   * (paused, ended). The clock beside it runs every second. The spoken value also names the chapter being read
   * at the position reported (see `chapter-marks.ts`).
   */
  slider(time: number, duration: number): readonly [number, number, string] {
    const held = this.#held?.[0] ?? null;
    const jumped = Math.abs(time - this.#lastTime) > SEEK_JUMP;
    this.#lastTime = time;
    const focused = this.#host.renderRoot instanceof ShadowRoot && this.#host.renderRoot.activeElement?.localName === 'input';
    if (held === null || jumped || !focused || this.playback.snapshot.state !== 'playing' || Math.floor(time / 60) !== Math.floor(held / 60)) {
      this.#held = [time, duration];
    }
    const [said, length] = this.#held ?? [time, duration];
    return [said, length, this.#chapters.valueText(said)];
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
    const text = this.#text.state(strings, state);
    const said = (this.#moment.value?.status(strings) ?? '') || this.#sleep.status(strings);
    if (said) return [said, ''];
    if (state === 'error') return errorWhileIdle ? ['', text] : [text, ''];
    // "Up next" at the end: said once, with the state.
    const upNext = this.#upNext.announcement;
    if (upNext) return [`${text} ${upNext}`, ''];
    const notice = this.#text.notice(strings);
    if (!notice) return [text, ''];
    return this.#text.announceNotice(state) ? [`${notice} ${text}`.trim(), ''] : [text, notice];
  }

  /** "Back to the current paragraph" in place of the player's label, while following waits for the reader. */
  renderBack(shell: ShellStrings) {
    if (this.#follow.suspended) return this.#follow.renderBackButton(completeStrings(shell, en), 'back-inline');
    // The play button says it too (its name); shown here for the eye, hidden from the tree so it is said once.
    const from = this.playLabel(shell);
    return from ? html`<span class="label" aria-hidden="true">${from}</span>` : null;
  }

  renderParagraphs(shell: ShellStrings) {
    return this.#paragraphs.render(completeStrings(shell, en));
  }

  /** The previous/next paragraph, or with `chapter` the previous/next chapter; playing or paused as it was. */
  step(direction: -1 | 1, chapter = false): void {
    if (!chapter) this.playback.step(direction);
    else if (this.#chapters.now) this.#chapters.now.step(direction);
    else void this.#chapters.ready().then((chapters) => chapters?.step(direction));
  }

  /** The voice menu, the sleep timer and the download link; and the chapters' ticks, laid over the slider by anchor positioning. */
  renderMenus(shell: ShellStrings) {
    const strings = completeStrings(shell, en);
    const snapshot = this.playback.snapshot;
    // The sleep timer first: the voice menu comes when the voices do (seconds later on some machines), after it,
    // in the room kept for it, so nothing already shown moves.
    return html`${this.#sleep.render(strings)} ${this.#voiceMenu.render(strings, snapshot, this.#options.loadOptions().lang)}
    ${renderDownload(strings, snapshot)}${this.#chapters.renderMarks(snapshot.duration)}`;
  }

  renderResume(shell: ShellStrings) {
    const strings = completeStrings(shell, en);
    return html`${renderResumeOffer(this.#resume, strings)}${this.#moment.value?.renderField(strings) ?? nothing}${this.#upNext.render()}`;
  }

  renderMini(view: PartsView) {
    return this.#mini.render({ strings: completeStrings(view.strings, en), time: view.time, duration: view.duration, locale: view.spoken }) ?? nothing;
  }
}
