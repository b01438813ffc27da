import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/article/fingerprint.js';

describe('fingerprint', () => {
  // Frozen: manifests already published carry these values. A change here breaks every one of them.
  it.each([
    ['', '058bf4bf20fd12'],
    ['a', '1e1d93720e9a84'],
    ['Hello, world.', '020920ed1eaa75'],
    ['“It’s a relief,” said Ms O’Neill.', '142e99c79a01e0'],
    ['Emoji 😀 here', '092b2c8bf85bd6'],
  ])('%j → %s, today and always', (text, expected) => {
    expect(fingerprint(text)).toBe(expected);
  });

  it('is 14 lowercase hex digits (53 bits)', () => {
    for (const text of ['', 'x', 'A longer paragraph of text, with punctuation.', '\u{1F600}'.repeat(500)]) {
      const print = fingerprint(text);
      expect(print).toMatch(/^[0-9a-f]{14}$/);
      expect(Number.parseInt(print, 16)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    }
  });

  it('changes with any one-character edit, including look-alike quotes and spaces', () => {
    const base = 'The town’s harbour wall reopened on Monday — two years late.';
    const edits = [
      base.replace('’', "'"),
      base.replace('—', '-'),
      base.replace(' ', '\u00a0'),
      base.replace('.', ''),
      `${base} `,
      base.replace('Monday', 'monday'),
      base.replace('harbour', 'harbor'),
    ];
    const prints = new Set([base, ...edits].map(fingerprint));
    expect(prints.size).toBe(edits.length + 1);
  });

  it('sees the order of the text, not just its letters', () => {
    expect(fingerprint('ab')).not.toBe(fingerprint('ba'));
    expect(fingerprint('one two')).not.toBe(fingerprint('two one'));
  });

  it('does not collide over 100 000 similar paragraphs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(fingerprint(`Paragraph ${i} of the article, said the council.`));
    expect(seen.size).toBe(100_000);
  });
});
