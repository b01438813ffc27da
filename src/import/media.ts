/**
 * What the manifest says about the given audio file: its MIME type (with codecs where a browser's
 * `canPlayType` needs them) and its length. ffprobe knows both exactly; without it, the type comes from
 * the file's extension and the length from the timings.
 */
import { spawnSync } from 'node:child_process';
import { extname } from 'node:path';

/** A `Map`: the extension is the user's (`x.constructor` is no audio type). */
const BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['.mp3', 'audio/mpeg'],
  ['.opus', 'audio/ogg; codecs=opus'],
  ['.ogg', 'audio/ogg'],
  ['.oga', 'audio/ogg'],
  ['.m4a', 'audio/mp4'],
  ['.mp4', 'audio/mp4'],
  ['.aac', 'audio/aac'],
  ['.wav', 'audio/wav'],
  ['.webm', 'audio/webm'],
  ['.flac', 'audio/flac'],
]);

export interface AudioInfo {
  readonly type: string;
  /** Seconds, or null when ffprobe is not available or cannot read the file. */
  readonly duration: number | null;
}

/** Throws when the extension is not an audio format a browser plays. */
export function probeAudio(path: string): AudioInfo {
  const fromExtension = BY_EXTENSION.get(extname(path).toLowerCase());
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', path], {
    encoding: 'utf8',
  });
  let duration: number | null = null;
  let codec = '';
  if (probe.status === 0) {
    try {
      const json = JSON.parse(probe.stdout) as { format?: { duration?: string }; streams?: { codec_name?: string }[] };
      const seconds = Number(json.format?.duration);
      if (Number.isFinite(seconds) && seconds > 0) duration = seconds;
      codec = json.streams?.[0]?.codec_name ?? '';
    } catch {
      // An ffprobe that prints something else is treated as no ffprobe.
    }
  }
  // An .ogg holding Opus plays only where Opus does: say so, as the renderer's own sources do.
  const type = codec === 'opus' && /^audio\/ogg/.test(fromExtension ?? '') ? 'audio/ogg; codecs=opus' : fromExtension;
  if (!type) throw new Error(`${extname(path) || 'a file without an extension'} is not an audio format the player knows (${[...BY_EXTENSION.keys()].join(', ')})`);
  return { type, duration };
}
