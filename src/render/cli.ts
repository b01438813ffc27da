/**
 * The render command: article HTML files → audio and timing manifests, skipping articles whose text,
 * voice and rate are unchanged, rendering the rest in parallel on worker threads.
 *
 * Exit codes: 0 all rendered or up to date; 1 at least one article failed (the others are still
 * rendered); 2 the command cannot run (bad options, ffmpeg missing for MP3/Opus).
 */
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { parseRenderArgs, USAGE, UsageError, type RenderOptions } from './args.js';
import { FFMPEG_MISSING, FORMATS, hasFfmpeg } from './encode.js';
import { publishFeed } from './feed.js';
import { contentHash, generatorName, isUpToDate, type RenderJob } from './job.js';
import { ArticleOutput } from './output.js';
import { runPool } from './pool.js';
import { createReporter, type ArticleStatus, type Output } from './progress.js';
import { articleText, type ArticleText } from './source.js';
import { spokenRuns } from './spoken.js';
import { readIn } from '../spoken/parts.js';
import type { Lexicon } from '../spoken/lexicon.js';
import { parseLexicon } from '../spoken/pls.js';

export interface CliEnvironment {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Starts a worker thread running src/render/worker.ts. */
  readonly startWorker: () => Worker;
}

export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let options: RenderOptions | null;
  try {
    options = parseRenderArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    env.stderr.write(`render: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    env.stdout.write(USAGE);
    return 0;
  }
  if (options.formats.some((format) => FORMATS[format].ffmpeg) && !hasFfmpeg()) {
    env.stderr.write(`render: ${FFMPEG_MISSING}\n`);
    return 2;
  }

  const began = performance.now();
  const articles: ArticleStatus[] = options.inputs.map(({ name }) => ({
    name,
    state: 'queued',
    done: 0,
    total: 0,
    audio: 0,
    startedAt: 0,
    elapsed: 0,
    message: '',
  }));
  const reporter = createReporter(articles, env.stdout, env.stderr);
  const fail = (article: ArticleStatus, message: string): void => {
    article.state = 'failed';
    article.message = message;
    reporter.update(article);
  };

  let lexicon: Lexicon | null = null;
  if (options.lexicon !== undefined) {
    try {
      lexicon = parseLexicon(await readFile(options.lexicon, 'utf8'));
    } catch (error) {
      env.stderr.write(`render: --lexicon ${options.lexicon}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }

  const pages: (ArticleText | undefined)[] = [];
  const jobs = await prepareJobs(options, lexicon, articles, pages, reporter.update.bind(reporter), fail);
  if (jobs.length > 0 || options.feed) {
    try {
      await ArticleOutput.prepare(options.outDir);
    } catch (error) {
      env.stderr.write(`render: cannot create ${options.outDir}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }

  const stopOnSignals = removeFilesOnSignals();
  try {
    const code = await render(options, jobs, articles, env, reporter, fail, began);
    if (!options.feed) return code;
    const published = await publishFeed(options, options.feed, articles, pages, env.stdout, env.stderr);
    return published ? code : 1;
  } finally {
    stopOnSignals();
  }
}

/**
 * Until the returned function is called, a stop (Ctrl-C, `kill`) removes the files being written before
 * the command exits as the signal asks (128 + its number), instead of leaving temporary audio in `--out`.
 */
function removeFilesOnSignals(): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const stop = (signal: NodeJS.Signals): void => {
    void ArticleOutput.abortAll().finally(() => process.exit(128 + (constants.signals[signal] ?? 0)));
  };
  for (const signal of signals) process.once(signal, stop);
  return () => {
    for (const signal of signals) process.off(signal, stop);
  };
}

async function render(
  options: RenderOptions,
  jobs: readonly RenderJob[],
  articles: ArticleStatus[],
  env: CliEnvironment,
  reporter: ReturnType<typeof createReporter>,
  fail: (article: ArticleStatus, message: string) => void,
  began: number,
): Promise<number> {
  // Workers synthesise; this thread encodes and writes what they send, so both go on at once.
  const outputs = new Map<number, ArticleOutput>();
  const writing: Promise<void>[] = [];
  const abandon = (job: RenderJob, message: string): void => {
    const output = outputs.get(job.id);
    outputs.delete(job.id);
    if (output) writing.push(output.abort());
    fail(articles[job.id]!, message);
  };
  await runPool(jobs, options.jobs, env.startWorker, {
    started(job) {
      const article = articles[job.id]!;
      article.state = 'rendering';
      article.total = job.texts.length;
      article.startedAt = performance.now();
      reporter.update(article);
    },
    message(job, message) {
      const article = articles[job.id]!;
      switch (message.type) {
        case 'start':
          outputs.set(job.id, new ArticleOutput(job, message.sampleRate));
          break;
        case 'audio':
          outputs.get(job.id)?.write(message.samples, message.pause);
          break;
        case 'progress':
          article.done = message.done;
          article.audio = message.audio;
          reporter.update(article);
          break;
        case 'done': {
          const output = outputs.get(job.id);
          outputs.delete(job.id);
          if (!output) {
            fail(article, 'no audio was made');
            break;
          }
          const finished = output.finish(message.manifest).then(
            () => {
              article.state = 'done';
              article.done = message.manifest.segments.length;
              article.audio = message.manifest.duration;
              article.elapsed = (performance.now() - article.startedAt) / 1000;
              reporter.update(article);
            },
            (error: unknown) => fail(article, error instanceof Error ? error.message : String(error)),
          );
          writing.push(finished);
          break;
        }
        case 'failed':
          abandon(job, message.message);
          break;
      }
    },
    lost: abandon,
  });
  await Promise.all(writing);

  reporter.finish(summarise(articles, (performance.now() - began) / 1000));
  return articles.some((article) => article.state === 'failed') ? 1 : 0;
}

/** Reads and extracts every input; returns the articles that need rendering and marks the others. */
async function prepareJobs(
  options: RenderOptions,
  lexicon: Lexicon | null,
  articles: ArticleStatus[],
  pages: (ArticleText | undefined)[],
  update: (article: ArticleStatus) => void,
  fail: (article: ArticleStatus, message: string) => void,
): Promise<RenderJob[]> {
  const generator = generatorName();
  const jobs: RenderJob[] = [];
  for (const [id, input] of options.inputs.entries()) {
    const article = articles[id]!;
    try {
      const page = await articleText(await readFile(input.path, 'utf8'), options.selector);
      pages[id] = page;
      const lang = options.langOverride ?? page.lang;
      const { texts } = page;
      // What the page marks with the language it wrongly declares is read in the right one, as by the player.
      const runs = page.runs.map((segment) => segment.map((run) => ({ ...run, lang: readIn(run.lang, lang, options.langOverride && page.lang) })));
      // Without --voice each article is read in its own language.
      const voice = options.voice ?? (lang.toLowerCase() || 'en');
      const said = texts.map((text, i) => spokenRuns(text, runs[i] ?? [], lexicon, lang || voice));
      const spoken = said.some(Boolean) ? said : undefined;
      const content = { lang, texts, spoken, voice, rate: options.rate, formats: options.formats, generator };
      const hash = contentHash(content);
      if (!options.force && isUpToDate(options.outDir, input.name, hash, options.formats)) {
        article.state = 'up to date';
        update(article);
        continue;
      }
      jobs.push({ id, name: input.name, outDir: options.outDir, hash, ...content });
    } catch (error) {
      fail(article, `${input.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return jobs;
}

function summarise(articles: readonly ArticleStatus[], seconds: number): string {
  const count = (state: ArticleStatus['state']): number => articles.filter((a) => a.state === state).length;
  const audio = articles.reduce((sum, a) => sum + (a.state === 'done' ? a.audio : 0), 0);
  const parts = [`${count('done')} rendered`, `${count('up to date')} up to date`, `${count('failed')} failed`];
  const speed = audio > 0 ? `: ${audio.toFixed(1)} s of audio in ${seconds.toFixed(1)} s, ${Math.round(audio / seconds)}× real time` : '';
  return `${parts.join(', ')}${speed}`;
}
