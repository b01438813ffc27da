// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { normaliseText } from '../../../src/article/walker.js';
import type { Segment } from '../../../src/article/segment.js';

/** A fresh `<article>` holding `html`, attached to the document so `lang` can be inherited. */
function article(html: string, attributes = ''): HTMLElement {
  document.body.innerHTML = `<article ${attributes}>${html}</article>`;
  return document.body.firstElementChild as HTMLElement;
}

function texts(segments: readonly Segment[]): string[] {
  return segments.map((segment) => segment.text);
}

function read(html: string): string[] {
  return texts(extractSegments(article(html)));
}

describe('normaliseText', () => {
  it('collapses spaces, tabs, line breaks and NBSP into single spaces and trims', () => {
    expect(normaliseText('  one\u00a0 two\t\tthree\n\r\nfour  ')).toBe('one two three four');
  });

  it('keeps punctuation and quote characters as they are', () => {
    const text = '“Just two weeks ago,” she said — it\'s ‘going well’ … "dividing up assets."';
    expect(normaliseText(text)).toBe(text);
  });

  it('returns an empty string for whitespace only', () => {
    expect(normaliseText(' \n\u00a0\t ')).toBe('');
  });
});

describe('extractSegments', () => {
  it('reads headings, paragraphs, list items, blockquotes and dt/dd in document order', () => {
    const root = article(`
      <h1>Title</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
      <p>Para</p>
      <ul><li>Item one</li><li>Item two</li></ul>
      <ol><li>First</li></ol>
      <blockquote>Quoted</blockquote>
      <dl><dt>Term</dt><dd>Definition</dd></dl>`);
    const segments = extractSegments(root);
    expect(texts(segments)).toEqual([
      'Title', 'Two', 'Three', 'Four', 'Five', 'Six', 'Para',
      'Item one', 'Item two', 'First', 'Quoted', 'Term', 'Definition',
    ]);
    expect(segments.map((segment) => segment.element.localName)).toEqual([
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'li', 'li', 'blockquote', 'dt', 'dd',
    ]);
    expect(segments[6]!.element).toBe(root.querySelector('p'));
  });

  it('does not read text outside readable elements (byline, date, loose text in the article)', () => {
    expect(
      read(`Loose <div class="byline">By <a href="#">A Writer</a></div>
        <time datetime="2025-03-18">18 March 2025</time><p>Body</p><span>trailing</span>`),
    ).toEqual(['Body']);
  });

  it('recurses into a blockquote of paragraphs and into list items holding paragraphs', () => {
    const root = article(`
      <blockquote><p>One</p><p>Two</p></blockquote>
      <ul><li><p>Three</p><p>Four</p></li></ul>`);
    const segments = extractSegments(root);
    expect(texts(segments)).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(segments.every((segment) => segment.element.localName === 'p')).toBe(true);
  });

  it('makes loose text inside a container its own segment, with the container as element, in order', () => {
    const root = article(`
      <blockquote>Before <em>it</em><p>Inner</p>— <cite>An Author</cite></blockquote>
      <ul><li>Parent item<ul><li>Child <b>one</b></li><li>Child two</li></ul>after</li></ul>`);
    const segments = extractSegments(root);
    const quote = root.querySelector('blockquote');
    const parent = root.querySelector('li');
    expect(segments.map((segment) => [segment.text, segment.element])).toEqual([
      ['Before it', quote],
      ['Inner', root.querySelector('blockquote p')],
      ['— An Author', quote],
      ['Parent item', parent],
      ['Child one', root.querySelectorAll('li')[1]],
      ['Child two', root.querySelectorAll('li')[2]],
      ['after', parent],
    ]);
  });

  it('finds readable elements inside plain containers at any depth', () => {
    expect(read('<section><div><div><p>Deep</p></div></div></section><p>Shallow</p>')).toEqual([
      'Deep',
      'Shallow',
    ]);
  });

  it('keeps a container in one piece around a nested block that reads nothing', () => {
    const root = article('<li>Start <p hidden>gone</p>end</li>');
    const segments = extractSegments(root);
    expect(texts(segments)).toEqual(['Start end']);
    expect(segments[0]!.element.localName).toBe('li');
  });

  it('lets inline elements contribute their text and treats <br> as a space', () => {
    expect(
      read(`<p><a href="#">Link</a>ed <em>em</em><strong>strong</strong> <span>span</span>
        <abbr title="United Kingdom">UK</abbr> <time>today</time> <q>q</q> <code>npm</code>
        <sub>2</sub><sup>3</sup></p><p>line<br>break<br/>again</p>`),
    ).toEqual(['Linked emstrong span UK today q npm 23', 'line break again']);
  });

  it('separates words at the edges of block-level children that are not segments', () => {
    expect(read('<li><div>one</div><div>two</div></li><li>a<table><tr><td>b</td><td>c</td></tr></table></li>'))
      .toEqual(['one two', 'a b c']);
  });

  it('contributes nothing for images', () => {
    expect(read('<p>Before<img src="x.png" alt="An alt text">after</p>')).toEqual(['Beforeafter']);
  });

  it.each([
    'figcaption', 'aside', 'nav', 'button', 'select', 'textarea', 'form', 'script', 'style',
    'template', 'noscript', 'svg', 'math', 'iframe', 'video', 'audio', 'canvas', 'object', 'pre',
    'listen-player',
  ])('skips <%s> and everything in it', (name) => {
    const root = article(`<p>Kept</p><${name}><p>Gone</p> gone</${name}><p>Also kept</p>`);
    // Built by hand too: the parser moves some of these (<p> in <select>, text in <svg>) elsewhere.
    const made = document.createElement(name);
    made.append(document.createElement('p'));
    made.firstChild!.textContent = 'Gone';
    root.append(made);
    const wrapped = document.createElement('p');
    wrapped.append('Made ', document.createElement(name), 'end');
    wrapped.childNodes[1]!.textContent = 'gone';
    root.append(wrapped);
    expect(texts(extractSegments(root))).toEqual(['Kept', 'Also kept', 'Made end']);
  });

  it('skips <input> and <option> inside a paragraph', () => {
    expect(read('<p>Name <input value="gone"> <datalist><option>gone</option></datalist>here</p>')).toEqual([
      'Name here',
    ]);
  });

  it('reads labels (they are text)', () => {
    expect(read('<p><label>Labelled</label> text</p>')).toEqual(['Labelled text']);
  });

  it('skips [hidden], [aria-hidden="true"] and [data-listen-skip] with their contents', () => {
    expect(
      read(`<p hidden>Hidden para</p>
        <div aria-hidden="true"><p>Aria hidden</p></div>
        <p>Visible <span hidden>no</span><span aria-hidden="true">no</span><span data-listen-skip>no</span>yes</p>
        <p aria-hidden="false">Not hidden</p>
        <section data-listen-skip><p>Skipped</p></section>`),
    ).toEqual(['Visible yes', 'Not hidden']);
  });

  it('reads [data-listen-only] text even when it or an ancestor is hidden or aria-hidden', () => {
    const root = article(`
      <p>Chart: <span hidden data-listen-only>sales rose by a third.</span></p>
      <div aria-hidden="true"><p data-listen-only>For listeners.</p></div>
      <div hidden><div aria-hidden="true"><p>Gone <span data-listen-only>but this</span> gone</p></div></div>`);
    const segments = extractSegments(root);
    expect(texts(segments)).toEqual(['Chart: sales rose by a third.', 'For listeners.', 'but this']);
    expect(segments[2]!.element.localName).toBe('p');
  });

  it('still hides what is hidden inside [data-listen-only]', () => {
    expect(read('<p data-listen-only hidden>Read <span aria-hidden="true">not this</span>this</p>')).toEqual([
      'Read this',
    ]);
  });

  it('does not read [data-listen-only] inside [data-listen-skip] or another skipped container', () => {
    expect(
      read(`<div data-listen-skip><p data-listen-only>No</p></div>
        <p>Yes<span data-listen-skip><span data-listen-only hidden>no</span></span></p>
        <aside><p data-listen-only>No</p></aside>
        <figure><figcaption data-listen-only>No</figcaption></figure>
        <p data-listen-only data-listen-skip>No</p>`),
    ).toEqual(['Yes']);
  });

  it('makes [data-listen-only] text outside any paragraph a segment of its own', () => {
    const root = article('<div class="visually-hidden" data-listen-only>Audio version.</div><p>Body</p>');
    const segments = extractSegments(root);
    expect(texts(segments)).toEqual(['Audio version.', 'Body']);
    expect(segments[0]!.element.localName).toBe('div');
  });

  it('skips the elements in options.exclude with their contents', () => {
    const root = article('<p>One</p><div class="pull"><p>Pull quote</p></div><p>Two</p><p>Three</p>');
    const [, pull, , three] = [...root.children];
    expect(texts(extractSegments(root, { exclude: [pull!, three!] }))).toEqual(['One', 'Two']);
    expect(texts(extractSegments(root, { exclude: [] }))).toEqual(['One', 'Pull quote', 'Two', 'Three']);
  });

  it('applies the rules to the root itself', () => {
    const root = article('<p>Text</p>', 'hidden');
    expect(extractSegments(root)).toEqual([]);
    expect(extractSegments(root, { exclude: [root] })).toEqual([]);
    const paragraph = article('<p>Only this</p>').firstElementChild!;
    expect(texts(extractSegments(paragraph))).toEqual(['Only this']);
  });

  it('takes lang from the nearest ancestor-or-self lang attribute, above the root too', () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    try {
      const root = article(`
        <p>Inherited</p>
        <section lang="fr"><p>Bonjour <span lang="de">Hallo</span></p><p lang="es">Hola</p></section>
        <blockquote lang="it">Citazione<p>Paragrafo</p></blockquote>
        <div lang=""><p>Unknown</p></div>`);
      expect(extractSegments(root).map((segment) => [segment.text, segment.lang])).toEqual([
        ['Inherited', 'en-GB'],
        ['Bonjour Hallo', 'fr'],
        ['Hola', 'es'],
        ['Citazione', 'it'],
        ['Paragrafo', 'it'],
        ['Unknown', ''],
      ]);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
    expect(extractSegments(article('<p>None</p>'))[0]!.lang).toBe('');
    expect(extractSegments(article('<p>Own</p>', 'lang="cy"'))[0]!.lang).toBe('cy');
  });

  it('normalises whitespace in segment text, NBSP and line breaks included', () => {
    expect(read('<p>\n   said.\u00a0“The call   is\tgoing\n\nwell"  </p>')).toEqual(['said. “The call is going well"']);
  });

  it('drops empty and whitespace-only segments', () => {
    expect(read('<p></p><p>  \n\u00a0 </p><h2><img alt="x" src="x.png"></h2><li><br></li><p>Real</p><p><!-- note --></p>'))
      .toEqual(['Real']);
  });

  it('ignores comments', () => {
    expect(read('<p>A<!-- not read -->B</p>')).toEqual(['AB']);
  });

  it('returns elements from the article it was given, as live references', () => {
    const root = article('<p id="a">A</p><p id="b">B</p>');
    const segments = extractSegments(root);
    expect(segments.map((segment) => segment.element)).toEqual([
      document.getElementById('a'),
      document.getElementById('b'),
    ]);
  });
});
