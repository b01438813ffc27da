// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/article/extract.js';
import { langRuns } from '../../../src/article/lang-runs.js';

function runsOf(html: string, index = 0): [string, string][] {
  document.body.innerHTML = `<article lang="en">${html}</article>`;
  const segments = extractSegments(document.body.firstElementChild!);
  const text = segments[index]!.text;
  return langRuns(segments, index).map((run) => [text.slice(run.start, run.end), run.lang]);
}

describe('langRuns', () => {
  it('is one run in the segment\'s language without an inline lang', () => {
    expect(runsOf('<p>Plain <em>English</em> text.</p>')).toEqual([['Plain English text.', 'en']]);
    expect(runsOf('<blockquote lang="fr"><p>Tout le texte.</p></blockquote>')).toEqual([['Tout le texte.', 'fr']]);
  });

  it('gives a phrase marked with its own lang (span, i, q) a run, each space going with the text before it', () => {
    expect(runsOf('<p>He said <span lang="fr">je ne sais quoi</span> and left.</p>')).toEqual([
      ['He said ', 'en'],
      ['je ne sais quoi ', 'fr'],
      ['and left.', 'en'],
    ]);
    expect(runsOf('<p>A <i lang="la">sine qua non</i>, she wrote: <q lang="de">Das <b>ist</b> gut</q>.</p>')).toEqual([
      ['A ', 'en'],
      ['sine qua non', 'la'],
      [', she wrote: ', 'en'],
      ['Das ist gut', 'de'],
      ['.', 'en'],
    ]);
  });

  it('follows nesting: a name in English inside a French quote inside an English paragraph', () => {
    expect(runsOf('<p>Text <span lang="fr">dit <span lang="en">Smith</span> hier</span> end.</p>')).toEqual([
      ['Text ', 'en'],
      ['dit ', 'fr'],
      ['Smith ', 'en'],
      ['hier ', 'fr'],
      ['end.', 'en'],
    ]);
  });

  it('marks a run with the empty lang as it is (unknown language), and leaves text outside the segment out', () => {
    expect(runsOf('<p>One <span lang="">two</span></p><p>three <span lang="fr">quatre</span></p>', 1)).toEqual([
      ['three ', 'en'],
      ['quatre', 'fr'],
    ]);
    expect(runsOf('<p>One <span lang="">two</span></p>')).toEqual([
      ['One ', 'en'],
      ['two', ''],
    ]);
  });

  it('is one run when the page changed since the segment was read', () => {
    document.body.innerHTML = '<article lang="en"><p>Say <span lang="fr">oui</span>.</p></article>';
    const segments = extractSegments(document.body.firstElementChild!);
    document.querySelector('span')!.textContent = 'non merci';
    expect(langRuns(segments, 0)).toEqual([{ start: 0, end: 8, lang: 'en' }]);
  });
});
