/**
 * Helpers for the theming tests: emulating the reader's colour scheme and forced colours through the
 * DevTools protocol (reset after the test), resolving any CSS colour the browser computes (`oklch()`,
 * `color-mix()`, relative colours) to sRGB, and the WCAG 2.2 contrast ratio.
 */
import { expect, onTestFinished } from 'vitest';
import { cdp } from 'vitest/browser';
import type { ListenPlayer } from './player.js';

export interface MediaFeatures {
  readonly scheme?: 'light' | 'dark';
  readonly forcedColors?: boolean;
}

/** Emulates the reader's system settings for this test; they are reset when it finishes. */
export async function emulate({ scheme = 'light', forcedColors = false }: MediaFeatures): Promise<void> {
  const session = cdp();
  await session.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'forced-colors', value: forcedColors ? 'active' : 'none' },
    ],
  });
  onTestFinished(async () => {
    await session.send('Emulation.setEmulatedMedia', { features: [] });
  });
  expect(window.matchMedia(`(prefers-color-scheme: ${scheme})`).matches).toBe(true);
  expect(window.matchMedia('(forced-colors: active)').matches).toBe(forcedColors);
}

export type Rgba = readonly [number, number, number, number];

const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Any computed CSS colour as sRGB bytes and alpha 0–1 (the canvas converts and gamut-maps it as CSS does). */
export function toRgba(color: string): Rgba {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  // Unpremultiplied bytes; an alpha of 0 leaves the channels meaningless.
  return [r!, g!, b!, a! / 255];
}

/** `top` over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)) as unknown as Rgba;
}

function channel(byte: number): number {
  const value = byte / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two opaque colours, 1–21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The computed value of `property` on `element` as a colour. */
export function computed(element: Element, property: 'color' | 'background-color' | 'border-top-color' | 'accent-color'): Rgba {
  return toRgba(getComputedStyle(element).getPropertyValue(property));
}

/**
 * What a private colour of the player (such as `--_focus`) resolves to: a probe in the player's shadow root
 * takes it as its colour (set through CSSOM), and the browser resolves `var()`, `color-mix()` and relative
 * colours the way the player's own rules see them.
 */
export function resolved(player: ListenPlayer, value: string): Rgba {
  const probe = document.createElement('span');
  probe.style.color = value;
  player.shadowRoot!.append(probe);
  try {
    return toRgba(getComputedStyle(probe).color);
  } finally {
    probe.remove();
  }
}

/** An element of the player's shadow root. */
export function part(player: ListenPlayer, selector: string): HTMLElement {
  const element = player.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`No ${selector} in the player.`);
  return element;
}
