/**
 * The audio engine's stall watchdog, on a fake clock: `loading` once a playing clock stands still, `playing`
 * once it moves again, the recording lost after the timeout without progress, and nothing while Web Speech
 * reads a paragraph without audio. The network faults themselves: tests/browser/faults-network.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StallWatchdog, type StallHost } from '../../../../src/engines/audio/stall.js';

let said: string[];
let playing: boolean;
let reading: boolean;
let clock: number;

const host: StallHost = {
  reading: () => reading,
  playing: () => playing,
  clock: () => clock,
  report: (state) => said.push(state),
  lost: (message) => said.push(`lost: ${message}`),
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
  said = [];
  playing = true;
  reading = false;
  clock = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('StallWatchdog', () => {
  it('says loading once the playing clock stands still for a second, and playing once it moves', () => {
    const watchdog = new StallWatchdog(host, 20_000);
    watchdog.started(0);
    watchdog.watch();
    vi.advanceTimersByTime(750);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(said).toEqual(['loading']);
    vi.advanceTimersByTime(2000);
    expect(said).toEqual(['loading']);
    clock = 0.5;
    vi.advanceTimersByTime(250);
    expect(said).toEqual(['loading', 'playing']);
    watchdog.stop();
  });

  it('a clock that keeps moving says nothing', () => {
    const watchdog = new StallWatchdog(host, 5000);
    watchdog.started(0);
    watchdog.watch();
    for (let i = 0; i < 40; i++) {
      clock += 0.25;
      vi.advanceTimersByTime(250);
    }
    expect(said).toEqual([]);
    watchdog.stop();
  });

  it('the recording is lost after the timeout without progress, even before it played', () => {
    playing = false;
    const watchdog = new StallWatchdog(host, 3000);
    watchdog.progress();
    watchdog.watch();
    vi.advanceTimersByTime(2900);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(said).toEqual(['lost: The audio stopped arriving (nothing for 3 s).']);
    watchdog.stop();
  });

  it('progress (the manifest, the file) puts the timeout off', () => {
    playing = false;
    const watchdog = new StallWatchdog(host, 3000);
    watchdog.progress();
    watchdog.watch();
    vi.advanceTimersByTime(2500);
    watchdog.progress();
    vi.advanceTimersByTime(2500);
    expect(said).toEqual([]);
    watchdog.stop();
  });

  it('while Web Speech reads a paragraph without audio, the recording waits without a word', () => {
    const watchdog = new StallWatchdog(host, 3000);
    watchdog.started(0);
    watchdog.watch();
    reading = true;
    vi.advanceTimersByTime(10_000);
    expect(said).toEqual([]);
    watchdog.stop();
  });

  it('stopped, it looks no more', () => {
    const watchdog = new StallWatchdog(host, 1000);
    watchdog.started(0);
    watchdog.watch();
    watchdog.stop();
    vi.advanceTimersByTime(10_000);
    expect(said).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
