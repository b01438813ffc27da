/**
 * Audio files from 16-bit mono samples: MP3 and Opus through ffmpeg (fed raw PCM on stdin while the
 * synthesiser is still working), WAV written directly.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export type AudioFormat = 'mp3' | 'opus' | 'wav';

export interface FormatInfo {
  readonly extension: string;
  /** MIME type (with codecs) as the manifest lists it, for `canPlayType`. */
  readonly type: string;
  /** ffmpeg's output options, or null when no ffmpeg is needed. */
  readonly ffmpeg: readonly string[] | null;
}

export const FORMATS: Readonly<Record<AudioFormat, FormatInfo>> = {
  // Speech at 32 kb/s. ffmpeg writes a LAME tag with the encoder delay and padding, which browsers honour,
  // so the decoded audio lines up with the manifest to the sample. LAME's quality 7 ("fast") encodes in
  // half the time of its default 3; at this bit rate its low-pass loses far more than the setting does
  // (log-spectral distance on the demo article: 23.9 dB against 22.0 dB).
  mp3: {
    extension: 'mp3',
    type: 'audio/mpeg',
    ffmpeg: ['-c:a', 'libmp3lame', '-b:a', '32k', '-compression_level', '7', '-f', 'mp3'],
  },
  // Opus in its speech mode at 24 kb/s; the Ogg pre-skip carries the encoder delay. Opus is the slowest
  // step of a render, so it is tuned for speed where that costs nothing a listener hears. On the demo
  // article (log-spectral distance to the synthesised audio, lower is closer; encoding CPU time):
  // complexity 10 (the default) 8.1 dB, 4.9 s; 2: 8.7 dB, 1.8 s; 1: 8.8 dB, 1.5 s; 0: 10.0 dB (it drops
  // the band above 8 kHz). 60 ms packets instead of 20 decode to the same audio, save 9 % of the
  // encoding time and 0.7 % of the size in packet overhead (the player only plays files, so the
  // latency of longer packets does not matter).
  opus: {
    extension: 'opus',
    type: 'audio/ogg; codecs=opus',
    ffmpeg: ['-c:a', 'libopus', '-b:a', '24k', '-application', 'voip', '-compression_level', '1', '-frame_duration', '60', '-f', 'opus'],
  },
  wav: { extension: 'wav', type: 'audio/wav', ffmpeg: null },
};

export const FFMPEG_MISSING = 'ffmpeg not found: install it (apt-get install ffmpeg) or use --format wav';

/**
 * Whether an `ffmpeg` executable is on the PATH, looked up as spawning it would: running `ffmpeg -version`
 * instead would cost as much as its start-up (~60 ms of CPU, while the command is starting).
 */
export function hasFfmpeg(): boolean {
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(delimiter) : [''];
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) =>
      extensions.some((extension) => {
        const path = join(dir, `ffmpeg${extension}`);
        try {
          accessSync(path, constants.X_OK);
          return statSync(path).isFile();
        } catch {
          return false;
        }
      }),
    );
}

/**
 * One ffmpeg process encoding the samples written to it into `path`. Node's native-endian Int16Array
 * bytes are fed as s16le: every platform Node ships for is little-endian.
 */
export class FfmpegEncoder {
  readonly #process: ChildProcessByStdio<Writable, null, Readable>;
  readonly #exit: Promise<void>;
  #failure: Error | null = null;

  constructor(format: AudioFormat, sampleRate: number, path: string) {
    const output = FORMATS[format].ffmpeg;
    if (!output) throw new Error(`${format} is not encoded with ffmpeg`);
    // Bit-exact output: re-rendering unchanged audio gives identical files (quiet diffs in git).
    const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 's16le', '-ar', String(sampleRate), '-ac', '1', '-i', 'pipe:0'];
    args.push('-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', ...output, path);
    this.#process = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    this.#process.stderr.setEncoding('utf8').on('data', (data: string) => {
      stderr = (stderr + data).slice(-2000);
    });
    // A pipe closed early (ffmpeg failed) shows in the exit status below; it must not throw on its own.
    this.#process.stdin.on('error', () => {});
    this.#exit = new Promise<void>((resolve, reject) => {
      this.#process.once('error', (error: NodeJS.ErrnoException) => {
        reject((this.#failure ??= error.code === 'ENOENT' ? new Error(FFMPEG_MISSING) : error));
      });
      this.#process.once('close', (code, signal) => {
        if (code === 0) resolve();
        else reject((this.#failure ??= new Error(`ffmpeg (${format}) failed: ${stderr.trim() || `exit ${code ?? signal}`}`)));
      });
    });
    this.#exit.catch(() => {}); // reported by finish()
  }

  /**
   * Queues samples for ffmpeg. No back-pressure on purpose: the caller is the main thread relaying a
   * worker's audio, and an article's samples (~13 MB for five minutes) are bounded.
   */
  write(samples: Int16Array): void {
    if (this.#failure) return;
    this.#process.stdin.write(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  }

  /** Ends the input and waits for ffmpeg to finish writing the file; rejects with why it failed. */
  finish(): Promise<void> {
    this.#process.stdin.end();
    return this.#exit;
  }

  /** Stops ffmpeg and waits until it has exited (and so has stopped writing). */
  async abort(): Promise<void> {
    this.#process.kill();
    await this.#exit.catch(() => {});
  }
}

/** A canonical 44-byte-header PCM WAV file. */
export async function writeWav(path: string, chunks: readonly Int16Array[], sampleRate: number): Promise<void> {
  const dataBytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const parts = [header, ...chunks.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength))];
  await writeFile(path, parts);
}
