/** Test functions with known sensitivity indices (SALib's test_functions). */
import type { Factor } from '../../src/study/design.js';

export const uniformFactors = (names: readonly string[], lo: number, hi: number): Factor[] =>
  names.map((name) => ({ name, distribution: { kind: 'uniform', lo, hi }, integer: false }));

/** Ishigami and Homma (1990), a = 7, b = 0.1, each x in [−π, π]. */
export const ishigami = (x: readonly number[]): number =>
  Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!);

/** Its analytic indices (Sobol' and Levitan 1999; SALib's `ishigami.evaluate` docs). */
export const ISHIGAMI = {
  S1: [0.3139, 0.4424, 0],
  ST: [0.5576, 0.4424, 0.2437],
};

/** Sobol's G function on [0, 1]^d. */
export const sobolG = (a: readonly number[]) => (x: readonly number[]): number =>
  a.reduce((p, ai, i) => p * (Math.abs(4 * x[i]! - 2) + ai) / (1 + ai), 1);

export function sobolGIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
  return {
    S1: vi.map((x) => x / v),
    ST: vi.map((x, i) => (x * vi.reduce((p, y, j) => (j === i ? p : p * (1 + y)), 1)) / v),
  };
}
