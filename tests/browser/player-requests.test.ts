/**
 * Requests made before the rest of the player has loaded (it loads on first use): the element shows their
 * effect at once from its one store, and the rest of the player runs them in order when it arrives; a pause
 * takes back a play still waiting. On the fake synthesiser, so that nothing is spoken unless asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { SHORT_ARTICLE, mount, record, untilState, unmount } from './helpers/player.js';

const PAGE = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;

afterEach(unmount);

describe('requests before the rest of the player loads', () => {
  it('shows a play as loading at once; a pause before it loaded takes it back, and nothing is spoken', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    // What the element knows before anything loaded: the engine to expect and the length it estimates.
    expect(player.activeEngine).toBe('speech');
    expect(player.duration).toBeGreaterThan(0);
    const events = record(player);

    player.play();
    expect(player.state).toBe('loading');
    expect(player.getAttribute('state')).toBe('loading');
    player.pause();
    expect(player.state).toBe('idle');
    await player.updateComplete;

    expect(player.state).toBe('idle');
    expect(player.getAttribute('state')).toBe('idle');
    expect(events.states).toEqual(['loading', 'idle']);
    expect(fake.log).toEqual([]);
  });

  it('runs the requests made meanwhile in order once it is there: a paragraph, then the one before it', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    const events = record(player);

    player.playSegment(2);
    player.previous();
    await untilState(player, 'playing');

    // In the other order "previous" would find nothing before the start, and reading would begin at 2.
    expect(events.segments.slice(0, 2).map((segment) => segment.index)).toEqual([2, 1]);
    expect(player.segmentIndex).toBe(1);
    // The wait for the player and the engine's own start are one `loading`.
    expect(events.states).toEqual(['loading', 'playing']);
  });

  it('keeps shortcuts pressed meanwhile from the page and does them in order: a play at once, the others when it is there', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    const seek = player.shadowRoot!.querySelector<HTMLInputElement>('[part~="seek"]')!;
    /** Presses `key` on the seek bar; whether the page's default (moving the slider, scrolling) was prevented. */
    const press = (key: string) => !seek.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));

    expect(press('n')).toBe(true);
    expect(press('>')).toBe(true);
    expect(press('k')).toBe(true);
    expect(player.state).toBe('loading');
    // Not a shortcut: left to the page.
    expect(press('x')).toBe(false);
    await untilState(player, 'playing');

    expect(player.segmentIndex).toBe(1);
    expect(player.rate).toBe(1.25);
  });

  it('shows a position sought at once, and starts there', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    const at = player.duration * 0.6;

    player.seek(at);
    expect(player.currentTime).toBe(at);
    player.play();
    await untilState(player, 'playing');

    expect(player.segmentIndex).toBeGreaterThan(0);
    expect(player.currentTime).toBeGreaterThan(0);
  });
});
