import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cssDefaults } from '../../../src/build/css-defaults.js';
import { root } from '../helpers/library-build.js';

const read = (...names: string[]) => names.map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));

describe('cssDefaults', () => {
  it('reads the light default of each public property, and the dark one where it differs', () => {
    const defaults = cssDefaults(ts, [
      {
        name: 'styles.ts',
        text: [
          'const dark = css`--_accent: var(--listen-accent, #8ab4f8); --_text: var(--listen-text, #eee);`;',
          'export const styles = css`:host { --_accent: var(--listen-accent, #1a56b8); --_text: var(--listen-text, #111);',
          '  --_focus: var(--listen-focus-ring, var(--_accent)); font: var(--listen-font, 500 1rem/1.4 system-ui, sans-serif);',
          '  --_border: var(--listen-border, color-mix(in srgb, var(--_text) 60%, white)); }',
          '  @media (prefers-color-scheme: dark) { :host { ${dark} } }`;',
          'const page = `p { outline: 2px solid var(--listen-outline, #a36b00); }',
          '@media (prefers-color-scheme: dark) { p { outline-color: var(--listen-outline, #e6b800); } }`;',
        ].join('\n'),
      },
    ]);
    expect(Object.fromEntries(defaults)).toEqual({
      '--listen-accent': { default: '#1a56b8', dark: '#8ab4f8' },
      '--listen-text': { default: '#111', dark: '#eee' },
      '--listen-focus-ring': { default: 'var(--listen-accent)' },
      '--listen-font': { default: '500 1rem/1.4 system-ui, sans-serif' },
      '--listen-border': { default: 'color-mix(in srgb, var(--listen-text) 60%, white)' },
      '--listen-outline': { default: '#a36b00', dark: '#e6b800' },
    });
  });

  it("finds a default for every property the player's styles and the page highlight read", () => {
    const defaults = cssDefaults(ts, read('src/ui/styles.ts', 'src/article/highlight.ts'));
    expect(defaults.get('--listen-accent')).toEqual({ default: '#1a56b8', dark: '#8ab4f8' });
    expect(defaults.get('--listen-radius')).toEqual({ default: '12px' });
    expect(defaults.get('--listen-focus-ring')?.default).toBe('var(--listen-accent)');
    expect(defaults.get('--listen-paragraph-outline')).toEqual({ default: '#a36b00', dark: '#e6b800' });
  });
});
