/**
 * The sleep timer in Chromium, on a clock the test moves by hand (`setSleepClock`): the menu sets it, the badge
 * shows it, and it pauses reading after N minutes, at the end of the paragraph or of the article, announced
 * once; a recording fades before the pause; the `sleepTimer` property round-trips (a bad value is off, with a
 * warning); the timer is remembered for the visit (`sessionStorage`) when the player is made again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { setSleepClock } from '../../src/player/sleep-clock.js';
import { SLEEP_KEY } from '../../src/player/sleep-setting.js';
import { FADE_SECONDS } from '../../src/player/sleep-timer.js';
import { ManualClock } from '../fakes/sleep-clock.js';
import { placeDemo, watchMedia } from './helpers/audio.js';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { overflowing } from './helpers/reflow.js';
import { type ListenPlayer, announcements, mount, place, SHORT_ARTICLE, unmount, untilState, voicesListed } from './helpers/player.js';

const PAGE = `<main><listen-player for="story"></listen-player>${SHORT_ARTICLE}</main>`;

let clock: ManualClock;

beforeEach(() => {
  clock = new ManualClock(1_700_000_000_000);
  setSleepClock(clock);
});

afterEach(() => {
  setSleepClock(undefined);
  unmount();
  sessionStorage.removeItem(SLEEP_KEY);
});

async function speechPlayer(charsPerSecond = SLOW): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond });
  const player = await mount(PAGE);
  await voicesListed(player);
  return player;
}

function menu(player: ListenPlayer): HTMLSelectElement {
  const select = player.shadowRoot!.querySelector<HTMLSelectElement>('[part~="sleep"] select');
  if (!select) throw new Error('No sleep timer menu.');
  return select;
}

function badge(player: ListenPlayer): string | null {
  return player.shadowRoot!.querySelector('[part~="sleep-badge"]')?.textContent?.trim() ?? null;
}

/** The timer is running: its module arrived and it asked the clock for its first moment. */
async function timerSet(): Promise<void> {
  await expect.poll(() => clock.pending).toBeGreaterThan(0);
}

describe('the sleep timer', () => {
  it('is set from its menu: the property, the badge counting down by the minute, and Off clearing it (axe-clean)', async () => {
    const player = await speechPlayer();
    expect(await audit(player)).toEqual([]);
    await userEvent.selectOptions(menu(player), '15');
    expect(player.sleepTimer).toEqual({ kind: 'minutes', minutes: 15 });
    await expect.poll(() => badge(player)).toBe('Sleep timer: 15 minutes');
    expect(JSON.parse(sessionStorage.getItem(SLEEP_KEY)!).setting).toEqual({ kind: 'minutes', minutes: 15 });
    expect(await audit(player)).toEqual([]);
    await timerSet();
    clock.advance(3 * 60_000);
    await expect.poll(() => badge(player)).toBe('Sleep timer: 12 minutes');
    await userEvent.selectOptions(menu(player), 'Off');
    expect(player.sleepTimer).toBeNull();
    await expect.poll(() => badge(player)).toBeNull();
    expect(sessionStorage.getItem(SLEEP_KEY)).toBeNull();
    // Off stops it: the time it would have run out passes with reading going on.
    await userEvent.selectOptions(menu(player), 'paragraph');
    expect(player.sleepTimer).toEqual({ kind: 'end', of: 'paragraph' });
    expect(badge(player)).toBe('Sleep timer: End of this paragraph');
  });

  it('chosen from the keyboard, keeps focus on its menu as the timer loads, and the menu its keys', async () => {
    const player = await speechPlayer();
    const select = menu(player);
    select.focus();
    // The first choice loads the timer's module, which draws the menu from then on (with the badge after it).
    await userEvent.keyboard('{ArrowDown}');
    expect(player.sleepTimer).toEqual({ kind: 'end', of: 'paragraph' });
    await expect.poll(() => badge(player)).toBe('Sleep timer: End of this paragraph');
    expect(menu(player)).toBe(select);
    expect(player.shadowRoot!.activeElement).toBe(select);
    await userEvent.keyboard('{ArrowDown}');
    expect(player.sleepTimer).toEqual({ kind: 'end', of: 'article' });
  });

  it('reflows at 320 CSS px with a timer set (its menu and label inside the player)', async () => {
    await page.viewport(320, 640);
    try {
      const player = await speechPlayer();
      player.sleepTimer = { kind: 'end', of: 'paragraph' };
      await expect.poll(() => badge(player)).toBe('Sleep timer: End of this paragraph');
      expect(overflowing(player)).toEqual([]);
      player.sleepTimer = { kind: 'minutes', minutes: 45 };
      await expect.poll(() => badge(player)).toBe('Sleep timer: 45 minutes');
      expect(overflowing(player)).toEqual([]);
    } finally {
      await page.viewport(414, 896);
    }
  });

  it('after N minutes: pauses (the place kept), announces it once, and turns itself off', async () => {
    const player = await speechPlayer();
    const said = announcements(player);
    player.playSegment(2);
    await untilState(player, 'playing');
    player.sleepTimer = { kind: 'minutes', minutes: 5 };
    await timerSet();
    clock.advance(5 * 60_000 - 1000);
    expect(player.state).toBe('playing');
    clock.advance(1000);
    await untilState(player, 'paused');
    const at = player.currentTime;
    expect(player.segmentIndex).toBe(2);
    expect(at).toBeGreaterThan(0);
    await expect.poll(() => said).toContain('Sleep timer: Paused');
    expect(said.filter((text) => text === 'Sleep timer: Paused')).toHaveLength(1);
    await expect.poll(() => player.sleepTimer).toBeNull();
    await expect.poll(() => badge(player)).toBeNull();
    expect(sessionStorage.getItem(SLEEP_KEY)).toBeNull();
    expect(await audit(player)).toEqual([]);
    // Play goes on from where it paused, and the announcement is not said again.
    player.play();
    await untilState(player, 'playing');
    expect(player.currentTime).toBeGreaterThanOrEqual(at - 0.5);
    expect(said.filter((text) => text === 'Sleep timer: Paused')).toHaveLength(1);
    player.pause();
    await untilState(player, 'paused');
  });

  it('at the end of this paragraph: pauses as reading reaches the next one', async () => {
    const player = await speechPlayer(40);
    player.playSegment(1);
    await untilState(player, 'playing');
    player.sleepTimer = { kind: 'end', of: 'paragraph' };
    await untilState(player, 'paused', 20_000);
    expect(player.segmentIndex).toBe(2);
    await expect.poll(() => player.sleepTimer).toBeNull();
  });

  it('at the end of the article: the end comes, is announced, and the timer is off', async () => {
    const player = await speechPlayer(40);
    const said = announcements(player);
    player.sleepTimer = { kind: 'end', of: 'article' };
    player.playSegment(player.segments.length - 1);
    await untilState(player, 'ended', 20_000);
    await expect.poll(() => said).toContain('Sleep timer: Paused');
    await expect.poll(() => player.sleepTimer).toBeNull();
  });

  it('with a recording, the sound fades over the last seconds before the pause, and is back for the next play', async () => {
    const media = watchMedia();
    const player = placeDemo();
    await player.updateComplete;
    await expect.poll(() => player.duration, { timeout: 10_000 }).toBeGreaterThan(0);
    player.play();
    await untilState(player, 'playing');
    await expect.poll(() => media.elements().length).toBeGreaterThan(0);
    const [audio] = media.elements();
    expect(audio!.volume).toBe(1);
    player.sleepTimer = { kind: 'minutes', minutes: 5 };
    await timerSet();
    clock.advance(5 * 60_000 - FADE_SECONDS * 1000);
    // howler steps the volume down in real time; the pause waits for the clock.
    await expect.poll(() => audio!.volume, { timeout: 5000 }).toBeLessThan(0.9);
    expect(player.state).toBe('playing');
    clock.advance(FADE_SECONDS * 1000);
    await untilState(player, 'paused');
    await expect.poll(() => audio!.volume).toBe(1);
  });

  it('the property round-trips; a bad value is off, with a warning', async () => {
    const player = await speechPlayer();
    player.sleepTimer = { kind: 'end', of: 'article' };
    await expect.poll(() => badge(player)).toBe('Sleep timer: End of the article');
    expect(player.sleepTimer).toEqual({ kind: 'end', of: 'article' });
    expect(menu(player).value).toBe('article');
    player.sleepTimer = { kind: 'minutes', minutes: 20 };
    await expect.poll(() => badge(player)).toBe('Sleep timer: 20 minutes');
    // A time not on the menu is offered there, so the menu never lies.
    expect(menu(player).value).toBe('20');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const bad of [{ kind: 'minutes', minutes: -3 }, { kind: 'minutes', minutes: Number.NaN }, { kind: 'end', of: 'chapter' }, 'soon']) {
      warn.mockClear();
      player.sleepTimer = bad as never;
      await expect.poll(() => player.sleepTimer).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^listen-player: sleepTimer: .* is not a sleep timer/));
      expect(badge(player)).toBeNull();
      player.sleepTimer = { kind: 'minutes', minutes: 10 };
      await expect.poll(() => badge(player)).toBe('Sleep timer: 10 minutes');
    }
    warn.mockRestore();
  });

  it('set again, it starts again; a page setting one before the player loads wins over the one remembered', async () => {
    const player = await speechPlayer();
    player.sleepTimer = { kind: 'minutes', minutes: 10 };
    await timerSet();
    clock.advance(4 * 60_000);
    await expect.poll(() => badge(player)).toBe('Sleep timer: 6 minutes');
    player.sleepTimer = { kind: 'minutes', minutes: 10 };
    await expect.poll(() => badge(player)).toBe('Sleep timer: 10 minutes');
    player.remove();

    useFakeSpeech({ charsPerSecond: SLOW });
    const again = place(PAGE);
    again.sleepTimer = { kind: 'end', of: 'article' };
    await again.updateComplete;
    await expect.poll(() => badge(again)).toBe('Sleep timer: End of the article');
    expect(again.sleepTimer).toEqual({ kind: 'end', of: 'article' });
    expect(JSON.parse(sessionStorage.getItem(SLEEP_KEY)!).setting).toEqual({ kind: 'end', of: 'article' });
  });

  it('is remembered for the visit: a player made again carries on with the time left', async () => {
    const player = await speechPlayer();
    player.sleepTimer = { kind: 'minutes', minutes: 30 };
    await timerSet();
    clock.advance(10 * 60_000);
    player.remove();
    const again = await speechPlayer();
    await expect.poll(() => again.sleepTimer).toEqual({ kind: 'minutes', minutes: 30 });
    await expect.poll(() => badge(again)).toBe('Sleep timer: 20 minutes');
    expect(menu(again).value).toBe('30');
    expect(await audit(again)).toEqual([]);
  });
});
