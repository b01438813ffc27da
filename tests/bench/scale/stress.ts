// The benchmark's stress cases, on the scale page: opening the paragraph list of a long article, play → sound
// with 100,000 paragraphs, a 5 MB paragraph with the mini player shown, and `src` changed 100 times a second.
// Speech is the tests' fake synthesiser (a real one would time the voice, not the player); its `start` is the
// sound. The Node side (tests/bench/scale.mjs) adds the main-thread time of the `src` changes through CDP.
import { FakeSpeechSynthesis } from '../../fakes/speech-synthesis.js';
import { ListenPlayer } from '../../../src/define.js';
import { setEngineOptions } from '../../../src/player/engine-options.js';
import { manyParagraphs } from '../../fixtures/many-paragraphs.js';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Empties the page and puts `article` and a speaking player for it there; resolves once it knows its segments. */
async function speaking(article: HTMLElement, playerFirst = false): Promise<ListenPlayer> {
  const fake = new FakeSpeechSynthesis({ charsPerSecond: 15 });
  setEngineOptions({ speech: { ...fake.engineOptions(), window: null, voiceTimeout: 300 } });
  const host = document.getElementById('host')!;
  host.replaceChildren();
  const player = document.createElement('listen-player');
  player.setAttribute('for', article.id);
  player.setAttribute('no-follow', '');
  host.append(...(playerFirst ? [player, article] : [article, player]));
  await player.updateComplete;
  while (!player.segments.length) await wait(10);
  return player;
}

/**
 * A pointer over the player, as before a click: the rest of the player loads (and with it the engine); resolves
 * once it has (the voice menu is the rest's).
 */
async function hovered(player: ListenPlayer): Promise<void> {
  player.dispatchEvent(new PointerEvent('pointerenter'));
  while (!player.shadowRoot!.querySelector('[part~="voice"]')) await wait(10);
}

/**
 * Laid out and painted before the clock starts, as a page is long before the reader presses anything: a long
 * page's first layout and paint (0.4–0.6 s at 100,000 paragraphs) are the page's, not the player's.
 */
async function painted(): Promise<void> {
  void document.body.offsetHeight;
  await frame();
  await frame();
}


/**
 * When the player next becomes `playing` (the speech's `start`), from the event itself: polling would see it
 * only after the frame the change brings, which on a long page is 100 ms and more of painting.
 */
function playing(player: ListenPlayer): Promise<number> {
  return new Promise((resolve) => {
    const on = (event: CustomEvent<{ state: string }>) => {
      if (event.detail.state !== 'playing') return;
      player.removeEventListener('listen-statechange', on);
      resolve(performance.now());
    };
    player.addEventListener('listen-statechange', on);
  });
}

/**
 * The paragraph list, as soon as it is in the player's shadow DOM (cold, the press loads the rest of the player
 * first; the first press loads the list's module). From the insertion itself: a poll on a timer would see it
 * only after the frame the insertion brings, which on a long page is 50–250 ms of the page's paint (every
 * option below the player moves) that the press of a loaded list does not wait for either.
 */
function listShown(player: ListenPlayer): Promise<HTMLElement> {
  const root = player.shadowRoot!;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('The paragraph list did not open within 10 s of the press.'));
    }, 10_000);
    const observer = new MutationObserver(() => {
      const list = root.querySelector<HTMLElement>('[part~="paragraphs"]');
      if (!list) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(list);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

async function until(player: ListenPlayer, state: string): Promise<void> {
  while (player.state !== state) await wait(1);
}

export const stress = {
  /**
   * Opens the paragraph list of an article of `count` paragraphs: ms from the press to the list laid out.
   * `warm`: the pointer was over the player first (the rest of it loaded); else the press loads it.
   * `chapterEvery`: a chapter heading before every so many paragraphs (the list grouped by chapter).
   */
  async openList(count: number, warm = true, chapterEvery = 0) {
    const player = await speaking(manyParagraphs(count, 'stress', chapterEvery), true);
    if (warm) await hovered(player);
    await painted();
    const open = async () => {
      performance.mark('listen-bench:start');
      const start = performance.now();
      const shown = listShown(player);
      player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!.click();
      void (await shown).offsetHeight;
      performance.mark('listen-bench:end');
      return performance.now() - start;
    };
    const ms = await open();
    const options = player.shadowRoot!.querySelectorAll('[part~="paragraphs"] button').length;
    player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!.click(); // closed
    await player.updateComplete;
    return { ms, reopenMs: await open(), options };
  },

  /** `play()` → the first utterance's `start` (state `playing`) with `count` paragraphs, voices listed; `warm` as above. */
  async playToSound(count: number, warm = true) {
    const player = await speaking(manyParagraphs(count, 'stress'));
    if (warm) await hovered(player);
    await painted();
    performance.mark('listen-bench:start');
    const start = performance.now();
    let sounding = playing(player);
    player.play();
    const ms = (await sounding) - start;
    performance.mark('listen-bench:end');
    player.pause();
    await until(player, 'paused');
    // Again, from a paragraph in the middle (not cut into sentences yet): the page's first-time costs are paid.
    const again = performance.now();
    sounding = playing(player);
    player.playSegment(Math.floor(count / 2));
    const againMs = (await sounding) - again;
    player.pause();
    return { ms, againMs };
  },

  /** Long tasks (≥ 50 ms) in `ms` of reading a 5 MB paragraph with the mini player shown. */
  async hugeParagraph(ms: number) {
    const article = document.createElement('article');
    article.id = 'stress';
    article.lang = 'en-GB';
    const sentence = 'The river was high after a week of rain, and the bridge was closed to traffic. ';
    const paragraph = document.createElement('p');
    paragraph.textContent = sentence.repeat(Math.ceil(5_000_000 / sentence.length)).trim();
    article.append(paragraph);
    const player = await speaking(article, true);
    player.removeAttribute('no-follow');
    player.play();
    await until(player, 'playing');
    window.scrollTo(0, 4000);
    while (!player.shadowRoot!.querySelector('[part~="mini-player"]')) await wait(10);
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    await wait(ms);
    observer.disconnect();
    player.pause();
    window.scrollTo(0, 0);
    return { longTasks: tasks.length, longestMs: Math.max(0, ...tasks) };
  },

  /**
   * Changes the (reading) audio player's `src` `count` times, every 10 ms, among URLs of the same manifest;
   * resolves once it plays the last one, with how many manifest requests went out.
   */
  async srcChanges(base: string, count: number) {
    const player = document.querySelector('listen-player')!;
    const requested = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`${base}?take=`)).length;
    for (let i = 1; i <= count; i++) {
      player.src = `${base}?take=${i}`;
      await wait(10);
    }
    const start = performance.now();
    const last = `${base}?take=${count}`;
    while (!performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(last))) await wait(5);
    while (player.state !== 'playing') await wait(5);
    const settleMs = performance.now() - start;
    player.pause();
    return { requests: requested(), settleMs };
  },
};
