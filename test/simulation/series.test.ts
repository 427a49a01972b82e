/** `--series`: a run's months, step 0 (the start) to its horizon, agree with the run's own outcome and trace. */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { executeRuns, runBatch } from '../../src/simulation/sweep.js';
import { runScenario } from '../../src/run-scenario.js';
import { runSeed } from '../../src/simulation/seeds.js';
import { SERIES_FIELDS } from '../../src/simulation/series.js';
import { addMonths } from '../../src/world/month.js';

const base = scenario('base');
const study = { scenario: base, seed: 7, months: null, series: true };

describe('a run\'s series', () => {
  it('has a row per month from the start to the horizon, every field in order, months consecutive', () => {
    const [row] = runBatch(study, [3]);
    const series = row!.series!;
    expect(series).toHaveLength(base.horizon + 1);
    series.forEach((m, k) => {
      expect(Object.keys(m)).toEqual([...SERIES_FIELDS]);
      expect(m.step).toBe(k);
      expect(m.month).toBe(addMonths(base.start, k));
    });
    expect(series[0]!.released).toBe(0);
  });

  it('ends where the run ends: its last month holds the run\'s released, routes and arrests', () => {
    for (const [row] of [runBatch(study, [0]), runBatch(study, [11])]) {
      const last = row!.series!.at(-1)!;
      expect(last.released).toBe(row!.metrics.released);
      for (const r of ['lithuania', 'ukraine', 'poland', 'home']) expect(last[`released.${r}` as 'released.home']).toBe(row!.metrics[`released.${r}`]);
      expect(last.arrested).toBe(row!.metrics.arrested);
      expect(last.pardoned).toBe(row!.metrics.pardoned);
      expect(last.transitOpen).toBe(row!.metrics.transitOpen === 1);
    }
  });

  it('matches the trace of `thaw run --seed` month by month', () => {
    const [row] = runBatch(study, [4]);
    const trace = runScenario(base, { seed: runSeed(7, 4) });
    trace.months.forEach((m, k) => {
      const s = row!.series![k + 1]!;
      expect(s.month).toBe(m.month);
      expect(s.held).toBe(m.world.held);
      expect(s['released.home']).toBe(m.world.releasedByRoute.home);
      expect(s.usInterest).toBe(m.world.usInterest);
      expect(s.talks).toBe(m.world.talks);
      expect(s.sanctionsLifted).toBe(m.world.lifted.length);
    });
  });

  it('counts only rise: released, arrested and pardoned are totals so far', () => {
    const [row] = runBatch(study, [9]);
    const s = row!.series!;
    for (let k = 1; k < s.length; k++) {
      for (const f of ['released', 'arrested', 'pardoned'] as const) expect(s[k]![f] as number).toBeGreaterThanOrEqual(s[k - 1]![f] as number);
    }
  });

  it('follows --months, and is absent unless asked for', () => {
    const [short] = runBatch({ ...study, months: 4 }, [1]);
    expect(short!.series).toHaveLength(5);
    const [plain] = runBatch({ ...study, series: false }, [1]);
    expect(plain!.series).toBeUndefined();
    // Asking for the months does not change the run.
    expect(runBatch(study, [1])[0]!.metrics).toEqual(plain!.metrics);
  });

  it('is the same from 1 and 2 worker threads', async () => {
    const one = await executeRuns(study, Array.from({ length: 40 }, (_, i) => i), { workers: 1 });
    const two = await executeRuns(study, one.map((r) => r.run), { workers: 2 });
    expect(two).toEqual(one);
    expect(one.every((r) => r.series?.length === base.horizon + 1)).toBe(true);
  });
});
