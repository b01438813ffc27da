/**
 * Fault matrix, the article leaving the page while it is read: removed (reading stops with `no-article`,
 * nothing speaking, no highlight), or replaced by a fresh copy with the same id, as client-side frameworks
 * re-render (reading goes on from the same paragraph of the copy, which is watched from then on).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, highlighted, longArticle, mount, record, unmount, untilSegment, untilState, voicesListed } from './helpers/player.js';

afterEach(() => unmount());

/** The player beside a 20-paragraph article (21 segments with its heading), playing paragraph 5 (segment 5). */
async function playingParagraphFive(): Promise<ListenPlayer> {
  const player = await mount(`<listen-player for="long"></listen-player>${longArticle(20)}`);
  await voicesListed(player);
  const reached = untilSegment(player, 5);
  player.playSegment(5);
  await reached;
  await untilState(player, 'playing');
  return player;
}

function article(): HTMLElement {
  return document.getElementById('long')!;
}

describe('faults: the article leaves the page while it is read', () => {
  it('removed: reading stops with no-article, nothing speaking and nothing highlighted', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await playingParagraphFive();
    const events = record(player);

    article().remove();
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'no-article', message: 'The article was removed from the page.' }]);
    expect(events.states.at(-1)).toBe('error');
    expect(fake.speaking).toBe(false);
    expect(fake.pending).toBe(false);
    expect(highlighted()).toEqual([]);
  });

  it('replaced by a fresh copy (same id, same text): goes on at the same paragraph of the copy, and follows its edits', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await playingParagraphFive();
    const events = record(player);
    const old = article();
    const copy = old.cloneNode(true) as HTMLElement;

    old.replaceWith(copy);
    await expect.poll(() => player.segments[0]?.element.isConnected).toBe(true);
    await untilState(player, 'playing');
    expect(player.segments).toHaveLength(21);
    expect(player.segments.filter((segment) => segment.element.isConnected)).toHaveLength(21);
    expect(player.segmentIndex).toBe(5);
    expect(highlighted()).toEqual([copy.children[5]]);
    expect(fake.current?.text).toMatch(/^Paragraph 5 begins/);
    expect(events.errors).toEqual([]);

    // The copy is the article now: an edit to it is followed, reading stays on its paragraph.
    const before = untilSegment(player, 6);
    copy.querySelector('h1')!.insertAdjacentHTML('afterend', '<p>An update at the top.</p>');
    await before;
    await untilState(player, 'playing');
    expect(player.segments).toHaveLength(22);
    expect(highlighted()).toEqual([copy.children[6]]);
    expect(fake.current?.text).toMatch(/^Paragraph 5 begins/);
    expect(events.errors).toEqual([]);
  });
});
