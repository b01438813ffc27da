/**
 * Theming in real Chromium: light and dark follow the reader's system (emulated) unless the `theme` attribute
 * says otherwise; the default colours, and those derived from a site's single brand colour, meet WCAG AA
 * contrast (text 4.5:1, control edges and the focus ring 3:1), measured from the computed styles; the page's
 * paragraph and word highlights keep the demo page's text readable; forced colours keep them visible.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeSpeech, useNoSpeech } from './helpers/fake-speech.js';
import { type ListenPlayer, SHORT_ARTICLE, controls, mount, untilState, unmount, voicesListed } from './helpers/player.js';
import { type Rgba, computed, contrast, emulate, over, part, resolved, toRgba } from './helpers/theme.js';

const PAGE = `<main>${SHORT_ARTICLE}<listen-player for="story"></listen-player></main>`;
const LIGHT_SURFACE: Rgba = [243, 245, 248, 1];
const DARK_SURFACE: Rgba = [31, 36, 43, 1];

/** The demo page's own colours (src/demo/demo.css), under which the highlights must keep text readable. */
const DEMO_PAGE = { light: { page: '#ffffff', ink: '#1a1a1a' }, dark: { page: '#141414', ink: '#ececec' } } as const;

afterEach(unmount);

function surface(player: ListenPlayer): Rgba {
  return computed(part(player, '[part~="base"]'), 'background-color');
}

describe('theme', () => {
  it('follows a light system by default', async () => {
    await emulate({ scheme: 'light' });
    useFakeSpeech();
    const player = await mount(PAGE);
    expect(player.theme).toBe('auto');
    expect(player.hasAttribute('theme')).toBe(false);
    expect(surface(player)).toEqual(LIGHT_SURFACE);
    expect(getComputedStyle(player).colorScheme).toBe('light');
  });

  it('follows a dark system by default', async () => {
    await emulate({ scheme: 'dark' });
    useFakeSpeech();
    const player = await mount(PAGE);
    expect(surface(player)).toEqual(DARK_SURFACE);
    // Native controls (menus, slider, the open list of a menu) are drawn dark too.
    expect(getComputedStyle(player).colorScheme).toBe('dark');
  });

  it('is overridden by the theme attribute and property, both ways', async () => {
    await emulate({ scheme: 'light' });
    useFakeSpeech();
    const player = await mount(PAGE.replace('<listen-player', '<listen-player theme="dark"'));
    expect(player.theme).toBe('dark');
    expect(surface(player)).toEqual(DARK_SURFACE);
    expect(contrast(computed(player, 'color'), DARK_SURFACE)).toBeGreaterThan(10);

    player.theme = 'light';
    await player.updateComplete;
    expect(player.getAttribute('theme')).toBe('light');
    expect(surface(player)).toEqual(LIGHT_SURFACE);

    await emulate({ scheme: 'dark' });
    expect(surface(player)).toEqual(LIGHT_SURFACE);

    player.removeAttribute('theme');
    await player.updateComplete;
    expect(player.theme).toBe('auto');
    expect(surface(player)).toEqual(DARK_SURFACE);
  });
});

/** Every text/background and control/surface pair of the player, with the least ratio each must reach. */
function measure(player: ListenPlayer): Record<string, [ratio: number, least: number]> {
  const base = surface(player);
  const c = controls(player);
  const play = computed(c.play, 'background-color');
  const pairs: Record<string, [number, number]> = {
    text: [contrast(computed(part(player, '.label'), 'color'), base), 4.5],
    time: [contrast(computed(c.time, 'color'), base), 4.5],
    'speed label': [contrast(computed(part(player, '[part~="speed"]'), 'color'), base), 4.5],
    status: [contrast(computed(c.status, 'color'), base), 4.5],
    'play icon': [contrast(computed(c.play, 'color'), play), 4.5],
    'icon buttons': [contrast(computed(c.next, 'color'), base), 4.5],
    'accent as text': [contrast(resolved(player, 'var(--_accent-fg)'), base), 4.5],
    'slider': [contrast(computed(c.seek, 'accent-color'), base), 3],
    'menu edge': [contrast(computed(c.speed, 'border-top-color'), base), 3],
    'focus ring': [contrast(resolved(player, 'var(--_focus)'), base), 3],
  };
  return pairs;
}

function failing(pairs: Record<string, [number, number]>): string[] {
  return Object.entries(pairs)
    .filter(([, [ratio, least]]) => !(ratio >= least))
    .map(([name, [ratio, least]]) => `${name}: ${ratio.toFixed(2)} < ${least}`);
}

describe('contrast (WCAG AA, from the computed styles)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`of the default colours, ${scheme}`, async () => {
      await emulate({ scheme });
      useFakeSpeech();
      const player = await mount(PAGE);
      await voicesListed(player);
      expect(failing(measure(player))).toEqual([]);
    });

    it(`of an error message, ${scheme}`, async () => {
      await emulate({ scheme });
      useNoSpeech();
      const player = await mount(PAGE);
      await untilState(player, 'error');
      const status = controls(player).status;
      expect(status.classList.contains('error')).toBe(true);
      expect(contrast(computed(status, 'color'), surface(player))).toBeGreaterThanOrEqual(4.5);
    });
  }

  // A site sets one brand colour for both themes (the demo does): what is derived from it must still pass.
  const brands = [
    ['light', '#8b1e2d'],
    ['dark', '#8b1e2d'],
    ['dark', '#b3263a'],
    ['light', '#ffd24d'],
    ['dark', '#0b3d91'],
    ['light', '#2e7d32'],
  ] as const;
  for (const [scheme, accent] of brands) {
    it(`with --listen-accent: ${accent}, ${scheme}`, async () => {
      await emulate({ scheme });
      useFakeSpeech();
      const player = await mount(PAGE);
      player.style.setProperty('--listen-accent', accent);
      await voicesListed(player);
      const pairs = measure(player);
      // The icon on the accent is a graphic (3:1); white or black is chosen, so it is never near that edge.
      pairs['play icon']![1] = 4;
      expect(failing(pairs)).toEqual([]);
      expect(computed(controls(player).play, 'background-color')).toEqual(toRgba(accent));
    });
  }
});

describe('page highlights', () => {
  /** Marks the second paragraph as the one being read and lights its first word, as the player does. */
  async function lit(scheme: 'light' | 'dark'): Promise<{ paragraph: Rgba; word: Rgba; ink: Rgba }> {
    await emulate({ scheme });
    useFakeSpeech();
    const player = await mount(PAGE.replace('<listen-player', '<listen-player highlight="word"'));
    const colours = DEMO_PAGE[scheme];
    document.body.style.background = colours.page;
    document.body.style.color = colours.ink;
    const element = player.segments[2]!.element;
    player.playSegment(2);
    await expect.poll(() => element.hasAttribute('data-listen-active')).toBe(true);
    player.pause();
    const paragraph = over(computed(element, 'background-color'), toRgba(colours.page));
    const word = over(toRgba(getComputedStyle(element, '::highlight(listen-word)').backgroundColor), paragraph);
    return { paragraph, word, ink: toRgba(colours.ink) };
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`keep the demo page's text readable, ${scheme}`, async () => {
      const { paragraph, word, ink } = await lit(scheme);
      expect(contrast(ink, paragraph)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(ink, word)).toBeGreaterThanOrEqual(4.5);
      // And the word stands out from its paragraph.
      expect(contrast(word, paragraph)).toBeGreaterThan(1.2);
    });
  }

  it('stay visible in forced colours, as do the controls', async () => {
    await emulate({ scheme: 'light', forcedColors: true });
    useFakeSpeech();
    const player = await mount(PAGE.replace('<listen-player', '<listen-player highlight="word"'));
    const element = player.segments[1]!.element;
    player.playSegment(1);
    await expect.poll(() => element.hasAttribute('data-listen-active')).toBe(true);
    player.pause();
    const style = getComputedStyle(element);
    expect(style.outlineStyle).toBe('solid');
    expect(contrast(toRgba(style.outlineColor), toRgba(style.backgroundColor))).toBeGreaterThanOrEqual(3);
    const word = getComputedStyle(element, '::highlight(listen-word)');
    expect(toRgba(word.backgroundColor)).toEqual(resolved(player, 'Highlight'));

    const play = controls(player).play;
    expect(getComputedStyle(play).borderTopStyle).toBe('solid');
    // The icons are drawn in the system's button text colour, on its button face.
    for (const button of [play, controls(player).next]) {
      const icon = toRgba(getComputedStyle(button.querySelector('svg')!).fill);
      expect(contrast(icon, over(computed(button, 'background-color'), surface(player)))).toBeGreaterThanOrEqual(4.5);
    }
    expect(getComputedStyle(part(player, '[part~="base"]')).borderTopStyle).toBe('solid');
    expect(contrast(computed(play, 'border-top-color'), surface(player))).toBeGreaterThanOrEqual(3);
  });
});
