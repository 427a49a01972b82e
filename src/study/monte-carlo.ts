/** Plain Monte Carlo: independent uniform points, each its own group (its own seed). */
import type { Factor, Rng, Sample } from './design.js';

export function sample(factors: readonly Factor[], n: number, rng: Rng): Sample {
  const unit = Array.from({ length: n }, () => factors.map(() => rng.next()));
  return { unit, groups: unit.map((_, i) => i) };
}
