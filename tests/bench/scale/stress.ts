// The benchmark's stress cases, on the scale page: opening the paragraph list of a long article, play → sound
// with 100,000 paragraphs, a 5 MB paragraph with the mini player shown, and `src` changed 100 times a second.
// Speech is the tests' fake synthesiser (a real one would time the voice, not the player); its `start` is the
// sound. The Node side (tests/bench/scale.mjs) adds the main-thread time of the `src` changes through CDP.
import { FakeSpeechSynthesis } from '../../fakes/speech-synthesis.js';
import { ListenPlayer } from '../../../src/define.js';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Empties the page and puts `article` and a speaking player for it there; resolves once it knows its segments. */
async function speaking(article: HTMLElement, playerFirst = false): Promise<ListenPlayer> {
  const fake = new FakeSpeechSynthesis({ charsPerSecond: 15 });
  ListenPlayer.speechOptions = { ...fake.engineOptions(), window: null, voiceTimeout: 300 };
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

function paragraphs(count: number): HTMLElement {
  const article = document.createElement('article');
  article.id = 'stress';
  article.lang = 'en-GB';
  for (let i = 1; i <= count; i++) {
    const paragraph = document.createElement('p');
    paragraph.textContent = `Paragraph ${i} of the long story. It has two sentences.`;
    article.append(paragraph);
  }
  return article;
}

async function until(player: ListenPlayer, state: string): Promise<void> {
  while (player.state !== state) await wait(1);
}

export const stress = {
  /** Opens the paragraph list of an article of `count` paragraphs: ms from the press to the list laid out. */
  async openList(count: number) {
    const player = await speaking(paragraphs(count), true);
    // The rest of the player (and the list with it) loads on first use: loaded before the clock starts.
    player.pause();
    while (!player.shadowRoot!.querySelector('[part~="paragraphs-button"]')) await wait(10);
    await frame();
    const button = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="paragraphs-button"]')!;
    // Laid out before the clock starts: a first layout of a long page is the page's cost, not the list's.
    void document.body.offsetHeight;
    const open = async () => {
      const start = performance.now();
      button.click();
      await player.updateComplete;
      void player.shadowRoot!.querySelector<HTMLElement>('[part~="paragraphs"]')!.offsetHeight;
      return performance.now() - start;
    };
    const ms = await open();
    const options = player.shadowRoot!.querySelectorAll('[part~="paragraphs"] button').length;
    button.click(); // closed
    await player.updateComplete;
    return { ms, reopenMs: await open(), options };
  },

  /** `play()` → the first utterance's `start` (state `playing`) with `count` paragraphs, voices already listed. */
  async playToSound(count: number) {
    const player = await speaking(paragraphs(count));
    // The rest of the player loaded (as a pointer over it does), not yet the engine.
    player.pause();
    while (!player.shadowRoot!.querySelector('[part~="paragraphs-button"]')) await wait(10);
    await frame();
    // Laid out before the clock starts, as a page is long before the reader presses play.
    void document.body.offsetHeight;
    const start = performance.now();
    player.play();
    await until(player, 'playing');
    const ms = performance.now() - start;
    player.pause();
    await until(player, 'paused');
    // Again, from a paragraph in the middle (not cut into sentences yet): the page's first-time costs are paid.
    const again = performance.now();
    player.playSegment(Math.floor(count / 2));
    await until(player, 'playing');
    const againMs = performance.now() - again;
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
