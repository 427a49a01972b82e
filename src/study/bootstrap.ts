/** Bootstrap confidence intervals (Efron's percentile method) over resampled groups. */
import type { Rng } from './design.js';

export const DEFAULT_RESAMPLES = 200;
export const DEFAULT_CONFIDENCE = 0.95;

/** `resamples` lists of n indices drawn with replacement. */
export function resampleIndices(n: number, resamples: number, rng: Rng): Uint32Array[] {
  return Array.from({ length: resamples }, () => {
    const pick = new Uint32Array(n);
    for (let k = 0; k < n; k++) pick[k] = Math.floor(rng.next() * n);
    return pick;
  });
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
