import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { availableParallelism } from 'node:os';
import { defaultWorkers, executeRuns, runBatch, shardIndices, type RunRow } from '../../src/simulation/sweep.js';
import { metricCatalogue, startFacts } from '../../src/simulation/metrics.js';
import { compareColumns, summarizeRows, tornado } from '../../src/simulation/study.js';
import { runScenario } from '../../src/run-scenario.js';
import { runSeed } from '../../src/simulation/seeds.js';
import { summarize } from '../../src/simulation/stats.js';

const study = { scenario: scenario('base'), seed: 7, months: null };
const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('sweeps', () => {
  it('give identical rows for 1 and 2 worker threads', async () => {
    const one = await executeRuns(study, indices(60), { workers: 1 });
    const two = await executeRuns(study, indices(60), { workers: 2 });
    expect(two).toEqual(one);
    expect(one.map((r) => r.run)).toEqual(indices(60));
  });

  it('use extra threads by default only for studies large enough to repay their warm-up', () => {
    expect(defaultWorkers(100)).toBe(1);
    expect(defaultWorkers(5999)).toBe(1);
    expect(defaultWorkers(1e9)).toBe(Math.min(4, availableParallelism()));
  });

  it('report each run as `thaw run --seed` would compute it', () => {
    const [row] = runBatch(study, [5]);
    const direct = runScenario(study.scenario, { seed: runSeed(7, 5) }).outcome;
    expect(row!.seed).toBe(runSeed(7, 5));
    expect(row!.metrics.released).toBe(direct.prisonersReleased);
    expect(row!.metrics.deals).toBe(direct.deals);
    expect(row!.metrics['released.ukraine']).toBe(direct.releasedByRoute.ukraine);
  });

  it('split into shards that together are exactly the study, with equal statistics', async () => {
    const catalogue = metricCatalogue(startFacts(study.scenario));
    const whole = await executeRuns(study, indices(45), { workers: 1 });
    const parts: RunRow[] = [];
    for (const index of [1, 2, 3]) parts.push(...runBatch(study, shardIndices(45, { index, count: 3 })));
    expect(shardIndices(10, { index: 2, count: 3 })).toEqual([1, 4, 7]);
    const merged = parts.sort((a, b) => a.run - b.run);
    expect(merged).toEqual(whole);
    expect(summarizeRows(merged, catalogue)).toEqual(summarizeRows(whole, catalogue));
  });

  it('compare columns on common seeds: a scenario against itself differs by exactly zero', () => {
    const catalogue = metricCatalogue(startFacts(study.scenario));
    const rows = runBatch(study, indices(20));
    const cmp = compareColumns([rows, rows], catalogue);
    const released = cmp.find((m) => m.name === 'released')!;
    expect(released.differences[0]).toMatchObject({ mean: 0, sd: 0 });
  });

  it('rank parameters by the swing of a metric\'s mean (tornado)', () => {
    const point = (value: number, mean: number) => ({ value, summaries: [{ name: 'm', description: '', summary: { n: 1, missing: 0, mean, sd: null, p5: mean, p50: mean, p95: mean, ciLow: null, ciHigh: null } }] });
    const bars = tornado([
      { path: 'small', points: [point(0, 10), point(1, 12)] },
      { path: 'large', points: [point(0, 30), point(1, 5), point(2, 20)] },
    ], 'm');
    expect(bars.map((b) => [b.path, b.swing])).toEqual([['large', 25], ['small', 2]]);
    expect(bars[0]).toMatchObject({ atLow: 30, atHigh: 20, min: 5, max: 30, minAt: 1, maxAt: 0, swingCi: null });
  });

  it('give each tornado bar the t interval of its swing from the runs paired by seed', () => {
    const point = (value: number, values: number[]) => ({ value, summaries: summarizeRows(values.map((v, run) => ({ run, seed: run, metrics: { m: v } })), [{ name: 'm', description: '' }]) });
    // Runs paired by seed: the differences high − low are 2, 4, 6, 8 (mean 5, sd √(20/3)).
    const low = [10, 11, 12, 13];
    const high = [12, 15, 18, 21];
    // A parameter the metric cannot feel: every run the same at every value, so its interval is [0, 0].
    const inert = [7, 9, 8, 6];
    const bars = tornado([
      { path: 'live', points: [point(0, low), point(1, high)] },
      { path: 'inert', points: [point(0, inert), point(1, inert)] },
    ], 'm', [[Float64Array.from(low), Float64Array.from(high)], [Float64Array.from(inert), Float64Array.from(inert)]]);
    const half = 3.182 * Math.sqrt(20 / 3) / 2; // t(0.975, 3) · sd / √4
    expect(bars[0]!.path).toBe('live');
    expect(bars[0]!.swing).toBe(5);
    expect(bars[0]!.swingCi![0]).toBeCloseTo(5 - half, 12);
    expect(bars[0]!.swingCi![1]).toBeCloseTo(5 + half, 12);
    expect(bars[1]).toMatchObject({ path: 'inert', swing: 0, swingCi: [0, 0] });
    // Runs missing the metric on either side leave the pair.
    const gappy = tornado([{ path: 'p', points: [point(0, low), point(1, high)] }], 'm', [[Float64Array.from([Number.NaN, 11, 12, 13]), Float64Array.from(high)]]);
    const three = summarize([4, 6, 8]);
    expect(gappy[0]!.swingCi).toEqual([three.ciLow, three.ciHigh]);
  });
});
