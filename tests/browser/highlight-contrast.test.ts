/**
 * The state cues are not colour alone, and reach 3:1 against what surrounds them by default (WCAG 1.4.1,
 * 1.4.11), in light and dark, measured from the computed styles: the paragraph being read has an outline
 * against the page, the word being read an underline against its highlight, and the current item of the
 * paragraph list a bar in the accent against the player. The tints stay light, to keep the text readable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, SHORT_ARTICLE, mount, unmount, voicesListed } from './helpers/player.js';
import { type Rgba, computed, contrast, emulate, over, part, toRgba } from './helpers/theme.js';

const PAGE = `<main>${SHORT_ARTICLE}<listen-player for="story" highlight="word"></listen-player></main>`;
/** The demo page's own colours (src/demo/demo.css). */
const DEMO_PAGE = { light: { page: '#ffffff', ink: '#1a1a1a' }, dark: { page: '#141414', ink: '#ececec' } } as const;

afterEach(unmount);

/** The player reading segment 2 of the short article (paused there), on the demo's colours. */
async function reading(scheme: 'light' | 'dark'): Promise<{ player: ListenPlayer; element: Element; page: Rgba; ink: Rgba }> {
  await emulate({ scheme });
  useFakeSpeech();
  const player = await mount(PAGE);
  const colours = DEMO_PAGE[scheme];
  document.body.style.background = colours.page;
  document.body.style.color = colours.ink;
  const element = player.segments[2]!.element;
  player.playSegment(2);
  await expect.poll(() => element.hasAttribute('data-listen-active')).toBe(true);
  player.pause();
  return { player, element, page: toRgba(colours.page), ink: toRgba(colours.ink) };
}

/** The colour of the first shadow of a computed `box-shadow` ("rgb(…) 4px 0px 0px 0px inset"). */
function shadowColour(element: Element): Rgba {
  const value = getComputedStyle(element).boxShadow;
  const colour = /^(rgba?\([^)]*\)|color\([^)]*\)|oklch\([^)]*\))/.exec(value)?.[1];
  if (!colour) throw new Error(`No shadow colour in "${value}".`);
  return toRgba(colour);
}

describe('state cues by default', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the paragraph being read is outlined at 3:1 or more against the page, ${scheme}`, async () => {
      const { element, page } = await reading(scheme);
      const style = getComputedStyle(element);
      expect(style.outlineStyle).toBe('solid');
      expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
      expect(contrast(toRgba(style.outlineColor), page)).toBeGreaterThanOrEqual(3);
      // The tint alone would not do: that is why the outline is there.
      expect(contrast(over(computed(element, 'background-color'), page), page)).toBeLessThan(3);
    });

    it(`the word being read is underlined at 3:1 or more against its highlight, ${scheme}`, async () => {
      const { element, page, ink } = await reading(scheme);
      const word = getComputedStyle(element, '::highlight(listen-word)');
      expect(word.textDecorationLine).toContain('underline');
      const paragraph = over(computed(element, 'background-color'), page);
      const under = over(toRgba(word.backgroundColor), paragraph);
      // `currentColor` resolves to the text's colour.
      const line = word.textDecorationColor === 'currentcolor' ? ink : toRgba(word.textDecorationColor);
      expect(contrast(line, under)).toBeGreaterThanOrEqual(3);
    });

    it(`the current paragraph in the list has a bar at 3:1 or more against the player, ${scheme}`, async () => {
      const { player } = await reading(scheme);
      await voicesListed(player);
      part(player, '[part~="paragraphs-button"]').click();
      await expect.poll(() => player.shadowRoot!.querySelector('[aria-current="true"]')).not.toBeNull();
      const current = part(player, '[part~="paragraphs"] [aria-current="true"]');
      const other = part(player, '[part~="paragraphs"] button:not([aria-current])');
      const surface = computed(part(player, '[part~="base"]'), 'background-color');
      expect(contrast(shadowColour(current), surface)).toBeGreaterThanOrEqual(3);
      expect(getComputedStyle(other).boxShadow).toBe('none');
    });
  }

  it('can be restyled: the outline and underline take the custom properties', async () => {
    const { element } = await reading('light');
    document.body.style.setProperty('--listen-paragraph-outline', 'rgb(0, 128, 0)');
    document.body.style.setProperty('--listen-word-underline', 'rgb(0, 0, 255)');
    expect(getComputedStyle(element).outlineColor).toBe('rgb(0, 128, 0)');
    expect(getComputedStyle(element, '::highlight(listen-word)').textDecorationColor).toBe('rgb(0, 0, 255)');
  });
});
