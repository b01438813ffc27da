/**
 * Links to a spoken moment, in Chromium: `#listen=<seconds>` on the page's URL marks the paragraph, names the
 * play button "Play from m:ss" and starts there on play (the recording at the time, speech at the paragraph's
 * start); bad and out-of-range times are ignored; "Copy link to this moment" puts such a URL on the clipboard
 * (Chromium's own, which a key press on the test server's secure origin may write without a permission; a stub
 * where the test reads what was written), or shows it in a field when the clipboard is refused or absent.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { parseMoment } from '../../src/player/moment.js';
import { heldFetch, jsonResponse, placeDemo, seedManifest, useAudioOptions } from './helpers/audio.js';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { overflowing } from './helpers/reflow.js';
import { type ListenPlayer, announcements, clock, controls, mount, unmount, untilState, voicesListed } from './helpers/player.js';

const PAGE = `<main>
  <listen-player for="story"></listen-player>
  <article id="story" lang="en-GB">
    <h1>Moments of a story.</h1>
    <p>The first paragraph is about the harbour and its boats, early in the morning.</p>
    <p>The second paragraph is about the market in the square, where the fishmongers shout.</p>
    <p>The third paragraph is about the old mill by the river, and the miller's daughter.</p>
    <p>The fourth paragraph is about the bridge, and the people crossing it at dusk.</p>
  </article>
</main>`;

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  restoreClipboard();
  unmount();
});

/** The page as opening a link to `#fragment` leaves it. */
function openedAt(fragment: string): void {
  history.replaceState(null, '', `#${fragment}`);
}

let clipboardStubbed = false;

/** `navigator.clipboard` replaced by `clipboard` (undefined: none, as on an insecure page). */
function stubClipboard(clipboard: Pick<Clipboard, 'writeText'> | undefined): void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  clipboardStubbed = true;
}

function restoreClipboard(): void {
  if (clipboardStubbed) Reflect.deleteProperty(navigator, 'clipboard');
  clipboardStubbed = false;
}

/** A clipboard that keeps what is written. */
function fakeClipboard(): { written: string[]; writeText(text: string): Promise<void> } {
  const written: string[] = [];
  return { written, writeText: (text) => (written.push(text), Promise.resolve()) };
}

/** The start of segment `index` on the speech engine's estimated timeline, and the article's length there. */
async function speechTimeline(index: number): Promise<{ start: number; end: number; duration: number }> {
  const player = await speechPlayer();
  await expect.poll(() => player.duration).toBeGreaterThan(0);
  const starts: number[] = [];
  for (const at of [index, index + 1]) {
    if (at >= player.segments.length) break;
    player.playSegment(at);
    await expect.poll(() => player.segmentIndex).toBe(at);
    starts.push(player.currentTime);
  }
  const duration = player.duration;
  starts[1] ??= duration;
  player.pause();
  await untilState(player, 'paused');
  unmount();
  return { start: starts[0]!, end: starts[1]!, duration };
}

/** The page opened at a link to the middle of segment `index` on speech's estimated timeline; that segment's start. */
async function openedInside(index: number): Promise<number> {
  const { start, end } = await speechTimeline(index);
  openedAt(`listen=${((start + end) / 2).toFixed(1)}`);
  return start;
}

/** Once play is pressed: it starts in `element`'s paragraph; then paused again. */
async function playsIn(player: ListenPlayer, element: Element): Promise<void> {
  await untilState(player, 'playing');
  expect(player.segments[player.segmentIndex]!.element).toBe(element);
  player.pause();
  await untilState(player, 'paused');
}

async function speechPlayer(): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(PAGE);
  await voicesListed(player);
  return player;
}

function playName(player: ListenPlayer): string {
  return controls(player).play.getAttribute('aria-label') ?? '';
}

function paragraph(index: number): Element {
  return document.querySelectorAll('#story p')[index]!;
}

describe('opening a link to a moment', () => {
  it('speech: marks the paragraph holding the time, says "Play from" its start, and plays from there (no autoplay)', async () => {
    // A time inside the third paragraph (segment 3, after the heading) on speech's estimated timeline.
    const start = await openedInside(3);
    const player = await speechPlayer();
    await expect.poll(() => playName(player), { timeout: 5000 }).toBe(`Play from ${clock(start)}`);
    const index = player.segments.findIndex((segment) => segment.element === paragraph(2));
    expect(index).toBe(3);
    expect(player.state).toBe('idle');
    expect(paragraph(2).hasAttribute('data-listen-active')).toBe(true);
    expect(document.querySelectorAll('[data-listen-active]')).toHaveLength(1);
    // The label shown says it too.
    expect(player.shadowRoot!.querySelector('.top .label')!.textContent).toBe(playName(player));
    expect(await audit(player)).toEqual([]);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(index);
    expect(playName(player)).toBe('Pause');
    // Used once: after a pause, play goes on where it was, and the button says Play again.
    player.pause();
    await untilState(player, 'paused');
    expect(playName(player)).toBe('Play');
  });

  it("with the paragraph's text fragment: Chromium keeps the directive from the page, and the moment is offered", async () => {
    const { start, end } = await speechTimeline(3);
    const time = ((start + end) / 2).toFixed(1);
    openedAt(`listen=${time}:~:text=The%20third%20paragraph%20is%20about%20the`);
    // https://wicg.github.io/scroll-to-text-fragment/#fragment-directive: stripped from what scripts see.
    expect(location.hash).toBe(`#listen=${time}`);
    const player = await speechPlayer();
    await expect.poll(() => playName(player), { timeout: 5000 }).toBe(`Play from ${clock(start)}`);
    expect(paragraph(2).hasAttribute('data-listen-active')).toBe(true);
  });

  it('a recording: "Play from 2:31" and play starts at that time', async () => {
    const manifest = await seedManifest();
    const time = 151;
    openedAt(`listen=2:31`);
    const player = placeDemo();
    await player.updateComplete;
    await expect.poll(() => playName(player), { timeout: 10_000 }).toBe(`Play from ${clock(time)}`);
    const segment = manifest.segments.findLastIndex((entry) => entry.start <= time);
    expect(player.segments[segment]!.element.hasAttribute('data-listen-active')).toBe(true);
    expect(await audit(player)).toEqual([]);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(segment);
    // howler reports the position it was sent to until its clock moves on.
    expect(player.currentTime).toBeGreaterThanOrEqual(time - 0.05);
    expect(player.currentTime).toBeLessThan(time + 1);
    player.pause();
    await untilState(player, 'paused');
  });

  it.each([
    ['inside it: play starts at that time', 'listen=2:31', 151],
    ['past its end: play starts at the top', 'listen=99999', 0],
  ])('a recording, play pressed before its length is known (the manifest on its way), the moment %s', async (_, fragment, time) => {
    const manifest = await seedManifest();
    const held = heldFetch(async () => jsonResponse(manifest));
    useAudioOptions({ fetch: held.fetch });
    openedAt(fragment);
    const player = placeDemo();
    await player.updateComplete;
    expect(player.duration).toBe(0);
    // A DOM click: the label it would be found by changes once the offer is worked out.
    controls(player).play.click();
    await held.requested;
    held.release();
    await untilState(player, 'playing', 20_000);
    expect(player.segmentIndex).toBe(Math.max(manifest.segments.findLastIndex((entry) => entry.start <= time), 0));
    expect(player.currentTime).toBeGreaterThanOrEqual(time - 0.05);
    expect(player.currentTime).toBeLessThan(time + 1);
    player.pause();
    await untilState(player, 'paused');
  });

  it('speech, play pressed as the page opens (before the offer is worked out): play starts in that paragraph', async () => {
    await openedInside(3);
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    // No wait for "Play from": the press comes in the first render's task, before the rest of the player has
    // loaded (so before the offer's file and the voices); a DOM click, as the label it is found by changes.
    controls(player).play.click();
    await playsIn(player, paragraph(2));
  });

  it.each(['listen=-5', 'listen=abc', 'listen=NaN', 'listen=1:75', 'listen=', 'listen=99999'])(
    'ignores a bad or out-of-range moment (%s): the player is as without a link',
    async (fragment) => {
      openedAt(fragment);
      const player = await speechPlayer();
      // The engine knows its timeline once the voices are listed: an offer would have been made by now.
      await expect.poll(() => player.duration).toBeGreaterThan(0);
      await player.updateComplete;
      expect(playName(player)).toBe('Play');
      expect(document.querySelectorAll('[data-listen-active]')).toHaveLength(0);
      await userEvent.click(controls(player).play);
      await untilState(player, 'playing');
      expect(player.segmentIndex).toBe(0);
      player.pause();
      await untilState(player, 'paused');
    },
  );

  it('an article rendered after load (a client-side framework): the moment is offered once it has text', async () => {
    const start = await openedInside(3);
    useFakeSpeech({ charsPerSecond: SLOW });
    const article = PAGE.match(/<article[\s\S]*<\/article>/)![0];
    const player = await mount(`<main><listen-player for="story"></listen-player><article id="story" lang="en-GB"></article></main>`);
    expect(playName(player)).toBe('Play');
    document.getElementById('story')!.outerHTML = article;
    await expect.poll(() => playName(player), { timeout: 5000 }).toBe(`Play from ${clock(start)}`);
    expect(paragraph(2).hasAttribute('data-listen-active')).toBe(true);
    await userEvent.click(controls(player).play);
    await playsIn(player, paragraph(2));
  });

  it('a moment followed in the page while paused is offered and played from', async () => {
    const { start } = await speechTimeline(4);
    const player = await speechPlayer();
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    player.pause();
    await untilState(player, 'paused');
    const arrived = new Promise<void>((resolve) => addEventListener('hashchange', () => resolve(), { once: true }));
    location.hash = `listen=${(start + 0.5).toFixed(1)}`;
    await arrived;
    await expect.poll(() => playName(player)).toMatch(/^Play from /);
    await userEvent.click(controls(player).play);
    await playsIn(player, paragraph(3));
  });
});

describe('copying a link to a moment', () => {
  it('L puts the current moment on the clipboard and says so once', async () => {
    const clipboard = fakeClipboard();
    stubClipboard(clipboard);
    const player = await speechPlayer();
    player.playSegment(3);
    await untilState(player, 'playing');
    player.pause();
    await untilState(player, 'paused');
    const said = announcements(player);
    controls(player).play.focus();
    await userEvent.keyboard('l');
    await expect.poll(() => clipboard.written).toHaveLength(1);
    const url = new URL(clipboard.written[0]!);
    expect(url.pathname).toBe(location.pathname);
    // Chromium would strip the directive from `location.hash`; as written, it carries the paragraph's first words.
    expect(url.hash).toMatch(/^#listen=\d+(\.\d)?:~:text=The%20third%20paragraph%20is%20about%20the$/);
    const seconds = parseMoment(url.hash)!;
    // The position, rounded up to tenths (so a paragraph's start stays in its paragraph).
    expect(seconds).toBeGreaterThanOrEqual(player.currentTime - 1e-6);
    expect(seconds).toBeLessThanOrEqual(player.currentTime + 0.1);
    await expect.poll(() => said).toEqual(['Link to this moment copied.']);
  });

  it("from the paragraph list: the button copies the current moment, L on an option that paragraph's start", async () => {
    const clipboard = fakeClipboard();
    stubClipboard(clipboard);
    const player = await speechPlayer();
    const root = player.shadowRoot!;
    await userEvent.click(root.querySelector<HTMLElement>('[part~="paragraphs-button"]')!);
    await expect.poll(() => root.querySelector('[part~="moment-button"]')).not.toBeNull();
    expect(await audit(player)).toEqual([]);
    await page.viewport(320, 640);
    try {
      expect(overflowing(player)).toEqual([]);
    } finally {
      await page.viewport(414, 896);
    }
    await userEvent.click(root.querySelector<HTMLElement>('[part~="moment-button"]')!);
    await expect.poll(() => clipboard.written).toHaveLength(1);
    // Before play: the start, with no text fragment (the article's top needs none).
    expect(new URL(clipboard.written[0]!).hash).toBe('#listen=0');

    root.querySelector<HTMLElement>('#listen-paragraphs button[data-index="3"]')!.focus();
    await userEvent.keyboard('l');
    await expect.poll(() => clipboard.written).toHaveLength(2);
    const hash = new URL(clipboard.written[1]!).hash;
    expect(hash).toMatch(/:~:text=The%20third%20paragraph%20is%20about%20the$/);
    // The link opens the article at that paragraph.
    document.body.replaceChildren();
    openedAt(hash.slice(1).split(':~:')[0]!);
    const again = await speechPlayer();
    await expect.poll(() => playName(again), { timeout: 5000 }).toMatch(/^Play from /);
    expect(paragraph(2).hasAttribute('data-listen-active')).toBe(true);
  });

  it("the browser's own clipboard (a key press on a secure page): the link is written, and no field is shown", async () => {
    const player = await speechPlayer();
    const said = announcements(player);
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    onTestFinished(() => write.mockRestore());
    controls(player).play.focus();
    await userEvent.keyboard('l');
    await expect.poll(() => said).toEqual(['Link to this moment copied.']);
    expect(write).toHaveBeenCalledWith(`${location.href.split('#')[0]}#listen=0`);
    await expect(write.mock.results[0]!.value).resolves.toBeUndefined();
    expect(player.shadowRoot!.querySelector('[part~="moment-link"]')).toBeNull();
  });

  it.each([
    ['refused', { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) }],
    ['absent (an insecure page)', undefined],
  ] as const)('a clipboard %s: the link is shown in a field, selected, and announced', async (_, clipboard) => {
    stubClipboard(clipboard);
    const player = await speechPlayer();
    const said = announcements(player);
    controls(player).play.focus();
    await userEvent.keyboard('L');
    const root = player.shadowRoot!;
    await expect.poll(() => root.querySelector('[part~="moment-link"] input')).not.toBeNull();
    const field = root.querySelector<HTMLInputElement>('[part~="moment-link"] input')!;
    expect(field.value).toBe(`${location.href.split('#')[0]}#listen=0`);
    expect(root.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    await expect.poll(() => said).toEqual(['The link could not be copied. It is selected in the field below.']);
    expect(await audit(player)).toEqual([]);
    await page.viewport(320, 640);
    try {
      expect(overflowing(player)).toEqual([]);
    } finally {
      await page.viewport(414, 896);
    }
    // Keys typed in the field are the field's: K does not play. Escape puts it away, focus on play.
    await userEvent.keyboard('k');
    expect(player.state).toBe('idle');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => root.querySelector('[part~="moment-link"]')).toBeNull();
    expect(root.activeElement).toBe(controls(player).play);
  });
});
