/**
 * An Arabic player: Arabic names on every control, the box laid out right to left (play button at the right,
 * previous before next from the right, icons pointing the way the paragraphs go), Arabic spoken times, the
 * arrow keys following what the reader sees, and an axe audit. Then Hebrew, Persian and Urdu players: laid out
 * right to left, named in their language, and audited. Fake speech with a voice of each language.
 */
import { audit } from './helpers/axe.js';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { type FakeSpeechSynthesis, LINUX_CHROMIUM_VOICES, fakeVoice } from '../fakes/speech-synthesis.js';
import { SLOW, useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, controls, mount, untilState, unmount, voicesListed } from './helpers/player.js';

const VOICES = [...LINUX_CHROMIUM_VOICES, fakeVoice({ name: 'Arabic', lang: 'ar' })];

const ARTICLE = `
  <main>
    <article id="story" lang="ar" dir="rtl">
      <h1>قصة قصيرة.</h1>
      <p>الفقرة الأولى. فيها جملتان.</p>
      <p>هذه هي الفقرة الثانية.</p>
    </article>
    <listen-player for="story"></listen-player>
  </main>`;

let fake: FakeSpeechSynthesis;

async function arabicPlayer(): Promise<ListenPlayer> {
  fake = useFakeSpeech({ voices: VOICES, charsPerSecond: SLOW });
  const player = await mount(ARTICLE);
  await voicesListed(player);
  return player;
}

/** The text last given to the synthesiser. */
const spoken = () => fake.log.at(-1)?.text;

function part(player: ListenPlayer, name: string): HTMLElement {
  return player.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
}

afterEach(unmount);

describe('right to left (Arabic)', () => {
  it('finds nothing to fix with axe', async () => {
    const player = await arabicPlayer();
    expect(await audit(player)).toEqual([]);
  });

  it('names every control in Arabic and sets lang and dir on the player box', async () => {
    const player = await arabicPlayer();
    const c = controls(player);
    const box = part(player, 'base');
    expect(box.getAttribute('lang')).toBe('ar');
    expect(box.getAttribute('dir')).toBe('rtl');
    expect(getComputedStyle(box).direction).toBe('rtl');
    expect(box.getAttribute('aria-label')).toBe('استمع إلى هذا المقال');
    expect(c.play.getAttribute('aria-label')).toBe('تشغيل');
    expect(c.previous.getAttribute('aria-label')).toBe('الفقرة السابقة');
    expect(c.next.getAttribute('aria-label')).toBe('الفقرة التالية');
    expect(c.seek.getAttribute('aria-label')).toBe('موضع التشغيل');
    expect(part(player, 'paragraphs-button').getAttribute('aria-label')).toBe('التشغيل من فقرة');
    expect(c.speed.closest('label')!.textContent).toContain('السرعة');
    expect(c.voice!.closest('label')!.textContent).toContain('الصوت');
    expect(player.shadowRoot!.querySelector('.label')!.textContent).toBe('استمع إلى هذا المقال');
    // No English left anywhere a reader or a screen reader meets it.
    const names = [...player.shadowRoot!.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!);
    for (const name of names) expect(name).not.toMatch(/[A-Za-z]/);
  });

  it('mirrors the layout: play at the right, then previous, the slider, next, from right to left', async () => {
    const player = await arabicPlayer();
    const c = controls(player);
    const play = c.play.getBoundingClientRect();
    const previous = c.previous.getBoundingClientRect();
    const seek = c.seek.getBoundingClientRect();
    const next = c.next.getBoundingClientRect();
    expect(play.left).toBeGreaterThan(previous.right);
    expect(previous.left).toBeGreaterThanOrEqual(seek.right);
    expect(seek.left).toBeGreaterThanOrEqual(next.right);
    // The paragraph icons point the way the paragraphs go; the play triangle does not turn.
    expect(getComputedStyle(c.previous.querySelector('svg')!).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(getComputedStyle(c.next.querySelector('svg')!).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(getComputedStyle(c.play.querySelector('svg')!).transform).toBe('none');
  });

  it('opens the paragraph list with its room for numbers on the right', async () => {
    const player = await arabicPlayer();
    await userEvent.click(part(player, 'paragraphs-button'));
    // The list's module loads the first time it opens.
    await expect.poll(() => player.shadowRoot!.querySelector('[part~="paragraphs"]')).not.toBeNull();
    const list = part(player, 'paragraphs');
    expect(list.getAttribute('aria-label')).toBe('التشغيل من فقرة');
    const style = getComputedStyle(list);
    expect(parseFloat(style.paddingRight)).toBeGreaterThan(parseFloat(style.paddingLeft) * 4);
    const first = list.querySelector('button')!.getBoundingClientRect();
    expect(list.getBoundingClientRect().right - first.right).toBeGreaterThan(30);
  });

  it('says the position in Arabic', async () => {
    const player = await arabicPlayer();
    const text = controls(player).seek.getAttribute('aria-valuetext')!;
    // "0 ثانية من 3 ثوانٍ": Arabic units joined by "من", no English.
    expect(text).toMatch(/^\S+ ثانية من .*(ثانية|ثوان)$/u);
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('moves back with → and forward with ←, as the slider runs', async () => {
    const player = await arabicPlayer();
    controls(player).play.focus();
    await userEvent.keyboard('k');
    await untilState(player, 'playing');
    expect(spoken()).toBe('قصة قصيرة.');
    await userEvent.keyboard('{ArrowLeft}');
    expect(spoken()).toBe('الفقرة الأولى.');
    await userEvent.keyboard('{ArrowLeft}');
    expect(spoken()).toBe('فيها جملتان.');
    await userEvent.keyboard('{ArrowRight}');
    expect(spoken()).toBe('الفقرة الأولى.');
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(player.segmentIndex).toBe(2);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(player.segmentIndex).toBe(1);
  });
});

describe.each([
  ['he', 'קול', 'זהו סיפור קצר. יש בו שתי פסקאות.', 'הפעלה'],
  ['fa', 'دارا', 'این یک داستان کوتاه است. دو بند دارد.', 'پخش'],
  ['ur', 'عاصمہ', 'یہ ایک مختصر کہانی ہے۔ اس میں دو پیراگراف ہیں۔', 'چلائیں'],
])('right to left (%s)', (lang, voice, text, play) => {
  async function player(): Promise<ListenPlayer> {
    useFakeSpeech({ voices: [fakeVoice({ name: voice, lang })] });
    const mounted = await mount(`<main><article id="story" lang="${lang}" dir="rtl"><p>${text}</p><p>${text}</p></article><listen-player for="story"></listen-player></main>`);
    await voicesListed(mounted);
    return mounted;
  }

  it('lays the player out right to left, in its language, and axe finds nothing to fix', async () => {
    const mounted = await player();
    const c = controls(mounted);
    const box = part(mounted, 'base');
    expect(box.getAttribute('lang')).toBe(lang);
    expect(box.getAttribute('dir')).toBe('rtl');
    expect(c.play.getAttribute('aria-label')).toBe(play);
    expect(c.play.getBoundingClientRect().left).toBeGreaterThan(c.previous.getBoundingClientRect().right);
    expect(c.previous.getBoundingClientRect().left).toBeGreaterThanOrEqual(c.seek.getBoundingClientRect().right);
    expect(getComputedStyle(c.next.querySelector('svg')!).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    const names = [...mounted.shadowRoot!.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!);
    for (const name of names) expect(name).not.toMatch(/[A-Za-z]/);
    expect(await audit(mounted)).toEqual([]);
  });
});
