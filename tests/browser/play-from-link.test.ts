/**
 * Play from a link into the article, in Chromium on the fake synthesiser: the page's URL fragment names a
 * place in the article, and play starts there, once per arrival at the fragment. (Over a saved place:
 * resume.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, mount, unmount, untilState, voicesListed } from './helpers/player.js';

const PAGE = `<header id="top">The site's header.</header>
<main>
  <article id="story" lang="en-GB">
    <h1>Reading from a link.</h1>
    <p>The first paragraph is about the harbour and its boats.</p>
    <section id="market">
      <p>The second paragraph is about the market in the square.</p>
      <p>The third paragraph is <span id="mill">about the old mill</span> by the river.</p>
    </section>
    <a id="fourth"></a>
    <p>The fourth paragraph is about the bridge.</p>
  </article>
  <listen-player for="story"></listen-player>
</main>
<footer id="comments">Comments.</footer>`;

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  unmount();
});

/** The page as a link to `#fragment` leaves it (no scroll, no `hashchange`: the page was opened so). */
function openedAt(fragment: string): void {
  history.replaceState(null, '', `#${fragment}`);
}

/** Follows a link in the page to `#fragment`, resolving once the page has heard of it. */
function follow(fragment: string): Promise<void> {
  const arrived = new Promise<void>((resolve) => addEventListener('hashchange', () => resolve(), { once: true }));
  location.hash = fragment;
  return arrived;
}

async function player(): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(PAGE);
  await voicesListed(player);
  return player;
}

async function pressPlay(player: ListenPlayer): Promise<void> {
  await userEvent.click(controls(player).play);
  await untilState(player, 'playing');
}

async function pause(player: ListenPlayer): Promise<void> {
  player.pause();
  await untilState(player, 'paused');
}

describe('play from a link into the article', () => {
  it('starts at the paragraph holding the element the fragment names', async () => {
    openedAt('mill');
    const listen = await player();
    await pressPlay(listen);
    expect(listen.segments[listen.segmentIndex]!.text).toBe('The third paragraph is about the old mill by the river.');
  });

  it('starts at the first paragraph inside a named section, or after a named empty anchor', async () => {
    openedAt('market');
    const listen = await player();
    await pressPlay(listen);
    expect(listen.segments[listen.segmentIndex]!.text).toBe('The second paragraph is about the market in the square.');
    await pause(listen);
    await follow('fourth');
    await pressPlay(listen);
    expect(listen.segments[listen.segmentIndex]!.text).toBe('The fourth paragraph is about the bridge.');
  });

  it('once per arrival: playing again after a pause goes on where it was; following the link again starts there again', async () => {
    openedAt('mill');
    const listen = await player();
    await pressPlay(listen);
    expect(listen.segmentIndex).toBe(3);
    listen.playSegment(4);
    await expect.poll(() => listen.segmentIndex).toBe(4);
    await pause(listen);
    await pressPlay(listen);
    expect(listen.segmentIndex).toBe(4);
    await pause(listen);
    await follow('top');
    await follow('mill');
    await pressPlay(listen);
    expect(listen.segmentIndex).toBe(3);
  });

  it('a fragment outside the article, or naming the article itself, leaves play at the start', async () => {
    for (const fragment of ['top', 'comments', 'story', 'nowhere']) {
      openedAt(fragment);
      const listen = await player();
      await pressPlay(listen);
      expect(listen.segmentIndex, fragment).toBe(0);
      unmount();
    }
  });
});
