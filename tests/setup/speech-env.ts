/**
 * Where the browser tests' private speech stack lives. Real Web Speech in headless Chromium on Linux needs
 * speech-dispatcher (with espeak-ng) talking to a PulseAudio server; we run both privately, with a null sink,
 * so tests never touch the machine's own audio. This module only computes paths (the config imports it);
 * `global-speech.ts` starts and stops the daemons.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpeechEnvironment {
  /** Runtime folder of the private PulseAudio + speech-dispatcher. */
  readonly dir: string;
  /** Chromium binary to launch (override with LISTEN_CHROMIUM). */
  readonly chromium: string;
  /** Environment Chromium needs to reach the private speech-dispatcher. */
  readonly env: Record<string, string>;
}

export function speechEnvironment(): SpeechEnvironment {
  // Computed once and handed to the global setup through the environment, so both agree on the paths.
  const dir = (process.env.LISTEN_SPEECH_DIR ??= join(tmpdir(), `listen-speech-${process.pid}`));
  return {
    dir,
    chromium: process.env.LISTEN_CHROMIUM ?? '/usr/bin/chromium',
    env: {
      SPEECHD_ADDRESS: `unix_socket:${join(dir, 'speechd.sock')}`,
      PULSE_SERVER: `unix:${join(dir, 'pulse', 'native')}`,
    },
  };
}
