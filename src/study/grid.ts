/**
 * A full factorial grid: `n` evenly spaced levels per continuous factor (both ends included), every
 * value of a choice, every whole number of an integer range of at most n values; all combinations, the first factor
 * varying slowest. The rng is not used: a grid is the same whatever the seed. All points form one
 * group, so replication k of every point runs on the same seed, as `thaw sweep --vary` does: a
 * difference between two grid points is then the parameters' doing, not the seeds'.
 */
import { levelMidpoint, levelsOf, type Factor, type Rng, type Sample } from './design.js';

export const MAX_GRID_POINTS = 1_000_000;

/** The unit positions of a factor's levels. */
export function gridLevels(factor: Factor, n: number): number[] {
  const discrete = levelsOf(factor);
  if (discrete !== null && (factor.distribution.kind === 'choice' || discrete <= n)) {
    return Array.from({ length: discrete }, (_, k) => levelMidpoint(k, discrete));
  }
  if (n === 1) return [0.5];
  return Array.from({ length: n }, (_, k) => k / (n - 1));
}

export function gridSize(factors: readonly Factor[], n: number): number {
  return factors.reduce((size, f) => size * gridLevels(f, n).length, 1);
}

export function sample(factors: readonly Factor[], n: number, _rng?: Rng): Sample {
  const size = gridSize(factors, n);
  if (size > MAX_GRID_POINTS) throw new RangeError(`a grid of ${size} points is more than ${MAX_GRID_POINTS}`);
  let unit: number[][] = [[]];
  for (const f of factors) {
    const levels = gridLevels(f, n);
    unit = unit.flatMap((prefix) => levels.map((u) => [...prefix, u]));
  }
  return { unit, groups: unit.map(() => 0) };
}
