/**
 * Remembered choices and failing storage, in Chromium: the reader's speed and voice carry over to other
 * articles (an attribute on the element wins), and a `localStorage` that throws — from its getter, as in a
 * sandboxed iframe, or from every call, as with a full quota — changes nothing but the remembering.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, longArticle, mount, unmount, untilState, voicesListed } from './helpers/player.js';

const ARTICLE = `${longArticle(6, 'first')}<listen-player for="first"></listen-player>`;
const OTHER = `${longArticle(7, 'second')}<listen-player for="second"></listen-player>`;
const GERMAN = `<article id="de" lang="de"><h1>Eine Geschichte.</h1><p>Der Fluss war hoch nach einer Woche Regen.</p></article>
  <listen-player for="de"></listen-player>`;

afterEach(unmount);

function leave(): void {
  document.body.replaceChildren();
}

/** A player on the fake voice, its voices listed. */
async function open(markup: string): Promise<ListenPlayer> {
  useFakeSpeech({ charsPerSecond: SLOW });
  const player = await mount(markup);
  await voicesListed(player);
  return player;
}

describe('remembered speed and voice', () => {
  it('carries the reader’s menu choices to other articles; a voice only to its language; attributes win', async () => {
    const first = await open(ARTICLE);
    await userEvent.selectOptions(controls(first).speed, '1.5');
    await userEvent.selectOptions(controls(first).voice!, 'English (America)');
    expect(first.rate).toBe(1.5);
    leave();

    const fake = useFakeSpeech({ charsPerSecond: SLOW });
    const other = await mount(OTHER);
    await voicesListed(other);
    expect(other.rate).toBe(1.5);
    expect(controls(other).speed.value).toBe('1.5');
    expect(controls(other).voice!.value).toBe('English (America)');
    other.play();
    await untilState(other, 'playing');
    expect(fake.current?.rate).toBe(1.5);
    expect(fake.current?.voice?.name).toBe('English (America)');
    leave();

    const german = await open(GERMAN);
    expect(german.rate).toBe(1.5);
    expect(controls(german).voice!.value).toBe('German');
    leave();

    const explicit = await open(ARTICLE.replace('<listen-player for="first">', '<listen-player for="first" rate="2" voice="English (Great Britain)">'));
    expect(explicit.rate).toBe(2);
    expect(controls(explicit).speed.value).toBe('2');
    expect(controls(explicit).voice!.value).toBe('English (Great Britain)');
  });

  it('remembers a speed stepped with > and <, not one the page sets', async () => {
    const first = await open(ARTICLE);
    controls(first).play.focus();
    await userEvent.keyboard('>');
    expect(first.rate).toBe(1.25);
    first.rate = 3;
    await first.updateComplete;
    leave();

    const other = await open(OTHER);
    expect(other.rate).toBe(1.25);
  });
});

/** Errors that reach the page (thrown in a handler or a promise nobody awaited), until the test finishes. */
function pageErrors(): unknown[] {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  onTestFinished(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  return errors;
}

/** Plays, pauses part way, changes the speed and leaves; then comes back: the player must work, offering nothing. */
async function useThroughFailingStorage(): Promise<void> {
  const player = await open(ARTICLE);
  player.playSegment(3);
  await untilState(player, 'playing');
  await userEvent.selectOptions(controls(player).speed, '2');
  player.pause();
  await untilState(player, 'paused');
  leave();

  const again = await open(ARTICLE);
  await again.updateComplete;
  expect(again.shadowRoot!.querySelector('[part~="resume-button"]')).toBeNull();
  expect(again.rate).toBe(1);
  again.play();
  await untilState(again, 'playing');
  expect(again.segmentIndex).toBe(0);
}

describe('storage that fails', () => {
  it('is harmless when reading `localStorage` itself throws (sandboxed iframe, blocked site data)', async () => {
    // A place saved while storage worked must not be offered once it cannot be read.
    const saved = await open(ARTICLE);
    saved.playSegment(3);
    await untilState(saved, 'playing');
    saved.pause();
    await untilState(saved, 'paused');
    leave();

    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    expect(own?.configurable).toBe(true);
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    // Restored in the test itself, so that `afterEach` can clear what was stored before.
    try {
      expect(() => window.localStorage).toThrow();
      const errors = pageErrors();
      await useThroughFailingStorage();
      expect(errors).toEqual([]);
    } finally {
      Object.defineProperty(window, 'localStorage', own!);
    }
  });

  it('is harmless when every call throws (quota exceeded, storage disabled)', async () => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const calls = [
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse),
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse),
      vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(refuse),
    ];
    try {
      const errors = pageErrors();
      await useThroughFailingStorage();
      expect(errors).toEqual([]);
      // The player did try: storage was asked, and refused, without anything reaching the page.
      expect(calls[0]!.mock.calls.length).toBeGreaterThan(0);
      expect(calls[1]!.mock.calls.length).toBeGreaterThan(0);
    } finally {
      calls.forEach((spy) => spy.mockRestore());
    }
  });
});
