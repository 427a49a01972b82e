/** Bootstrap confidence intervals (Efron's percentile method) over resampled groups. */
import type { Rng } from './design.js';

/** SALib's default; intervals' ends move by about 0.01 between runs of 100 and of 1,000 resamples. */
export const DEFAULT_RESAMPLES = 100;
export const DEFAULT_CONFIDENCE = 0.95;

/** `resamples` lists of n indices drawn with replacement. */
export function resampleIndices(n: number, resamples: number, rng: Rng): Uint32Array[] {
  return Array.from({ length: resamples }, () => {
    const pick = new Uint32Array(n);
    for (let k = 0; k < n; k++) pick[k] = Math.floor(rng.next() * n);
    return pick;
  });
}

/** One resample as counts: how often each of the n indices was drawn (n draws with replacement), into `counts`. */
export function resampleCounts(counts: Uint32Array, rng: Rng): void {
  const n = counts.length;
  counts.fill(0);
  for (let k = 0; k < n; k++) counts[Math.floor(rng.next() * n)]! += 1;
}

/** The central `confidence` interval of the bootstrap values (type-7 quantiles); non-finite values left out. */
export function percentileInterval(values: readonly number[], confidence: number): [number, number] | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const at = (p: number): number => {
    const h = (finite.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(finite.length - 1, lo + 1);
    return finite[lo]! + (h - lo) * (finite[hi]! - finite[lo]!);
  };
  const tail = (1 - confidence) / 2;
  return [at(tail), at(1 - tail)];
}
