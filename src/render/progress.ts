/**
 * What the render command shows while it works: on a terminal one live line per article (segments done,
 * seconds of audio, speed as a multiple of real time); in a pipe or CI log one plain line per finished
 * article. Either way a failure is shown with its reason, and a summary ends the run.
 */
export type ArticleState = 'queued' | 'rendering' | 'done' | 'up to date' | 'failed';

export interface ArticleStatus {
  readonly name: string;
  state: ArticleState;
  done: number;
  total: number;
  /** Seconds of audio rendered so far. */
  audio: number;
  /** When rendering started (performance.now() ms), for the live speed. */
  startedAt: number;
  /** Seconds the whole render took, once done. */
  elapsed: number;
  message: string;
}

export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
  readonly rows?: number;
  readonly columns?: number;
}

export interface Reporter {
  /** Something about `article` changed. */
  update(article: ArticleStatus): void;
  /** The run is over: leave the screen tidy and print the summary. */
  finish(summary: string): void;
}

const FINAL: ReadonlySet<ArticleState> = new Set(['done', 'up to date', 'failed']);

export function describe(article: ArticleStatus, width: number, now = performance.now()): string {
  const name = article.name.padEnd(width);
  switch (article.state) {
    case 'queued':
      return `  ${name}  queued`;
    case 'up to date':
      return `– ${name}  up to date`;
    case 'failed':
      return `✗ ${name}  failed: ${article.message}`;
    case 'rendering':
    case 'done': {
      const seconds = article.state === 'done' ? article.elapsed : (now - article.startedAt) / 1000;
      const speed = seconds > 0 && article.audio > 0 ? `${Math.round(article.audio / seconds)}× real time` : '';
      const mark = article.state === 'done' ? '✓' : '…';
      const count = `${article.done}/${article.total} segments`.padStart(17);
      return `${mark} ${name}  ${count}  ${`${article.audio.toFixed(1)} s audio`.padStart(13)}  ${speed}`.trimEnd();
    }
  }
}

/** Live lines on a terminal, redrawn in place at most every 100 ms. */
class LiveReporter implements Reporter {
  readonly #articles: readonly ArticleStatus[];
  readonly #out: Output;
  readonly #errors: Output;
  readonly #width: number;
  #drawn = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(articles: readonly ArticleStatus[], out: Output, errors: Output) {
    this.#articles = articles;
    this.#out = out;
    this.#errors = errors;
    this.#width = nameWidth(articles);
    this.#draw();
  }

  update(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.#draw();
    }, 100);
  }

  finish(summary: string): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#draw();
    // The live lines are cut to the screen's width: give each failure in full once more.
    for (const a of this.#articles) if (a.state === 'failed') this.#errors.write(`${a.name}: ${a.message}\n`);
    this.#out.write(`${summary}\n`);
  }

  #draw(): void {
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}A` : '';
    // A wrapped line would throw the cursor-up count off: cut each to the screen's width.
    const columns = (this.#out.columns || 80) - 1;
    const lines = this.#articles.map((a) => `\x1b[2K${describe(a, this.#width).slice(0, columns)}\n`);
    this.#out.write(up + lines.join(''));
    this.#drawn = lines.length;
  }
}

/** One line per article as it finishes, for logs. */
class PlainReporter implements Reporter {
  readonly #out: Output;
  readonly #errors: Output;
  readonly #width: number;

  constructor(articles: readonly ArticleStatus[], out: Output, errors: Output) {
    this.#out = out;
    this.#errors = errors;
    this.#width = nameWidth(articles);
  }

  update(article: ArticleStatus): void {
    if (!FINAL.has(article.state)) return;
    (article.state === 'failed' ? this.#errors : this.#out).write(`${describe(article, this.#width)}\n`);
  }

  finish(summary: string): void {
    this.#out.write(`${summary}\n`);
  }
}

export function createReporter(articles: readonly ArticleStatus[], out: Output, errors: Output): Reporter {
  // Live lines only where they fit on the screen; otherwise they would scroll away mid-redraw.
  const fits = !out.rows || articles.length < out.rows - 1; // 0 or absent: size unknown
  return out.isTTY && fits ? new LiveReporter(articles, out, errors) : new PlainReporter(articles, out, errors);
}

/** The longest article name (a loop: spreading a big archive's names into `Math.max` overflows the stack). */
function nameWidth(articles: readonly ArticleStatus[]): number {
  let width = 0;
  for (const article of articles) width = Math.max(width, article.name.length);
  return width;
}
