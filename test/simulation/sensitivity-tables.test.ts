/**
 * SensitivityTables: a sensitivity study's curves and tornado from tagged rows, by hand on a
 * study small enough to check with pencil and paper.
 */
import { describe, expect, it } from 'vitest';
import { SensitivityTables } from '../../src/simulation/sensitivity-tables.js';
import type { RunRow } from '../../src/simulation/sweep.js';

const plan = {
  vary: [{ path: 'a', values: [0, 1] }, { path: 'b', values: [5, 6, 7] }],
  runs: 2,
  metric: 'm',
  catalogue: [{ name: 'm', description: 'the ranked one' }, { name: 'n', description: 'another' }],
};
// Run r is point ⌊r / 2⌋: a = 0 → m 1, 3; a = 1 → m 4, 8; b = 5, 6, 7 → m 2, 2; 2, 4; 3, 3.
const m = [1, 3, 4, 8, 2, 2, 2, 4, 3, 3];
const rows: RunRow[] = m.map((v, run) => ({ run, seed: run % 2, point: Math.floor(run / 2), metrics: { m: v, n: run === 9 ? null : 10 } }));

describe('SensitivityTables', () => {
  it('gives each value its summaries and ranks the parameters by their swing, with the paired interval', () => {
    const tables = new SensitivityTables(plan);
    tables.add(rows);
    const { sensitivity, tornado } = tables.result();
    expect(sensitivity.map((s) => s.path)).toEqual(['a', 'b']);
    expect(sensitivity[0]!.points.map((p) => p.value)).toEqual([0, 1]);
    const meanOf = (path: number, k: number, name = 'm') => sensitivity[path]!.points[k]!.summaries.find((x) => x.name === name)!.summary.mean;
    expect([meanOf(0, 0), meanOf(0, 1), meanOf(1, 0), meanOf(1, 1), meanOf(1, 2)]).toEqual([2, 6, 2, 3, 3]);
    expect(meanOf(1, 2, 'n')).toBe(10);
    // a swings 6 − 2 = 4; its paired differences (4 − 1, 8 − 3) = 3, 5: mean 4, sd √2, t(1) = 12.706 over √2 runs.
    expect(tornado.map((t) => [t.path, t.swing, t.minAt, t.maxAt])).toEqual([['a', 4, 0, 1], ['b', 1, 5, 6]]);
    const [lo, hi] = tornado[0]!.swingCi!;
    expect(lo).toBeCloseTo(4 - 12.706, 2);
    expect(hi).toBeCloseTo(4 + 12.706, 2);
  });

  it('does not care in which order the rows come (workers finish out of order)', () => {
    const inOrder = new SensitivityTables(plan);
    inOrder.add(rows);
    const shuffled = new SensitivityTables(plan);
    for (const i of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5]) shuffled.add([rows[i]!]);
    expect(shuffled.result()).toEqual(inOrder.result());
  });

  it('leaves a missing run out of its value and out of the pairs', () => {
    const tables = new SensitivityTables(plan);
    tables.add(rows.filter((r) => r.run !== 3));
    const { sensitivity, tornado } = tables.result();
    expect(sensitivity[0]!.points[1]!.summaries.find((x) => x.name === 'm')!.summary.mean).toBe(4);
    // a now swings 4 − 2 = 2 and has one pair left (4 − 1): too few for an interval.
    expect(tornado.find((t) => t.path === 'a')).toMatchObject({ swing: 2, swingCi: null });
  });
});
