/**
 * The first test of the element: an axe-core audit of the player (host and open shadow root) in each state a
 * reader meets, together with the article it highlights (the marked paragraph must stay readable). Speech is
 * the fake synthesiser, so every state is reached on cue.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import {
  type ListenPlayer,
  SHORT_ARTICLE,
  controls,
  mount,
  untilState,
  unmount,
  voicesListed,
} from './helpers/player.js';

const PAGE = `<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`;

/** One line per failing node: rule, impact, what it asks for, where (a path through shadow roots), and why. */
function describeViolations(violations: axe.Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        `  at ${JSON.stringify(node.target)}\n  ${node.failureSummary?.replace(/\n/g, '\n  ') ?? ''}`,
    ),
  );
}

/** Audits the player, everything in its shadow root and the article around it; returns the violations, readably. */
async function audit(player: ListenPlayer): Promise<string[]> {
  await player.updateComplete;
  const main = player.closest('main');
  if (!main) throw new Error('The player is not in <main>.');
  const results = await axe.run(main, { resultTypes: ['violations'] });
  return describeViolations(results.violations);
}

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
