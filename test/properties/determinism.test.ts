/** Same scenario + seed ⇒ identical trace, whatever ran before and whether the trace is kept. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run-scenario.js';
import { renderJson } from '../../src/report/json.js';
import { announceSeed, checkRuns } from './fc-config.js';
import { runExampleArb, SHIPPED } from './arbitraries.js';

announceSeed('determinism');

describe('determinism', () => {
  it('same scenario and seed give a byte-identical JSON trace, even after another run of the same scenario', () => {
    checkRuns('determinism', runExampleArb(), ({ scenario, seed }) => {
      const first = renderJson(runScenario(scenario, { seed }));
      runScenario(scenario, { seed: (seed + 1) % 2 ** 32 });
      const copy = JSON.parse(JSON.stringify(scenario)) as typeof scenario;
      const second = renderJson(runScenario(copy, { seed }));
      if (first !== second) throw new Error('two runs of the same scenario and seed differ');
    }, 0.5);
  });

  it('the outcome does not depend on whether the trace is kept', () => {
    checkRuns('determinism-untraced', runExampleArb(), ({ scenario, seed }) => {
      const a = JSON.stringify(runScenario(scenario, { seed }).outcome);
      const b = JSON.stringify(runScenario(scenario, { seed, trace: false }).outcome);
      if (a !== b) throw new Error(`outcome with trace ${a}\nwithout ${b}`);
    }, 0.5);
  });

  it('the seed is used: each shipped scenario tells more than one story over seeds 1–6', () => {
    for (const scenario of SHIPPED) {
      const stories = new Set([1, 2, 3, 4, 5, 6].map((seed) => renderJson(runScenario(scenario, { seed })).replace(/"seed": \d+/, '')));
      expect(stories.size, scenario.id).toBeGreaterThan(1);
    }
  });
});
