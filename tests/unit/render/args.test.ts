import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseRenderArgs, UsageError } from '../../../src/render/args.js';

describe('parseRenderArgs', () => {
  it('has defaults for everything but the inputs', () => {
    expect(parseRenderArgs(['news/story.html', 'other.htm'])).toEqual({
      inputs: [
        { path: 'news/story.html', name: 'story' },
        { path: 'other.htm', name: 'other' },
      ],
      outDir: 'audio',
      voice: undefined,
      rate: 175,
      selector: undefined,
      formats: ['mp3', 'opus'],
      jobs: Math.ceil(availableParallelism() / 2),
      force: false,
    });
  });

  it('synthesises on every core only when no ffmpeg encoder needs the others', () => {
    expect(parseRenderArgs(['a.html', '--format', 'wav'])?.jobs).toBe(availableParallelism());
    expect(parseRenderArgs(['a.html', '--format', 'wav,opus'])?.jobs).toBe(Math.ceil(availableParallelism() / 2));
  });

  it('reads every option', () => {
    const options = parseRenderArgs([
      'index.html',
      '--name',
      'seed',
      '--out',
      'out/',
      '--voice',
      'en-gb',
      '--rate',
      '200',
      '--selector',
      '#story',
      '--lexicon',
      'audio/pronunciations.json',
      '--lang-override',
      'pt-BR',
      '--format',
      'WAV, opus',
      '--jobs',
      '1',
      '--force',
    ]);
    expect(options).toEqual({
      inputs: [{ path: 'index.html', name: 'seed' }],
      outDir: 'out/',
      voice: 'en-gb',
      rate: 200,
      selector: '#story',
      lexicon: 'audio/pronunciations.json',
      langOverride: 'pt-BR',
      formats: ['wav', 'opus'],
      jobs: 1,
      force: true,
    });
  });

  it('refuses a --lang-override that is not a language tag', () => {
    expect(() => parseRenderArgs(['a.html', '--lang-override', 'fr"><x'])).toThrow(/--lang-override must be a language tag/);
  });

  it('refuses an empty --lexicon', () => {
    expect(() => parseRenderArgs(['a.html', '--lexicon', ' '])).toThrow(new UsageError('--lexicon is empty'));
  });

  it('returns null for --help', () => {
    expect(parseRenderArgs(['--help'])).toBeNull();
  });

  it('caps --jobs at the CPU cores (each worker costs memory, and more only share the cores)', () => {
    expect(parseRenderArgs(['a.html', '--jobs', '1000'])?.jobs).toBe(availableParallelism());
    expect(parseRenderArgs(['a.html', '--jobs', '1'])?.jobs).toBe(1);
  });

  it.each([
    [[], /no article/],
    [['a.html', '--rate', 'fast'], /--rate/],
    [['a.html', '--rate', '1000'], /--rate/],
    [['a.html', '--jobs', '0'], /--jobs/],
    [['a.html', '--format', 'mp3,flac'], /unknown --format flac/],
    [['a.html', 'b.html', '--name', 'x'], /exactly one input/],
    [['a.html', '--name', '../x'], /plain file name/],
    [['a.html', '--name', '..'], /plain file name/],
    [['a.html', '--name', '.hidden'], /plain file name/],
    [['..html'], /not a plain file name: name it with --name/],
    [['one/a.html', 'two/a.html'], /both write a\.\*/],
    [['a.html', '--voice', ''], /--voice is empty/],
    [['a.html', '--colour'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseRenderArgs(argv)).toThrow(UsageError);
    expect(() => parseRenderArgs(argv)).toThrow(message);
  });
});
