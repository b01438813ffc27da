/**
 * The chapters on the position slider: a tick under the track at each chapter's start, and the chapter being
 * read named in the slider's spoken value ("1 minute 5 seconds of 4 minutes 55 seconds, Who watches").
 *
 * The ticks are an SVG laid over the slider by CSS anchor positioning: nothing in the element's own template
 * (it loads before play), nothing that takes room (no shift of layout when they arrive), and positions given as
 * SVG attributes, never as a `style` attribute, which a Content-Security-Policy without 'unsafe-inline' refuses.
 * They are drawn for the reader's eyes only (`aria-hidden`): a screen reader hears each chapter's name in the
 * slider's value as it moves through it. Browsers without anchor positioning show no ticks; the names stay.
 */
import { css, svg, nothing } from 'lit';
import type { Chapter, TimedChapter } from '../article/chapters.js';

/**
 * The ticks for `chapters` (those to show: see `chaptersToShow`) on a slider of `duration` seconds; none at the
 * very start, the slider's own end.
 */
export function renderChapterMarks(chapters: readonly TimedChapter[], duration: number) {
  const marks = duration > 0 ? chapters.filter((chapter) => chapter.start > 0) : [];
  if (!marks.length) return nothing;
  return svg`<svg class="chapter-marks" aria-hidden="true" focusable="false">${marks.map(
    (chapter) => svg`<rect x=${`${(100 * chapter.start) / duration}%`} y="0" width="2" height="100%"></rect>`,
  )}</svg>`;
}

/** What the slider's spoken value adds for the chapter being read: its title, or nothing before the first. */
export function chapterValueText(chapter: Chapter | null): string {
  return chapter ? `, ${chapter.title}` : '';
}

/**
 * The ticks sit just under the slider's track, inset by half the thumb (where the thumb's centre can go), and
 * are mirrored in a right-to-left player, whose slider starts on the right. They are drawn with the menus' row,
 * under the controls: the player's box, which holds both, is what they are placed in.
 */
export const chapterMarkStyles = css`
  .player {
    position: relative;
  }
  input[type='range'] {
    anchor-name: --listen-seek;
  }
  .chapter-marks {
    display: none;
  }
  @supports (anchor-name: --listen-seek) {
    .chapter-marks {
      display: block;
      position: absolute;
      position-anchor: --listen-seek;
      top: calc(anchor(center) + 5px);
      left: calc(anchor(left) + 8px);
      /* An SVG keeps its own width between two insets: the slider's, less the thumb's reach, is given. */
      width: calc(anchor-size(width) - 16px);
      height: 5px;
      overflow: visible;
      pointer-events: none;
      fill: var(--_muted);
    }
    .chapter-marks:dir(rtl) {
      transform: scaleX(-1);
    }
  }
  @media (forced-colors: active) {
    .chapter-marks {
      fill: CanvasText;
    }
  }
`;
