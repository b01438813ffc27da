/**
 * The resume offer in the player: "Resume at 2:31" and "Start over", two plain buttons beside the play button
 * (not a dialog: the reader may ignore them, and the play button alone resumes). The status line says it once,
 * politely, through the player's one live region.
 */
import { css, html, nothing } from 'lit';
import type { ResumeController } from '../player/resume.js';
import { formatClock, spokenTime } from './time.js';

export interface ResumeStrings {
  /** The UI's language: the time is spoken in it. */
  readonly lang: string;
  /** "Resume at 2:31" */
  readonly resumeAt: (time: string) => string;
  readonly startOver: string;
  /** The status line while the offer stands: "You stopped at 2:31. Play resumes there." */
  readonly resumeOffered: (time: string) => string;
}

export function renderResumeOffer(resume: ResumeController, strings: ResumeStrings) {
  const offer = resume.offer;
  if (!offer) return nothing;
  const shown = strings.resumeAt(formatClock(offer.time));
  // The name starts with what is shown (said by speech input: WCAG 2.5.3), then the time as the slider speaks it.
  return html`<div class="resume" part="resume">
    <button part="resume-button" aria-label="${shown}, ${spokenTime(offer.time, strings.lang)}" @click=${() => resume.resume()}>${shown}</button>
    <button part="start-over-button" @click=${() => resume.startOver()}>${strings.startOver}</button>
  </div>`;
}

/** What the status line says while the offer stands ('' without one, and just after it appeared). */
export function resumeStatus(resume: ResumeController, strings: ResumeStrings): string {
  const offer = resume.announced;
  return offer ? strings.resumeOffered(formatClock(offer.time)) : '';
}

/** Two text buttons in the controls' column: the offer filled with the accent, "Start over" outlined. */
export const resumeStyles = css`
  .resume {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.25rem;
  }
  .resume button {
    width: auto;
    height: auto;
    min-height: 2.25rem;
    padding: 0.3rem 0.9rem;
    border: 1px solid var(--_border);
  }
  .resume [part~='resume-button'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .resume [part~='resume-button']:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  @media (forced-colors: active) {
    .resume button {
      border-color: ButtonText;
    }
  }
`;
