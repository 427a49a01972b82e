/**
 * The designs a study can use, each a module with `sample(factors, n, rng)`, and what `n` means for
 * it. A new design is a module plus an entry here; test/study/designs.test.ts checks every entry the
 * same way.
 */
import type { Factor, Rng, Sample } from './design.js';
import * as grid from './grid.js';
import * as lhs from './latin-hypercube.js';
import * as mc from './monte-carlo.js';
import * as morris from './morris.js';
import * as sobol from './sobol.js';

export const DESIGN_NAMES = ['grid', 'lhs', 'sobol', 'morris', 'mc'] as const;
export type DesignName = (typeof DESIGN_NAMES)[number];

export interface DesignOptions {
  readonly secondOrder?: boolean;
  readonly levels?: number;
}

export interface DesignEntry {
  readonly name: DesignName;
  /** What `samples` counts, for help and errors. */
  readonly samples: string;
  /** Why `n` cannot be used, or null if it can. */
  readonly refuse: (n: number, factors: readonly Factor[]) => string | null;
  /** Points the design has for n samples (before replications). */
  readonly points: (n: number, factors: readonly Factor[], options: DesignOptions) => number;
  readonly sample: (factors: readonly Factor[], n: number, rng: Rng, options: DesignOptions) => Sample;
}

const atLeast = (min: number) => (n: number): string | null => (Number.isSafeInteger(n) && n >= min ? null : `a whole number ≥ ${min}`);

export const DESIGNS: Readonly<Record<DesignName, DesignEntry>> = {
  grid: {
    name: 'grid', samples: 'levels per continuous factor (choices and small integer ranges take all their values)',
    refuse: (n, factors) => atLeast(1)(n) ?? (grid.gridSize(factors, n) > grid.MAX_GRID_POINTS ? `fewer levels: ${grid.gridSize(factors, n)} grid points is more than ${grid.MAX_GRID_POINTS}` : null),
    points: (n, factors) => grid.gridSize(factors, n),
    sample: (factors, n, rng) => grid.sample(factors, n, rng),
  },
  lhs: {
    name: 'lhs', samples: 'points of the Latin hypercube',
    refuse: atLeast(2), points: (n) => n,
    sample: (factors, n, rng) => lhs.sample(factors, n, rng),
  },
  mc: {
    name: 'mc', samples: 'independent random points',
    refuse: atLeast(1), points: (n) => n,
    sample: (factors, n, rng) => mc.sample(factors, n, rng),
  },
  sobol: {
    name: 'sobol', samples: 'base sample size N, a power of two (N·(D+2) points, N·(2D+2) with second order)',
    refuse: (n) => (sobol.isPowerOfTwo(n) && n >= 4 ? null : `a power of two ≥ 4 (e.g. ${[4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048].reduce((best, p) => (Math.abs(p - n) < Math.abs(best - n) ? p : best), 4)})`),
    points: (n, factors, o) => n * sobol.rowsPerPoint(factors.length, o.secondOrder ?? false),
    sample: (factors, n, rng, o) => sobol.sample(factors, n, rng, { secondOrder: o.secondOrder ?? false }),
  },
  morris: {
    name: 'morris', samples: 'trajectories r (r·(D+1) points)',
    refuse: atLeast(2), points: (n, factors) => n * (factors.length + 1),
    sample: (factors, n, rng, o) => morris.sample(factors, n, rng, { levels: o.levels ?? morris.DEFAULT_LEVELS }),
  },
};
