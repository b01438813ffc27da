/**
 * Resume in Chromium, with real `localStorage`: a reader leaves an article part way
 * (the player is removed, as when the page is left) and comes back to a new player for the same article.
 * Speech is the fake synthesiser, slow enough that every sentence lasts seconds (recorded narration:
 * `resume-audio.test.ts`).
 */
import { audit } from './helpers/axe.js';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { POSITIONS_KEY } from '../../src/player/storage-keys.js';
import { ANNOUNCE_DELAY_MS } from '../../src/player/resume.js';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, clock, controls, longArticle, mount, sleep, spokenTime, unmount, untilState, voicesListed } from './helpers/player.js';

/** Two different articles of the same language, long enough to leave one minutes in. */
const ARTICLE = `<main>${longArticle(6, 'first')}<listen-player for="first"></listen-player></main>`;
const OTHER = `${longArticle(7, 'second')}<listen-player for="second"></listen-player>`;

/** The sentences of `longArticle` paragraphs after their first. */
const SECOND_SENTENCE = 'The river was high after a week of rain, and the bridge was closed to traffic.';

afterEach(unmount);

/** Leaves the page as a reader does (the player goes, and saves its place), keeping what was stored. */
function leave(): void {
  document.body.replaceChildren();
}

function offer(player: ListenPlayer): { resume: HTMLButtonElement | null; startOver: HTMLButtonElement | null } {
  const root = player.shadowRoot!;
  return {
    resume: root.querySelector('[part~="resume-button"]'),
    startOver: root.querySelector('[part~="start-over-button"]'),
  };
}

/**
 * Plays the first article from segment 3, skips to its second sentence (→ in the player), pauses and leaves;
 * returns the time it left at.
 */
async function leaveMidway(): Promise<number> {
  const fake = useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(ARTICLE);
  await voicesListed(player);
  player.playSegment(3);
  await untilState(player, 'playing');
  expect(fake.current?.text).toBe('Paragraph 3 begins with a plain sentence about the weather in the valley.');
  controls(player).play.focus();
  await userEvent.keyboard('{ArrowRight}');
  await expect.poll(() => fake.current?.text).toBe(SECOND_SENTENCE);
  player.pause();
  await untilState(player, 'paused');
  expect(player.segmentIndex).toBe(3);
  const at = player.currentTime;
  leave();
  return at;
}

/** A new player for the first article, with the offer shown. */
async function comeBack(): Promise<ListenPlayer> {
  const player = await mount(ARTICLE);
  // In the first render already: no row appears later to push the article down. It is said a moment later,
  // once the live region is known to assistive technology: not in this render.
  expect(offer(player).resume).not.toBeNull();
  expect(controls(player).status.textContent!.trim()).toBe('');
  await voicesListed(player);
  return player;
}

/**
 * Resolves once the moment the player waits before saying an offer has passed, and what it would say then is
 * rendered: a timer set now with the same delay fires after any the player set before it.
 */
async function pastAnnouncement(player: ListenPlayer): Promise<void> {
  await sleep(ANNOUNCE_DELAY_MS);
  await player.updateComplete;
}

describe('resume where the reader left off', () => {
  it('offers "Resume at m:ss" with the time left at, says so once, and resumes that sentence', async () => {
    const at = await leaveMidway();
    expect(at).toBeGreaterThan(30);
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await comeBack();
    const { resume, startOver } = offer(player);
    expect(resume!.textContent!.trim()).toBe(`Resume at ${clock(at)}`);
    // Its name speaks the time as the slider does, after what is shown.
    expect(resume!.getAttribute('aria-label')).toBe(`Resume at ${clock(at)}, ${spokenTime(at)}`);
    expect(startOver!.textContent!.trim()).toBe('Start over');
    // Said a moment after the offer appears (not in the first render: see comeBack).
    await expect
      .poll(() => controls(player).status.textContent!.trim())
      .toBe(`You stopped at ${clock(at)} last time. Play resumes there.`);
    expect(player.state).toBe('idle');
    expect(fake.log).toHaveLength(0);
    expect(await audit(player)).toEqual([]);
    // Said once: the live region's text stays as it is while the offer stands, whatever renders again.
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(controls(player).status, { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 3; i++) {
      player.requestUpdate();
      await player.updateComplete;
    }
    await pastAnnouncement(player);
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes).toEqual([]);

    await userEvent.click(resume!);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(3);
    expect(fake.current?.text).toBe(SECOND_SENTENCE);
    // Speech's clock runs on from the sentence's start as it speaks.
    expect(player.currentTime).toBeGreaterThanOrEqual(at - 0.01);
    expect(player.currentTime).toBeLessThan(at + 1);
    await player.updateComplete;
    expect(offer(player).resume).toBeNull();
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
    // The offer's button went away with focus on it: focus is on the play button, not lost to the page.
    expect(player.shadowRoot!.activeElement).toBe(controls(player).play);
  });

  it('resumes from the main play button too', async () => {
    const at = await leaveMidway();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await comeBack();
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(3);
    expect(fake.current?.text).toBe(SECOND_SENTENCE);
    expect(player.currentTime).toBeGreaterThanOrEqual(at - 0.01);
    expect(player.currentTime).toBeLessThan(at + 1);
  });

  it('starts at a selection in the article rather than at the offered place', async () => {
    await leaveMidway();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await comeBack();
    const range = document.createRange();
    range.selectNodeContents(player.segments[5]!.element);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    getSelection()!.removeAllRanges();
    expect(player.segmentIndex).toBe(5);
    expect(fake.current?.text).toBe('Paragraph 5 begins with a plain sentence about the weather in the valley.');
    await player.updateComplete;
    expect(offer(player).resume).toBeNull();
  });

  it('starts at a link into the article rather than at the offered place', async () => {
    await leaveMidway();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await comeBack();
    player.segments[1]!.element.id = 'second-paragraph';
    history.replaceState(null, '', '#second-paragraph');
    try {
      await userEvent.click(controls(player).play);
      await untilState(player, 'playing');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
    expect(player.segmentIndex).toBe(1);
    expect(fake.current?.text).toBe('Paragraph 1 begins with a plain sentence about the weather in the valley.');
  });

  it('"Start over" plays from the beginning and forgets the place', async () => {
    await leaveMidway();
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await comeBack();
    await userEvent.click(offer(player).startOver!);
    await untilState(player, 'playing');
    expect(player.segmentIndex).toBe(0);
    expect(fake.current?.text).toBe('A long story.');
    leave();

    useFakeSpeech({ charsPerSecond: SLOW });
    const again = await mount(ARTICLE);
    await voicesListed(again);
    await again.updateComplete;
    expect(offer(again).resume).toBeNull();
    await pastAnnouncement(again);
    expect(controls(again).status.textContent!.trim()).toBe('');
  });

  it('makes no offer for another article, nor after the end was reached', async () => {
    await leaveMidway();
    useFakeSpeech({ charsPerSecond: SLOW });
    const other = await mount(OTHER);
    await voicesListed(other);
    await other.updateComplete;
    expect(offer(other).resume).toBeNull();
    leave();

    // Back to the first article: resumed, and read to the end.
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await comeBack();
    player.play();
    await untilState(player, 'ended');
    leave();
    const again = await mount(ARTICLE);
    await voicesListed(again);
    await again.updateComplete;
    expect(offer(again).resume).toBeNull();
  });

  it('saves the place while playing when the page is hidden or left, without a pause', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(ARTICLE);
    await voicesListed(player);
    player.playSegment(4);
    await untilState(player, 'playing');
    const stored = () => Object.values(JSON.parse(localStorage.getItem(POSITIONS_KEY) ?? '{"articles":{}}').articles);
    // Saved when it started (at the paragraph), not again within seconds.
    expect(stored()).toEqual([expect.objectContaining({ segment: 4, engine: 'speech' })]);
    localStorage.removeItem(POSITIONS_KEY);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(player.state).toBe('playing');
    const saved = stored() as { segment: number; engine: string; fraction: number }[];
    expect(saved).toEqual([expect.objectContaining({ segment: 4, engine: 'speech' })]);
    // Just started on the paragraph: at its very beginning.
    expect(saved[0]!.fraction).toBeLessThan(0.1);
  });
});
