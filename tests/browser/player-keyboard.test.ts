/**
 * The player from the keyboard, with real key presses (Playwright): Tab order and focus ring, the play button's
 * own keys, the player's shortcuts while focus is inside it, and menus keeping their keys. Fake speech.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FakeSpeechSynthesis } from '../fakes/speech-synthesis.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import {
  type ListenPlayer,
  SHORT_ARTICLE,
  controls,
  mount,
  record,
  sleep,
  untilState,
  unmount,
  voicesListed,
} from './helpers/player.js';

const PAGE = `
  <button id="before">Before</button>
  ${SHORT_ARTICLE}
  <listen-player for="story"></listen-player>
  <button id="after">After</button>`;

/** The element focused inside the player's shadow root, or the page's focused element when focus is outside. */
function focused(player: ListenPlayer): Element | null {
  return player.shadowRoot!.activeElement ?? document.activeElement;
}

/** A player on the page with its voices listed, and focus on the button before it. */
async function setUp(): Promise<{ player: ListenPlayer; fake: FakeSpeechSynthesis }> {
  const fake = useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(PAGE);
  await voicesListed(player);
  document.getElementById('before')!.focus();
  return { player, fake };
}

/** Tabs from the button before the player to the play button. */
async function tabToPlay(player: ListenPlayer): Promise<void> {
  await userEvent.tab();
  expect(focused(player)).toBe(controls(player).play);
}

/** Plays from the keyboard (K) and waits for speech to start. */
async function startPlaying(player: ListenPlayer): Promise<void> {
  await userEvent.keyboard('k');
  await untilState(player, 'playing');
}

afterEach(unmount);

describe('keyboard', () => {
  it('reaches every control with Tab, in order, each with a visible focus ring', async () => {
    const { player } = await setUp();
    const c = controls(player);
    const paragraphs = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!;
    const sleep = player.shadowRoot!.querySelector<HTMLSelectElement>('[part~="sleep"] select')!;
    const order = [c.play, c.previous, c.seek, c.next, paragraphs, c.speed, sleep, c.voice!];
    for (const control of order) {
      await userEvent.tab();
      expect(focused(player)).toBe(control);
      expect(control.matches(':focus-visible')).toBe(true);
      const style = getComputedStyle(control);
      expect(style.outlineStyle, `outline of ${control.localName}`).not.toBe('none');
      expect(parseFloat(style.outlineWidth), `outline width of ${control.localName}`).toBeGreaterThanOrEqual(2);
    }
    await userEvent.tab();
    expect(document.activeElement).toBe(document.getElementById('after'));
    await userEvent.tab({ shift: true });
    expect(focused(player)).toBe(c.voice);
  });

  it('keeps focus on the control it is on when the rest of the player arrives (focus loads it)', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    // A first-time reader's player: only the element's own parts until someone reaches for it.
    expect(player.shadowRoot!.querySelector('[part~="menus"]')).toBeNull();
    const controlsBefore = [...player.shadowRoot!.querySelectorAll('button, input, select')];
    const button = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!;
    button.focus();
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="sleep"]'), { timeout: 10_000 }).not.toBeNull();
    await player.updateComplete;
    // Every control that was there is still the same element (any of them may have had focus).
    expect(controlsBefore.length).toBeGreaterThanOrEqual(6);
    expect(controlsBefore.filter((control) => !control.isConnected).map((control) => control.outerHTML)).toEqual([]);
    expect(focused(player)).toBe(button);
    // And it is the list's button now: Enter opens the list.
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
  });

  it('toggles exactly once for Enter and for Space on the play button', async () => {
    const { player, fake } = await setUp();
    const events = record(player);
    await tabToPlay(player);

    await userEvent.keyboard('{Enter}');
    await untilState(player, 'playing');
    await sleep(150);
    expect(events.states).toEqual(['loading', 'playing']);

    await userEvent.keyboard(' ');
    await untilState(player, 'paused');
    await sleep(150);
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(fake.speaking).toBe(false);

    await userEvent.keyboard(' ');
    await untilState(player, 'playing');
    await sleep(150);
    expect(events.states).toEqual(['loading', 'playing', 'paused', 'loading', 'playing']);
    expect(focused(player)).toBe(controls(player).play);
  });

  it('toggles with K anywhere in the player, and with Space on the seek bar', async () => {
    const { player } = await setUp();
    await tabToPlay(player);
    await userEvent.tab();
    await userEvent.tab();
    expect(focused(player)).toBe(controls(player).seek);

    await startPlaying(player);
    await userEvent.keyboard('K');
    expect(player.state).toBe('paused');

    await userEvent.keyboard(' ');
    await untilState(player, 'playing');
    await userEvent.keyboard(' ');
    expect(player.state).toBe('paused');
    // Space did not scroll the page nor move the seek bar's value.
    expect(controls(player).seek.valueAsNumber).toBeCloseTo(player.currentTime, 3);
  });

  it('skips one sentence back and forward with ← and →', async () => {
    const { player, fake } = await setUp();
    await tabToPlay(player);
    await startPlaying(player);
    expect(fake.current?.text).toBe('A short story.');

    await userEvent.keyboard('{ArrowRight}');
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    expect(player.segmentIndex).toBe(1);
    await userEvent.keyboard('{ArrowRight}');
    expect(fake.log.at(-1)!.text).toBe('It has two sentences.');
    expect(player.segmentIndex).toBe(1);
    await userEvent.keyboard('{ArrowLeft}');
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    expect(player.state).toBe('playing');
  });

  it('goes to the next paragraph with Shift+→ or N, and back with P or Shift+←', async () => {
    const { player, fake } = await setUp();
    await tabToPlay(player);
    await startPlaying(player);
    expect(player.segmentIndex).toBe(0);

    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(player.segmentIndex).toBe(1);
    // A paragraph starts at its first sentence.
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    await userEvent.keyboard('n');
    expect(player.segmentIndex).toBe(2);
    await userEvent.keyboard('N');
    expect(player.segmentIndex).toBe(3);
    expect(fake.log.at(-1)!.text).toBe('The third paragraph ends it.');
    await userEvent.keyboard('p');
    expect(player.segmentIndex).toBe(2);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(player.segmentIndex).toBe(1);
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    expect(player.state).toBe('playing');
  });

  it('steps the speed through the menu with > and <, stopping at 3× and 0.5×', async () => {
    const { player, fake } = await setUp();
    await tabToPlay(player);
    await startPlaying(player);

    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      await userEvent.keyboard('>');
      await player.updateComplete;
      seen.push(player.rate);
      expect(controls(player).speed.value).toBe(String(player.rate));
      expect(player.getAttribute('rate')).toBe(String(player.rate));
    }
    expect(seen).toEqual([1.25, 1.5, 1.75, 2, 2.5, 3, 3]);
    await expect.poll(() => fake.log.at(-1)!.rate).toBe(3);

    seen.length = 0;
    for (let i = 0; i < 10; i++) {
      await userEvent.keyboard('<');
      await player.updateComplete;
      seen.push(player.rate);
    }
    expect(seen).toEqual([2.5, 2, 1.75, 1.5, 1.25, 1, 0.75, 0.5, 0.5, 0.5]);
    expect(controls(player).speed.value).toBe('0.5');
    await expect.poll(() => fake.log.at(-1)!.rate).toBe(0.5);
  });

  it('leaves keys typed in the voice menu to the menu', async () => {
    const { player } = await setUp();
    const voice = controls(player).voice!;
    voice.focus();
    expect(focused(player)).toBe(voice);
    const events = record(player);

    // Typing a voice's first letter picks it, as in any menu.
    await userEvent.keyboard('g');
    await player.updateComplete;
    expect(controls(player).voice!.value).toBe('German');
    expect(player.voice).toBe('German');

    // K, N, P, > and < would toggle, step and change the speed anywhere else in the player.
    await userEvent.keyboard('knp><');
    await player.updateComplete;
    expect(player.state).toBe('idle');
    expect(player.segmentIndex).toBe(-1);
    expect(player.rate).toBe(1);
    expect(events.log).toEqual([]);
    expect(focused(player)).toBe(controls(player).voice);
  });
});
