/** How fast an article is read: the rates every engine accepts, and how long speech is guessed to take before it speaks. */
import type { Segment } from './segment.js';

/** The speaking rates every engine accepts: 0.5–3, anything else (NaN, a typo) reads at 1. */
export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(Math.max(rate, 0.5), 3) : 1;
}

/** ~170 words a minute at rate 1, a typical synthetic voice; the speech timeline corrects it as chunks are measured. */
export const INITIAL_CHARS_PER_SECOND = 14.5;

/** How long Web Speech is first guessed to take over `segments`, in seconds at rate 1. */
export function estimateSpeechSeconds(segments: readonly Segment[]): number {
  let characters = 0;
  for (const segment of segments) characters += segment.text.length;
  return characters / INITIAL_CHARS_PER_SECOND;
}
