/**
 * The `listen-progress` rules, on snapshots as the store produces them: thresholds reached through playback
 * fire once each, in order; seeking past one does not fire it; 100 fires at the end; going back to the start
 * begins a new listen.
 */
import { describe, expect, it } from 'vitest';
import { ProgressTracker, type ProgressPercent } from '../../../src/player/progress.js';
import { initialSnapshot, type PlayerSnapshot, type PlayerState } from '../../../src/player/store.js';

const DURATION = 100;

/** Drives a tracker the way the store does: one change at a time, with a wall clock the test moves. */
class Run {
  readonly tracker = new ProgressTracker();
  readonly fired: ProgressPercent[] = [];
  snapshot: PlayerSnapshot = { ...initialSnapshot, duration: DURATION };
  now = 1000;
  rate = 1;

  change(patch: Partial<PlayerSnapshot>): ProgressPercent[] {
    const previous = this.snapshot;
    this.snapshot = { ...previous, ...patch };
    const reached = this.tracker.update(this.snapshot, previous, this.now, this.rate);
    this.fired.push(...reached);
    return reached;
  }

  state(state: PlayerState): ProgressPercent[] {
    return this.change({ state });
  }

  /** Plays on from the current position to `to`, reporting every `step` seconds of media as an engine does. */
  playTo(to: number, step = 0.25): void {
    while (this.snapshot.currentTime < to - 1e-9) {
      const time = Math.min(this.snapshot.currentTime + step, to);
      this.now += ((time - this.snapshot.currentTime) / this.rate) * 1000;
      this.change({ currentTime: time });
    }
  }

  /** A seek: the position moves at once, no time passes. */
  seek(to: number): void {
    this.change({ currentTime: to });
  }
}

function playing(): Run {
  const run = new Run();
  run.state('loading');
  run.state('playing');
  return run;
}

describe('listen-progress thresholds', () => {
  it('fires 25, 50, 75 as playback reaches them and 100 at the end, once each', () => {
    const run = playing();
    run.playTo(24.9);
    expect(run.fired).toEqual([]);
    run.playTo(25.1);
    expect(run.fired).toEqual([25]);
    run.playTo(DURATION);
    run.state('ended');
    expect(run.fired).toEqual([25, 50, 75, 100]);
  });

  it('fires at the position exactly at a threshold', () => {
    const run = playing();
    run.playTo(50, 5);
    expect(run.fired).toEqual([25, 50]);
  });

  it('does not fire what a seek skips, but fires on playing on from just before a threshold', () => {
    const run = playing();
    run.playTo(10);
    run.seek(60);
    expect(run.fired).toEqual([]);
    run.playTo(74);
    expect(run.fired).toEqual([]);
    run.seek(74.5);
    run.playTo(76);
    expect(run.fired).toEqual([75]);
  });

  it('does not fire a threshold seeked to while paused, then played from', () => {
    const run = playing();
    run.state('paused');
    run.seek(25);
    run.state('loading');
    run.state('playing');
    run.playTo(30);
    expect(run.fired).toEqual([]);
  });

  it('fires several thresholds crossed in one late report (a throttled background tab) in order', () => {
    const run = playing();
    run.playTo(20);
    run.now += 40_000;
    run.change({ currentTime: 60 });
    expect(run.fired).toEqual([25, 50]);
  });

  it('takes the rate into account: at 3× a report 3 s of audio a second later is playback, not a seek', () => {
    const run = playing();
    run.rate = 3;
    run.playTo(24, 3);
    run.playTo(27, 3);
    expect(run.fired).toEqual([25]);
    // At 3×, 15 s of audio in 250 ms of wall clock is a skip.
    run.now += 250;
    run.change({ currentTime: 40.25 });
    run.playTo(49);
    run.now += 250;
    run.change({ currentTime: 64 });
    expect(run.fired).toEqual([25]);
  });

  it('counts only playing: moves while paused or loading never fire', () => {
    const run = playing();
    run.playTo(20);
    run.state('paused');
    run.now += 60_000;
    run.change({ currentTime: 30 });
    run.state('loading');
    run.now += 60_000;
    run.change({ currentTime: 55 });
    expect(run.fired).toEqual([]);
  });

  it('measures the time played from the last real move, not from a duration correction', () => {
    const run = playing();
    run.playTo(24);
    // The speech estimate changes its total while the clock stands still, then the next sentence starts.
    run.now += 200;
    run.change({ duration: 98 });
    run.now += 100;
    run.change({ currentTime: 25.2 });
    expect(run.fired).toEqual([25]);
  });

  it('fires nothing before the duration is known', () => {
    const run = playing();
    run.change({ duration: 0 });
    run.playTo(80);
    expect(run.fired).toEqual([]);
  });
});

describe('listen-progress: one listen', () => {
  it('fires nothing again after pausing and resuming in the same listen', () => {
    const run = playing();
    run.playTo(30);
    run.state('paused');
    run.seek(20);
    run.state('playing');
    run.playTo(30);
    expect(run.fired).toEqual([25]);
  });

  it('fires 100 once per listen, even if the end is reached twice', () => {
    const run = playing();
    run.playTo(DURATION, 5);
    run.state('ended');
    run.seek(90);
    run.state('playing');
    run.playTo(DURATION);
    run.state('ended');
    expect(run.fired).toEqual([25, 50, 75, 100]);
  });

  it('begins a new listen at the start: a play after the end fires everything again', () => {
    const run = playing();
    run.playTo(DURATION, 5);
    run.state('ended');
    // A play after the end starts at 0 (both engines).
    run.state('loading');
    run.seek(0);
    run.state('playing');
    run.playTo(DURATION, 5);
    run.state('ended');
    expect(run.fired).toEqual([25, 50, 75, 100, 25, 50, 75, 100]);
  });

  it('begins a new listen on "start over" while playing', () => {
    const run = playing();
    run.playTo(55);
    run.seek(0);
    run.playTo(30);
    expect(run.fired).toEqual([25, 50, 25]);
  });

  it('keeps the listen when going back to a point after the start', () => {
    const run = playing();
    run.playTo(55);
    run.seek(10);
    run.playTo(55);
    expect(run.fired).toEqual([25, 50]);
  });

  it('in a very short article, the start never swallows a threshold', () => {
    const run = new Run();
    run.snapshot = { ...run.snapshot, duration: 1 };
    run.state('loading');
    run.state('playing');
    run.playTo(1, 0.05);
    run.state('ended');
    expect(run.fired).toEqual([25, 50, 75, 100]);
  });
});
