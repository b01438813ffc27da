// Small numeric helpers for the benchmark: percentiles, medians of runs, min+gzip sizes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The p-th percentile (0–100) of `values`, by nearest rank; NaN when empty. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)];
}

export const median = (values) => percentile(values.filter((value) => Number.isFinite(value)), 50);
export const max = (values) => (values.length ? Math.max(...values) : NaN);
export const mean = (values) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN);

/** p50/p95/max of absolute values, and the mean signed value (positive: late). */
export function summarise(errors) {
  const absolute = errors.map(Math.abs);
  return { count: errors.length, p50: percentile(absolute, 50), p95: percentile(absolute, 95), max: max(absolute), meanSigned: mean(errors) };
}

/** For each key of the runs' summaries, the median over the runs. */
export function medianOfRuns(runs) {
  const keys = Object.keys(runs[0] ?? {});
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))]));
}

/** Bytes of a built (already minified) file once gzipped at the level servers use for static files. */
export function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export const kb = (bytes) => bytes / 1024;
