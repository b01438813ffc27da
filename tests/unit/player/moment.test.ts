/**
 * Links to a spoken moment, the pure part: the `#listen=` fragment parsed (seconds, `m:ss`, `h:mm:ss`; bad ones
 * refused) and written (tenths, rounded up; the text fragment's words encoded as the Text Fragments spec asks).
 */
import { describe, expect, it } from 'vitest';
import { parseMoment, parseTime } from '../../../src/player/moment.js';
import { encodeTextDirective, formatMomentTime, fragmentWords, momentFragment, momentUrl } from '../../../src/player/moment-url.js';

describe('parseMoment', () => {
  it('reads decimal seconds, m:ss and h:mm:ss, with or without the #', () => {
    expect(parseMoment('#listen=151')).toBe(151);
    expect(parseMoment('listen=151.5')).toBe(151.5);
    expect(parseMoment('#listen=2:31')).toBe(151);
    expect(parseMoment('#listen=1:02:31')).toBe(3751);
    expect(parseMoment('#listen=0')).toBe(0);
  });

  it('ignores a fragment directive the browser left in (one without text fragments)', () => {
    expect(parseMoment('#listen=151:~:text=The%20third')).toBe(151);
  });

  it.each(['#listen=-5', '#listen=abc', '#listen=NaN', '#listen=Infinity', '#listen=', '#listen=1:75', '#listen=1:60:00', '#listen=1e3', '#listen=151s', '#other=151', '#listen', '#', '', '#listen=1::2', '#listen= 5'])(
    'refuses %j',
    (hash) => {
      expect(parseMoment(hash)).toBeNull();
    },
  );

  it('refuses a time too large to be a number', () => {
    expect(parseTime('9'.repeat(400))).toBeNull();
  });
});

describe('writing a moment', () => {
  it('writes whole seconds, or tenths rounded up', () => {
    expect(formatMomentTime(151)).toBe('151');
    expect(formatMomentTime(151.01)).toBe('151.1');
    expect(formatMomentTime(151.3)).toBe('151.3');
    expect(formatMomentTime(-2)).toBe('0');
  });

  it("takes a paragraph's first words, and encodes - , & as the spec asks", () => {
    expect(fragmentWords('  The third  paragraph is about the old mill by the river.')).toBe('The third paragraph is about the');
    expect(encodeTextDirective('Well-known, fish & chips')).toBe('Well%2Dknown%2C%20fish%20%26%20chips');
    expect(decodeURIComponent(encodeTextDirective('Ça coûte 5 € – ok'))).toBe('Ça coûte 5 € – ok');
  });

  it('puts the moment and the text fragment in place of any fragment of the page URL', () => {
    expect(momentFragment(151)).toBe('listen=151');
    expect(momentFragment(151, 'The third')).toBe('listen=151:~:text=The%20third');
    expect(momentUrl('https://news.example/a.html?x=1#section', 12.5, 'Hello')).toBe('https://news.example/a.html?x=1#listen=12.5:~:text=Hello');
    expect(momentUrl('https://news.example/a.html', 3)).toBe('https://news.example/a.html#listen=3');
    // What is written reads back.
    expect(parseMoment(new URL(momentUrl('https://news.example/a.html', 75.25, 'The bridge')).hash)).toBe(75.3);
  });
});
