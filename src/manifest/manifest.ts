/**
 * The timing manifest of pre-rendered audio: its format, as stored and as validated, and the errors a file
 * can have. Pure and browser-safe (no Node or DOM imports); the render and import commands write this format,
 * `parse.ts` validates it, `lookup.ts` has the look-ups the player's frame loop makes, and
 * `audio/manifest.schema.json` describes the same JSON for other tools.
 *
 * ```jsonc
 * {
 *   "version": "1.0",                  // "major.minor"; a newer major is refused as a newer format
 *   "lang": "en-GB",                   // BCP 47 language of the article ('' when it declares none)
 *   "voice": "English (Great Britain)",
 *   "generator": "listen-render/1 …",  // what rendered it, for people reading the file
 *   "hash": "…",                       // optional: the renderer's content hash (skips unchanged articles)
 *   "duration": 301.46213,             // seconds of audio, from the sample count
 *   "sources": [                       // the same audio in several formats, relative to this file
 *     { "src": "seed.opus", "type": "audio/ogg; codecs=opus" },
 *     { "src": "seed.mp3", "type": "audio/mpeg" }
 *   ],
 *   "segments": [                      // one per extracted segment, in order
 *     {
 *       "start": 0, "end": 4.71501,    // seconds on the audio's timeline
 *       "fingerprint": "1f0c3a9be27d44", // fingerprint() of the segment's normalised text
 *       "length": 93,                  // length of that text in UTF-16 code units (JS string length)
 *       "words": [[0, 0.3219, 0, 5]]   // [start s, end s, offset, length] into that text
 *     }
 *   ]
 * }
 * ```
 *
 * Version 1.1 adds two optional segment fields, written by the import command (audio from elsewhere):
 * - `"audio": false`: the audio does not contain this segment (a caption the narrator skipped, a paragraph
 *   added since). Its range is empty (`start` = `end`, where it would have been) and `words` is empty, so
 *   a 1.0 reader passes over it; a player may speak it with Web Speech instead.
 * - `"estimated": true`: the segment's word times are estimates (spread over a caption cue by length, or
 *   between matched words), not measured; its `start` and `end` are as good as the timing source.
 * Readers ignore fields they do not know, which is what lets a minor version add them.
 *
 * Times are seconds on the file's timeline at rate 1, rounded to 10 µs (less than half a sample at
 * 22 050 Hz, so `round(time × sampleRate)` gives back the exact sample). Segments and words are in order
 * and never overlap; a gap between them is a pause. Word offsets index the segment text as JS strings do.
 */

/** The format this code writes; it reads every `1.x`. */
export const MANIFEST_VERSION = '1.0';
/** The minor version that added the optional segment fields `audio` and `estimated`. */
export const MANIFEST_VERSION_PARTIAL = '1.1';
/** The major version this code reads. */
export const MANIFEST_MAJOR = 1;

/** The manifest file as stored (what the render command writes). */
export interface ManifestJson {
  readonly version: string;
  readonly lang: string;
  readonly voice: string;
  readonly generator: string;
  readonly hash?: string;
  readonly duration: number;
  readonly sources: readonly { readonly src: string; readonly type: string }[];
  readonly segments: readonly ManifestSegmentJson[];
}

export interface ManifestSegmentJson {
  readonly start: number;
  readonly end: number;
  readonly fingerprint: string;
  readonly length: number;
  /** `[start, end, offset, length]`: seconds, then UTF-16 offset and length in the segment text. */
  readonly words: readonly (readonly [number, number, number, number])[];
  /** 1.1: `false` when the audio does not contain this segment (then its range and `words` are empty). */
  readonly audio?: boolean;
  /** 1.1: `true` when its word times are estimated rather than measured. */
  readonly estimated?: boolean;
}

/** One audio file: `url` is absolute (resolved against the manifest's own URL). */
export interface ManifestSource {
  readonly url: string;
  /** MIME type with codecs, for `canPlayType`. */
  readonly type: string;
}

export interface ManifestWord {
  readonly start: number;
  readonly end: number;
  /** UTF-16 offset of the word in its segment's text. */
  readonly offset: number;
  readonly length: number;
}

export interface ManifestSegment {
  readonly start: number;
  readonly end: number;
  readonly fingerprint: string;
  /** Length of the segment text in UTF-16 code units. */
  readonly length: number;
  readonly words: readonly ManifestWord[];
  /** `false` when the audio does not contain this segment (1.1); absent means it does. */
  readonly audio?: boolean;
  /** `true` when the word times are estimated (1.1). */
  readonly estimated?: boolean;
}

/** A validated manifest, ready for the player. */
export interface Manifest {
  readonly version: string;
  readonly lang: string;
  readonly voice: string;
  readonly generator: string;
  readonly hash: string | undefined;
  readonly duration: number;
  readonly sources: readonly ManifestSource[];
  readonly segments: readonly ManifestSegment[];
}

/** What can be wrong with a manifest; each problem found is reported under one of these names. */
export type ManifestIssueName =
  | 'not-an-object'
  | 'version-invalid'
  | 'newer-format'
  | 'field-invalid'
  | 'duration-invalid'
  | 'sources-empty'
  | 'source-invalid'
  | 'source-url-invalid'
  | 'source-url-scheme'
  | 'source-url-credentials'
  | 'source-cross-origin'
  | 'segments-empty'
  | 'time-invalid'
  | 'end-before-start'
  | 'segments-overlap'
  | 'segment-after-duration'
  | 'fingerprint-invalid'
  | 'length-invalid'
  | 'word-invalid'
  | 'words-overlap'
  | 'word-outside-segment'
  | 'word-outside-text';

export interface ManifestIssue {
  readonly name: ManifestIssueName;
  /** Where, as a JSON path: `segments[3].words[12]`. */
  readonly path: string;
  readonly message: string;
}

/** A manifest that cannot be used; `issues` names every problem found (up to 50). */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  /** True when the file is a newer format than this player reads (update the player, not the file). */
  readonly newerFormat: boolean;

  constructor(readonly issues: readonly ManifestIssue[]) {
    const newer = issues.find((issue) => issue.name === 'newer-format');
    super(
      newer
        ? newer.message
        : `Invalid timing manifest: ${issues
            .slice(0, 3)
            .map((issue) => `${issue.path}: ${issue.message}`)
            .join('; ')}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`,
    );
    this.newerFormat = newer !== undefined;
  }
}
