import { describe, expect, it } from 'vitest';
import type { ManifestJson, ManifestSegmentJson } from '../../../src/manifest/manifest.js';
import { formatVtt, timestamp, transcriptCues } from '../../../src/feed/vtt.js';
import { checkVtt } from '../helpers/podcast-feed.js';

/** A segment of `text` whose words (split at spaces) each take `step` seconds from `start`. */
function timed(text: string, start: number, step = 0.5): ManifestSegmentJson {
  const words: [number, number, number, number][] = [];
  let offset = 0;
  for (const word of text.split(' ')) {
    const t = start + words.length * step;
    words.push([t, t + step * 0.8, offset, word.length]);
    offset += word.length + 1;
  }
  return { start, end: start + words.length * step, fingerprint: '00000000000000', length: text.length, words };
}

const manifest = (segments: ManifestSegmentJson[]): Pick<ManifestJson, 'segments'> => ({ segments });

describe('transcriptCues', () => {
  it('makes one cue a sentence, from its first word to its last', () => {
    const texts = ['A headline', 'One sentence here. Two sentences there.'];
    const cues = transcriptCues(texts, manifest([timed(texts[0]!, 0), timed(texts[1]!, 2)]), 'en');
    expect(cues).toEqual([
      { start: 0, end: 900, text: 'A headline' },
      { start: 2000, end: 3400, text: 'One sentence here.' },
      { start: 3500, end: 4900, text: 'Two sentences there.' },
    ]);
  });

  it('leaves out a segment without audio, and says a sentence without a timed word with its neighbour', () => {
    const texts = ['Read by the browser.', 'Said first. Again. Then this.'];
    const second = timed(texts[1]!, 5);
    // "Again." has no word entry of its own (as when a voice runs it into the word before).
    const words = second.words.filter(([, , offset]) => !texts[1]!.startsWith('Again', offset));
    const cues = transcriptCues(
      texts,
      manifest([{ start: 5, end: 5, fingerprint: '00000000000000', length: 20, words: [], audio: false }, { ...second, words }]),
      'en',
    );
    expect(cues.map((cue) => cue.text)).toEqual(['Said first. Again.', 'Then this.']);
    expect(cues[0]!.start).toBe(5000);
  });

  it('gives a cue with one instant word a length', () => {
    const cues = transcriptCues(['Hi.'], manifest([{ start: 1, end: 1, fingerprint: '00000000000000', length: 3, words: [[1, 1, 0, 2]] }]), 'en');
    expect(cues).toEqual([{ start: 1000, end: 1001, text: 'Hi.' }]);
  });
});

describe('formatVtt', () => {
  it('writes valid WebVTT with the text escaped, so page text is never markup or an arrow', () => {
    const vtt = formatVtt([
      { start: 0, end: 1500, text: 'Fish & chips <b>bold</b> --> not a timing' },
      { start: 3_723_004, end: 3_724_000, text: 'An hour in.' },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nFish &amp; chips &lt;b&gt;bold&lt;/b&gt; --&gt; not a timing\n\n' +
        '01:02:03.004 --> 01:02:04.000\nAn hour in.\n\n',
    );
    expect(checkVtt(vtt)).toEqual([]);
  });

  it('is checked: the helper refuses cues out of order, ending before they start, or with raw markup', () => {
    expect(checkVtt('WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nb\n\n00:00:01.000 --> 00:00:04.000\na\n')).toEqual(['cue 2 starts before the cue before it']);
    expect(checkVtt('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nb\n')).toEqual(['cue 1 ends before it starts']);
    expect(checkVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na <script> & b\n')).toEqual(['cue 1: unescaped markup in its text']);
    expect(checkVtt('00:00:01.000 --> 00:00:02.000\na\n')).toContain('no WEBVTT header followed by a blank line');
  });

  it('formats times as hh:mm:ss.ttt', () => {
    expect(timestamp(0)).toBe('00:00:00.000');
    expect(timestamp(59_999)).toBe('00:00:59.999');
    expect(timestamp(36_000_000)).toBe('10:00:00.000');
  });
});
