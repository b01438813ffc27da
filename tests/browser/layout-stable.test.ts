/**
 * The player keeps its size when the rest of it arrives without a press: for a reader who has listened before
 * (anything remembered) it loads with the page, and with no input to excuse it a change of size is a layout
 * shift (CLS) of everything below it. A voice page (the sleep timer with the session, the voice menu when the
 * voices come) and the demo page with its recording (the sleep timer and the download link), on a phone's width
 * (the menus on two rows) and a desktop's (one). Fake speech.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { PREFERENCES_KEY } from '../../src/player/storage-keys.js';
import { placeDemo } from './helpers/audio.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { controls, place, SHORT_ARTICLE, unmount, voicesListed } from './helpers/player.js';

afterEach(async () => {
  unmount();
  await page.viewport(414, 896);
});

type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };

/** Two frames: what changed has been laid out and painted, and any shift reported. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** A shift no input excuses, with the boxes that moved (nodes in a shadow tree are not named). */
function describeShift(entry: Shift): string {
  const moves = entry.sources?.map(({ previousRect: a, currentRect: b }) => `${a.width}×${a.height} at ${a.y} → ${b.y}`);
  return `${entry.value.toFixed(4)}: ${moves?.join('; ')}`;
}

describe('the player when the rest of it arrives without a press', () => {
  it.each([
    ['read by the voice', 414, () => place(`<listen-player for="story"></listen-player>${SHORT_ARTICLE}`), 'voice'],
    ['read by the voice', 1280, () => place(`<listen-player for="story"></listen-player>${SHORT_ARTICLE}`), 'voice'],
    ['the demo page with its recording', 414, placeDemo, 'download'],
    ['the demo page with its recording', 1280, placeDemo, 'download'],
  ])('%s, %i px wide: nothing below it moves', async (_, width, put, last) => {
    await page.viewport(width, 896);
    useFakeSpeech();
    // Anything remembered makes it a returning reader's page: the rest of the player loads at once.
    localStorage.setItem(PREFERENCES_KEY, '{}');
    await painted();
    const shifts: string[] = [];
    const keep = (entries: PerformanceEntryList) => {
      for (const entry of entries as Shift[]) if (!entry.hadRecentInput) shifts.push(describeShift(entry));
    };
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'layout-shift' });
    const player = put();
    await player.updateComplete;
    await painted();

    if (last === 'voice') await voicesListed(player);
    await expect.poll(() => player.shadowRoot!.querySelector(`[part~="${last}"]`), { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="sleep"]')).not.toBeNull();
    await painted();
    keep(observer.takeRecords());
    observer.disconnect();
    expect(shifts).toEqual([]);
  });
});

describe('the play button when a pointer over the player loads the rest of it', () => {
  it.each([414, 1280])('%i px wide: the button stays under the pointer about to press it', async (width) => {
    await page.viewport(width, 896);
    useFakeSpeech();
    const player = placeDemo();
    await player.updateComplete;
    await painted();
    // Where on the page (the pointer's move scrolls the button into view first).
    const at = () => {
      const box = controls(player).play.getBoundingClientRect();
      return { x: box.x + scrollX, y: box.y + scrollY };
    };
    const before = at();
    const height = player.getBoundingClientRect().height;
    // A first-time reader: nothing loads until the pointer is over the player; then the menus' row comes.
    expect(player.shadowRoot!.querySelector('[part~="menus"]')).toBeNull();
    await userEvent.hover(controls(player).play);
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="download"]'), { timeout: 10_000 }).not.toBeNull();
    await painted();
    // The row came (the player grew by it), and the button did not move.
    expect(player.getBoundingClientRect().height).toBeGreaterThan(height);
    expect(at()).toEqual(before);
  });
});
