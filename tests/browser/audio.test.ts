/**
 * The demo article with its recorded narration, in real Chromium: howler comes in only on the first play,
 * and the whole seed audio, played through at 3×, moves the paragraph and word highlight along the audio, in
 * order and never ahead of it, and ends with `listen-ended` (it takes about 100 s). How closely the highlight
 * follows the audio clock, and how many words a frame-by-frame highlight can miss, depend on the machine's
 * load: `npm run bench` measures them against their budgets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ListenSegmentChangeDetail } from '../../src/player/events.js';
import { placeDemo, recordWords, seedManifest, spread, watchMedia, withoutStallNotices } from './helpers/audio.js';
import { clock, controls, highlighted, record, untilState, unmount } from './helpers/player.js';

/** The rate of the full pass. */
const RATE = 3;

afterEach(unmount);

/** Resource timing entries of howler's module (the page's network and module graph). */
function howlerRequests(): PerformanceEntry[] {
  return performance.getEntriesByType('resource').filter((entry) => entry.name.includes('howler'));
}

describe('recorded narration', () => {
  // First in this file: the page must not have loaded howler for an earlier test.
  it('requests howler on the first play, not before', async () => {
    const player = placeDemo();
    await player.updateComplete;
    await expect.poll(() => player.duration, { timeout: 5000 }).toBeGreaterThan(0);
    // The manifest is in, the element rendered: everything short of playing has happened.
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/audio/seed.json'))).toBe(true);
    expect(howlerRequests()).toEqual([]);
    expect('Howler' in window).toBe(false);

    const pressed = performance.now();
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing', 10_000);
    const requests = howlerRequests();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]!.startTime).toBeGreaterThanOrEqual(pressed);
    expect('Howler' in window).toBe(true);
    player.pause();
  });

  const title = 'plays the whole seed audio at 3×, each paragraph and word highlighted as the audio reaches it';
  it(title, { timeout: 150_000 }, async ({ annotate }) => {
    const manifest = await seedManifest();
    const player = placeDemo();
    player.setAttribute('rate', String(RATE));
    const events = record(player);
    const words = recordWords(player);
    const media = watchMedia();
    /** For each `listen-segmentchange`: its detail and the player's clock read as it fired. */
    const changes: { detail: ListenSegmentChangeDetail; clock: number }[] = [];
    player.addEventListener('listen-segmentchange', (event) => changes.push({ detail: event.detail, clock: player.currentTime }));
    await player.updateComplete;

    // Before playing: the audio engine, the manifest's length, a link to the file it will play.
    expect(player.activeEngine).toBe('audio');
    await expect.poll(() => player.duration, { timeout: 5000 }).toBe(manifest.duration);
    await player.updateComplete;
    const { segments } = player;
    expect(segments).toHaveLength(manifest.segments.length);
    expect(controls(player).time.textContent!.trim()).toBe(`0:00 / ${clock(manifest.duration)}`);
    // The link comes with the rest of the player, which a pointer over it loads.
    await userEvent.hover(player);
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="download"]')).not.toBeNull();
    const download = player.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="download"]');
    expect(download!.hasAttribute('download')).toBe(true);
    const offered = manifest.sources.map((source) => new URL(source.src, new URL('/audio/seed.json', location.href)).href);
    expect(offered).toContain(download!.href);

    // Loading until the audio can play, then playing, said in the status line. (How long "loading" lasts
    // depends on the machine: audio-controls.test.ts holds it back to check what it shows.)
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing', 10_000);
    expect(events.states.slice(0, 2)).toEqual(['loading', 'playing']);
    expect(controls(player).status.textContent!.trim()).toBe('Playing');
    // What plays is what the link offers.
    expect(media.elements().map((element) => element.currentSrc)).toContain(download!.href);

    await untilState(player, 'ended', 130_000);
    expect(withoutStallNotices(events.states)).toEqual(['loading', 'playing', 'ended']);
    expect(events.ended).toBe(1);
    expect(events.errors).toEqual([]);
    expect(highlighted()).toEqual([]);

    // Every paragraph, once, in order, highlighted alone as it became active.
    expect(changes.map((change) => change.detail.index)).toEqual(segments.map((_, i) => i));
    expect(events.highlights).toEqual(segments.map((segment) => [segment.element]));
    // ...once the audio reached its start, never before: the clock then, and the event's `time`.
    const lags = changes.map(({ detail, clock: at }) => {
      const start = manifest.segments[detail.index]!.start;
      const said = `segment ${detail.index} starts at ${start}`;
      expect(at - start, `${said}: clock ${at}`).toBeGreaterThanOrEqual(-0.001);
      expect(detail.time - start, `${said}: time ${detail.time}`).toBeGreaterThanOrEqual(-0.001);
      return at - start;
    });
    const { min, median, max } = spread(lags);
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
    await annotate(`clock − segment start at ${RATE}×: min ${ms(min)}, median ${ms(median)}, max ${ms(max)}`);

    // Words: each a word of the manifest, reported while it is spoken, in reading order.
    expect(words.length).toBeGreaterThan(0);
    words.forEach((change, i) => {
      const word = manifest.segments[change.segment]?.words[change.word];
      expect(word, `event ${i}: segment ${change.segment}, word ${change.word}`).toBeDefined();
      expect(change.time).toBeGreaterThanOrEqual(word![0]);
      expect(change.time).toBeLessThan(word![1]);
      const previous = words[i - 1];
      if (previous) {
        const later = change.segment > previous.segment || (change.segment === previous.segment && change.word > previous.word);
        expect(later, `event ${i} (${change.segment}:${change.word}) after ${previous.segment}:${previous.word}`).toBe(true);
      }
    });
    // Words in every paragraph (how many of the shortest, a frame or two long at 3×, are missed: the benchmark).
    expect(new Set(words.map((change) => change.segment))).toEqual(new Set(segments.map((_, i) => i)));
    const total = manifest.segments.reduce((sum, segment) => sum + segment.words.length, 0);
    const wordLags = spread(words.map((change) => change.time - manifest.segments[change.segment]!.words[change.word]![0]));
    await annotate(`${words.length} of ${total} words; time − word start: median ${ms(wordLags.median)}, max ${ms(wordLags.max)}`);
  });
});
