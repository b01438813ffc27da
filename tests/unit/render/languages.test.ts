// What eSpeak NG is given for inline languages and the pronunciation lexicon, and that it changes what is
// spoken while word timings stay on the page's words: in the synthesiser, and through `npm run render`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifestAgainst } from '../../../src/manifest/lookup.js';
import type { Manifest } from '../../../src/manifest/manifest.js';
import { parseManifest } from '../../../src/manifest/parse.js';
import { Espeak } from '../../../src/render/espeak.js';
import { articleText } from '../../../src/render/source.js';
import { spokenRuns } from '../../../src/render/spoken.js';
import { espeakInput } from '../../../src/render/words.js';
import { parseLexiconJson } from '../../../src/spoken/lexicon.js';
import { runRender as run } from '../helpers/render-run.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/render/languages');
const LEXICON_FILE = join(FIXTURES, 'lexicon.json');
const lexicon = parseLexiconJson(readFileSync(LEXICON_FILE, 'utf8'));

describe('espeakInput with runs', () => {
  it('puts a run in another language than the voice\'s in <voice xml:lang>, its markup standing for its first and last characters', () => {
    const text = 'He said je ne sais quoi & left.';
    const runs = spokenRuns(text, [
      { start: 0, end: 8, lang: 'en-GB' },
      { start: 8, end: 24, lang: 'fr' },
      { start: 24, end: text.length, lang: 'en-GB' },
    ], null, 'en-GB');
    const input = espeakInput(text, runs, 'en-gb');
    expect(input.text).toBe('He said <voice xml:lang="fr">je ne sais quoi </voice>&amp; left.');
    const origin = (fragment: string) => input.origins[[...input.text].indexOf(fragment[0]!, input.text.indexOf(fragment))]!;
    expect(origin('<voice')).toBe(8);
    expect(origin('je')).toBe(8);
    expect(origin('quoi')).toBe(19);
    expect(origin('</voice>')).toBe(23);
    expect(origin('&amp;')).toBe(24);
    expect(origin('left')).toBe(26);
    expect(input.origins).toHaveLength([...input.text].length);
  });

  it('is the plain text for a segment in the article\'s language with nothing to replace, and refuses a tag unfit for markup', () => {
    expect(spokenRuns('Plain words.', [{ start: 0, end: 12, lang: 'en' }], lexicon, 'en')).toBeNull();
    const odd = espeakInput('Oui', [{ lang: 'fr"><x', text: 'Oui', origins: [0, 1, 2] }], 'en');
    expect(odd.text).toBe('Oui');
  });
});

describe('Espeak with inline languages and the lexicon', () => {
  let espeak: Espeak;
  beforeAll(async () => {
    espeak = await Espeak.create();
    espeak.setVoice('en-gb');
    espeak.setRate(175);
  });

  const wordsOf = (text: string, words: readonly { offset: number; length: number }[]) => words.map((w) => text.slice(w.offset, w.offset + w.length));

  it('reads a French phrase with the French voice: each French word gets its own time, as the English voice does not give', () => {
    const text = 'He said je ne sais quoi and left.';
    const runs = spokenRuns(text, [
      { start: 0, end: 8, lang: 'en-GB' },
      { start: 8, end: 24, lang: 'fr' },
      { start: 24, end: text.length, lang: 'en-GB' },
    ], null, 'en-GB');
    const english = espeak.synthesize(text);
    const mixed = espeak.synthesize(text, runs);
    expect(wordsOf(text, mixed.words)).toEqual(['He', 'said', 'je', 'ne', 'sais', 'quoi', 'and', 'left']);
    expect(wordsOf(text, english.words)).not.toEqual(wordsOf(text, mixed.words));
    // The voice goes back to English after the phrase: "and left" as long as when read in English throughout.
    const tail = (s: typeof mixed) => s.words.at(-1)!.end - s.words.at(-2)!.start;
    expect(Math.abs(tail(mixed) - tail(english)) / tail(english)).toBeLessThan(0.2);
  });

  it('says the lexicon\'s words instead, with their times on the page\'s words', () => {
    const text = 'NATO met in Kyiv.';
    const runs = spokenRuns(text, [{ start: 0, end: text.length, lang: 'en-GB' }], lexicon, 'en-GB');
    expect(runs?.map((run) => run.text)).toEqual(['Nay-toe met in Keev.']);
    const plain = espeak.synthesize(text);
    const said = espeak.synthesize(text, runs);
    expect(wordsOf(text, said.words)).toEqual(['NATO', 'met', 'in', 'Kyiv']);
    expect(said.pcm).not.toEqual(plain.pcm);
  });
});

describe('npm run render --lexicon, with inline languages', () => {
  let out: string;
  const manifest = (dir: string): Manifest => parseManifest(JSON.parse(readFileSync(join(dir, 'mixed.json'), 'utf8')), 'http://localhost/audio/mixed.json');

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'listen-render-languages-'));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('renders with the lexicon: other audio than without, the same page text and words', async () => {
    const article = join(FIXTURES, 'mixed.html');
    const [withLexicon, without] = await Promise.all([
      run([article, '--out', join(out, 'lexicon'), '--format', 'wav', '--lexicon', LEXICON_FILE]),
      run([article, '--out', join(out, 'plain'), '--format', 'wav']),
    ]);
    expect(withLexicon.code, withLexicon.stderr).toBe(0);
    expect(without.code, without.stderr).toBe(0);
    const { texts } = await articleText(readFileSync(article, 'utf8'));
    const said = manifest(join(out, 'lexicon'));
    const plain = manifest(join(out, 'plain'));
    expect(checkManifestAgainst(said, texts)).toEqual([]);
    expect(said.hash).not.toBe(plain.hash);
    expect(said.segments[0]!.words.map((w) => texts[0]!.slice(w.offset, w.offset + w.length))).toEqual(['NATO', 'leaders', 'meet', 'in', 'Kyiv']);
    expect(said.segments[3]!.words.map((w) => texts[3]!.slice(w.offset, w.offset + w.length))).toEqual(['Zelensky', 'thanked', 'the', 'UK']);
    // "United Kingdom" takes longer to say than "UK".
    const uk = (m: Manifest) => m.segments[3]!.words.at(-1)!;
    expect(uk(said).end - uk(said).start).toBeGreaterThan(uk(plain).end - uk(plain).start);
    const wav = (dir: string) => readFileSync(join(dir, 'mixed.wav'));
    expect(wav(join(out, 'lexicon')).equals(wav(join(out, 'plain')))).toBe(false);
  }, 60_000);

  it('reads a page that declares the wrong language in the one --lang-override gives, keeping other marks', async () => {
    const article = join(FIXTURES, 'wrong-lang.html');
    const result = await run([article, '--out', join(out, 'override'), '--format', 'wav', '--lang-override', 'fr']);
    expect(result.code, result.stderr).toBe(0);
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'override', 'wrong-lang.json'), 'utf8')), 'http://localhost/a.json');
    expect(manifest.lang).toBe('fr');
    expect(manifest.voice).toBe('French (France)');
    const { texts } = await articleText(readFileSync(article, 'utf8'));
    expect(manifest.segments[0]!.words.map((w) => texts[0]!.slice(w.offset, w.offset + w.length))).toEqual(
      ['Le', 'ministre', 'a', 'dit', 'Guten', 'Tag', 'avant', 'de', 'partir'],
    );
  }, 60_000);

  it('refuses a lexicon it cannot read before rendering anything, with why', async () => {
    const bad = join(out, 'bad.json');
    writeFileSync(bad, '{"entries": [{"word": "NATO"}]}');
    const result = await run([join(FIXTURES, 'mixed.html'), '--out', join(out, 'bad'), '--lexicon', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`render: --lexicon ${bad}: entry 1: "word" and "say" must be text`);
  }, 30_000);
});
