/**
 * In-process known answers for src/study/design.ts (a factor's value at a unit position, its levels)
 * and src/study/designs.ts (each design's refusals, point counts and options), which the CLI suites
 * otherwise check only through `thaw study` runs on dist/.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { levelMidpoint, levelsOf, valueAt, valuesAt, type Factor } from '../../src/study/design.js';
import { DESIGNS } from '../../src/study/designs.js';
import type { Distribution } from '../../src/study/distributions.js';
import { MAX_GRID_POINTS } from '../../src/study/grid.js';
import * as morris from '../../src/study/morris.js';
import * as sobol from '../../src/study/sobol.js';

const factor = (distribution: Distribution, integer = false, name = 'x'): Factor => ({ name, distribution, integer });
const uniform = (lo: number, hi: number): Distribution => ({ kind: 'uniform', lo, hi });

describe('valueAt', () => {
  it('a continuous factor takes the quantile itself', () => {
    expect(valueAt(factor(uniform(2, 6)), 0.25)).toBe(3);
    expect(valueAt(factor({ kind: 'triangular', lo: 0, mode: 0, hi: 1 }), 0.75)).toBe(0.5);
  });

  it('a choice gives its value whether or not the factor is marked integer', () => {
    const choice: Distribution = { kind: 'choice', values: [10, 20, 30], weights: null };
    expect([0.1, 0.5, 0.9].map((u) => valueAt(factor(choice, true), u))).toEqual([10, 20, 30]);
    expect([0.1, 0.5, 0.9].map((u) => valueAt(factor(choice, false), u))).toEqual([10, 20, 30]);
  });

  it('an integer uniform gives each whole number inside its bounds an equal share', () => {
    const f = factor(uniform(0.5, 3.7), true); // whole numbers 1, 2, 3
    expect([0, 0.3, 0.34, 0.66, 0.67, 0.999, 1].map((u) => valueAt(f, u))).toEqual([1, 1, 2, 2, 3, 3, 3]);
    const g = factor(uniform(1, 4), true);
    expect([0, 0.24, 0.25, 0.5, 0.75, 1].map((u) => valueAt(g, u))).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('other integer factors round the quantile and stay within the whole numbers of their bounds', () => {
    const tri = factor({ kind: 'triangular', lo: 0.4, mode: 1, hi: 5.6 }, true);
    expect([valueAt(tri, 0), valueAt(tri, 1)]).toEqual([1, 5]);
    const beta = factor({ kind: 'beta', a: 2, b: 2, lo: 0.3, hi: 4.7 }, true);
    expect([valueAt(beta, 0), valueAt(beta, 0.5), valueAt(beta, 1)]).toEqual([1, 3, 4]);
    const normal = factor({ kind: 'normal', mean: 5, sd: 2, min: 1.2, max: 8.8 }, true);
    expect([valueAt(normal, 0), valueAt(normal, 0.5), valueAt(normal, 1)]).toEqual([2, 5, 8]);
  });

  it('an integer normal without bounds is only rounded', () => {
    const f = factor({ kind: 'normal', mean: 0, sd: 1, min: null, max: null }, true);
    // The standard normal's quantiles at 2.5 % and 97.5 % are ∓1.96.
    expect([valueAt(f, 0.025), valueAt(f, 0.5), valueAt(f, 0.975)]).toEqual([-2, 0, 2]);
    const onlyMin = factor({ kind: 'normal', mean: 0, sd: 1, min: -0.5, max: null }, true);
    expect(valueAt(onlyMin, 0.999)).toBeGreaterThanOrEqual(3);
  });

  it('valuesAt reads each coordinate with its own factor', () => {
    const fs = [factor(uniform(0, 10)), factor(uniform(1, 4), true), factor({ kind: 'choice', values: ['a', 'b'], weights: null })];
    expect(valuesAt(fs, [0.5, 0.5, 0.9])).toEqual([5, 3, 'b']);
  });
});

describe('levelsOf and levelMidpoint', () => {
  it('counts the values of a choice and of an integer uniform, and nothing else', () => {
    expect(levelsOf(factor({ kind: 'choice', values: [true, false, 'maybe'], weights: null }))).toBe(3);
    expect(levelsOf(factor({ kind: 'choice', values: [1, 2], weights: null }, true))).toBe(2);
    expect(levelsOf(factor(uniform(1, 4), true))).toBe(4);
    expect(levelsOf(factor(uniform(0.5, 3.7), true))).toBe(3);
    expect(levelsOf(factor(uniform(1, 4)))).toBeNull();
    expect(levelsOf(factor({ kind: 'triangular', lo: 0, mode: 1, hi: 5 }, true))).toBeNull();
    expect(levelsOf(factor({ kind: 'normal', mean: 0, sd: 1, min: 0, max: 3 }, true))).toBeNull();
  });

  it('the middle of level k of n is (k + ½) / n, and valueAt gives that level back', () => {
    expect([0, 1, 2, 3].map((k) => levelMidpoint(k, 4))).toEqual([0.125, 0.375, 0.625, 0.875]);
    const f = factor(uniform(0.5, 3.7), true);
    const n = levelsOf(f)!;
    expect(Array.from({ length: n }, (_, k) => valueAt(f, levelMidpoint(k, n)))).toEqual([1, 2, 3]);
  });
});

const four = [factor(uniform(0, 1), false, 'a'), factor(uniform(0, 1), false, 'b'), factor(uniform(0, 1), false, 'c'), factor(uniform(0, 1), false, 'd')];

describe('each design\'s refusals', () => {
  it.each([['lhs', 2], ['mc', 1], ['morris', 2], ['grid', 1]] as const)('%s takes whole numbers from %i up', (name, min) => {
    const d = DESIGNS[name];
    expect(d.refuse(min, four)).toBeNull();
    expect(d.refuse(min + 1, four)).toBeNull();
    expect(d.refuse(min - 1, four)).toContain(`≥ ${min}`);
    expect(d.refuse(min + 0.5, four)).toContain(`≥ ${min}`);
    expect(d.refuse(Number.NaN, four)).toContain(`≥ ${min}`);
    expect(d.refuse(2 ** 53, four)).toContain(`≥ ${min}`);
  });

  it('grid refuses more points than it can hold, saying how many', () => {
    // 4 continuous factors: n⁴ points; 31⁴ = 923,521 fits, 32⁴ = 1,048,576 does not.
    expect(DESIGNS.grid.refuse(31, four)).toBeNull();
    const why = DESIGNS.grid.refuse(32, four);
    expect(why).toContain(String(32 ** 4));
    expect(why).toContain(String(MAX_GRID_POINTS));
  });

  it('grid takes exactly as many points as it can hold and refuses one level more', () => {
    // Two continuous factors: n² points; 1,000² is the limit itself, 1,001² is past it.
    const two = four.slice(0, 2);
    expect(MAX_GRID_POINTS).toBe(1000 ** 2);
    expect(DESIGNS.grid.points(1000, two, {})).toBe(MAX_GRID_POINTS);
    expect(DESIGNS.grid.refuse(1000, two)).toBeNull();
    expect(DESIGNS.grid.refuse(1001, two)).toContain(String(1001 ** 2));
  });

  it('sobol takes powers of two from 4 and suggests the nearest, the smaller on a tie', () => {
    for (const n of [4, 8, 1024, 4096]) expect(DESIGNS.sobol.refuse(n, four)).toBeNull();
    const suggested = (n: number) => /e\.g\. (\d+)/.exec(DESIGNS.sobol.refuse(n, four) ?? '')?.[1];
    expect([1, 2, 3, 5, 6, 7, 12, 100, 1000, 3000].map(suggested)).toEqual(['4', '4', '4', '4', '4', '8', '8', '128', '1024', '2048']);
  });
});

describe('each design\'s points and options', () => {
  it('counts points as its samples say', () => {
    expect(DESIGNS.lhs.points(7, four, {})).toBe(7);
    expect(DESIGNS.mc.points(7, four, {})).toBe(7);
    expect(DESIGNS.morris.points(5, four, {})).toBe(5 * 5);
    expect(DESIGNS.sobol.points(8, four, {})).toBe(8 * 6);
    expect(DESIGNS.sobol.points(8, four, { secondOrder: false })).toBe(8 * 6);
    expect(DESIGNS.sobol.points(8, four, { secondOrder: true })).toBe(8 * 10);
    expect(DESIGNS.grid.points(3, four, {})).toBe(81);
  });

  it('sobol passes second order on: N·(2D+2) rows, the same rows as the module draws', () => {
    const s = DESIGNS.sobol.sample(four, 8, createRng(1), { secondOrder: true });
    expect(s.unit).toHaveLength(80);
    expect(s).toEqual(sobol.sample(four, 8, createRng(1), { secondOrder: true }));
    expect(DESIGNS.sobol.sample(four, 8, createRng(1), {}).unit).toHaveLength(48);
  });

  it('morris passes its levels on, four by default', () => {
    const six = DESIGNS.morris.sample(four, 3, createRng('m'), { levels: 6 });
    expect(six).toEqual(morris.sample(four, 3, createRng('m'), { levels: 6 }));
    expect(DESIGNS.morris.sample(four, 3, createRng('m'), {})).toEqual(morris.sample(four, 3, createRng('m'), { levels: 4 }));
    // Six levels sit on fifths of the unit interval; four on thirds.
    const onGrid = (u: number, p: number) => Math.abs(u * (p - 1) - Math.round(u * (p - 1))) < 1e-9;
    expect(six.unit.flat().every((u) => onGrid(u, 6))).toBe(true);
    expect(six.unit.flat().every((u) => onGrid(u, 4))).toBe(false);
  });

  it('each entry carries its own name', () => {
    for (const [name, entry] of Object.entries(DESIGNS)) expect(entry.name).toBe(name);
  });
});
