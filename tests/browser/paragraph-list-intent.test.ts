/**
 * The paragraph list loads when the reader reaches for its button, not when the session loads, nor only on the
 * press: a pointer over the button (or focus on it) starts loading it, so it is there by the click. Checked by
 * the list module's own request, reported by resource timing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, mount, unmount, untilState } from './helpers/player.js';

const PAGE = `<article id="story" lang="en-GB">
  <h1>Reaching for the list.</h1>
  <p>The first paragraph is about the harbour.</p>
  <p>The second paragraph is about the market.</p>
</article>
<listen-player for="story"></listen-player>`;

afterEach(unmount);

const LIST_MODULE = 'play-from-here-list-options';

/**
 * Watches for the open list's module to be fetched from now on. An observer, not the timeline's buffer: a test
 * document loads hundreds of modules, and the buffer (250 entries by default) drops what comes after it is full.
 */
function watchListRequest(): { readonly requested: boolean } {
  const seen = { requested: false };
  new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name.includes(LIST_MODULE))) seen.requested = true;
  }).observe({ type: 'resource' });
  return seen;
}

function button(player: ListenPlayer): HTMLElement {
  return player.shadowRoot!.querySelector<HTMLElement>('[part~="paragraphs-button"]')!;
}

describe('the paragraph list, loaded on intent', () => {
  it('is not loaded with the rest of the player, and starts loading when the pointer reaches its button', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    player.play();
    await untilState(player, 'playing');
    await player.updateComplete;
    const list = watchListRequest();
    // Nothing asked for it yet: a press now would have to wait for it.
    await player.updateComplete;
    expect(list.requested).toBe(false);

    await userEvent.hover(button(player));
    // The request is made at once; it completes (and so is reported) when the server has sent the module, which
    // a busy machine's dev server may take seconds to prepare the first time.
    await expect.poll(() => list.requested, { timeout: 15_000 }).toBe(true);
    // Loaded, the press opens it.
    await userEvent.click(button(player));
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="paragraphs"]'), { timeout: 15_000 }).not.toBeNull();
  });
});
