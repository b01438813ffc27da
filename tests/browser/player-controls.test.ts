/**
 * The player's controls used with a real mouse (clicks through Playwright), its events, its live region and
 * the paragraph highlight, on the fake synthesiser so that every step happens on cue.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import {
  type ListenPlayer,
  SHORT_ARTICLE,
  clock,
  controls,
  highlighted,
  longArticle,
  mount,
  record,
  spokenTime,
  untilState,
  unmount,
  voicesListed,
} from './helpers/player.js';

const PAGE = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;

/** The short article's segments as read: the heading and three paragraphs (speech sends one sentence at a time). */
const SEGMENTS = [
  'A short story.',
  'The first paragraph. It has two sentences.',
  'The second paragraph is here.',
  'The third paragraph ends it.',
];

/** Plays through to `listen-ended`. */
function untilEnded(player: ListenPlayer, timeout = 10_000): Promise<void> {
  return untilState(player, 'ended', timeout);
}

/** Every text the live region said while `run` ran, consecutive repeats folded. */
async function statusTexts(player: ListenPlayer, run: () => Promise<void>): Promise<string[]> {
  const status = controls(player).live;
  const texts = [status.textContent!.trim()];
  const observer = new MutationObserver(() => {
    const text = status.textContent!.trim();
    if (text !== texts.at(-1)) texts.push(text);
  });
  observer.observe(status, { childList: true, characterData: true, subtree: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return texts;
}

afterEach(unmount);

describe('play, pause, previous and next with the mouse', () => {
  it('requests playback, shows loading until speech starts, then moves by paragraph', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW, startLatency: 1000 });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    const { play, previous, next, status } = controls(player);
    expect(player.state).toBe('idle');
    expect(player.getAttribute('state')).toBe('idle');
    expect(player.segmentIndex).toBe(-1);
    expect(player.activeEngine).toBe('speech');
    expect(play.getAttribute('aria-label')).toBe('Play');

    await userEvent.click(play);
    // Non-optimistic: the click only asks; the state is `loading` until the synthesiser says `start`.
    expect(player.state).toBe('loading');
    expect(status.textContent!.trim()).toBe("Starting the browser's voice…");
    expect(play.getAttribute('aria-label')).toBe('Pause');
    await untilState(player, 'playing');
    expect(status.textContent!.trim()).toBe('Playing');
    expect(player.segmentIndex).toBe(0);
    expect(fake.current?.text).toBe(SEGMENTS[0]);

    await userEvent.click(next);
    expect(player.segmentIndex).toBe(1);
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    await userEvent.click(next);
    expect(player.segmentIndex).toBe(2);
    await userEvent.click(previous);
    expect(player.segmentIndex).toBe(1);
    expect(fake.log.at(-1)!.text).toBe('The first paragraph.');
    expect(player.state).toBe('playing');

    await userEvent.click(play);
    expect(player.state).toBe('paused');
    expect(status.textContent!.trim()).toBe('Paused');
    expect(play.getAttribute('aria-label')).toBe('Play');
    expect(fake.speaking).toBe(false);

    // Paused, the buttons move the position without speaking.
    const spoken = fake.log.length;
    await userEvent.click(next);
    expect(player.segmentIndex).toBe(2);
    expect(player.state).toBe('paused');
    expect(fake.log).toHaveLength(spoken);

    await userEvent.click(play);
    await untilState(player, 'playing');
    expect(fake.current?.text).toBe(SEGMENTS[2]);
    expect(events.states).toEqual(['loading', 'playing', 'paused', 'loading', 'playing']);
    expect(events.stateAttributes).toEqual(events.states);
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 1, 2]);
  });

  it('goes to the second paragraph when "next" is pressed before playing', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    await userEvent.click(controls(player).next);
    // From the start of the article the next paragraph is the one after the first, not the first again.
    expect(player.segmentIndex).toBe(1);
    expect(player.currentTime).toBeGreaterThan(0);
  });

  it('starts reading at a given paragraph with playSegment()', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    player.playSegment(2);
    await untilState(player, 'playing');
    expect(fake.log[0]!.text).toBe(SEGMENTS[2]);
    expect(events.segments.map((segment) => segment.index)).toEqual([2]);
    expect(highlighted()).toEqual([player.segments[2]!.element]);
  });
});

describe('events and highlight while reading', () => {
  it('fires listen-segmentchange 0, 1, 2, 3 with rising times, moves the highlight, then listen-ended', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    const elements = player.segments.map((segment) => segment.element);
    expect(player.segments.map((segment) => segment.text)).toEqual(SEGMENTS);

    await userEvent.click(controls(player).play);
    await untilEnded(player);

    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3]);
    const times = events.segments.map((segment) => segment.time);
    expect(times[0]).toBe(0);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    // One highlighted element at a time: the paragraph being read.
    expect(events.highlights).toEqual(elements.map((element) => [element]));
    expect(highlighted()).toEqual([]);
    expect(events.ended).toBe(1);
    expect(events.states.at(-1)).toBe('ended');
    expect(player.getAttribute('state')).toBe('ended');
    expect(events.log.at(-1)).toBe('ended');
  });

  it("works inside another component's shadow root, its events crossing out of it (composed)", async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;
    const player = shadow.querySelector('listen-player')!;
    await player.updateComplete;
    await voicesListed(player);
    expect(player.segments.map((segment) => segment.text)).toEqual(SEGMENTS);
    const heard: string[] = [];
    const stop = new AbortController();
    onTestFinished(() => stop.abort());
    for (const type of ['listen-statechange', 'listen-segmentchange', 'listen-ended'] as const) {
      const note = (event: Event) => heard.push(`${type}@${(event.target as Element).localName}`);
      document.addEventListener(type, note, { signal: stop.signal });
    }

    await userEvent.click(controls(player).play);
    await untilEnded(player);
    // Seen from the page, the events come from the component that holds the player.
    expect(heard).toContain('listen-segmentchange@div');
    expect(heard).toContain('listen-ended@div');
    expect(heard.filter((entry) => entry.startsWith('listen-segmentchange'))).toHaveLength(4);
  });

  it('marks nothing in the page with highlight="none", yet reports every paragraph', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story" highlight="none"></listen-player>`);
    await voicesListed(player);
    const events = record(player);
    const marks: MutationRecord[] = [];
    const observer = new MutationObserver((records) => marks.push(...records));
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-listen-active'], subtree: true });

    await userEvent.click(controls(player).play);
    await untilEnded(player);
    observer.disconnect();

    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3]);
    expect(marks).toEqual([]);
    expect(events.highlights.flat()).toEqual([]);
  });

  it('announces state changes in one live region, and never each paragraph', async () => {
    useFakeSpeech({ charsPerSecond: 400, startLatency: 150 });
    const player = await mount(PAGE);
    await voicesListed(player);
    const root = player.shadowRoot!;
    expect(root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')).toHaveLength(1);
    const events = record(player);

    const texts = await statusTexts(player, async () => {
      await userEvent.click(controls(player).play);
      await untilEnded(player);
    });

    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3]);
    expect(texts).toEqual(['', "Starting the browser's voice…", 'Playing', 'Finished']);
  });
});

describe('seek bar and time', () => {
  it('moves the position where the bar is clicked, and the time and its spoken value follow', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`${longArticle(12)}<listen-player for="long"></listen-player>`);
    await voicesListed(player);
    const { seek, time } = controls(player);
    const duration = player.duration;
    expect(duration).toBeGreaterThan(120);
    expect(time.textContent!.trim()).toBe(`0:00 / ${clock(duration)}`);
    expect(seek.getAttribute('aria-valuetext')).toBe(`0 seconds of ${spokenTime(duration)}`);
    expect(Number(seek.max)).toBeCloseTo(duration, 3);

    const events = record(player);
    const box = seek.getBoundingClientRect();
    await userEvent.click(seek, { position: { x: Math.round(box.width * 0.6), y: Math.round(box.height / 2) } });
    await player.updateComplete;

    // Speech seeks to the start of the sentence at that time, so the position lands a little before it.
    expect(player.currentTime).toBeGreaterThan(duration * 0.45);
    expect(player.currentTime).toBeLessThan(duration * 0.65);
    expect(events.segments).toHaveLength(1);
    expect(player.segmentIndex).toBe(events.segments[0]!.index);
    expect(player.segmentIndex).toBeGreaterThan(4);
    expect(player.state).toBe('idle');
    expect(time.textContent!.trim()).toBe(`${clock(player.currentTime)} / ${clock(duration)}`);
    expect(seek.getAttribute('aria-valuetext')).toBe(`${spokenTime(player.currentTime)} of ${spokenTime(duration)}`);
    const minutesAndSeconds = /^\d+ minutes? (\d+ seconds? )?of \d+ minutes?( \d+ seconds?)?$/;
    expect(seek.getAttribute('aria-valuetext')).toMatch(minutesAndSeconds);
    expect(seek.valueAsNumber).toBeCloseTo(player.currentTime, 3);
  });

  it('shows the time under the thumb while it is dragged ("1 minute 5 seconds"), and seeks on release', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(`${longArticle(12)}<listen-player for="long"></listen-player>`);
    await voicesListed(player);
    const { seek, time } = controls(player);
    const total = player.duration;

    // What the browser does while the thumb is dragged: `input` events, then `change` on release.
    seek.value = '65';
    seek.dispatchEvent(new Event('input', { bubbles: true }));
    await player.updateComplete;
    expect(time.textContent!.trim()).toBe(`1:05 / ${clock(total)}`);
    expect(seek.getAttribute('aria-valuetext')).toBe(`1 minute 5 seconds of ${spokenTime(total)}`);
    expect(player.currentTime).toBe(0);
    expect(player.segmentIndex).toBe(-1);

    seek.dispatchEvent(new Event('change', { bubbles: true }));
    await player.updateComplete;
    // Speech lands on the start of the sentence being read at 1:05.
    expect(player.currentTime).toBeLessThanOrEqual(65);
    expect(player.currentTime).toBeGreaterThan(50);
    expect(player.segmentIndex).toBeGreaterThan(0);
    expect(time.textContent!.trim()).toBe(`${clock(player.currentTime)} / ${clock(total)}`);
    expect(seek.getAttribute('aria-valuetext')).toBe(`${spokenTime(player.currentTime)} of ${spokenTime(total)}`);
  });
});

describe('speed and voice menus', () => {
  it('offers 0.5× to 3×; choosing a speed sets `rate`, reflects it, and speaks at it', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const { speed } = controls(player);
    expect([...speed.options].map((option) => option.textContent!.trim())).toEqual([
      '0.5×',
      '0.75×',
      '1×',
      '1.25×',
      '1.5×',
      '1.75×',
      '2×',
      '2.5×',
      '3×',
    ]);
    expect(speed.value).toBe('1');

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(fake.log.at(-1)!.rate).toBe(1);

    await userEvent.selectOptions(speed, '2');
    await player.updateComplete;
    expect(player.rate).toBe(2);
    expect(player.getAttribute('rate')).toBe('2');
    // The sentence being read is spoken again at the new rate.
    await expect.poll(() => fake.log.at(-1)!.rate).toBe(2);
    expect(fake.log.at(-1)!.text).toBe(SEGMENTS[0]);
    expect(player.state).toBe('playing');
  });

  it("lists the article's language first and speaks with the voice chosen", async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const voice = controls(player).voice!;
    const names = [...voice.options].map((option) => option.value);
    expect(names.slice(0, 2)).toEqual(['English (Great Britain)', 'English (America)']);
    expect(names.slice(2).sort()).toEqual(['Afrikaans', 'German', 'Japanese']);
    // A group per language and region (tests/browser/voice-menu.test.ts has the details).
    expect([...voice.querySelectorAll('optgroup')].map((group) => group.label)).toEqual([
      'English (United Kingdom)',
      'English (United States)',
      'Afrikaans',
      'German',
      'Japanese',
    ]);
    expect(voice.value).toBe('English (Great Britain)');

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(fake.log.at(-1)!.voice?.name).toBe('English (Great Britain)');

    await userEvent.selectOptions(voice, 'English (America)');
    await player.updateComplete;
    expect(player.voice).toBe('English (America)');
    await expect.poll(() => fake.log.at(-1)!.voice?.name).toBe('English (America)');
    expect(controls(player).voice!.value).toBe('English (America)');

    // The next paragraph keeps the voice chosen.
    await userEvent.click(controls(player).next);
    expect(player.segmentIndex).toBe(1);
    expect(fake.log.at(-1)!.voice?.name).toBe('English (America)');
  });
});

describe('which article is read', () => {
  it('reads the article given by `for`', async () => {
    useFakeSpeech();
    const player = await mount(
      `<article id="one" lang="en-GB"><p>Wrong one.</p></article>` +
        `<article id="two" lang="en-GB"><p>Right one.</p></article>` +
        `<listen-player for="two"></listen-player>`,
    );
    expect(player.segments.map((segment) => segment.text)).toEqual(['Right one.']);
  });

  it('reads the nearest article around it when `for` is absent, leaving itself out', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(
      `<article lang="en-GB"><h1>Inside.</h1><listen-player></listen-player><p>Read me too.</p></article>`,
    );
    expect(player.segments.map((segment) => segment.text)).toEqual(['Inside.', 'Read me too.']);
    await voicesListed(player);
    player.play();
    await untilEnded(player);
    expect(fake.texts).toEqual(['Inside.', 'Read me too.']);
  });

  it('else reads the next article after it, not one before it', async () => {
    useFakeSpeech();
    const player = await mount(
      `<article lang="en-GB"><p>Before.</p></article>` +
        `<listen-player></listen-player>` +
        `<div><p>Not an article.</p></div>` +
        `<article lang="en-GB"><p>After.</p></article>`,
    );
    expect(player.segments.map((segment) => segment.text)).toEqual(['After.']);
  });
});
