/**
 * The player's controls on recorded narration, in real Chromium with the seed audio: state committed only
 * when the audio plays, exact seeking, ±15 s skips from the keyboard, paragraph steps that land on the
 * manifest's starts, speed, pause, and the end. Each test plays a second or two around the point it checks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ManifestJson } from '../../src/manifest/manifest.js';
import { placeDemo, seedManifest, silent, useAudioOptions, watchMedia } from './helpers/audio.js';
import { type ListenPlayer, clock, controls, highlighted, record, sleep, unmount, untilSegment, untilState } from './helpers/player.js';

/** How far a position may be from where it was sent, in seconds of audio. */
const EXACT = 0.05;

let manifest: ManifestJson;

afterEach(unmount);

/** The demo with its recorded narration, the manifest loaded. */
async function ready(): Promise<ListenPlayer> {
  manifest = await seedManifest();
  const player = placeDemo();
  await player.updateComplete;
  await expect.poll(() => player.duration, { timeout: 5000 }).toBe(manifest.duration);
  expect(player.activeEngine).toBe('audio');
  return player;
}

/** Plays until the audio clock moves, then pauses: the audio is loaded and every later seek is on it. */
async function loaded(player: ListenPlayer): Promise<void> {
  player.play();
  await untilState(player, 'playing', 10_000);
  const from = player.currentTime;
  await expect.poll(() => player.currentTime, { timeout: 5000 }).toBeGreaterThan(from);
  player.pause();
  await untilState(player, 'paused', 2000);
}

function start(index: number): number {
  return manifest.segments[index]!.start;
}

describe('recorded narration: controls', () => {
  it('is loading ("Loading audio…") until the audio plays, then playing', async () => {
    let arrived!: () => void;
    const howlerArrives = new Promise<void>((resolve) => (arrived = resolve));
    // howler held back: the audio cannot play yet.
    useAudioOptions({ loadHowler: () => howlerArrives.then(() => import('howler')) });
    const media = watchMedia();
    const player = await ready();
    const events = record(player);
    let playingWhen: boolean[] = [];
    player.addEventListener('listen-statechange', (event) => {
      if (event.detail.state === 'playing') playingWhen = media.elements().map((element) => !element.paused);
    });

    await userEvent.click(controls(player).play);
    expect(player.state).toBe('loading');
    await sleep(400);
    await player.updateComplete;
    expect(player.state).toBe('loading');
    expect(player.getAttribute('state')).toBe('loading');
    expect(controls(player).status.textContent!.trim()).toBe('Loading audio…');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Pause');
    expect(media.played()).toEqual([]);

    arrived();
    await untilState(player, 'playing', 10_000);
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
    expect(events.states).toEqual(['loading', 'playing']);
    // `playing` came from the audio itself: by then its element was playing.
    expect(playingWhen).toContain(true);
    const from = player.currentTime;
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(from + 0.2);
  });

  it('seeks exactly, playing or paused', async () => {
    const player = await ready();
    const events = record(player);
    player.play();
    await untilState(player, 'playing', 10_000);

    player.seek(120);
    const seekedAt = performance.now();
    expect(Math.abs(player.currentTime - 120)).toBeLessThanOrEqual(EXACT);
    // It plays on from there: no further than the time gone by since.
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(120.1);
    expect(player.state).toBe('playing');
    expect(player.currentTime).toBeLessThan(120 + (performance.now() - seekedAt) / 1000 + EXACT);
    expect(player.segmentIndex).toBe(manifest.segments.findLastIndex((segment) => segment.start <= player.currentTime));

    player.pause();
    player.seek(200.5);
    expect(Math.abs(player.currentTime - 200.5)).toBeLessThanOrEqual(EXACT);
    await sleep(300);
    expect(Math.abs(player.currentTime - 200.5)).toBeLessThanOrEqual(EXACT);
    expect(player.state).toBe('paused');
    expect(events.errors).toEqual([]);
  });

  it('plays on from the last of two seeks made at once while playing (← ← pressed quickly)', async () => {
    const player = await ready();
    player.play();
    await untilState(player, 'playing', 10_000);
    await expect.poll(() => player.currentTime, { timeout: 5000 }).toBeGreaterThan(0.1);

    player.seek(10);
    player.seek(120);
    // The sound itself plays on from 120 s: the audio element's clock, not only the player's own record.
    await expect.poll(() => player.currentTime, { timeout: 10_000 }).toBeGreaterThan(120.3);
    expect(player.state).toBe('playing');
    expect(player.segmentIndex).toBe(manifest.segments.findLastIndex((segment) => segment.start <= player.currentTime));
  });

  it('pauses for real: the clock stops and no audio plays', async () => {
    const media = watchMedia();
    const player = await ready();
    const events = record(player);
    player.seek(30);
    player.play();
    await untilState(player, 'playing', 10_000);
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(30.2);

    await userEvent.click(controls(player).play);
    expect(player.state).toBe('paused');
    const at = player.currentTime;
    await sleep(500);
    expect(player.currentTime).toBe(at);
    expect(media.elements().length).toBeGreaterThan(0);
    expect(await silent(media.elements())).toBe(true);
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(controls(player).play.getAttribute('aria-label')).toBe('Play');
  });

  it('skips 15 s back and forward with ← and →', async () => {
    const player = await ready();
    await loaded(player);
    player.seek(100);
    controls(player).play.focus();

    await userEvent.keyboard('{ArrowRight}');
    expect(Math.abs(player.currentTime - 115)).toBeLessThanOrEqual(EXACT);
    await userEvent.keyboard('{ArrowLeft}');
    await userEvent.keyboard('{ArrowLeft}');
    expect(Math.abs(player.currentTime - 85)).toBeLessThanOrEqual(EXACT);
    expect(player.state).toBe('paused');

    // While playing, too: 15 s on from wherever the audio is.
    player.play();
    await untilState(player, 'playing', 10_000);
    await sleep(300);
    const before = player.currentTime;
    await userEvent.keyboard('{ArrowRight}');
    expect(player.currentTime - before).toBeGreaterThanOrEqual(15 - EXACT);
    expect(player.currentTime - before).toBeLessThan(15.5);
    expect(player.state).toBe('playing');
  });

  it('plays and pauses with Space on the download link, as anywhere in the player (the page does not scroll)', async () => {
    const player = await ready();
    // Following would scroll the page to the paragraph being read (smoothly, so perhaps still moving when the
    // test reads the page's place): without it, the only scroll left is the one Space must not cause.
    player.setAttribute('no-follow', '');
    await loaded(player);
    const link = player.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="download"]')!;
    link.focus();
    const readerAt = window.scrollY;
    await userEvent.keyboard(' ');
    await untilState(player, 'playing');
    await userEvent.keyboard(' ');
    await untilState(player, 'paused');
    expect(window.scrollY).toBe(readerAt);
    expect(player.shadowRoot!.activeElement).toBe(link);
  });

  it('steps to the previous and next paragraph at their exact starts', async () => {
    const player = await ready();
    await loaded(player);
    const events = record(player);
    player.seek((start(10) + start(11)) / 2);
    expect(player.segmentIndex).toBe(10);

    await userEvent.click(controls(player).next);
    expect(Math.abs(player.currentTime - start(11))).toBeLessThanOrEqual(EXACT);
    expect(player.segmentIndex).toBe(11);
    await userEvent.click(controls(player).previous);
    expect(Math.abs(player.currentTime - start(10))).toBeLessThanOrEqual(EXACT);
    await userEvent.click(controls(player).previous);
    expect(Math.abs(player.currentTime - start(9))).toBeLessThanOrEqual(EXACT);
    expect(player.segmentIndex).toBe(9);
    expect(player.state).toBe('paused');
    expect(highlighted()).toEqual([player.segments[9]!.element]);

    // Playing: the step lands on the start, reported as it happens, and reading goes on from there.
    player.play();
    await untilState(player, 'playing', 10_000);
    let clockThen = NaN;
    const arrived = untilSegment(player, 10, 3000);
    player.addEventListener('listen-segmentchange', () => (clockThen = player.currentTime), { once: true });
    player.next();
    const change = await arrived;
    expect(Math.abs(change.time - start(10))).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(clockThen - start(10))).toBeLessThanOrEqual(EXACT);
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(start(10) + 0.2);
    expect(player.segmentIndex).toBe(10);
    expect(events.segments.map((segment) => segment.index)).toEqual([10, 11, 10, 9, 10]);
  });

  // The audio element plays at the rate (how steadily its clock then runs against the wall clock is the machine's
  // business, not the player's: a loaded machine's audio may stall for a moment).
  it('plays at the speed of its rate attribute', async () => {
    const media = watchMedia();
    const player = await ready();
    player.setAttribute('rate', '0.5');
    player.seek(60);
    player.play();
    await untilState(player, 'playing', 10_000);
    const playing = () => media.elements().filter((element) => !element.paused);
    expect(playing().map((element) => element.playbackRate)).toEqual([0.5]);
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(60.1);

    player.setAttribute('rate', '2.5');
    await player.updateComplete;
    expect(controls(player).speed.value).toBe('2.5');
    await expect.poll(() => playing().map((element) => element.playbackRate)).toEqual([2.5]);
    const at = player.currentTime;
    await expect.poll(() => player.currentTime, { timeout: 3000 }).toBeGreaterThan(at + 0.5);
    expect(player.state).toBe('playing');
  });

  it('fires listen-ended at the end of the audio, and stays at the end', async () => {
    const player = await ready();
    const events = record(player);
    const last = manifest.segments.length - 1;
    player.seek(manifest.duration - 2);
    player.play();
    await untilState(player, 'playing', 10_000);
    expect(player.segmentIndex).toBe(last);
    await untilState(player, 'ended', 6000);
    expect(events.ended).toBe(1);
    expect(events.states).toEqual(['loading', 'playing', 'ended']);
    expect(events.log.at(-1)).toBe('ended');
    expect(highlighted()).toEqual([]);
    await player.updateComplete;
    expect(controls(player).status.textContent!.trim()).toBe('Finished');
    // Finished means at the end, as a media element's clock stays there: not back at 0:00.
    expect(Math.abs(player.currentTime - manifest.duration)).toBeLessThanOrEqual(EXACT);
    expect(controls(player).time.textContent!.trim()).toBe(`${clock(manifest.duration)} / ${clock(manifest.duration)}`);
  });
});
