// The benchmark's one table: each figure (median of runs) beside the previous run's and its budget, PASS or
// MISS; below it, for a JS-after-play figure over budget, what the JS loaded is made of.
import { kb, median } from './stats.mjs';

const ms = (value, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a');
const verdict = (ok) => (ok === undefined ? 'report' : ok ? 'PASS' : 'MISS');
const ratio = (a, b) => (b > 0 ? `×${(a / b).toFixed(1)}` : 'n/a');

export function rows(report) {
  const { bundle, speech, vitals, sync, scale, content, stress, render, rate } = report;
  const stressed = (pick) => median(stress.map(pick));
  const pick = (key) => median(vitals.map((run) => run[key]));
  const vital = (name) => median(vitals.map((run) => run.vitals[name] ?? NaN));
  const player = (key) => median(sync.map((run) => run.playerSummary[key]));
  const baseline = (key) => median(sync.map((run) => run.baselineSummary[key]));
  const [small, middle, large] = scale;
  const growth = (key, digits) =>
    `${scale.map((size) => size[key].toFixed(digits)).join(' / ')} (${ratio(middle[key], small[key])}, ${ratio(large[key], middle[key])})`;
  const demoBefore = median(vitals.map((run) => run.before.bytes));
  const vitalsPanel = median(vitals.map((run) => run.before.files.filter((file) => /\/vitals-[^/]*\.js$/.test(file.path)).reduce((sum, file) => sum + file.gzip, 0)));
  const demoAll = median(vitals.map((run) => run.all.bytes));
  const single = median(render.single.map((run) => run.realTime));
  const all = median(render.all.map((run) => run.realTime));
  const own = (runs) => `${median(runs.map((run) => run.reported)).toFixed(0)}× without start-up`;
  const clickToPlaying = pick('clickToPlaying');
  const inp = vital('INP');
  const cls = vital('CLS');
  return [
    ['JS before first play, library bundle (min+gzip, Lit incl.)', `${kb(bundle.before.bytes).toFixed(1)} KB, howler ${bundle.before.howler ? 'IN it' : 'not in it'}`, '≤ 14 KB, no howler', verdict(kb(bundle.before.bytes) <= 14 && !bundle.before.howler)],
    ['  the demo page (its own script included)', `${kb(demoBefore).toFixed(1)} KB`, '', 'report'],
    ["  of which the demo's Core Web Vitals panel (after load)", `${kb(vitalsPanel).toFixed(1)} KB`, '', 'report'],
    [
      "All JS after 10 s of the browser's voice, library (page without `src`)",
      speech ? `${kb(speech.all.bytes).toFixed(1)} KB` : 'n/a',
      '≤ 26 KB',
      verdict(speech ? kb(speech.all.bytes) <= SPEECH_AFTER_PLAY_KB : false),
    ],
    ['All JS after 10 s of recorded audio, library (incl. howler)', `${kb(bundle.all.bytes).toFixed(1)} KB`, '≤ 36 KB', verdict(kb(bundle.all.bytes) <= AUDIO_AFTER_PLAY_KB)],
    ['  the demo page', `${kb(demoAll).toFixed(1)} KB`, '', 'report'],
    [`Highlight error vs audio clock at ${rate}×, p50/p95/max`, `${player('p50').toFixed(1)} / ${player('p95').toFixed(1)} / ${player('max').toFixed(1)} ms`, 'p95 ≤ 20 ms', verdict(player('p95') <= 20)],
    ['  baseline on timeupdate, p50/p95/max', `${baseline('p50').toFixed(1)} / ${baseline('p95').toFixed(1)} / ${baseline('max').toFixed(1)} ms`, '', 'report'],
    ['  gain (baseline p95 ÷ player p95)', ratio(baseline('p95'), player('p95')), '', 'report'],
    ['  words never highlighted, player / baseline', `${median(sync.map((run) => run.playerMissed))} / ${median(sync.map((run) => run.baselineMissed))} of ${sync[0]?.words}`, '', 'report'],
    ['Click on play → audio `playing`', ms(clickToPlaying), '≤ 150 ms', verdict(clickToPlaying <= 150)],
    ["  → `playing`, the browser's voice (library page, the voice a stand-in)", ms(speech?.clickToPlaying ?? NaN), '', 'report'],
    ['INP of that click (web-vitals)', ms(inp, 0), '≤ 50 ms', verdict(inp <= 50)],
    ['CLS, load + 10 s of playback (web-vitals)', Number.isFinite(cls) ? cls.toFixed(3) : '0.000 (none reported)', '0.000', verdict(!(cls > 0))],
    ['CLS of the page from the dev server (npm start) as it loads, 1280×1300 / 375×812', `${median(report.devLayout.wide).toFixed(3)} / ${median(report.devLayout.phone).toFixed(3)}`, '0.000', verdict(!(median(report.devLayout.wide) > 0) && !(median(report.devLayout.phone) > 0))],
    ['LCP of the demo page (web-vitals)', ms(vital('LCP'), 0), '', 'report'],
    ['Extraction, 200 / 2,000 / 20,000 paragraphs (ratios)', `${growth('extractMs', 2)} ms`, '2,000: ≤ 50 ms', verdict(middle.extractMs <= 50)],
    contentRow(content),
    ['Per-frame update cost while playing (ratios)', `${growth('frameMs', 3)} ms`, '2,000: ≤ 0.2 ms', verdict(middle.frameMs <= 0.2)],
    ['JS heap after load (ratios)', `${growth('heapMB', 1)} MB`, 'near-linear or better', verdict(large.heapMB / middle.heapMB <= 12)],
    ['Open the paragraph list, 20,000 / 100,000 paragraphs', `${ms(stressed((run) => run.list20k.ms))} / ${ms(stressed((run) => run.list100k.ms))} (${stressed((run) => run.list100k.options)} options in the DOM)`, '≤ 100 ms', verdict(stressed((run) => run.list100k.ms) <= 100)],
    ['  opened again, 20,000 / 100,000 paragraphs', `${ms(stressed((run) => run.list20k.reopenMs))} / ${ms(stressed((run) => run.list100k.reopenMs))}`, '', 'report'],
    ['  100,000, the press loading the rest of the player (no pointer over it first)', ms(stressed((run) => run.list100kCold.ms)), '', 'report'],
    ['  100,000 in 10,000 chapters (a list per chapter)', `${ms(stressed((run) => run.list100kChapters.ms))} (${stressed((run) => run.list100kChapters.options)} options in the DOM)`, '≤ 100 ms', verdict(stressed((run) => run.list100kChapters.ms) <= 100)],
    ['play() → sound, 100,000 paragraphs (fake speech)', ms(stressed((run) => run.play100k.ms)), '≤ 300 ms', verdict(stressed((run) => run.play100k.ms) <= 300)],
    ['  then paused, played from paragraph 50,000', ms(stressed((run) => run.play100k.againMs)), '', 'report'],
    ['  play() loading the rest of the player (no pointer over it first)', ms(stressed((run) => run.play100kCold.ms)), '', 'report'],
    ['5 MB paragraph, mini player shown: long tasks in 10 s (longest)', `${stressed((run) => run.huge.longTasks)} (${ms(stressed((run) => run.huge.longestMs), 0)})`, '0', verdict(stressed((run) => run.huge.longTasks) === 0)],
    ['500 `src` changes in play (10 ms apart): main thread, manifest requests', `${ms(stressed((run) => run.src.mainThreadMs), 0)}, ${stressed((run) => run.src.requests)}`, '', 'report'],
    ['Render the seed article, × real time, --jobs 1', `${single.toFixed(0)}× (${own(render.single)})`, '≥ 100×', verdict(single >= 100)],
    [`  all cores (--jobs ${report.machine.cores})`, `${all.toFixed(0)}× (${own(render.all)})`, '≥ 100×', verdict(all >= 100)],
  ];
}

/** Recall and precision of what is read on the fixture corpus: averages, and the page read least precisely. */
function contentRow(content) {
  const pages = content.pages;
  const mean = (key) => pages.reduce((sum, page) => sum + page[key], 0) / pages.length;
  const worst = pages.reduce((low, page) => (page.precision < low.precision ? page : low));
  const percent = (value) => `${(value * 100).toFixed(1)} %`;
  const ok = mean('recall') >= 0.99 && mean('precision') >= 0.99 && worst.precision >= 0.95;
  return [
    `Content, ${pages.length} pages: recall / precision, worst page`,
    `${percent(mean('recall'))} / ${percent(mean('precision'))}, ${percent(worst.precision)} (${worst.name})`,
    '≥ 99 % / ≥ 99 %, ≥ 95 %',
    verdict(ok),
  ];
}

/** Budgets of all JS after play, KB min+gzip: the engine that reads, and what playing needs. */
const SPEECH_AFTER_PLAY_KB = 26;
const AUDIO_AFTER_PLAY_KB = 36;
/** Modules smaller than this (bytes) are left out of the breakdown. */
const SMALLEST_SHOWN = 300;

/** The previous run's figure of each row, by its label; none for a row it did not have or a report it cannot read. */
function previousFigures(previous) {
  if (!previous) return new Map();
  try {
    return new Map(rows(previous).map((row) => [row[0], row[1]]));
  } catch {
    return new Map();
  }
}

/**
 * For each page whose JS after play is over budget: every file it loaded (before play, after play) and the
 * modules of those loaded after play, with their shares of the file's bytes.
 */
export function breakdown(report) {
  const library = report.library ?? {};
  const pages = [
    ["the browser's voice", report.speech, SPEECH_AFTER_PLAY_KB],
    ['recorded audio', report.bundle, AUDIO_AFTER_PLAY_KB],
  ];
  const lines = [];
  for (const [name, run, budget] of pages) {
    if (!run || kb(run.all.bytes) <= budget) continue;
    lines.push(`All JS after 10 s of ${name}: ${kb(run.all.bytes).toFixed(1)} KB for a budget of ${budget} KB, by file (min+gzip):`);
    const before = new Set(run.before.files.map((file) => file.path));
    for (const file of [...run.all.files].sort((a, b) => b.gzip - a.gzip)) {
      const modules = (library[file.path]?.modules ?? []).filter((module) => module.bytes >= SMALLEST_SHOWN);
      const parts = before.has(file.path) ? ' (before play)' : modules.length ? `: ${modules.map((module) => `${module.id} ${kb(module.bytes).toFixed(1)}`).join(', ')}` : '';
      lines.push(`- ${file.path} ${kb(file.gzip).toFixed(1)} KB${parts}`);
    }
    lines.push('');
  }
  if (lines.length) lines.unshift("Modules' shares: each gzipped alone, scaled to add up to its file.", '');
  return lines.join('\n');
}

/** The table as Markdown, with the machine and method above it; the previous run's figures beside the new. */
export function table(report, previous = null) {
  const header = ['figure', 'measured', 'previous', 'budget', ''];
  const before = previousFigures(previous);
  const body = rows(report).map(([label, measured, budget, verdict]) => [label, measured, before.get(label) ?? '–', budget, verdict]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const { machine } = report;
  return [
    `Listen benchmark, ${report.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}`,
    `Median of ${report.runs} runs; sync at ${report.rate}× (errors in ms of wall-clock time: audio-clock error ÷ rate).`,
    `Previous: ${previous ? `the run of ${String(previous.date).slice(0, 10)} (results.json)` : 'none (no results.json from an earlier run)'}.`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
    breakdown(report),
  ].join('\n');
}
