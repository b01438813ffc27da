/**
 * A recording as the audio engine plays it, once its timing manifest is loaded: the manifest's timings, the
 * file this browser plays, and the engine's timeline (the recording's, with room for the paragraphs it has no
 * audio for).
 */
import type { Segment } from '../../article/segment.js';
import { TimingsError } from '../../manifest/fetch.js';
import { GapTimeline } from './gap-timeline.js';
import { pickSource } from './source.js';
import { loadTimings, type AudioSource, type Timings } from './timings.js';

export interface Recording {
  readonly timings: Timings;
  readonly source: AudioSource;
  readonly gaps: GapTimeline;
}

export interface RecordingOptions {
  readonly allowCrossOrigin?: boolean | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/** Loads the manifest at `src` for `segments`; every failure is a `TimingsError` with the player's error code. */
export async function openRecording(src: string, segments: readonly Segment[], options: RecordingOptions): Promise<Recording> {
  const timings = await loadTimings(src, segments, {
    allowCrossOrigin: options.allowCrossOrigin ?? false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const source = pickSource(timings.sources);
  if (!source) throw new TimingsError('audio-decode', 'This browser cannot play any of the audio formats offered.');
  const gaps = new GapTimeline(timings.segments, segments.map((segment) => segment.text), timings.duration);
  return { timings, source, gaps };
}
