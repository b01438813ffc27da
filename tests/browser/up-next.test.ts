/**
 * "Up next" at the end of an article, in real Chromium on the fake synthesiser: the next article's title
 * fetched and offered with a countdown (driven here through the up-next clock seam, not five real seconds),
 * said once in the live region, cancelled by its button or Escape with the focus kept, then the next page
 * opened (the navigation seam records it) and told to go on; and on that page, play by itself, or one
 * "Continue" button where the browser refuses sound without a press.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CONTINUE_KEY } from '../../src/player/storage-keys.js';
import { setUpNextOptions } from '../../src/ui/up-next.js';
import { audit } from './helpers/axe.js';
import { INSTANT, useFakeSpeech } from './helpers/fake-speech.js';
import { SHORT_ARTICLE, announcements, controls, mount, untilState, unmount, type ListenPlayer } from './helpers/player.js';

const NEXT = '/tests/fixtures/playlist/two.html';

interface Seams {
  /** The countdown's tick, once it runs. */
  readonly ticks: (() => void)[];
  readonly navigated: string[];
  /** How many countdowns were stopped. */
  stopped: number;
}

function useSeams(): Seams {
  const seams: Seams = { ticks: [], navigated: [], stopped: 0 };
  setUpNextOptions({
    every: (_ms, tick) => {
      seams.ticks.push(tick);
      return () => seams.stopped++;
    },
    navigate: (url) => seams.navigated.push(url),
  });
  onTestFinished(() => {
    setUpNextOptions({});
    sessionStorage.removeItem(CONTINUE_KEY);
  });
  return seams;
}

function offer(player: ListenPlayer): HTMLElement | null {
  return player.shadowRoot!.querySelector('[part~="up-next"]');
}

/** Plays the article to its end and waits for "Up next" to show. */
async function untilOffered(player: ListenPlayer): Promise<HTMLElement> {
  await userEvent.click(controls(player).play);
  await untilState(player, 'ended');
  await expect.poll(() => offer(player), { timeout: 10_000 }).not.toBeNull();
  await player.updateComplete;
  return offer(player)!;
}

afterEach(unmount);

describe('Up next', () => {
  it('offers the next article by its title, says so once, counts down, then opens it to go on there', async () => {
    const seams = useSeams();
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story" next="${NEXT}"></listen-player></main>`);
    expect(player.nextArticle).toBe(NEXT);
    const said = announcements(player);
    const shown = await untilOffered(player);
    expect(shown.textContent).toContain('Up next: The second article.');
    expect(shown.textContent).toContain('Starts in 5 s');
    expect(said.filter((text) => text.includes('Up next'))).toEqual(['Finished Up next: The second article. It starts in 5 seconds; press Escape to cancel.']);
    expect(await audit(player)).toEqual([]);

    for (let second = 4; second >= 1; second--) {
      seams.ticks[0]!();
      await player.updateComplete;
      expect(offer(player)!.textContent).toContain(`Starts in ${second} s`);
    }
    // The countdown is shown, not announced.
    expect(said.filter((text) => text.includes('Up next'))).toHaveLength(1);
    expect(seams.navigated).toEqual([]);
    seams.ticks[0]!();
    expect(seams.navigated).toEqual([new URL(NEXT, location.href).href]);
    expect(JSON.parse(sessionStorage.getItem(CONTINUE_KEY)!)).toMatchObject({ url: new URL(NEXT, location.href).href, title: 'The second article.' });
    expect(seams.stopped).toBe(1);
  });

  it('takes the next article from the page’s <link rel="next">; Escape cancels, said once, focus kept', async () => {
    const seams = useSeams();
    useFakeSpeech({ charsPerSecond: INSTANT });
    const link = Object.assign(document.createElement('link'), { rel: 'next', href: NEXT });
    document.head.append(link);
    onTestFinished(() => link.remove());
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`);
    const said = announcements(player);
    await untilOffered(player);
    expect(player.shadowRoot!.activeElement).toBe(controls(player).play);
    await userEvent.keyboard('{Escape}');
    await player.updateComplete;
    expect(offer(player)).toBeNull();
    expect(seams.stopped).toBe(1);
    expect(said.at(-1)).toBe('Finished Up next cancelled.');
    expect(player.shadowRoot!.activeElement).toBe(controls(player).play);
    expect(seams.navigated).toEqual([]);
  });

  it('cancels with its button, moving the focus to the play button', async () => {
    useSeams();
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story" next="${NEXT}"></listen-player></main>`);
    const shown = await untilOffered(player);
    const cancel = shown.querySelector<HTMLButtonElement>('[part~="up-next-cancel"]')!;
    cancel.focus();
    await userEvent.keyboard('{Enter}');
    await player.updateComplete;
    expect(offer(player)).toBeNull();
    expect(player.shadowRoot!.activeElement).toBe(controls(player).play);
  });

  it('on the page it opened, plays by itself', async () => {
    useSeams();
    useFakeSpeech({ charsPerSecond: INSTANT });
    sessionStorage.setItem(CONTINUE_KEY, JSON.stringify({ url: location.href, title: 'A short story.', at: Date.now() }));
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`);
    await untilState(player, 'playing');
    expect(sessionStorage.getItem(CONTINUE_KEY)).toBeNull();
  });

  it('where the browser refuses to start without a press, offers one "Continue" button, which plays', async () => {
    useSeams();
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    fake.failNext('not-allowed');
    sessionStorage.setItem(CONTINUE_KEY, JSON.stringify({ url: location.href, title: 'A short story.', at: Date.now() }));
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`);
    await untilState(player, 'error');
    await expect.poll(() => player.shadowRoot!.querySelectorAll('[part~="continue-button"]').length).toBe(1);
    await player.updateComplete;
    const button = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!;
    expect(button.textContent!.trim()).toBe('Continue: A short story.');
    expect(await audit(player)).toEqual([]);
    await userEvent.click(button);
    await untilState(player, 'playing');
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="continue-button"]')).toBeNull();
  });

  it('does not play by itself on a page other than the one it opened', async () => {
    useSeams();
    useFakeSpeech({ charsPerSecond: INSTANT });
    sessionStorage.setItem(CONTINUE_KEY, JSON.stringify({ url: new URL(NEXT, location.href).href, title: 'Other', at: Date.now() }));
    const player = await mount(`<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`);
    // The flag is read (and removed) when the up-next part has loaded: then play would have been asked for.
    await expect.poll(() => sessionStorage.getItem(CONTINUE_KEY)).toBeNull();
    await player.updateComplete;
    expect(player.state).toBe('idle');
  });
});
