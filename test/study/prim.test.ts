import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulation/rng.js';
import { prim } from '../../src/study/prim.js';

describe('PRIM scenario discovery', () => {
  const rng = createRng('prim');
  const n = 4000;
  const x1 = Array.from({ length: n }, () => rng.next());
  const x2 = Array.from({ length: n }, () => rng.next());
  const x3 = Array.from({ length: n }, () => rng.next());
  const flag = Array.from({ length: n }, () => rng.next() < 0.5);
  // The planted box: x1 > 0.6 and x2 < 0.3, and the flag on; x3 is noise.
  const y = x1.map((v, i) => v > 0.6 && x2[i]! < 0.3 && flag[i]!);
  const columns = [{ name: 'x1', values: x1 }, { name: 'x2', values: x2 }, { name: 'x3', values: x3 }, { name: 'flag', values: flag }];

  it('finds the planted box: its factors, their ranges, high density and coverage', () => {
    const [box] = prim(columns, y);
    expect(box).toBeDefined();
    expect(box!.density).toBeGreaterThan(0.9);
    expect(box!.coverage).toBeGreaterThan(0.8);
    const by = new Map(box!.restrictions.map((r) => [r.factor, r]));
    expect([...by.keys()].sort()).toEqual(['flag', 'x1', 'x2']);
    const r1 = by.get('x1')!;
    const r2 = by.get('x2')!;
    expect('min' in r1 && Math.abs(r1.min - 0.6) < 0.05).toBe(true);
    expect('max' in r2 && Math.abs(r2.max - 0.3) < 0.05).toBe(true);
    expect(by.get('flag')).toEqual({ factor: 'flag', values: [true] });
    expect(box!.hits).toBe(Math.round(box!.coverage * y.filter(Boolean).length));
  });

  it('records the peeling trade-off: mass falls, density rises, coverage never grows', () => {
    const [box] = prim(columns, y);
    const t = box!.trajectory;
    expect(t[0]).toMatchObject({ mass: 1, coverage: 1, restricted: 0 });
    for (let k = 1; k < t.length; k++) {
      expect(t[k]!.mass).toBeLessThan(t[k - 1]!.mass);
      expect(t[k]!.coverage).toBeLessThanOrEqual(t[k - 1]!.coverage);
    }
    expect(t[t.length - 1]!.density).toBeGreaterThan(t[0]!.density);
    expect(t[box!.chosen]!.density).toBe(box!.density);
  });

  it('finds nothing where the condition is noise', () => {
    const noise = x1.map(() => rng.next() < 0.3);
    const boxes = prim(columns, noise, { threshold: 0.9 });
    expect(boxes.every((b) => b.density < 0.6)).toBe(true);
  });

  it('finds nothing when the condition never holds', () => {
    expect(prim(columns, y.map(() => false))).toEqual([]);
  });

});

describe('PRIM on eight runs, worked by hand (alpha = 0.25)', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const near = (v: number): unknown => expect.closeTo(v, 12);

  it('peels a numeric factor from below to the two runs of interest at its top', () => {
    // Low peels cut at the 25th percentile: 2.75, then 4.25, 5.75, 6.5, 7.25; high peels keep no hit.
    const boxes = prim([{ name: 'x', values: x }], x.map((v) => v >= 7), { alpha: 0.25 });
    expect(boxes).toEqual([{
      coverage: 1, density: 1, mass: 0.25, runs: 2, hits: 2,
      restrictions: [{ factor: 'x', min: 7, max: 8 }],
      trajectory: [
        { coverage: 1, density: 0.25, mass: 1, restricted: 0 },
        { coverage: 1, density: near(1 / 3), mass: 0.75, restricted: 1 },
        { coverage: 1, density: 0.5, mass: 0.5, restricted: 1 },
        { coverage: 1, density: near(2 / 3), mass: 0.375, restricted: 1 },
        { coverage: 1, density: 1, mass: 0.25, restricted: 1 },
        { coverage: 0.5, density: 1, mass: 0.125, restricted: 1 },
      ],
      chosen: 4,
    }]);
  });

  it('on equal coverage chooses the denser box; with no box dense enough, the densest', () => {
    const y = x.map((v) => v >= 7);
    expect(prim([{ name: 'x', values: x }], y, { alpha: 0.25, threshold: 0.6 })[0]!.chosen).toBe(4);
    expect(prim([{ name: 'x', values: x }], y, { alpha: 0.25, threshold: 1.5 })[0]!.chosen).toBe(4);
    // A larger minimum mass stops the peeling earlier: at 0.3 the box of mass 0.25 is never reached.
    const early = prim([{ name: 'x', values: x }], y, { alpha: 0.25, minMass: 0.3 })[0]!;
    expect(early.trajectory.map((t) => t.mass)).toEqual([1, 0.75, 0.5, 0.375]);
    expect(early).toMatchObject({ chosen: 3, runs: 3, hits: 2, restrictions: [{ factor: 'x', min: 6, max: 8 }] });
  });

  it('drops a choice\'s value as one peel, and keeps the factors in their columns\' order', () => {
    const flag = x.map((v) => v <= 4);
    // First the flag (density 2/4 against 2/6 for x's best peel), then x from above: 3.25, then 2.5.
    const boxes = prim([{ name: 'x', values: x }, { name: 'flag', values: flag }], x.map((v) => v <= 2), { alpha: 0.25 });
    expect(boxes).toEqual([{
      coverage: 1, density: 1, mass: 0.25, runs: 2, hits: 2,
      restrictions: [{ factor: 'x', min: 1, max: 2 }, { factor: 'flag', values: [true] }],
      trajectory: [
        { coverage: 1, density: 0.25, mass: 1, restricted: 0 },
        { coverage: 1, density: 0.5, mass: 0.5, restricted: 1 },
        { coverage: 1, density: near(2 / 3), mass: 0.375, restricted: 2 },
        { coverage: 1, density: 1, mass: 0.25, restricted: 2 },
        { coverage: 0.5, density: 1, mass: 0.125, restricted: 2 },
      ],
      chosen: 3,
    }]);
  });

  it('covers: after a box, looks for the next one among the runs outside it', () => {
    // Two clusters of interest, at each end; the second box is found among runs 1–6.
    const y = x.map((v) => v <= 2 || v >= 7);
    const boxes = prim([{ name: 'x', values: x }], y, { alpha: 0.25, threshold: 0.9 });
    expect(boxes.map((b) => b.restrictions)).toEqual([[{ factor: 'x', min: 7, max: 8 }], [{ factor: 'x', min: 1, max: 2 }]]);
    expect(boxes.map((b) => [b.coverage, b.hits, b.runs])).toEqual([[0.5, 2, 2], [0.5, 2, 2]]);
    expect(prim([{ name: 'x', values: x }], y, { alpha: 0.25, threshold: 0.9, maxBoxes: 1 })).toHaveLength(1);
  });

  it('reports no box that restricts nothing or is no denser than the runs left', () => {
    // Every run of interest: the widest box is the best and restricts nothing.
    expect(prim([{ name: 'x', values: x }], x.map(() => true), { alpha: 0.25 })).toEqual([]);
    // A factor that cannot be peeled (one value) gives nothing.
    expect(prim([{ name: 'c', values: x.map(() => 'same') }], x.map((v) => v > 4))).toEqual([]);
  });
});
