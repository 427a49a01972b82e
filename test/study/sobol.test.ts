import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { valuesAt } from '../../src/study/design.js';
import { analyze, isPowerOfTwo, sample, rowsPerPoint } from '../../src/study/sobol.js';
import { percentileInterval, resampleCounts } from '../../src/study/bootstrap.js';
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

describe('Saltelli sampling, row by row', () => {
  it('takes A and B from one 2D-dimensional Sobol\' point past the origin, and builds BA_i for second order', () => {
    const factors = uniformFactors(['a', 'b', 'c'], 0, 1);
    const s = sample(factors, 4, undefined, { secondOrder: true });
    const points = sobolPoints(6, 4, 1);
    for (let j = 0; j < 4; j++) {
      const a = points[j]!.slice(0, 3);
      const b = points[j]!.slice(3);
      const rows = s.unit.slice(j * 8, (j + 1) * 8);
      expect(rows[0]).toEqual(a);
      expect(rows[7]).toEqual(b);
      expect(rows[4]).toEqual([a[0], b[1], b[2]]);
      expect(rows[5]).toEqual([b[0], a[1], b[2]]);
      expect(rows[6]).toEqual([b[0], b[1], a[2]]);
      expect(s.groups.slice(j * 8, (j + 1) * 8)).toEqual(new Array(8).fill(j));
    }
    expect(rowsPerPoint(3, true)).toBe(8);
  });

  it('accepts only powers of two as N', () => {
    expect([1, 2, 4, 1024, 2 ** 30].every(isPowerOfTwo)).toBe(true);
    expect([0, 3, 6, 1000, -4, 0.5, 2 ** 53 + 2, Number.NaN].some(isPowerOfTwo)).toBe(false);
  });
});

describe('the estimators, worked by hand and against their textbook form', () => {
  const one = uniformFactors(['x'], 0, 1);
  const always = (u: number) => ({ next: () => u });

  it('computes S1 (Saltelli 2010), ST (Jansen) and V of a two-point sample by hand', () => {
    // Rows [A, AB_1, B] per base point; with one factor AB_1 is B. A = (1, 3), B = (2, 4).
    // V = var{1, 3, 2, 4} (over 2N) = 1.25; S1 = mean(B · (AB − A)) / V = 3 / 1.25; ST = mean((A − AB)²) / 2V = 0.4.
    const r = analyze(one, [1, 2, 2, 3, 4, 4], { rng: always(0) });
    expect(r.n).toBe(2);
    expect(r.variance).toBeCloseTo(1.25, 12);
    expect(r.indices[0]!.S1).toBeCloseTo(2.4, 12);
    expect(r.indices[0]!.ST).toBeCloseTo(0.4, 12);
    // Every resample (u = 0) draws the first point twice: V = 0.25, S1 = 2 / 0.25, ST = 0.5 / 0.25.
    expect(r.indices[0]!.S1ci).toEqual([8, 8]);
    expect(r.indices[0]!.STci).toEqual([2, 2]);
  });

  it('needs two base points with values to give indices', () => {
    const r = analyze(one, [1, 2, 2], { rng: always(0) });
    expect(r).toEqual({ indices: [{ factor: 'x', S1: null, S1ci: null, ST: null, STci: null }], secondOrder: [], n: 1, variance: 0 });
    const dropped = analyze(one, [1, 2, 2, 3, Number.NaN, 4, 5, 6, Number.POSITIVE_INFINITY], { rng: always(0) });
    expect(dropped.n).toBe(1);
    expect(dropped.indices[0]!.S1).toBeNull();
  });

  it('gives null, not NaN, where an index overflows', () => {
    const r = analyze(one, [1e300, -1e300, 1e300, -1e300, 1e300, 1e300], { rng: always(0) });
    expect(r.indices[0]!.S1).toBeNull();
    expect(r.indices[0]!.ST).toBeNull();
  });

  it('refuses outputs that are not whole groups of rows', () => {
    expect(() => analyze(one, [1, 2, 3, 4], { rng: always(0) })).toThrow(/3 rows per base point; got 4 outputs/);
    expect(() => analyze(uniformFactors(['a', 'b'], 0, 1), new Array(10).fill(1), { rng: always(0), secondOrder: true })).toThrow(/6 rows per base point; got 10/);
  });

  it('agrees with the estimators written plainly, bootstrap intervals and second order included', () => {
    const d = 3;
    const n = 16;
    const per = 2 * d + 2;
    const noise = createRng('outputs');
    const y = Array.from({ length: n * per }, () => Math.round(noise.next() * 100) / 10);
    const mean = (xs: number[]): number => xs.reduce((p, x) => p + x, 0) / xs.length;
    // The textbook form, over a list of base points (repeats allowed).
    const plain = (points: number[]) => {
      const col = (r: number) => points.map((j) => y[j * per + r]!);
      const a = col(0);
      const b = col(per - 1);
      const m = mean([...a, ...b]);
      const v = mean([...a, ...b].map((x) => (x - m) ** 2));
      const ab = Array.from({ length: d }, (_, i) => col(1 + i));
      const ba = Array.from({ length: d }, (_, i) => col(1 + d + i));
      const s1 = ab.map((abi) => mean(abi.map((x, k) => b[k]! * (x - a[k]!))) / v);
      const st = ab.map((abi) => mean(abi.map((x, k) => (a[k]! - x) ** 2)) / (2 * v));
      const s2 = (i: number, j: number) => mean(ba[i]!.map((x, k) => x * ab[j]![k]! - a[k]! * b[k]!)) / v - s1[i]! - s1[j]!;
      return { v, s1, st, s2 };
    };
    const factors = uniformFactors(['a', 'b', 'c'], 0, 1);
    const resamples = 40;
    const confidence = 0.9;
    const r = analyze(factors, y, { rng: createRng('boot'), resamples, confidence, secondOrder: true });
    const whole = plain(Array.from({ length: n }, (_, j) => j));
    expect(r.variance).toBeCloseTo(whole.v, 9);
    // The same resamples, replayed from the same stream, expanded into lists of points.
    const replay = createRng('boot');
    const counts = new Uint32Array(n);
    const boots = Array.from({ length: resamples }, () => {
      resampleCounts(counts, replay);
      return plain([...counts].flatMap((c, j) => new Array<number>(c).fill(j)));
    });
    const ci = (get: (p: ReturnType<typeof plain>) => number) => percentileInterval(boots.map(get), confidence)!;
    factors.forEach((f, i) => {
      const x = r.indices[i]!;
      expect(x.factor).toBe(f.name);
      expect(x.S1).toBeCloseTo(whole.s1[i]!, 9);
      expect(x.ST).toBeCloseTo(whole.st[i]!, 9);
      ci((p) => p.s1[i]!).forEach((end, k) => expect(x.S1ci![k]).toBeCloseTo(end, 9));
      ci((p) => p.st[i]!).forEach((end, k) => expect(x.STci![k]).toBeCloseTo(end, 9));
    });
    expect(r.secondOrder.map((x) => x.factors)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    r.secondOrder.forEach((x) => {
      const i = factors.findIndex((f) => f.name === x.factors[0]);
      const j = factors.findIndex((f) => f.name === x.factors[1]);
      expect(x.S2).toBeCloseTo(whole.s2(i, j), 9);
      ci((p) => p.s2(i, j)).forEach((end, k) => expect(x.S2ci![k]).toBeCloseTo(end, 9));
    });
    // Without second order the same outputs are refused (8 rows a point, not 5), and a first-order run has no S2.
    expect(() => analyze(factors, y, { rng: createRng(1) })).toThrow(RangeError);
    expect(analyze(factors, y.slice(0, 5 * 16), { rng: createRng(1) }).secondOrder).toEqual([]);
  });

  it('gives second-order indices of an output that does not vary as null', () => {
    const factors = uniformFactors(['a', 'b'], 0, 1);
    const r = analyze(factors, new Array(6 * 4).fill(2), { rng: always(0), secondOrder: true });
    expect(r.secondOrder).toEqual([{ factors: ['a', 'b'], S2: null, S2ci: null }]);
  });
});
