/**
 * What the reader sees and the page hears when reading fails: state `error`, one `listen-error` with its code,
 * a readable message in the status line, and a play button that becomes "Try again" and really tries again.
 * Fake speech (or none at all) makes each failure happen on cue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { INSTANT, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import {
  type ListenPlayer,
  SHORT_ARTICLE,
  controls,
  mount,
  place,
  record,
  untilState,
  unmount,
  voicesListed,
} from './helpers/player.js';
import { fr } from '../../src/ui/strings/fr.js';

const PAGE = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;

/** Checks the reader can see `message` in the status line, styled as an error, and that play offers a retry (`retry`). */
function expectShown(player: ListenPlayer, message: string, retry = 'Try again'): void {
  const { status, play } = controls(player);
  expect(message.length).toBeGreaterThan(10);
  expect(status.textContent!.trim()).toBe(message);
  expect(status.checkVisibility({ opacityProperty: true, visibilityProperty: true })).toBe(true);
  const box = status.getBoundingClientRect();
  expect(box.width).toBeGreaterThan(0);
  expect(box.height).toBeGreaterThan(0);
  expect(getComputedStyle(status).color).not.toBe(getComputedStyle(status).backgroundColor);
  expect(play.getAttribute('aria-label')).toBe(retry);
  expect(player.getAttribute('state')).toBe('error');
}

afterEach(unmount);

describe('errors', () => {
  it('says so when the browser has no speech synthesis, and tries again when asked', async () => {
    useNoSpeech();
    const player = place(PAGE);
    const events = record(player);
    await player.updateComplete;
    await untilState(player, 'error');

    expect(events.errors).toHaveLength(1);
    expect(events.errors[0]!.code).toBe('no-speech');
    expectShown(player, events.errors[0]!.message);
    expect(player.segmentIndex).toBe(-1);

    const before = events.states.length;
    await userEvent.click(controls(player).play);
    // The retry really runs: it loads again and, still without speech, fails again with the message shown.
    await expect.poll(() => events.errors.length, { timeout: 2000 }).toBe(2);
    await player.updateComplete;
    const retry = events.states.slice(before);
    expect(retry).toContain('loading');
    expect(player.state).toBe('error');
    expect(retry.at(-1)).toBe('error');
    expect(events.errors[1]!.code).toBe('no-speech');
    expectShown(player, events.errors[1]!.message);
  });

  it('names the language when no voice speaks it (lang attribute)', async () => {
    useFakeSpeech();
    const player = place(`${SHORT_ARTICLE}<listen-player for="story" lang="xx-YY"></listen-player>`);
    const events = record(player);
    await player.updateComplete;
    await untilState(player, 'error');

    expect(events.errors).toEqual([{ code: 'no-speech', message: expect.stringMatching(/xx/i) }]);
    expectShown(player, events.errors[0]!.message);
  });

  it("names the language when no voice speaks it (the article's lang)", async () => {
    const fake = useFakeSpeech();
    const french = SHORT_ARTICLE.replace('lang="en-GB"', 'lang="fr-FR"');
    const player = place(`${french}<listen-player for="story"></listen-player>`);
    const events = record(player);
    await player.updateComplete;
    await untilState(player, 'error');

    expect(events.errors).toEqual([{ code: 'no-speech', message: expect.stringContaining('French') }]);
    // Shown in the player's language, French here.
    expectShown(player, fr.noVoiceFor('français (France)'), fr.retry);
    // Never falls back to speaking French text with the device's default (Afrikaans) voice.
    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(fake.log).toEqual([]);
  });

  it('fails out loud, not silently, when `for` names no element; reads it once it exists', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<listen-player for="missing"></listen-player>`);
    const events = record(player);
    expect(player.segments).toEqual([]);

    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(events.errors.map((error) => error.code)).toEqual(['no-article']);
    expectShown(player, events.errors[0]!.message);
    // Out loud: play was pressed, so the live region says it.
    expect(controls(player).live.textContent!.trim()).toBe(events.errors[0]!.message);

    // The article arrives (a client-rendered page); "Try again" reads the page afresh.
    document.body.insertAdjacentHTML('beforeend', SHORT_ARTICLE.replace('id="story"', 'id="missing"'));
    await userEvent.click(controls(player).play);
    await untilState(player, 'ended');
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3]);
  });

  it('reports a synthesiser failure as speech-failed, with nothing left speaking, and recovers on retry', async () => {
    const fake = useFakeSpeech();
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    fake.failNext('synthesis-failed');

    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'speech-failed', message: expect.stringContaining('synthesis-failed') }]);
    expectShown(player, events.errors[0]!.message);
    expect(fake.speaking).toBe(false);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
  });

  it('gives up on a chunk that never starts (speech-timeout), leaving nothing queued', async () => {
    const fake = useFakeSpeech({ neverStart: true, startTimeout: 300 });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);

    await userEvent.click(controls(player).play);
    await untilState(player, 'error', 3000);
    expect(events.errors.map((error) => error.code)).toEqual(['speech-timeout']);
    expectShown(player, events.errors[0]!.message);
    expect(fake.speaking).toBe(false);
  });

  it('gives up on a chunk that starts and never ends (speech-timeout), with nothing left speaking', async () => {
    const fake = useFakeSpeech({ hangAfterStart: true, startTimeout: 300 });
    const player = await mount(
      `<article id="tiny" lang="en-GB"><p>Hi.</p></article><listen-player for="tiny" rate="3"></listen-player>`,
    );
    await voicesListed(player);
    const events = record(player);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(fake.current?.text).toBe('Hi.');
    // The engine allows a started chunk a few times its estimated length plus a fixed slack of seconds.
    await untilState(player, 'error', 10_000);
    expect(events.errors.map((error) => error.code)).toEqual(['speech-timeout']);
    expectShown(player, events.errors[0]!.message);
    expect(fake.speaking).toBe(false);
    expect(fake.current).toBeNull();
  });

  it('reports a browser that blocks speech as not-allowed', async () => {
    const fake = useFakeSpeech();
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    fake.failNext('not-allowed');

    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(events.errors.map((error) => error.code)).toEqual(['not-allowed']);
    expectShown(player, events.errors[0]!.message);
  });
});
