/**
 * Latin hypercube sampling (McKay, Beckman and Conover 1979): each factor's range is cut into n
 * equal strata and every stratum holds exactly one point; strata are paired across factors by
 * independent random permutations, and each point sits at a random place inside its stratum.
 */
import type { Factor, Rng, Sample } from './design.js';

/** A uniformly random permutation of 0…n−1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

export function sample(factors: readonly Factor[], n: number, rng: Rng): Sample {
  const columns = factors.map(() => permutation(n, rng).map((stratum) => (stratum + rng.next()) / n));
  const unit = Array.from({ length: n }, (_, i) => columns.map((c) => c[i]!));
  return { unit, groups: unit.map((_, i) => i) };
}
