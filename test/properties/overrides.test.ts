/**
 * The ways an analyst varies a scenario without editing it — `--set PATH=VALUE` overrides and a
 * file's named branches — yield valid scenarios that change exactly what they name, and whose runs
 * keep the laws of the world.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { applySetting } from '../../src/scenario/overrides.js';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { runScenario } from '../../src/run-scenario.js';
import { announceSeed, checkProperty } from './fc-config.js';
import { branchArb, mergeDeep, scenarioArb, seedArb, settingArb } from './arbitraries.js';
import { replay } from './ledger.js';

announceSeed('overrides and branches');

const lawsHold = (s: Parameters<typeof runScenario>[0], seed: number) => {
  const broken = replay(s, runScenario(s, { seed }));
  if (broken.length) throw new Error(broken.slice(0, 3).map((v) => `${v.invariant}: ${v.message}`).join('; '));
};

describe('--set overrides and branches', () => {
  it('--set changes exactly the parameter it names, to the value given, and the run keeps the laws', () => {
    checkProperty(fc.record({ scenario: scenarioArb({ events: false }), setting: settingArb, seed: seedArb }), ({ scenario, setting, seed }) => {
      const changed = applySetting(scenario, { path: setting.path, value: String(setting.value) });
      const [, agent, key] = setting.path.split('.') as [string, string, string];
      const expected = JSON.parse(JSON.stringify(scenario)) as Record<string, Record<string, Record<string, unknown>>>;
      expected.agents![agent]![key] = setting.value;
      if (JSON.stringify(changed) !== JSON.stringify(expected)) throw new Error(`--set ${setting.path}=${setting.value} changed more (or less) than it names`);
      lawsHold(changed, seed);
    }, 0.5);
  });

  it('a branch loads as the scenario with its patch merged over it, and its runs keep the laws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thaw-branch-'));
    try {
      checkProperty(fc.record({ scenario: scenarioArb({ events: false }), branch: branchArb, seed: seedArb }), ({ scenario, branch, seed }) => {
        const file = join(dir, 'with-branch.yaml');
        writeFileSync(file, stringify({ ...JSON.parse(JSON.stringify(scenario)), branches: { variant: branch } }));
        const loaded = loadScenario(file, { branch: 'variant' }).scenario;
        const direct = scenarioSchema.parse({
          ...scenario, title: `${scenario.title} (branch variant)`,
          agents: mergeDeep(JSON.parse(JSON.stringify(scenario.agents)) as Record<string, unknown>, branch.agents ?? {}),
          rules: { ...scenario.rules, ...(branch.rules ?? {}) },
        });
        if (JSON.stringify(loaded) !== JSON.stringify(direct)) throw new Error(`branch differs from the scenario with its patch merged:\n${JSON.stringify(loaded).slice(0, 300)}\n${JSON.stringify(direct).slice(0, 300)}`);
        lawsHold(loaded, seed);
      }, 0.3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
