import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { valuesAt } from '../../src/study/design.js';
import { analyze, sample, rowsPerPoint } from '../../src/study/sobol.js';
import { sobolPoints } from '../../src/study/sobol-sequence.js';
import { sobolWarnings } from '../../src/study/warnings.js';
import { ISHIGAMI, ishigami, sobolG, sobolGIndices, uniformFactors } from './functions.js';

const inside = (x: number, ci: [number, number] | null, slack = 0): boolean => ci !== null && x >= ci[0] - slack && x <= ci[1] + slack;

describe('the Sobol\' sequence', () => {
  it('starts with the known points of Joe and Kuo\'s first dimensions', () => {
    expect(sobolPoints(3, 8)).toEqual([
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
    ]);
  });

  it('puts exactly one of the first 2^m points in each of 2^m strata of every dimension', () => {
    const points = sobolPoints(40, 1024);
    for (let d = 0; d < 40; d++) {
      const strata = new Set(points.map((p) => Math.floor(p[d]! * 1024)));
      expect(strata.size).toBe(1024);
    }
  });

  it('puts 4 points in each cell of a 16 × 16 grid of any two of its first dimensions (a (0, m, 2)-net for 1 and 2)', () => {
    const points = sobolPoints(2, 1024);
    const cells = new Map<string, number>();
    for (const p of points) {
      const key = `${Math.floor(p[0]! * 16)},${Math.floor(p[1]! * 16)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    expect(cells.size).toBe(256);
    expect([...cells.values()].every((c) => c === 4)).toBe(true);
  });

  it('skipping k points gives the same points as generating and dropping them', () => {
    expect(sobolPoints(5, 10, 7)).toEqual(sobolPoints(5, 17).slice(7));
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(0, 1)).toThrow(RangeError);
    expect(() => sobolPoints(161, 1)).toThrow(RangeError);
  });
});

describe('Saltelli sampling', () => {
  const factors = uniformFactors(['a', 'b', 'c'], 0, 1);

  it('gives N·(D+2) rows, N·(2D+2) with second order, grouped by base point', () => {
    const s = sample(factors, 8);
    expect(s.unit).toHaveLength(8 * 5);
    expect(sample(factors, 8, undefined, { secondOrder: true }).unit).toHaveLength(8 * 8);
    expect(s.groups.slice(0, 10)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('builds AB_i from A with column i of B', () => {
    const s = sample(factors, 4);
    const per = rowsPerPoint(3, false);
    for (let j = 0; j < 4; j++) {
      const [a, ab0, ab1, ab2, b] = s.unit.slice(j * per, (j + 1) * per) as number[][];
      expect(ab0).toEqual([b![0], a![1], a![2]]);
      expect(ab1).toEqual([a![0], b![1], a![2]]);
      expect(ab2).toEqual([a![0], a![1], b![2]]);
    }
  });
});

describe('Sobol\' indices against analytic values', () => {
  it('reproduces the Ishigami function\'s S1 and ST within their bootstrap intervals', () => {
    const factors = uniformFactors(['x1', 'x2', 'x3'], -Math.PI, Math.PI);
    const s = sample(factors, 4096);
    const y = s.unit.map((u) => ishigami(valuesAt(factors, u) as number[]));
    const r = analyze(factors, y, { rng: createRng('ishigami'), resamples: 300 });
    r.indices.forEach((x, i) => {
      expect(inside(ISHIGAMI.S1[i]!, x.S1ci, 0.005), `S1 of x${i + 1}: ${x.S1} ${String(x.S1ci)}`).toBe(true);
      expect(inside(ISHIGAMI.ST[i]!, x.STci, 0.005), `ST of x${i + 1}: ${x.ST} ${String(x.STci)}`).toBe(true);
      expect(Math.abs(x.S1! - ISHIGAMI.S1[i]!)).toBeLessThan(0.05);
      expect(Math.abs(x.ST! - ISHIGAMI.ST[i]!)).toBeLessThan(0.05);
    });
  });

  it('reproduces Sobol\'s G function\'s indices, and finds its second-order interaction', () => {
    const a = [0, 1, 4.5, 9, 99];
    const factors = uniformFactors(['x1', 'x2', 'x3', 'x4', 'x5'], 0, 1);
    const g = sobolG(a);
    const exact = sobolGIndices(a);
    const s = sample(factors, 2048, undefined, { secondOrder: true });
    const y = s.unit.map((u) => g(valuesAt(factors, u) as number[]));
    const r = analyze(factors, y, { rng: createRng('g'), secondOrder: true });
    r.indices.forEach((x, i) => {
      expect(inside(exact.S1[i]!, x.S1ci, 0.01), `S1 of x${i + 1}: ${x.S1} vs ${exact.S1[i]}`).toBe(true);
      expect(inside(exact.ST[i]!, x.STci, 0.01), `ST of x${i + 1}: ${x.ST} vs ${exact.ST[i]}`).toBe(true);
    });
    // V_12 = V_1 V_2 for a product function.
    const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
    const s12 = r.secondOrder.find((x) => x.factors[0] === 'x1' && x.factors[1] === 'x2')!;
    expect(Math.abs(s12.S2! - (vi[0]! * vi[1]!) / v)).toBeLessThan(0.05);
    expect(r.secondOrder).toHaveLength(10);
  });

  it('gives a factor the output ignores S1 = ST = 0 exactly, with an interval at 0', () => {
    const factors = uniformFactors(['live', 'inert'], 0, 1);
    const s = sample(factors, 64);
    const y = s.unit.map((u) => u[0]! ** 2);
    const r = analyze(factors, y, { rng: createRng(1) });
    expect(r.indices[1]).toMatchObject({ S1: 0, ST: 0, S1ci: [0, 0], STci: [0, 0] });
    expect(r.indices[0]!.ST!).toBeGreaterThan(0.9);
  });

  it('gives no indices for an output that does not vary, and a warning', () => {
    const factors = uniformFactors(['a', 'b'], 0, 1);
    const y = sample(factors, 16).unit.map(() => 3);
    const r = analyze(factors, y, { rng: createRng(1) });
    expect(r.indices.every((x) => x.S1 === null && x.ST === null && x.STci === null)).toBe(true);
    expect(sobolWarnings('m', r.indices, 16).map((w) => w.message).join()).toMatch(/does not vary/);
  });

  it('drops base points with a missing output and says how many it used', () => {
    const factors = uniformFactors(['a', 'b'], 0, 1);
    const s = sample(factors, 16);
    const y = s.unit.map((u, k) => (k === 5 ? null : u[0]! + u[1]!));
    expect(analyze(factors, y, { rng: createRng(1) }).n).toBe(15);
  });

  it('is deterministic for a given bootstrap stream', () => {
    const factors = uniformFactors(['a', 'b'], 0, 1);
    const y = sample(factors, 32).unit.map((u) => u[0]! * u[1]!);
    expect(analyze(factors, y, { rng: createRng(9) })).toEqual(analyze(factors, y, { rng: createRng(9) }));
  });

  it('warns about small samples, negative indices and intervals wider than the index', () => {
    const factors = uniformFactors(['x1', 'x2', 'x3'], -Math.PI, Math.PI);
    const s = sample(factors, 8);
    const y = s.unit.map((u) => ishigami(valuesAt(factors, u) as number[]));
    const r = analyze(factors, y, { rng: createRng('few') });
    const messages = sobolWarnings('y', r.indices, 8).map((w) => w.message);
    expect(messages.some((m) => /too few samples/.test(m))).toBe(true);
    const negative = sobolWarnings('y', [{ factor: 'f', S1: -0.2, S1ci: [-0.4, 0.1], ST: 0.3, STci: [0, 0.7] }], 1024).map((w) => w.message);
    expect(negative.some((m) => /S1 = -0.200 is negative/.test(m))).toBe(true);
    expect(negative.some((m) => /ST interval .* wider than ST/.test(m))).toBe(true);
  });
});
