import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReporter, describe as line, type ArticleStatus, type Output } from '../../../src/render/progress.js';

function status(name: string, changes: Partial<ArticleStatus> = {}): ArticleStatus {
  return { name, state: 'queued', done: 0, total: 0, audio: 0, startedAt: 0, elapsed: 0, message: '', ...changes };
}

function output(extra: Partial<Output> = {}): Output & { text: string } {
  const out = { text: '', ...extra, write: (text: string) => void (out.text += text) };
  return out;
}

describe('progress lines', () => {
  it('say what each article is doing', () => {
    expect(line(status('seed'), 6)).toBe('  seed    queued');
    expect(line(status('seed', { state: 'up to date' }), 4)).toBe('– seed  up to date');
    expect(line(status('seed', { state: 'failed', message: 'no text' }), 4)).toBe('✗ seed  failed: no text');
    const rendering = status('seed', { state: 'rendering', done: 3, total: 36, audio: 25, startedAt: 1000 });
    expect(line(rendering, 4, 1250)).toBe('… seed      3/36 segments   25.0 s audio  100× real time');
    const done = status('seed', { state: 'done', done: 36, total: 36, audio: 301.46, elapsed: 2 });
    expect(line(done, 4)).toBe('✓ seed     36/36 segments  301.5 s audio  151× real time');
  });
});

describe('createReporter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints one plain line per finished article when not on a terminal, failures to stderr', () => {
    const out = output();
    const errors = output();
    const articles = [status('a'), status('bb')];
    const reporter = createReporter(articles, out, errors);
    articles[0]!.state = 'rendering';
    reporter.update(articles[0]!);
    expect(out.text).toBe('');
    Object.assign(articles[0]!, { state: 'done', done: 2, total: 2, audio: 10, elapsed: 0.1 });
    reporter.update(articles[0]!);
    Object.assign(articles[1]!, { state: 'failed', message: 'boom' });
    reporter.update(articles[1]!);
    reporter.finish('1 rendered');
    expect(out.text).toBe('✓ a        2/2 segments   10.0 s audio  100× real time\n1 rendered\n');
    expect(errors.text).toBe('✗ bb  failed: boom\n');
  });

  it('redraws live lines in place on a terminal, at most every 100 ms', () => {
    vi.useFakeTimers();
    const out = output({ isTTY: true, rows: 40, columns: 60 });
    const errors = output();
    const articles = [status('a'), status('b')];
    const reporter = createReporter(articles, out, errors);
    expect(out.text).toBe('\x1b[2K  a  queued\n\x1b[2K  b  queued\n');
    out.text = '';
    articles[1]!.state = 'up to date';
    reporter.update(articles[1]!);
    reporter.update(articles[1]!);
    expect(out.text).toBe('');
    vi.advanceTimersByTime(100);
    expect(out.text).toBe('\x1b[2A\x1b[2K  a  queued\n\x1b[2K– b  up to date\n');
    out.text = '';
    Object.assign(articles[0]!, { state: 'failed', message: 'x'.repeat(100) });
    reporter.update(articles[0]!);
    reporter.finish('done');
    const lines = out.text.split('\n');
    expect(lines[0]).toBe(`\x1b[2A\x1b[2K✗ a  failed: ${'x'.repeat(59 - 13)}`);
    expect(lines.at(-2)).toBe('done');
    expect(errors.text).toBe(`a: ${'x'.repeat(100)}\n`);
  });

  it('falls back to plain lines when the articles do not fit on the screen', () => {
    const out = output({ isTTY: true, rows: 3 });
    const articles = [status('a'), status('b'), status('c')];
    createReporter(articles, out, output()).finish('none');
    expect(out.text).toBe('none\n');
    // A terminal that does not say its size (0 rows) gets live lines.
    const unsized = output({ isTTY: true, rows: 0 });
    createReporter(articles, unsized, output()).finish('none');
    expect(unsized.text).toMatch(/^\x1b\[2K {2}a {2}queued\n/);
  });
});
