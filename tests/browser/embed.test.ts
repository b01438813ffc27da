/**
 * The player embedded in markup it was not written for: the blog-theme example page (embed.html), an article
 * that appears after the player, and a player inside another component's shadow root.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import html from '../../embed.html?raw';
import { INSTANT, useFakeSpeech } from './helpers/fake-speech.js';
import { ListenPlayer, SHORT_ARTICLE, mount, record, sleep, unmount, untilState } from './helpers/player.js';

const SHORT_TEXT = ['A short story.', 'The first paragraph. It has two sentences.', 'The second paragraph is here.', 'The third paragraph ends it.'];

/** What a listener should hear of the blog post, in order: its own words, nothing the theme or the ads add. */
const POST = [
  'Twelve months of balcony tomatoes',
  'A year ago I carried six plastic pots, a sack of compost and a packet of seeds up four flights of stairs. The balcony faces south-west, it is barely wider than a door, and the wind off the river has opinions. This is what happened next.',
  'Light is the whole game',
  'The seedlings sulked on the kitchen windowsill for a month, pale and leaning toward the glass. The day they went outside they turned a darker green within a week. A balcony that feels bright to a person can still be gloomy to a tomato: mine gets full sun only from about one in the afternoon.',
  'So I stopped fighting it. I grew the small cherry varieties, which ripen on less light, and moved the pots to the railing side, where the afternoon sun reaches them first.',
  'Water, and then more water',
  'A pot in full sun dries out far faster than a bed in the ground. In August I was watering twice a day, and the plants still wilted on the hottest afternoons. The cure was boring: bigger pots, a saucer under each one, and a layer of straw on top of the soil.',
  'Here is what I would tell anyone starting out:',
  'Use pots of at least twenty litres; anything smaller dries out by lunchtime.',
  'Choose cherry or bush varieties that stay under a metre tall.',
  'Tie the stems loosely, because the wind will find anything tight.',
  'Feed every week once the first flowers open.',
  'Was it worth it?',
  'Six plants gave me a little over four kilograms of fruit, most of it eaten standing on the balcony. It was not cheaper than the market. It was, however, the best reason I have found to step outside every single morning.',
  'Next spring I am trying beans on the same railing. I will report back.',
];

/** The example page's body and language (its script and stylesheet are in the head: this test registers the element). */
function embedPage(): ListenPlayer {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const lang = document.documentElement.lang;
  document.documentElement.lang = parsed.documentElement.lang;
  onTestFinished(() => {
    document.documentElement.lang = lang;
  });
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  return document.querySelector('listen-player')!;
}

/** Resolves when the player has loaded an engine for an article it found (the total time is known). */
async function untilRead(player: ListenPlayer): Promise<void> {
  await expect.poll(() => player.activeEngine, { timeout: 5000 }).toBe('speech');
  await player.updateComplete;
}

afterEach(() => unmount());

describe('embedded in a blog theme (embed.html)', () => {
  it('is one script and one element on a page that knows nothing else of the player', () => {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const scripts = [...parsed.querySelectorAll('script')];
    expect(scripts.map((script) => [script.type, script.getAttribute('src')])).toEqual([['module', '/src/define.ts']]);
    expect(parsed.querySelectorAll('listen-player')).toHaveLength(1);
    // Strict CSP: no inline script or style anywhere on the page.
    expect(parsed.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(parsed.querySelector('article')).toBeNull();
  });

  it('reads the post only: not the ad, the related posts, the pull quote, captions, meta or footers', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = embedPage();
    await untilRead(player);
    const spoken = player.segments.map((segment) => segment.text);
    expect(spoken).toEqual(POST);
    const all = spoken.join('\n');
    for (const unread of ['Advertisement', 'BALCONY', 'Related posts', 'worm bin', 'Posted', 'Mira', 'first truss', 'Tagged', 'Journal']) {
      expect(all).not.toContain(unread);
    }
    // The pull quote repeats a sentence of the post: heard once, where the post says it.
    expect(all.split('gloomy to a tomato')).toHaveLength(2);
    expect(player.segments.every((segment) => segment.lang === 'en-US')).toBe(true);
  });

  it('plays the post to the end, highlighting each paragraph of the theme in turn', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = embedPage();
    await untilRead(player);
    const events = record(player);
    player.play();
    await untilState(player, 'ended');
    expect(events.segments.map((segment) => segment.index)).toEqual(POST.map((_, index) => index));
    expect(events.highlights.map((elements) => elements.map((element) => element.localName))).toEqual(
      player.segments.map((segment) => [segment.element.localName]),
    );
    expect(events.errors).toEqual([]);
  });
});

describe('an article that appears after the player', () => {
  it('waits, idle and silent, then reads the article once `for` names an element on the page', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<listen-player for="story"></listen-player>`);
    const events = record(player);
    await sleep(50);
    expect(player.state).toBe('idle');
    expect(player.activeEngine).toBeNull();

    document.body.insertAdjacentHTML('afterbegin', SHORT_ARTICLE);
    await untilRead(player);
    expect(player.state).toBe('idle');
    expect(player.duration).toBeGreaterThan(0);
    expect(player.segments.map((segment) => segment.text)).toEqual(SHORT_TEXT);

    player.play();
    await untilState(player, 'ended');
    expect(events.segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3]);
    expect(events.errors).toEqual([]);
  });

  it('waits, without an error, for an empty article shell to be filled in', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<listen-player for="story"></listen-player><article id="story" lang="en-GB"></article>`);
    const events = record(player);
    await sleep(50);
    // An empty article is not read yet (it would fail with "no text"): the player waits, idle.
    expect(player.activeEngine).toBeNull();
    expect(player.state).toBe('idle');
    expect(events.errors).toEqual([]);

    const template = document.createElement('template');
    template.innerHTML = SHORT_ARTICLE;
    document.getElementById('story')!.append(...template.content.querySelector('article')!.childNodes);
    await untilRead(player);
    expect(player.segments.map((segment) => segment.text)).toEqual(SHORT_TEXT);
    expect(player.state).toBe('idle');
    expect(events.errors).toEqual([]);
  });

  it('reads an element that is given the id `for` names later', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<listen-player for="story"></listen-player>${SHORT_ARTICLE.replace('id="story"', '')}`);
    await sleep(50);
    expect(player.activeEngine).toBeNull();
    document.querySelector('article')!.id = 'story';
    await untilRead(player);
    expect(player.segments.map((segment) => segment.text)).toEqual(SHORT_TEXT);
  });

  it('waits again when `for` is changed to an element that is not there yet', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`${SHORT_ARTICLE}<listen-player for="story"></listen-player>`);
    await untilRead(player);
    player.setAttribute('for', 'later');
    await player.updateComplete;
    document.body.insertAdjacentHTML('beforeend', '<article id="later" lang="en-GB"><p>Written later.</p></article>');
    await expect.poll(() => player.segments.map((segment) => segment.text)).toEqual(['Written later.']);
    await untilRead(player);
  });

  it('stops watching when the player is removed', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const player = await mount(`<div><listen-player for="story"></listen-player></div>`);
    player.remove();
    document.body.insertAdjacentHTML('beforeend', SHORT_ARTICLE);
    await sleep(50);
    // Found, it would have loaded an engine for the article.
    expect(player.activeEngine).toBeNull();
  });
});

describe("inside another component's shadow root", () => {
  function component(): ShadowRoot {
    const host = document.createElement('div');
    document.body.append(host);
    return host.attachShadow({ mode: 'open' });
  }

  it('resolves `for` in its own root first, then the document', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    document.body.innerHTML = '<article id="story" lang="en-GB"><p>The page has an article of this id too.</p></article>';
    const shadow = component();
    shadow.innerHTML = `${SHORT_ARTICLE}<listen-player for="story"></listen-player>`;
    const player = shadow.querySelector('listen-player')!;
    await untilRead(player);
    expect(player.segments.map((segment) => segment.text)).toEqual(SHORT_TEXT);

    const other = component();
    other.innerHTML = '<listen-player for="story"></listen-player>';
    const outer = other.querySelector('listen-player')!;
    await untilRead(outer);
    expect(outer.segments.map((segment) => segment.text)).toEqual(['The page has an article of this id too.']);
  });

  it('waits for its article to appear inside the shadow root', async () => {
    useFakeSpeech({ charsPerSecond: INSTANT });
    const shadow = component();
    shadow.innerHTML = '<listen-player for="story"></listen-player>';
    const player = shadow.querySelector('listen-player')!;
    await player.updateComplete;
    await sleep(50);
    expect(player.activeEngine).toBeNull();

    shadow.querySelector('listen-player')!.insertAdjacentHTML('beforebegin', SHORT_ARTICLE);
    await untilRead(player);
    expect(player.segments.map((segment) => segment.text)).toEqual(SHORT_TEXT);
    expect(player.segments[1]!.element.getRootNode()).toBe(shadow);
  });
});
