// @vitest-environment happy-dom
/**
 * The pure parts of the playlist and "Up next": the links read as items, the same-origin rule, which element
 * of a fetched page is its article (the player's rules), its headline, the copy brought into the playlist,
 * the next article's URL, and the place remembered in a playlist.
 */
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { importArticle, pageTitle, pickArticle } from '../../../src/playlist/article-page.js';
import { readItems, sameOrigin } from '../../../src/playlist/items.js';
import { loadPlace, playlistKey, savePlace } from '../../../src/playlist/memory.js';
import { safeStorage, type KeyValueStorage } from '../../../src/player/persistence.js';
import { MEDIA_TRACKS } from '../../../src/player/media-tracks.js';
import { nextArticleUrl } from '../../../src/ui/up-next-hook.js';

const BASE = 'https://news.example/world/index.html';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readItems', () => {
  it('reads every link in order, in any wrapper, with absolute URLs, its text as the title, and data-listen-src', () => {
    const root = document.createElement('div');
    root.innerHTML = `<ul><li><a href="a.html">  First
      story </a></li><li><p><a href="/b.html" data-listen-src="../audio/b.json">Second</a></p></li></ul>
      <a href="https://elsewhere.example/c.html"></a><a>no href</a>`;
    expect(readItems(root, BASE)).toEqual([
      { title: 'First story', href: 'https://news.example/world/a.html', state: 'queued' },
      { title: 'Second', href: 'https://news.example/b.html', src: 'https://news.example/audio/b.json', state: 'queued' },
      { title: 'https://elsewhere.example/c.html', href: 'https://elsewhere.example/c.html', state: 'queued' },
    ]);
  });

  it('tells the page’s origin from another', () => {
    expect(sameOrigin('https://news.example/a.html', 'https://news.example')).toBe(true);
    expect(sameOrigin('http://news.example/a.html', 'https://news.example')).toBe(false);
    expect(sameOrigin('https://news.example:8443/a.html', 'https://news.example')).toBe(false);
    expect(sameOrigin('not a url', 'https://news.example')).toBe(false);
  });
});

describe('pickArticle', () => {
  it('takes the article the page’s player names (for), with its settings made absolute', () => {
    const page = pickArticle(
      parse(`<html lang="fr"><head><meta property="og:title" content="The headline"></head><body>
        <article><p>Not this one.</p></article>
        <div id="story" lang="en-GB"><p>This one.</p></div>
        <listen-player for="story" src="audio/a.json" lexicon="/lex.json"></listen-player></body></html>`),
      BASE,
    )!;
    expect(page.article.id).toBe('story');
    expect(page).toMatchObject({ src: 'https://news.example/world/audio/a.json', lexicon: 'https://news.example/lex.json', lang: 'en-GB', title: 'The headline' });
  });

  it('takes the player’s own article (its ancestor, else the next <article>), else the page’s article or main content', () => {
    const inside = parse('<article id="a"><listen-player></listen-player><p>A.</p></article>');
    expect(pickArticle(inside, BASE)!.article.id).toBe('a');
    const after = parse('<article id="x"><p>X.</p></article><listen-player></listen-player><article id="y"><p>Y.</p></article>');
    expect(pickArticle(after, BASE)!.article.id).toBe('y');
    expect(pickArticle(parse('<main id="m"><p>M.</p></main>'), BASE)!.article.id).toBe('m');
    expect(pickArticle(parse('<html lang="de"><body><article><p>A.</p></article></body></html>'), BASE)!.lang).toBe('de');
  });

  it('finds nothing in a page without an article, and never an element of the live document', () => {
    document.body.innerHTML = '<div id="live"><p>The page around the playlist.</p></div>';
    expect(pickArticle(parse('<div><p>Just text.</p></div>'), BASE)).toBeNull();
    expect(pickArticle(parse('<listen-player for="live"></listen-player>'), BASE)).toBeNull();
  });
});

describe('pageTitle', () => {
  it('prefers og:title, then the first h1, then <title>', () => {
    expect(pageTitle(parse('<title>T</title><meta property="og:title" content=" O  g "><h1>H</h1>'))).toBe('O g');
    expect(pageTitle(parse('<title>T</title><h1>The <em>headline</em></h1>'))).toBe('The headline');
    expect(pageTitle(parse('<title>Only a title</title>'))).toBe('Only a title');
    expect(pageTitle(parse('<p>Nothing</p>'))).toBe('');
  });
});

describe('importArticle', () => {
  it('brings no script, handler, inline style, frame, player or control, and keeps links pointing where they did', () => {
    const doc = parse(`<article id="a"><h1>Title</h1>
      <script>alert(1)</script><p style="color:red" onclick="alert(2)">Text <a href="other.html">link</a>
      <a href="javascript:alert(3)">bad</a></p><img src="pic.png" srcset="pic-2x.png 2x" onerror="alert(4)">
      <object data="ad.swf"></object><embed src="ad.swf"><listen-player></listen-player><form><button>Go</button></form>
      <p data-listen-skip>Not read.</p></article>`);
    const copy = importArticle(doc.querySelector('article')!, BASE, document);
    expect(copy.ownerDocument).toBe(document);
    expect(copy.querySelector('script, object, embed, listen-player, form, button, [style], [onclick], [onerror], [srcset]')).toBeNull();
    expect(copy.querySelector('a')!.getAttribute('href')).toBe('https://news.example/world/other.html');
    expect(copy.querySelectorAll('a')[1]!.hasAttribute('href')).toBe(false);
    expect(copy.querySelector('img')!.getAttribute('src')).toBe('https://news.example/world/pic.png');
    expect(extractSegments(copy).map((segment) => segment.text)).toEqual(['Title', 'Text link bad']);
  });

  it('makes a page’s <main> a block, not a second main landmark', () => {
    const doc = parse('<main id="m" role="main"><p>Text.</p></main>');
    const copy = importArticle(doc.querySelector('main')!, BASE, document);
    expect(copy.localName).toBe('div');
    expect(copy.id).toBe('m');
    expect(copy.hasAttribute('role')).toBe(false);
  });
});

describe('nextArticleUrl', () => {
  it('takes the player’s next, else the page’s <link rel="next">, else nothing', () => {
    document.head.innerHTML = '';
    const player = Object.assign(document.createElement('div'), { nextArticle: '' });
    expect(nextArticleUrl(player)).toBe('');
    document.head.innerHTML = '<link rel="prev" href="/a.html"><link rel="Next" href="/b.html">';
    expect(nextArticleUrl(player)).toBe(new URL('/b.html', document.baseURI).href);
    player.nextArticle = '/c.html';
    expect(nextArticleUrl(player)).toBe(new URL('/c.html', document.baseURI).href);
    // A player a playlist drives: the playlist goes on, never the page's next article.
    Object.assign(player, { [MEDIA_TRACKS]: { next: () => {} } });
    expect(nextArticleUrl(player)).toBe('');
  });
});

describe('the place in a playlist', () => {
  function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
  }

  it('remembers the article per playlist, forgets it at the end, and ignores what is not its own', () => {
    const backing = memoryStorage();
    const storage = safeStorage(() => backing);
    const one = playlistKey(['https://news.example/a.html', 'https://news.example/b.html']);
    const two = playlistKey(['https://news.example/c.html']);
    expect(loadPlace(one, storage)).toBeNull();
    savePlace(one, 1, storage);
    savePlace(two, 0, storage);
    expect(loadPlace(one, storage)).toBe(1);
    expect(loadPlace(two, storage)).toBe(0);
    savePlace(one, null, storage);
    expect(loadPlace(one, storage)).toBeNull();
    expect(loadPlace(two, storage)).toBe(0);
    backing.data.set('listen-player:playlists', '{"version":1,"lists":[["x",-1],["y","1"],"z"]}');
    expect(loadPlace('x', storage)).toBeNull();
    backing.data.set('listen-player:playlists', 'not json');
    expect(loadPlace(two, storage)).toBeNull();
    // Storage that throws is storage with nothing in it.
    const failing = safeStorage(() => {
      throw new Error('SecurityError');
    });
    savePlace(one, 2, failing);
    expect(loadPlace(one, failing)).toBeNull();
  });
});
