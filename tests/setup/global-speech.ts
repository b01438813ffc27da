/**
 * Vitest global setup for the browser project: checks that the browser and the speech stack are installed
 * (one clear line naming what to install if not), then starts a private PulseAudio with a null sink and a
 * speech-dispatcher that speaks through it with espeak-ng. Both are stopped when the run ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { speechEnvironment } from './speech-env.js';

const APT = 'chromium speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils';

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function waitFor(path: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (existsSync(path)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return existsSync(path);
}

function killPidFile(file: string): void {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

export default async function setup(): Promise<() => void> {
  const { dir, chromium, env } = speechEnvironment();
  const missing = [
    existsSync(chromium) ? '' : 'chromium',
    which('pulseaudio') ? '' : 'pulseaudio',
    which('speech-dispatcher') ? '' : 'speech-dispatcher',
    existsSync('/usr/lib/speech-dispatcher-modules/sd_espeak-ng') ? '' : 'speech-dispatcher-espeak-ng',
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `Browser tests need ${missing.join(', ')}: run "apt-get install -y --no-install-recommends ${APT}" (or set LISTEN_CHROMIUM).`,
    );
  }

  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['pulse', 'log', 'speechd/modules']) mkdirSync(join(dir, sub), { recursive: true });
  const daemonEnv = { ...process.env, ...env, HOME: dir, XDG_RUNTIME_DIR: dir, PULSE_RUNTIME_PATH: join(dir, 'pulse') };

  const pulse = spawn(
    'pulseaudio',
    [
      '--daemonize=no',
      '-n',
      '--exit-idle-time=-1',
      '--disallow-exit=yes',
      '--use-pid-file=no',
      '--load=module-null-sink sink_name=listen_null',
      `--load=module-native-protocol-unix socket=${join(dir, 'pulse', 'native')} auth-anonymous=1`,
      `--log-target=file:${join(dir, 'log', 'pulse.log')}`,
    ],
    { env: daemonEnv, stdio: 'ignore', detached: true },
  );
  if (!(await waitFor(join(dir, 'pulse', 'native'), 10_000))) {
    pulse.kill();
    throw new Error(`PulseAudio did not start (see ${join(dir, 'log', 'pulse.log')}).`);
  }

  writeFileSync(
    join(dir, 'speechd', 'speechd.conf'),
    [
      'LogLevel 2',
      `LogDir "${join(dir, 'log')}"`,
      'DefaultVolume 100',
      'AudioOutputMethod "pulse"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      'DefaultLanguage "en"',
      '',
    ].join('\n'),
  );
  const moduleConf = '/etc/speech-dispatcher/modules/espeak-ng.conf';
  if (existsSync(moduleConf)) copyFileSync(moduleConf, join(dir, 'speechd', 'modules', 'espeak-ng.conf'));
  else writeFileSync(join(dir, 'speechd', 'modules', 'espeak-ng.conf'), '');

  const socket = join(dir, 'speechd.sock');
  const speechd = spawn(
    'speech-dispatcher',
    ['-s', '-t', '0', '-c', 'unix_socket', '-S', socket, '-C', join(dir, 'speechd'), '-L', join(dir, 'log')],
    { env: daemonEnv, stdio: 'ignore', detached: true },
  );
  if (!(await waitFor(socket, 10_000))) {
    speechd.kill();
    pulse.kill();
    throw new Error(`speech-dispatcher did not start (see ${join(dir, 'log')}).`);
  }

  return () => {
    for (const child of [speechd, pulse]) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
    killPidFile(join(dir, 'speechd.pid'));
    rmSync(dir, { recursive: true, force: true });
  };
}
