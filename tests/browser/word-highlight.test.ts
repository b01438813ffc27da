/**
 * The word highlight in real Chromium: the CSS Custom Highlight API's `listen-word` range over the page's own
 * text, for recorded narration (the manifest's words) and for Web Speech with and without boundary events;
 * `highlight="paragraph"`/`"none"`; and a browser without the API, which keeps the paragraph highlight.
 */
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { wordSpans } from '../../src/article/chunk.js';
import { placeDemo, seedManifest } from './helpers/audio.js';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { ListenPlayer, highlighted, mount, record, unmount, untilState } from './helpers/player.js';

/** Inline markup, hidden and listener-only text, a `<br>` and NBSP: the range must find words through all of it. */
const MARKED_UP = `
  <article id="story" lang="en-GB">
    <h1>A <em>marked up</em> story</h1>
    <p>The <a href="#">first&nbsp;paragraph</a> has <strong>bold <i>and</i></strong> italic words<sup aria-hidden="true">1</sup>.</p>
    <p>It costs <span aria-hidden="true">£5</span><span data-listen-only hidden>five pounds</span>,<br>they said
      <span data-listen-skip>(skipped)</span> at   noon.</p>
  </article>
  <listen-player for="story" highlight="word"></listen-player>`;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of the `listen-word` highlight's ranges, or null when there is no such highlight. */
function highlightedWords(): string[] | null {
  const highlight = CSS.highlights.get('listen-word');
  return highlight ? [...highlight].map((range) => normalise((range as Range).toString())) : null;
}

/** For each `listen-wordchange`: the word by the event's own numbers, and what the highlight shows as it fires. */
function watchWords(player: ListenPlayer, word: (segment: number, index: number) => string) {
  const seen: { expected: string; shown: string[] | null; inParagraph: boolean }[] = [];
  const stop = new AbortController();
  onTestFinished(() => stop.abort());
  player.addEventListener(
    'listen-wordchange',
    ({ detail }) => {
      const element = player.segments[detail.segment]!.element;
      const range = CSS.highlights.get('listen-word') ? ([...CSS.highlights.get('listen-word')!][0] as Range | undefined) : undefined;
      seen.push({
        expected: normalise(word(detail.segment, detail.word)),
        shown: highlightedWords(),
        inParagraph: !!range && element.contains(range.commonAncestorContainer),
      });
    },
    { signal: stop.signal },
  );
  return seen;
}

/** The words of a segment's text, as Intl.Segmenter gives them. */
function segmenterWords(player: ListenPlayer, segment: number): string[] {
  const { text, lang } = player.segments[segment]!;
  const { starts, ends } = wordSpans(text, lang);
  return [...starts].map((start, i) => text.slice(start, ends[i]));
}

afterEach(unmount);

describe('word highlight', () => {
  it('recorded narration: at every word, the highlight is the manifest word of the paragraph read', async () => {
    const manifest = await seedManifest();
    const player = placeDemo();
    player.setAttribute('highlight', 'word');
    player.setAttribute('rate', '3');
    const seen = watchWords(player, (segment, word) => {
      const [, , offset, length] = manifest.segments[segment]!.words[word]!;
      return player.segments[segment]!.text.slice(offset, offset + length);
    });
    await player.updateComplete;
    await expect.poll(() => player.duration, { timeout: 5000 }).toBeGreaterThan(0);
    // Known once the engine is loaded (the rest of the player loads on a pointer over it, or on play).
    expect(player.wordTiming).toBeNull();
    await userEvent.hover(player);
    await expect.poll(() => player.wordTiming).toBe('exact');
    // From the second paragraph: the audio is not at its start, and the first words are checked as well.
    player.playSegment(1);
    await untilState(player, 'playing');
    await expect.poll(() => seen.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(15);
    player.pause();
    await untilState(player, 'paused');
    for (const { expected, shown, inParagraph } of seen) {
      expect(shown).toEqual([expected]);
      expect(inParagraph).toBe(true);
    }
    // Paused, the word stays where reading stopped.
    expect(highlightedWords()).toEqual([seen.at(-1)!.expected]);
    // The end of the article clears it.
    player.seek(player.duration - 0.5);
    player.play();
    await untilState(player, 'ended');
    expect(CSS.highlights.get('listen-word')?.size ?? 0).toBe(0);
  });

  for (const boundaries of [true, false]) {
    const timing = boundaries ? 'exact' : 'estimated';
    it(`Web Speech ${boundaries ? 'with' : 'without'} boundary events: the words in order, timing ${timing}`, async () => {
      // Without boundaries, word times are estimated from ~14.5 characters a second at rate 1 (corrected as
      // sentences are measured): a voice about that fast, sped up by the rate, is followed word for word.
      useFakeSpeech({ boundaries, charsPerSecond: boundaries ? 120 : 15 });
      const player = await mount(MARKED_UP.replace('highlight="word"', 'highlight="word" rate="3"'));
      const seen = watchWords(player, (segment, word) => segmenterWords(player, segment)[word]!);
      const order: number[] = [];
      player.addEventListener('listen-wordchange', ({ detail }) => order.push(detail.segment * 1000 + detail.word));
      expect(player.wordTiming).toBeNull();
      player.play();
      await untilState(player, 'ended');
      expect(player.wordTiming).toBe(timing);
      const expected = player.segments.flatMap((_, i) => segmenterWords(player, i));
      expect(expected).toContain('pounds');
      expect(expected).not.toContain('skipped');
      // At every word, the highlight is exactly the word the event names, inside its paragraph...
      for (const entry of seen) {
        expect(entry.shown).toEqual([entry.expected]);
        expect(entry.inParagraph).toBe(true);
      }
      // ...in reading order.
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(order).size).toBe(order.length);
      if (boundaries) {
        expect(seen.map((entry) => entry.expected)).toEqual(expected);
      } else {
        // Estimated times run on timers, which a busy machine delays: then the word due by then is shown and
        // one in between may be passed over (each lasts ~70 ms here). Hardly any may be.
        expect(seen.length).toBeGreaterThanOrEqual(expected.length - 2);
      }
      expect(CSS.highlights.get('listen-word')?.size ?? 0).toBe(0);
    });
  }

  it('removes the word highlight when the player is removed, and leaves the page text untouched', async () => {
    useFakeSpeech({ boundaries: true, charsPerSecond: 8 });
    const player = await mount(MARKED_UP);
    const article = document.getElementById('story')!;
    const before = article.innerHTML;
    player.play();
    await expect.poll(highlightedWords).toEqual(['A']);
    expect(article.innerHTML.replace(/ data-listen-active=""/g, '')).toBe(before);
    player.remove();
    expect(CSS.highlights.get('listen-word')?.size ?? 0).toBe(0);
  });

  for (const mode of ['paragraph', 'none'] as const) {
    it(`highlight="${mode}" leaves the word highlight empty${mode === 'paragraph' ? ', the paragraph lit' : ''}`, async () => {
      useFakeSpeech({ boundaries: true, charsPerSecond: 40 });
      const player = await mount(MARKED_UP.replace('highlight="word"', `highlight="${mode}"`));
      let words = 0;
      const lit: number[] = [];
      player.addEventListener('listen-wordchange', () => {
        words++;
        lit.push(CSS.highlights.get('listen-word')?.size ?? 0);
      });
      player.playSegment(1);
      await expect.poll(() => words).toBeGreaterThan(3);
      expect(lit.every((size) => size === 0)).toBe(true);
      expect(highlighted()).toEqual(mode === 'paragraph' ? [player.segments[1]!.element] : []);
      player.pause();
    });
  }

  it('turning highlight="word" off while reading clears the word at the next change', async () => {
    useFakeSpeech({ boundaries: true, charsPerSecond: 20 });
    const player = await mount(MARKED_UP);
    player.playSegment(1);
    await expect.poll(highlightedWords).toEqual(['The']);
    player.highlight = 'paragraph';
    await expect.poll(() => CSS.highlights.get('listen-word')?.size ?? 0).toBe(0);
    player.pause();
  });

  it('without the Highlight API: paragraph highlighting only, nothing thrown', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(CSS, 'highlights')!;
    // As in a browser without the CSS Custom Highlight API.
    delete (CSS as { highlights?: unknown }).highlights;
    onTestFinished(() => {
      Object.defineProperty(CSS, 'highlights', descriptor);
    });
    expect('highlights' in CSS).toBe(false);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('error' in event ? event.error : event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    onTestFinished(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    });
    useFakeSpeech({ boundaries: true, charsPerSecond: 120 });
    const player = await mount(MARKED_UP);
    const events = record(player);
    let words = 0;
    player.addEventListener('listen-wordchange', () => words++);
    player.play();
    await untilState(player, 'ended');
    expect(events.errors).toEqual([]);
    expect(errors).toEqual([]);
    expect(words).toBeGreaterThan(10);
    expect(events.highlights.map((elements) => elements.map((element) => element.localName))).toEqual([['h1'], ['p'], ['p']]);
  });

  it('has a default style the page overrides with its own rule or --listen-word-highlight', async () => {
    useFakeSpeech({ boundaries: true, charsPerSecond: 40 });
    const player = await mount(MARKED_UP);
    player.play(); // the default style is adopted when the article is first read
    await untilState(player, 'playing');
    player.pause();
    // The paragraph being read (still marked while paused): the only place the word is ever highlighted.
    const paragraph = player.segments[player.segmentIndex]!.element as HTMLElement;
    expect(paragraph.hasAttribute('data-listen-active')).toBe(true);
    const colour = () => getComputedStyle(paragraph, '::highlight(listen-word)').backgroundColor;
    expect(colour()).not.toBe('rgba(0, 0, 0, 0)');
    paragraph.style.setProperty('--listen-word-highlight', 'rgb(1, 2, 3)');
    expect(colour()).toBe('rgb(1, 2, 3)');
    // A page rule without any layer wins, even though the default came later (an adopted sheet).
    const page = new CSSStyleSheet();
    page.replaceSync('::highlight(listen-word) { background-color: rgb(200, 0, 0); }');
    document.adoptedStyleSheets = [page, ...document.adoptedStyleSheets];
    onTestFinished(() => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== page);
    });
    expect(colour()).toBe('rgb(200, 0, 0)');
  });
});
