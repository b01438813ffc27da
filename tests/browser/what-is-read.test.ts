/**
 * What is read on markup Listen did not write, through the element: `skipped` says what was left out and why,
 * and an article body with no heading starts with the page's headline, highlighted like any paragraph.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INSTANT, useFakeSpeech } from './helpers/fake-speech.js';
import { mount, record, unmount, untilState } from './helpers/player.js';

/** A WordPress post: headline above, Jetpack's share bar and related posts in the body `for` points at. */
const POST = `
  <article class="post type-post tag-sharing">
    <h1 class="entry-title">Swifts over the harbour</h1>
    <listen-player for="body"></listen-player>
    <div id="body" class="entry-content">
      <p>The swifts came back on the fourth of May.</p>
      <div id="share" class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter<span class="sharing-screen-reader-text">Click to share on Twitter (Opens in new window)</span></a></li></ul></div>
      <p>They nest under the eaves of the old fish market.</p>
      <h3 id="list-title">Related</h3>
      <ul id="list"><li><a href="#">The terns of the north pier</a></li><li><a href="#">A year of harbour seals</a></li></ul>
      <p data-listen-read id="kept" class="newsletter-note">Thanks to the harbour birders for their counts.</p>
    </div>
  </article>`;

afterEach(() => unmount());

describe('what is read, through the element', () => {
  it('lists what it left out and why, outermost blocks only, and reads what the page forces', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(POST);
    expect(player.segments.map((segment) => segment.text)).toEqual([
      'Swifts over the harbour',
      'The swifts came back on the fourth of May.',
      'They nest under the eaves of the old fish market.',
      'Thanks to the harbour birders for their counts.',
    ]);
    expect(player.skipped.map(({ element, reason }) => [element.id, reason])).toEqual([
      ['share', 'share'],
      ['list-title', 'links'],
      ['list', 'links'],
    ]);
    // The same once the rest of the player has loaded, and the element a live reference.
    player.play();
    await untilState(player, 'ended');
    expect(player.skipped[0]!.element).toBe(document.getElementById('share'));
    expect(player.segments).toHaveLength(4);
  });

  it("reads the page's headline first, highlighting it, when the body `for` names has no heading", async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(POST);
    const recording = record(player);
    const headline = document.querySelector('h1')!;
    expect(player.segments[0]!.element).toBe(headline);
    player.play();
    await untilState(player, 'ended');
    expect(recording.segments.map((change) => change.index)).toEqual([0, 1, 2, 3]);
    expect(recording.highlights[0]).toEqual([headline]);
  });
});
