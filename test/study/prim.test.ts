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
