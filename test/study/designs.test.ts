/** Every design, checked the same way (the Axelrod harness): a new design is a module plus an entry. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { DESIGN_NAMES, DESIGNS } from '../../src/study/designs.js';
import { valuesAt, type Factor } from '../../src/study/design.js';
import { gridLevels } from '../../src/study/grid.js';

const factors: Factor[] = [
  { name: 'p', distribution: { kind: 'uniform', lo: 0.2, hi: 0.9 }, integer: false },
  { name: 'k', distribution: { kind: 'uniform', lo: 1, hi: 4 }, integer: true },
  { name: 'flag', distribution: { kind: 'choice', values: [true, false], weights: null }, integer: false },
  { name: 't', distribution: { kind: 'triangular', lo: 0, mode: 2, hi: 10 }, integer: false },
];
const sizes = { grid: 3, lhs: 16, mc: 16, sobol: 16, morris: 10 } as const;

describe.each(DESIGN_NAMES)('design %s', (name) => {
  const d = DESIGNS[name];
  const n = sizes[name];
  const s = d.sample(factors, n, createRng(`h:${name}`), {});

  it('has as many points as it says, with a group each, inside the unit cube', () => {
    expect(d.refuse(n, factors)).toBeNull();
    expect(s.unit).toHaveLength(d.points(n, factors, {}));
    expect(s.groups).toHaveLength(s.unit.length);
    for (const p of s.unit) {
      expect(p).toHaveLength(factors.length);
      expect(p.every((u) => u >= 0 && u <= 1)).toBe(true);
    }
  });

  it('gives values within every factor\'s support, integers whole', () => {
    for (const p of s.unit) {
      const [pv, kv, fv, tv] = valuesAt(factors, p);
      expect(pv as number).toBeGreaterThanOrEqual(0.2);
      expect(pv as number).toBeLessThanOrEqual(0.9);
      expect([1, 2, 3, 4]).toContain(kv);
      expect([true, false]).toContain(fv);
      expect(tv as number).toBeGreaterThanOrEqual(0);
      expect(tv as number).toBeLessThanOrEqual(10);
    }
  });

  it('is the same sample from the same stream', () => {
    expect(d.sample(factors, n, createRng(`h:${name}`), {})).toEqual(s);
  });

  it('refuses a sample size it cannot use, saying what it needs', () => {
    expect(d.refuse(0, factors)).toMatch(/\d/);
  });
});

describe('design specifics', () => {
  it('sobol needs a power of two and suggests the nearest', () => {
    expect(DESIGNS.sobol.refuse(1000, factors)).toMatch(/power of two.*1024/);
  });

  it('lhs puts one point in each of n strata of every factor', () => {
    const s = DESIGNS.lhs.sample(factors, 50, createRng('l'), {});
    for (let i = 0; i < factors.length; i++) expect(new Set(s.unit.map((p) => Math.floor(p[i]! * 50))).size).toBe(50);
  });

  it('grid takes every value of a choice, of an integer range of at most n values, and n levels of the rest', () => {
    expect(gridLevels(factors[1]!, 4).map((u) => valuesAt([factors[1]!], [u])[0])).toEqual([1, 2, 3, 4]);
    expect(new Set(gridLevels(factors[1]!, 3).map((u) => valuesAt([factors[1]!], [u])[0])).size).toBe(3);
    expect(gridLevels(factors[2]!, 3)).toHaveLength(2);
    expect(gridLevels(factors[0]!, 3).map((u) => valuesAt([factors[0]!], [u])[0])).toEqual([0.2, 0.55, 0.9]);
    expect(DESIGNS.grid.points(3, factors, {})).toBe(3 * 3 * 2 * 3);
    // One group: replication k of every point shares a seed, as --vary does.
    expect(new Set(DESIGNS.grid.sample(factors, 3, createRng(0), {}).groups)).toEqual(new Set([0]));
  });

  it('mc draws independent points, each its own group', () => {
    const s = DESIGNS.mc.sample(factors, 100, createRng('m'), {});
    expect(new Set(s.groups).size).toBe(100);
  });
});
