/**
 * A French, an Arabic and a Japanese page each show the player wholly in their language: every name, text,
 * spoken value and menu of the player (idle, the paragraph list, playing, "Back to the current paragraph",
 * the mini player, paused, the resume offer), with no English left; and axe finds nothing to fix in each. The
 * article's own words (the paragraph list, the mini player's excerpt) and the voices' names are the page's and
 * the platform's, not the player's. Fake speech, with one voice of the page's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeVoice } from '../fakes/speech-synthesis.js';
import { audit } from './helpers/axe.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { backButtons, miniPlayer } from './helpers/follow.js';
import { type ListenPlayer, controls, mount, untilState, unmount, voicesListed } from './helpers/player.js';
import { en } from '../../src/ui/strings.js';
import { fr } from '../../src/ui/strings/fr.js';

interface PageLanguage {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly voice: string;
  readonly heading: string;
  readonly sentence: string;
  /** What the player says, as the reader meets it. */
  readonly expected: {
    readonly label: string;
    readonly play: string;
    readonly pause: string;
    readonly playing: string;
    readonly paused: string;
    readonly closeMini: string;
    readonly resumeAt: RegExp;
    readonly valuetext: RegExp;
  };
}

const PAGES: readonly PageLanguage[] = [
  {
    lang: 'fr',
    dir: 'ltr',
    voice: 'Amélie',
    heading: 'Une courte histoire.',
    sentence: 'Le fleuve était haut après une semaine de pluie, et le pont était fermé à la circulation.',
    expected: {
      label: 'Écouter cet article',
      play: 'Lire',
      pause: 'Pause',
      playing: 'Lecture en cours',
      paused: 'En pause',
      closeMini: 'Fermer le mini-lecteur',
      resumeAt: /^Reprendre à \d+:\d\d$/,
      valuetext: /^0\sseconde sur (\d+\sminutes?\s)?\d+\ssecondes?$/,
    },
  },
  {
    lang: 'ar',
    dir: 'rtl',
    voice: 'ليلى',
    heading: 'قصة قصيرة.',
    sentence: 'كان النهر مرتفعًا بعد أسبوع من المطر، وأُغلق الجسر أمام حركة المرور.',
    expected: {
      label: 'استمع إلى هذا المقال',
      play: 'تشغيل',
      pause: 'إيقاف مؤقت',
      playing: 'قيد التشغيل',
      paused: 'متوقف مؤقتًا',
      closeMini: 'إغلاق المشغّل المصغّر',
      resumeAt: /^استئناف من \d+:\d\d$/u,
      valuetext: /^\S+ ثانية من .+$/u,
    },
  },
  {
    lang: 'ja',
    dir: 'ltr',
    voice: '花子',
    heading: '短い物語。',
    sentence: '一週間の雨の後で川の水位が上がり、橋は通行止めになりました。',
    expected: {
      label: 'この記事を聞く',
      play: '再生',
      pause: '一時停止',
      playing: '再生中',
      paused: '一時停止中',
      closeMini: 'ミニプレーヤーを閉じる',
      resumeAt: /^\d+:\d\dから再開$/u,
      valuetext: /^.+中0\s?秒$/u,
    },
  },
];

/** A page in `page.lang`: the player above a 30-paragraph article long enough to scroll the player away. */
function markup(page: PageLanguage): string {
  const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>${i + 1}. ${page.sentence}</p>`).join('');
  return `<main><listen-player for="story"></listen-player><article id="story" lang="${page.lang}"><h1>${page.heading}</h1>${paragraphs}</article></main>`;
}

function part(player: ListenPlayer, name: string): HTMLElement | null {
  return player.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/**
 * Everything the player itself says: its texts, accessible names, spoken values and menu labels, leaving out
 * the article's words (paragraph list, mini player excerpt) and the voices' own names.
 */
function playerWords(player: ListenPlayer): string[] {
  const root = player.shadowRoot!;
  const words: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('[part~="paragraphs"], .mini-text, [part~="voice"] option, style')) continue;
    const text = node.nodeValue!.trim();
    if (text) words.push(text);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of ['aria-label', 'aria-valuetext', 'title', 'label']) {
      const value = element.getAttribute(attribute);
      if (value && !(attribute === 'label' && element.closest('[part~="voice"]') && element.localName === 'option')) words.push(value);
    }
  }
  return words;
}

/** The player's English strings, whole. */
const ENGLISH = [...Object.values(en).filter((value): value is string => typeof value === 'string'), ...Object.values(en.errors)];
/** Fixed words of English sentences and names, none of which a French sentence of the player holds. */
const ENGLISH_WORDS = ['Listen to', 'Play', 'Speed', 'Voice', 'Previous', 'Next', 'Download', 'Close', 'Resume at', 'You stopped', 'higher quality', ' of ', 'seconds'];

function expectNoEnglish(page: PageLanguage, words: readonly string[]): void {
  expect(words.length).toBeGreaterThan(10);
  for (const word of words) {
    if (page.lang === 'fr') {
      // French shares a few words with English ("Pause", "minute"): none of the English table's sentences
      // but those, nor the fixed words of its sentences.
      const shared = new Set(Object.values(fr));
      expect(ENGLISH.includes(word) && !shared.has(word), word).toBe(false);
      for (const english of ENGLISH_WORDS) expect(word, english).not.toContain(english);
    } else {
      expect(word, 'no Latin letters').not.toMatch(/[A-Za-z]/);
    }
  }
}

afterEach(() => {
  unmount();
  window.scrollTo(0, 0);
});

describe('a page in English', () => {
  it('loads neither the list of languages nor a table, before play or after', async () => {
    useFakeSpeech({ charsPerSecond: SLOW });
    const player = await mount('<main><listen-player for="story"></listen-player><article id="story" lang="en-GB"><p>One paragraph. Two sentences.</p></article></main>');
    await voicesListed(player);
    await userEvent.click(controls(player).play);
    await untilState(player, 'playing');
    expect(controls(player).play.getAttribute('aria-label')).toBe('Pause');
    // Only that module imports the tables (this file imports the French one itself, to compare with).
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((url) => url.includes('/src/ui/session.ts'))).toBe(true);
    expect(loaded.filter((url) => /\/src\/ui\/(languages|overrides)\.ts/.test(url))).toEqual([]);
  });
});

describe.each(PAGES)('a page in $lang', (page) => {
  it('shows the player wholly in its language, in every state the reader meets, and axe finds nothing to fix', async () => {
    useFakeSpeech({ voices: [fakeVoice({ name: page.voice, lang: page.lang })], charsPerSecond: SLOW });
    let player = await mount(markup(page));
    await voicesListed(player);
    const c = controls(player);
    const box = part(player, 'base')!;
    expect(box.getAttribute('lang')).toBe(page.lang);
    expect(box.getAttribute('dir')).toBe(page.dir);
    expect(box.getAttribute('aria-label')).toBe(page.expected.label);
    expect(c.play.getAttribute('aria-label')).toBe(page.expected.play);
    expect(c.seek.getAttribute('aria-valuetext')).toMatch(page.expected.valuetext);
    expectNoEnglish(page, playerWords(player));
    expect(await audit(player)).toEqual([]);

    // The paragraph list: its name and button in the UI's language, its entries the article's.
    await userEvent.click(part(player, 'paragraphs-button')!);
    // The open list loads the first time it opens: wait for it.
    await expect.poll(() => part(player, 'paragraphs')).not.toBeNull();
    expectNoEnglish(page, playerWords(player));
    await userEvent.keyboard('{Escape}');

    // Playing, and the mini player once the reader scrolls the player out of view (following then waits for
    // the reader, offering "Back to the current paragraph" inline and in the mini player).
    await userEvent.click(c.play);
    await untilState(player, 'playing');
    expect(c.play.getAttribute('aria-label')).toBe(page.expected.pause);
    expect(c.live.textContent!.trim()).toBe(page.expected.playing);
    await userEvent.wheel(document.querySelector('article')!, { delta: { y: 3000 } });
    await expect.poll(() => miniPlayer(player)).not.toBeNull();
    const mini = miniPlayer(player)!;
    await Promise.all(mini.getAnimations().map((animation) => animation.finished));
    await expect.poll(() => backButtons(player).length).toBe(2);
    expect(mini.getAttribute('lang')).toBe(page.lang);
    expect(mini.querySelector('.mini-close')!.getAttribute('aria-label')).toBe(page.expected.closeMini);
    expectNoEnglish(page, playerWords(player));
    expect(await audit(player)).toEqual([]);

    // Paused further on, then the reader leaves and comes back: the resume offer.
    player.playSegment(8);
    await expect.poll(() => player.segmentIndex).toBe(8);
    player.pause();
    await untilState(player, 'paused');
    expect(c.live.textContent!.trim()).toBe(page.expected.paused);
    expectNoEnglish(page, playerWords(player));
    document.body.replaceChildren();
    window.scrollTo(0, 0);

    player = await mount(markup(page));
    await voicesListed(player);
    const resume = part(player, 'resume-button');
    expect(resume).not.toBeNull();
    expect(resume!.textContent!.trim()).toMatch(page.expected.resumeAt);
    await expect.poll(() => controls(player).live.textContent!.trim()).not.toBe('');
    expectNoEnglish(page, playerWords(player));
    expect(await audit(player)).toEqual([]);
  });
});
