/**
 * The generators themselves: they produce only valid scenarios, cover the schema's ranges, and a
 * failing property leaves a scenario file that `thaw run FILE --seed N` replays exactly.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/run-scenario.js';
import { renderJson } from '../../src/report/json.js';
import { announceSeed, checkProperty, checkRuns, COUNTEREXAMPLE_DIR, FC_SEED, writeCounterexample } from './fc-config.js';
import { arbitraryOf, runExampleArb, scenarioArb } from './arbitraries.js';
import { usParamsSchema } from '../../src/scenario/schema.js';

announceSeed('arbitraries');

describe('scenario arbitraries', () => {
  it('generate only scenarios the schema accepts, round-tripped through JSON', () => {
    checkProperty(scenarioArb(), (s) => {
      expect(scenarioSchema.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true);
    });
  });

  it('derive parameter ranges from the schema: every US parameter reaches both ends of its range', () => {
    const shape = (usParamsSchema as unknown as { _zod: { def: { innerType: { shape: Record<string, { _zod: { def: { type: string; innerType: unknown } } }> } } } })._zod.def.innerType.shape;
    const samples = fc.sample(arbitraryOf(usParamsSchema), { seed: FC_SEED, numRuns: 400 }) as Record<string, unknown>[];
    for (const [key, field] of Object.entries(shape)) {
      const inner = field._zod.def.type === 'default' ? field._zod.def.innerType as { minValue?: number; maxValue?: number } : null;
      if (!inner || typeof inner.minValue !== 'number') continue;
      const values = samples.map((p) => p[key] as number);
      expect(Math.min(...values), key).toBe(inner.minValue);
      expect(Math.max(...values), key).toBe(inner.maxValue);
    }
  });

  it('vary what matters: worlds, rule switches, events and horizons differ across examples', () => {
    const xs = fc.sample(scenarioArb(), { seed: FC_SEED, numRuns: 200 });
    expect(new Set(xs.map((s) => s.world.cohorts.length)).size).toBeGreaterThan(2);
    expect(xs.some((s) => s.world.named.some((p) => p.laureate && p.status === 'held'))).toBe(true);
    expect(xs.some((s) => Object.values(s.rules).includes(false))).toBe(true);
    expect(xs.some((s) => s.events.length > 0)).toBe(true);
    expect(new Set(xs.map((s) => s.horizon)).size).toBeGreaterThan(10);
  });
});

describe('counterexamples', () => {
  it('are written as scenario files that load and replay the very same run', () => {
    const [example] = fc.sample(runExampleArb().filter((x) => x.scenario.events.length > 0), { seed: FC_SEED, numRuns: 1 });
    const { scenario, seed } = example!;
    const replay = writeCounterexample('replay-check', scenario, seed, 'a test of the replay itself');
    const file = `${COUNTEREXAMPLE_DIR}replay-check-seed-${seed}.yaml`;
    try {
      expect(replay).toBe(`npx thaw run test/properties/.counterexamples/replay-check-seed-${seed}.yaml --seed ${seed} --format json`);
      expect(readFileSync(file, 'utf8')).toMatch(/^# Counterexample for the property "replay-check"/);
      const loaded = loadScenario(file).scenario;
      expect(renderJson(runScenario(loaded, { seed }))).toBe(renderJson(runScenario(scenario, { seed })));
    } finally {
      rmSync(file, { force: true });
    }
  });

  it.skipIf(process.env.THAW_MUTATION === '1')('a failing property names its replay command and leaves the shrunk scenario behind', () => {
    let message = '';
    try {
      checkRuns('always-fails', runExampleArb(), () => { throw new Error('deliberate'); }, 0.01);
    } catch (error) {
      message = (error as Error).message;
    }
    const file = /replay: npx thaw run (\S+) --seed (\d+)/.exec(message);
    expect(message).toContain('property "always-fails" failed');
    expect(message).toContain(`fast-check seed ${FC_SEED}`);
    expect(file).not.toBeNull();
    const path = new URL(`../../${file![1]}`, import.meta.url);
    try {
      expect(existsSync(path)).toBe(true);
      // Shrunk: the smallest horizon.
      expect(loadScenario(path.pathname).scenario.horizon).toBe(1);
      if (existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
        const r = spawnSync('node', ['bin/thaw', 'run', file![1]!, '--seed', file![2]!, '--format', 'json'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout).seed).toBe(Number(file![2]));
      }
    } finally {
      rmSync(path, { force: true });
    }
  });
});
