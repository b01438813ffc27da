/**
 * The position slider does not talk over the narration: a screen reader announces every value change of the
 * focused control, so while playing with the slider focused its value and `aria-valuetext` hold still (the
 * clock beside it runs on), and move on the reader's seek and on pause. The value is read from Chromium's
 * accessibility tree through the DevTools protocol (what a screen reader is given; the protocol reports a native
 * slider's number there, not its `aria-valuetext`, which is read from the attribute).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, longArticle, mount, spokenTime, untilState, unmount, voicesListed } from './helpers/player.js';

interface AXValue {
  readonly value?: unknown;
}
interface AXNode {
  readonly role?: AXValue;
  readonly name?: AXValue;
  readonly value?: AXValue;
}

interface DOMNode {
  readonly nodeId: number;
  readonly nodeName: string;
  readonly children?: DOMNode[];
  readonly contentDocument?: DOMNode;
  readonly shadowRoots?: DOMNode[];
}

function documents(node: DOMNode): DOMNode[] {
  const nested = [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
  return [...(node.nodeName === '#document' ? [node] : []), ...nested.flatMap(documents)];
}

/** The value the accessibility tree gives for the player's slider. */
async function treeValue(): Promise<number> {
  const session = cdp();
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DOMNode };
  // The tests run in a frame: every document (the page's and its frames') is searched.
  const nodes: AXNode[] = [];
  for (const document of documents(root)) {
    const found = (await session.send('Accessibility.queryAXTree', {
      nodeId: document.nodeId,
      accessibleName: 'Position',
      role: 'slider',
    })) as { nodes: AXNode[] };
    nodes.push(...found.nodes);
  }
  if (nodes.length !== 1) throw new Error(`Expected one "Position" slider in the accessibility tree, found ${nodes.length}.`);
  return Number(nodes[0]!.value?.value);
}

/** Resolves once the visible clock has shown `count` more different times. */
async function clockTicks(player: ListenPlayer, count: number): Promise<void> {
  const seen = new Set([controls(player).time.textContent]);
  await expect.poll(() => seen.add(controls(player).time.textContent).size, { timeout: 10_000 }).toBeGreaterThan(count);
}

afterEach(unmount);

describe('the focused position slider while playing', () => {
  it('holds its spoken value while the clock runs, and speaks a seek and a pause', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`<main><listen-player for="long"></listen-player>${longArticle(6)}</main>`);
    await voicesListed(player);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    const seek = controls(player).seek;
    seek.focus();
    const held = seek.getAttribute('aria-valuetext');
    const heldValue = await treeValue();
    expect(heldValue).toBeCloseTo(seek.valueAsNumber, 3);

    await clockTicks(player, 2);
    expect(seek.getAttribute('aria-valuetext'), 'no announcement each second').toBe(held);
    expect(await treeValue()).toBe(heldValue);

    // The reader seeks (→: one sentence on, seconds later): the new position is spoken.
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => seek.getAttribute('aria-valuetext')).not.toBe(held);
    await expect.poll(treeValue).toBeGreaterThan(heldValue + 2);

    // Paused, it says exactly where reading stands.
    await userEvent.keyboard('k');
    await untilState(player, 'paused');
    expect(seek.getAttribute('aria-valuetext')).toBe(`${spokenTime(player.currentTime)} of ${spokenTime(player.duration)}`);
    await expect.poll(treeValue).toBeCloseTo(player.currentTime, 1);
  });

  it('follows every second when not focused (nothing is announced then)', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`<main><listen-player for="long"></listen-player>${longArticle(6)}</main>`);
    await voicesListed(player);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    controls(player).next.focus();
    const before = controls(player).seek.getAttribute('aria-valuetext');
    await clockTicks(player, 2);
    expect(controls(player).seek.getAttribute('aria-valuetext')).not.toBe(before);
  });
});
