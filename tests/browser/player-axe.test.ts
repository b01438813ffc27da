/**
 * The first test of the element: an axe-core audit of the player (host and open shadow root) in each state a
 * reader meets, together with the article it highlights (the marked paragraph must stay readable). Speech is
 * the fake synthesiser, so every state is reached on cue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import {
  SHORT_ARTICLE,
  controls,
  mount,
  untilState,
  unmount,
  voicesListed,
} from './helpers/player.js';

const PAGE = `<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`;

afterEach(unmount);

describe('accessibility audit (axe-core)', () => {
  it('finds nothing to fix when idle', async () => {
    useFakeSpeech();
    const player = await mount(PAGE);
    await voicesListed(player);
    expect(player.state).toBe('idle');
    expect(await audit(player)).toEqual([]);
  });

  it('finds nothing to fix while playing, then paused', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(document.querySelectorAll('[data-listen-active]')).toHaveLength(1);
    expect(await audit(player)).toEqual([]);

    await userEvent.click(controls(player).play);
    await untilState(player, 'paused');
    expect(await audit(player)).toEqual([]);
  });

  it('finds nothing to fix when the device cannot speak (error)', async () => {
    useNoSpeech();
    const player = await mount(PAGE);
    await untilState(player, 'error');
    expect(controls(player).status.textContent).not.toBe('');
    expect(await audit(player)).toEqual([]);
  });

  it('finds nothing to fix when there is no voice for the language (error)', async () => {
    useFakeSpeech();
    // Welsh: a valid language the fake device has no voice for.
    const welsh = SHORT_ARTICLE.replace('lang="en-GB"', 'lang="cy"');
    const player = await mount(`<main>${welsh}<listen-player for="story"></listen-player></main>`);
    await untilState(player, 'error');
    expect(controls(player).status.textContent).toContain('Welsh');
    expect(await audit(player)).toEqual([]);
  });
});
