/**
 * Summary statistics of a metric over runs: mean, sample standard deviation, percentiles and a
 * 95% confidence interval of the mean (Student's t). Every figure depends on the multiset of values
 * only (exact sums, a count table), so a study split over workers or shards summarises the same.
 */
import { MetricAccumulator } from '../study/metric-accumulator.js';

export interface Summary {
  /** Runs with a value (a metric may be undefined in a run, e.g. the month of a first deal that never came). */
  readonly n: number;
  readonly missing: number;
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator); null below two values. */
  readonly sd: number | null;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  /** 95% confidence interval of the mean: mean ± t(0.975, n − 1) · sd / √n. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/** Two-sided 95% critical values of Student's t by degrees of freedom (1–30, then 40, 60, 120, ∞). */
const T_TABLE: readonly (readonly [number, number])[] = [
  [1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [6, 2.447], [7, 2.365], [8, 2.306], [9, 2.262],
  [10, 2.228], [11, 2.201], [12, 2.179], [13, 2.16], [14, 2.145], [15, 2.131], [16, 2.12], [17, 2.11], [18, 2.101],
  [19, 2.093], [20, 2.086], [21, 2.08], [22, 2.074], [23, 2.069], [24, 2.064], [25, 2.06], [26, 2.056], [27, 2.052],
  [28, 2.048], [29, 2.045], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98],
];
const Z_975 = 1.96;

/** t(0.975, df), interpolated linearly in 1/df between tabulated values (exact at the table's points). */
export function tCritical(df: number): number {
  if (df < 1) return Number.NaN;
  for (let i = 0; i < T_TABLE.length; i++) {
    const [d, t] = T_TABLE[i]!;
    if (df === d) return t;
    if (df < d) {
      const [d0, t0] = T_TABLE[i - 1]!;
      const w = (1 / df - 1 / d) / (1 / d0 - 1 / d);
      return t + w * (t0 - t);
    }
  }
  const [dLast, tLast] = T_TABLE[T_TABLE.length - 1]!;
  return Z_975 + (tLast - Z_975) * (dLast / df);
}

/** The p-quantile of sorted values, interpolating linearly between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The summary of a metric's accumulated runs (./study/metric-accumulator.ts: memory flat in runs, mergeable). */
export function summaryOf(acc: MetricAccumulator): Summary {
  const n = acc.n;
  const missing = acc.missing;
  const mean = acc.mean();
  if (n === 0 || mean === null) return { n, missing, mean: null, sd: null, p5: null, p50: null, p95: null, ciLow: null, ciHigh: null };
  const sd = acc.sd();
  const [p5, p50, p95] = acc.quantiles([0.05, 0.5, 0.95]);
  const half = sd === null ? null : tCritical(n - 1) * sd / Math.sqrt(n);
  return {
    n, missing, mean, sd,
    p5: p5 ?? null, p50: p50 ?? null, p95: p95 ?? null,
    ciLow: half === null ? null : mean - half,
    ciHigh: half === null ? null : mean + half,
  };
}

export function summarize(values: readonly (number | null)[]): Summary {
  const acc = new MetricAccumulator();
  for (const v of values) acc.add(v);
  return summaryOf(acc);
}

/**
 * Paired differences b − a, run by run (common random numbers: run i of both used the same seed).
 * A run missing the metric on either side is left out of the pair.
 */
export function pairedDifferences(a: readonly (number | null)[], b: readonly (number | null)[]): (number | null)[] {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  return a.map((x, i) => {
    const y = b[i] ?? null;
    return x === null || y === null ? null : y - x;
  });
}
