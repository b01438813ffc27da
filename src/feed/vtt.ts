/**
 * A WebVTT transcript from a timing manifest: one cue a sentence (the player's own sentence segmentation,
 * `chunkText`), timed from the first to the last of its words. Segments without audio (`"audio": false`) are left
 * out: the recording does not say them.
 */
import { chunkText } from '../article/chunk.js';
import type { ManifestJson } from '../manifest/manifest.js';
import { plainText } from './text.js';

export interface Cue {
  /** Milliseconds. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The cues of the article whose segment texts are `texts` (the manifest's segments, in order). */
export function transcriptCues(texts: readonly string[], manifest: Pick<ManifestJson, 'segments'>, lang: string): Cue[] {
  const cues: { start: number; end: number; text: string }[] = [];
  manifest.segments.forEach((segment, i) => {
    const text = texts[i];
    if (text === undefined || segment.audio === false || segment.words.length === 0) return;
    const first = cues.length;
    let waiting = ''; // sentences without a timed word of their own (a lone "—"), said with the next one
    for (const sentence of chunkText(text, lang, Infinity)) {
      const words = segment.words.filter(([, , offset]) => offset >= sentence.start && offset < sentence.end);
      const said = plainText(sentence.text);
      if (words.length === 0) {
        if (cues.length > first) cues[cues.length - 1]!.text += ` ${said}`;
        else waiting = `${waiting} ${said}`;
        continue;
      }
      const start = Math.round(words[0]![0] * 1000);
      const end = Math.max(Math.round(words.at(-1)![1] * 1000), start + 1);
      cues.push({ start, end, text: plainText(`${waiting} ${said}`) });
      waiting = '';
    }
  });
  return cues;
}

/** `cues` as a WebVTT file. */
export function formatVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => `${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${escapeCueText(cue.text)}`);
  return `WEBVTT\n\n${blocks.map((block) => `${block}\n\n`).join('')}`;
}

/** `hh:mm:ss.ttt` for `ms` milliseconds. */
export function timestamp(ms: number): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  return `${pad(hours)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Cue text is markup in WebVTT: `&`, `<` and `>` are escaped (so a `-->` in the text is not an arrow either). */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
