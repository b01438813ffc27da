/**
 * Play from anywhere, with a real mouse and keyboard in Chromium on the fake synthesiser: a click on a
 * paragraph while playing reads from there, while paused moves there; links, drags and double clicks are left
 * alone; a selection decides where play starts; and the paragraph list in the player reaches every paragraph
 * from the keyboard.
 */
import { audit } from './helpers/axe.js';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { engineOptions } from '../../src/player/engine-options.js';
import { CLICK_DELAY_MS } from '../../src/ui/play-from-here.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { ListenPlayer, controls, mount, sleep, unmount, untilSegment, untilState, voicesListed } from './helpers/player.js';

/** Six paragraphs after a heading; the second holds a link, the fifth is a list item holding a paragraph. */
const PAGE = `<main>
  <article id="story" lang="en-GB">
    <h1>Reading from anywhere.</h1>
    <p>The first paragraph is about the harbour and its boats.</p>
    <p>The second paragraph has <a href="#elsewhere" id="link">a link to elsewhere</a> in its middle.</p>
    <p>The third paragraph is about the market in the square.</p>
    <p id="fourth">The fourth paragraph is about the old mill by the river.</p>
    <ul><li>A list item's own words. <p>A paragraph inside the item.</p> The item's closing words.</li></ul>
  </article>
  <listen-player for="story"></listen-player>
</main>`;

afterEach(() => {
  getSelection()?.removeAllRanges();
  unmount();
});

/** The player on the fake voice (unless the test set one up), slow enough that each sentence lasts seconds, playing from the start. */
async function playing(): Promise<ListenPlayer> {
  if (!engineOptions().speech) useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(PAGE);
  await voicesListed(player);
  player.play();
  await untilState(player, 'playing');
  return player;
}

function paragraph(player: ListenPlayer, index: number): Element {
  return player.segments[index]!.element;
}

/** Waits out the double-click delay (and a little more) in which a click could still act. */
function afterClickDelay(): Promise<void> {
  return sleep(CLICK_DELAY_MS + 150);
}

/** Selects `text` inside `element` (one text node) the way a reader's drag would leave it. */
function select(element: Element, text: string): void {
  const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.nodeValue!.includes(text))!;
  const start = node.nodeValue!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('play from a click', () => {
  it('reads from the clicked paragraph while playing, without preventing the click', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await playing();
    let prevented: boolean | null = null;
    document.addEventListener('click', (event) => (prevented = event.defaultPrevented), { once: true });
    const reached = untilSegment(player, 3);
    await userEvent.click(paragraph(player, 3));
    await reached;
    expect(prevented).toBe(false);
    expect(player.segmentIndex).toBe(3);
    await expect.poll(() => fake.current?.text).toBe(player.segments[3]!.text);
    expect(player.state).toBe('playing');
  });

  it('tells apart the pieces of a container split around a nested paragraph', async () => {
    const player = await playing();
    const texts = player.segments.map((segment) => segment.text);
    expect(texts.slice(5)).toEqual(["A list item's own words.", 'A paragraph inside the item.', "The item's closing words."]);
    const item = paragraph(player, 7);
    expect(item.localName).toBe('li');
    // The item's closing words: the last text node of the list item, clicked at its own position.
    const range = document.createRange();
    range.selectNodeContents(item.lastChild!);
    const box = range.getBoundingClientRect();
    const itemBox = item.getBoundingClientRect();
    const reached = untilSegment(player, 7);
    await userEvent.click(item, { position: { x: box.left - itemBox.left + 5, y: box.top - itemBox.top + box.height / 2 } });
    await reached;
    expect(player.segmentIndex).toBe(7);
  });

  it('leaves a click on a link inside a paragraph to the link', async () => {
    const player = await playing();
    const link = document.getElementById('link')!;
    let prevented: boolean | null = null;
    // Seen after the player's listener on the document (the window is last), then kept from navigating.
    window.addEventListener(
      'click',
      (event) => {
        prevented = event.defaultPrevented;
        event.preventDefault();
      },
      { once: true },
    );
    await userEvent.click(link);
    await afterClickDelay();
    expect(prevented).toBe(false);
    expect(player.segmentIndex).toBe(0);
  });

  it('does not move when the reader drags to select text, or double- or triple-clicks', async () => {
    const player = await playing();
    const fourth = document.getElementById('fourth')!;
    await userEvent.dragAndDrop(fourth, fourth, { sourcePosition: { x: 2, y: 6 }, targetPosition: { x: 160, y: 6 } });
    expect(getSelection()!.isCollapsed).toBe(false);
    await afterClickDelay();
    expect(player.segmentIndex).toBe(0);

    getSelection()!.removeAllRanges();
    await userEvent.dblClick(paragraph(player, 3), { position: { x: 30, y: 6 } });
    expect(getSelection()!.isCollapsed).toBe(false);
    await afterClickDelay();
    expect(player.segmentIndex).toBe(0);

    getSelection()!.removeAllRanges();
    await userEvent.tripleClick(paragraph(player, 1));
    expect(getSelection()!.toString().trim()).toBe(player.segments[1]!.text);
    await afterClickDelay();
    expect(player.segmentIndex).toBe(0);
  });

  it('moves the place without sound while paused, and does nothing before the first play', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    await userEvent.click(paragraph(player, 2));
    await afterClickDelay();
    expect(player.state).toBe('idle');
    expect(player.segmentIndex).toBe(-1);

    player.play();
    await untilState(player, 'playing');
    player.pause();
    await untilState(player, 'paused');
    await userEvent.click(paragraph(player, 4));
    await expect.poll(() => player.segmentIndex).toBe(4);
    expect(player.state).toBe('paused');
    expect(document.querySelector('[data-listen-active]')).toBe(paragraph(player, 4));

    player.play();
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(4);
  });
});

describe('play from a selection', () => {
  it('starts at the paragraph where the selection starts, once per selection', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    select(document.getElementById('fourth')!, 'old mill');

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(4);
    expect(fake.current?.text).toBe('The fourth paragraph is about the old mill by the river.');
    // The click on the play button kept the reader's selection.
    expect(getSelection()!.toString()).toBe('old mill');

    player.next();
    await userEvent.click(controls(player).play);
    await untilState(player, 'paused');
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    // The same selection again: play goes on from where it was, not back to the selection.
    expect(player.segmentIndex).toBe(5);
  });

  it('starts at the selection from the keyboard too (K in the player)', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    select(paragraph(player, 3), 'market');
    controls(player).next.focus();
    await userEvent.keyboard('k');
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(3);
  });
});

describe('the paragraph list (keyboard)', () => {
  function toggle(player: ListenPlayer): HTMLButtonElement {
    return player.shadowRoot!.querySelector('[part~="paragraphs-button"]')!;
  }

  /** Waits for the list to open (its module loads the first time) and for the render after. */
  async function opened(player: ListenPlayer): Promise<void> {
    await expect.poll(() => toggle(player).getAttribute('aria-expanded')).toBe('true');
    await player.updateComplete;
  }

  it('is a named disclosure button after "next"; its list reads from the chosen paragraph', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const button = toggle(player);
    expect(button.localName).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Play from a paragraph');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    controls(player).next.focus();
    await userEvent.tab();
    expect(player.shadowRoot!.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    await opened(player);
    const list = player.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(list.getAttribute('role')).toBe('list');
    expect(list.getAttribute('aria-label')).toBe('Play from a paragraph');
    const items = [...list.querySelectorAll('button')];
    expect(items.map((item) => item.textContent!.trim())).toEqual(player.segments.map((segment) => segment.text));
    // Opened before any play: on the first paragraph, the list's only tab stop.
    expect(player.shadowRoot!.activeElement).toBe(items[0]);
    expect(items.filter((item) => item.tabIndex === 0)).toEqual([items[0]]);
    expect(await audit(player)).toEqual([]);

    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(player.shadowRoot!.activeElement).toBe(items[3]);
    await userEvent.keyboard('{Enter}');
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(3);
    await player.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(player.shadowRoot!.querySelector('[part~="paragraphs"]')).toBeNull();
    expect(player.shadowRoot!.activeElement).toBe(button);

    // Reopened while reading: on the paragraph being read, marked current; Escape closes it.
    await userEvent.keyboard('{Enter}');
    await opened(player);
    const current = player.shadowRoot!.activeElement!;
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(current.textContent!.trim()).toBe(player.segments[3]!.text);
    await userEvent.keyboard('{End}');
    expect(player.shadowRoot!.activeElement!.textContent!.trim()).toBe(player.segments.at(-1)!.text);
    await userEvent.keyboard('{Escape}');
    await player.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(player.shadowRoot!.activeElement).toBe(button);
    expect(player.segmentIndex).toBe(3);
  });
});
