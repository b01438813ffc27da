/**
 * Fault matrix, the browser's speech (the fake synthesiser makes each fault happen on cue): voices that never
 * come or come late, no voice for the article's language, speech cancelled by someone else, word boundaries
 * with wrong indices, the page hidden, shown and left. Each ends in a defined state with the event and the
 * message the reader sees.
 * Elsewhere: no `speechSynthesis`, `synthesis-failed`, `not-allowed`, a chunk that never starts or never
 * ends (tests/browser/player-errors.test.ts); real speech on `pagehide` (tests/browser/real-speech.test.ts).
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FakeSpeechSynthesis, LINUX_CHROMIUM_VOICES } from '../fakes/speech-synthesis.js';
import { recordWords } from './helpers/audio.js';
import { fr } from '../../src/ui/strings/fr.js';
import { INSTANT, SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { setEngineOptions } from '../../src/player/engine-options.js';
import {
  ListenPlayer,
  SHORT_ARTICLE,
  announcements,
  controls,
  mount,
  place,
  record,
  sleep,
  unmount,
  untilState,
  voicesListed,
} from './helpers/player.js';

const PAGE = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;

afterEach(unmount);

function status(player: ListenPlayer): string {
  return controls(player).status.textContent!.trim();
}

describe('faults: voices', () => {
  it('no voices ever: no-speech after the limit, shown (not announced) once the reader reaches for the player; "Try again" announces it', async () => {
    const NO_VOICES = 'No voices for reading aloud are installed on this device.';
    const fake = useFakeSpeech({ voicesDelay: Infinity, voiceTimeout: 500 });
    const player = place(PAGE);
    const events = record(player);
    await player.updateComplete;
    const said = announcements(player);
    await userEvent.hover(player);
    await untilState(player, 'error', 5000);

    expect(events.errors).toEqual([{ code: 'no-speech', message: NO_VOICES }]);
    expect(events.states).toEqual(['error']);
    // Said before play, as the device cannot read aloud; but the reader only pointed at the player: no announcement.
    expect(status(player)).toBe(NO_VOICES);
    expect(controls(player).live.textContent!.trim()).toBe('');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Try again');
    expect(controls(player).voice).toBeNull();
    expect(fake.log).toEqual([]);

    // Asked for: waiting for the voices, said; then the same error, said this time.
    await userEvent.click(controls(player).play);
    await expect.poll(() => events.errors.length, { timeout: 5000 }).toBe(2);
    await player.updateComplete;
    expect(events.states).toEqual(['error', 'idle', 'loading', 'error']);
    expect(said).toEqual(["Waiting for the browser's voices…", NO_VOICES]);
    expect(status(player)).toBe(NO_VOICES);
    expect(fake.log).toEqual([]);
  });

  it('voices after 8 s (Chromium on a busy Linux machine), with the default limit: waits, says so, and plays', async () => {
    const fake = new FakeSpeechSynthesis({ voicesDelay: Infinity, charsPerSecond: SLOW });
    // The engine's own limit for the voices, not a test's shorter one.
    setEngineOptions({ speech: { ...fake.engineOptions(), window: null } });
    let late: ReturnType<typeof setTimeout> | undefined;
    onTestFinished(() => {
      clearTimeout(late);
      setEngineOptions({ speech: undefined });
      fake.cancel();
    });
    const player = await mount(PAGE);
    const events = record(player);
    const said = announcements(player);
    const voicesCame = new Promise<number>((resolve) =>
      fake.addEventListener('voiceschanged', () => resolve(fake.getVoices().length), { once: true }),
    );
    await userEvent.click(controls(player).play);
    // The voice list comes 8 s after play was pressed, however long the page took to get here.
    late = setTimeout(() => fake.setVoices(LINUX_CHROMIUM_VOICES), 8000);
    await expect.poll(() => controls(player).live.textContent!.trim()).toBe("Waiting for the browser's voices…");
    expect(player.state).toBe('loading');
    expect(fake.log).toEqual([]);

    expect(await voicesCame).toBeGreaterThan(0);
    await untilState(player, 'playing', 5000);
    expect(events.states).toEqual(['loading', 'playing']);
    expect(events.errors).toEqual([]);
    expect(said).toEqual(["Waiting for the browser's voices…", 'Playing']);
    expect(fake.log.map((entry) => entry.voice?.name)).toEqual(['English (Great Britain)']);
  }, 30_000);

  for (const voicesChangedEvent of [true, false]) {
    it(`voices arriving after 3 s ${voicesChangedEvent ? 'with' : 'without'} voiceschanged: loading until then, then reading`, async () => {
      const fake = useFakeSpeech({ voicesDelay: Infinity, voiceTimeout: 10_000, charsPerSecond: SLOW });
      const player = await mount(PAGE);
      const events = record(player);
      await userEvent.click(controls(player).play);
      // 3 s after play was pressed, however long the page took to get here.
      const late = setTimeout(() => fake.setVoices(LINUX_CHROMIUM_VOICES, voicesChangedEvent), 3000);
      onTestFinished(() => clearTimeout(late));
      await untilState(player, 'loading');
      await expect.poll(() => status(player)).toBe("Waiting for the browser's voices…");
      expect(fake.log).toEqual([]);

      await untilState(player, 'playing', 10_000);
      expect(events.states).toEqual(['loading', 'playing']);
      expect(events.errors).toEqual([]);
      expect(status(player)).toBe('Playing');
      expect(fake.log.map((entry) => entry.voice?.name)).toEqual(['English (Great Britain)']);
    });
  }

  it('no voice for the article’s language: says so, and reads with another voice only once the reader chooses one', async () => {
    const fake = useFakeSpeech({ charsPerSecond: INSTANT });
    const player = place(`${SHORT_ARTICLE.replace('lang="en-GB"', 'lang="fr-FR"')}<listen-player for="story"></listen-player>`);
    const events = record(player);
    await player.updateComplete;
    // The reader reaches for the player (focus, as a Tab does): the rest of it loads and its speech engine finds
    // no French voice. Said explicitly: a pointer left over the player by an earlier test would do it by chance.
    controls(player).play.focus();
    await untilState(player, 'error');
    expect(events.errors).toEqual([{ code: 'no-speech', message: 'No voice for French (France) is installed on this device.' }]);
    // Said in the player's language, French here (the event's message stays English).
    expect(status(player)).toBe(fr.noVoiceFor('français (France)'));
    // Not at all, by default: "Try again" alone still speaks nothing.
    await userEvent.click(controls(player).play);
    await untilState(player, 'error');
    expect(fake.log).toEqual([]);

    // The choice is offered: the device's voices, in the voice menu beside the message.
    await voicesListed(player);
    const menu = controls(player).voice!;
    expect([...menu.options].map((option) => option.value)).toContain('English (Great Britain)');
    await userEvent.selectOptions(menu, 'English (Great Britain)');
    await userEvent.click(controls(player).play);
    await untilState(player, 'ended');
    expect(fake.log.map((entry) => entry.voice?.name)).toEqual(Array(fake.log.length).fill('English (Great Britain)'));
    expect(fake.texts.join(' ')).toBe(player.segments.map((segment) => segment.text).join(' '));
    expect(events.states.slice(-3)).toEqual(['loading', 'playing', 'ended']);
  });
});

describe('faults: speech errors from the browser', () => {
  it('interrupted (someone else cancelled the page’s speech): paused, no error, resumable', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');

    fake.cancel(); // the page's own script, or another widget
    await untilState(player, 'paused');
    expect(events.states).toEqual(['loading', 'playing', 'paused']);
    expect(events.errors).toEqual([]);
    expect(status(player)).toBe('Paused');
    expect(fake.speaking).toBe(false);

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(fake.texts.at(-1)).toBe(fake.texts[0]);
  });

  it('canceled (a queued sentence dropped by the browser): paused, no error, resumable', async () => {
    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    fake.failNext('canceled');
    await userEvent.click(controls(player).play);
    await untilState(player, 'paused');
    expect(events.states).toEqual(['loading', 'paused']);
    expect(events.errors).toEqual([]);
    expect(status(player)).toBe('Paused');

    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(fake.current?.text).toBe('A short story.');
  });

  for (const offset of [3, -2, 10_000]) {
    it(`boundary events with charIndex off by ${offset}: every word still a real word of the sentence, in order`, async () => {
      useFakeSpeech({ boundaries: true, boundaryOffset: offset, charsPerSecond: 400 });
      const player = await mount(`${SHORT_ARTICLE}<listen-player for="story" highlight="word"></listen-player>`);
      await voicesListed(player);
      const words = recordWords(player);
      const events = record(player);
      player.play();
      await untilState(player, 'ended');

      expect(events.errors).toEqual([]);
      expect(player.wordTiming).toBe('exact');
      expect(words.length).toBeGreaterThan(0);
      for (const [i, word] of words.entries()) {
        const text = player.segments[word.segment]!.text;
        expect(word.offset).toBeGreaterThanOrEqual(0);
        expect(word.offset + word.length).toBeLessThanOrEqual(text.length);
        // Starts a word: at the start of the text or after a space.
        expect(word.offset === 0 || text[word.offset - 1] === ' ').toBe(true);
        const previous = words[i - 1];
        if (previous?.segment === word.segment) expect(word.offset).toBeGreaterThanOrEqual(previous.offset);
      }
    });
  }
});

describe('faults: the page hidden, shown and left', () => {
  /** Fake speech that listens to this window's `pagehide`, as the real engine does. */
  function fakeSpeechOnWindow(): FakeSpeechSynthesis {
    const fake = new FakeSpeechSynthesis({ charsPerSecond: SLOW });
    setEngineOptions({ speech: { ...fake.engineOptions(), window, voiceTimeout: 300 } });
    onTestFinished(() => {
      setEngineOptions({ speech: undefined });
      fake.cancel();
    });
    return fake;
  }

  /** Sets `document.visibilityState` and tells the page, as switching tabs does. */
  function visibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('hidden and shown (another tab): keeps reading, as a media player does', async () => {
    const fake = fakeSpeechOnWindow();
    onTestFinished(() => void delete (document as { visibilityState?: unknown }).visibilityState);
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    player.play();
    await untilState(player, 'playing');

    visibility('hidden');
    await sleep(100);
    expect(player.state).toBe('playing');
    expect(fake.speaking).toBe(true);
    visibility('visible');
    await sleep(100);
    expect(player.state).toBe('playing');
    expect(events.states).toEqual(['loading', 'playing']);
    expect(events.errors).toEqual([]);
    expect(fake.log).toHaveLength(1);
  });

  it('pagehide (leaving the page): speech cancelled, paused, nothing left queued; pageshow: still paused, play resumes', async () => {
    const fake = fakeSpeechOnWindow();
    const player = await mount(PAGE);
    await voicesListed(player);
    const events = record(player);
    player.play();
    await untilState(player, 'playing');

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(player.state).toBe('paused');
    await player.updateComplete;
    expect(status(player)).toBe('Paused');
    expect(fake.speaking).toBe(false);
    expect(fake.log.map((entry) => entry.outcome)).toEqual(['interrupted']);

    // Back from the back/forward cache: nothing starts by itself.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await sleep(100);
    expect(player.state).toBe('paused');
    expect(fake.log).toHaveLength(1);
    player.play();
    await untilState(player, 'playing');
    expect(events.states).toEqual(['loading', 'playing', 'paused', 'loading', 'playing']);
    expect(events.errors).toEqual([]);
    expect(fake.current?.text).toBe(fake.texts[0]);
  });
});
