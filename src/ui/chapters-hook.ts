/**
 * The session's way to the article's chapters: their code (finding, timing and moving between them in
 * `player/chapters.ts`, the slider's ticks and spoken names in `chapter-marks.ts`) loads only for an article
 * with a heading among what is read, the first time the session looks. Until it is there the slider has no
 * ticks, its value names no chapter, and a chapter step waits for it; an article without headings never loads it.
 */
import { nothing, type ReactiveControllerHost } from 'lit';
import { eachChapterStart } from '../article/headings.js';
import type { Segment } from '../article/segment.js';
import type { Chapters } from '../player/chapters.js';
import type { PlaybackController } from '../player/playback.js';
import type * as Marks from './chapter-marks.js';
import { LazyPart } from './lazy-part.js';

interface Part {
  readonly chapters: Chapters;
  readonly marks: typeof Marks;
}

export class ChaptersHook {
  readonly #playback: PlaybackController;
  /** Called once the chapters are there (the element is drawn again by their part: see `LazyPart`). */
  readonly #arrived: () => void;
  readonly #part: LazyPart<Part>;
  /** The segments last looked at for a heading (the array is replaced when the page is read again). */
  #looked: readonly Segment[] | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackController, arrived: () => void) {
    this.#playback = playback;
    this.#arrived = arrived;
    this.#part = new LazyPart(host, () =>
      Promise.all([import('../player/chapters.js'), import('./chapter-marks.js')]).then(
        ([chapters, marks]) => [{ chapters: new chapters.Chapters(playback), marks }, marks.chapterMarkStyles] as const,
      ),
    );
  }

  /** The chapters, or null while their module is not there (or the article has no heading). */
  get now(): Chapters | null {
    this.#look(this.#playback.segments);
    return this.#part.value?.chapters ?? null;
  }

  /** Whether the article has a chapter to move to (a heading among what is read): known before their module is there. */
  get found(): boolean {
    this.#look(this.#playback.segments);
    return this.#part.asked;
  }

  /** The chapters once they are there; null for an article without headings, or when their module cannot load. */
  ready(): Promise<Chapters | null> {
    this.#look(this.#playback.segments);
    return this.#part.asked ? this.#part.load().then((part) => part.chapters, () => null) : Promise.resolve(null);
  }

  /** Asks for the module now if `segments` (those the element already read) have a heading. */
  look(segments: readonly Segment[] | null): void {
    if (segments) this.#look(segments);
  }

  /** The ticks on a slider of `duration` seconds. */
  renderMarks(duration: number) {
    const part = this.#part.value;
    return part ? part.marks.renderChapterMarks(part.chapters.timed, duration) : nothing;
  }

  /** What the slider's spoken value adds for the chapter being read at `time`. */
  valueText(time: number): string {
    const part = this.#part.value;
    return part ? part.marks.chapterValueText(part.chapters.at(time)) : '';
  }

  #look(segments: readonly Segment[]): void {
    if (this.#part.asked || segments === this.#looked) return;
    this.#looked = segments;
    // The first chapter `chaptersOf` would find is enough (most articles' only heading is their title, no chapter).
    const found = eachChapterStart(segments, () => true);
    // Offline, or the file blocked: looked for again when the page is read again.
    if (found) this.#part.load().then(this.#arrived, () => {});
  }
}
