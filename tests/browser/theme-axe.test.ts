/**
 * axe-core audits of the player in dark mode and under forced colours (both emulated in Chromium through
 * the DevTools protocol, reset after each test): idle, playing, failed, and with the mini player shown.
 * The article around the player is audited too, with its paragraph being read highlighted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import { LONG_PAGE, miniPlayer } from './helpers/follow.js';
import { SHORT_ARTICLE, controls, mount, untilState, unmount, voicesListed } from './helpers/player.js';
import { type MediaFeatures, emulate } from './helpers/theme.js';

const PAGE = `<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`;

afterEach(async () => {
  unmount();
  window.scrollTo(0, 0);
  await page.viewport(414, 896);
});

const modes: [string, MediaFeatures][] = [
  ['dark mode', { scheme: 'dark' }],
  ['forced colours', { forcedColors: true }],
  ['forced colours, dark', { scheme: 'dark', forcedColors: true }],
];

for (const [name, features] of modes) {
  describe(`axe-core in ${name}`, () => {
    it('finds nothing to fix when idle', async () => {
      await emulate(features);
      useFakeSpeech();
      const player = await mount(PAGE);
      await voicesListed(player);
      expect(await audit(player)).toEqual([]);
    });

    it('finds nothing to fix while playing', async () => {
      await emulate(features);
      useFakeSpeech({ charsPerSecond: SLOW });
      const player = await mount(PAGE);
      await voicesListed(player);
      await userEvent.click(controls(player).play);
      await untilState(player, 'playing');
      expect(document.querySelectorAll('[data-listen-active]')).toHaveLength(1);
      expect(await audit(player)).toEqual([]);
    });

    it('finds nothing to fix after an error', async () => {
      await emulate(features);
      useNoSpeech();
      const player = await mount(PAGE);
      await untilState(player, 'error');
      expect(await audit(player)).toEqual([]);
    });

    it('finds nothing to fix with the mini player shown', async () => {
      await emulate(features);
      useFakeSpeech({ charsPerSecond: SLOW });
      const player = await mount(LONG_PAGE.replace('<listen-player', '<listen-player no-follow'));
      await voicesListed(player);
      await userEvent.click(controls(player).play);
      await untilState(player, 'playing');
      const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
      await userEvent.wheel(target, { delta: { y: 2000 } });
      await expect.poll(() => miniPlayer(player)).not.toBeNull();
      const mini = miniPlayer(player)!;
      // Audited once its entrance (a short fade) is over: what the reader sees.
      await Promise.all(mini.getAnimations().map((animation) => animation.finished));
      expect(await audit(player)).toEqual([]);
    });
  });
}
