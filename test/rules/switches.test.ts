/**
 * Every rule switch does something: for each rule, some shipped scenario and seed runs differently
 * with the rule off than with it on, and the difference is more than the rule's own citations
 * (every `rules` list is left out of the comparison).
 */
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type RuleId } from '../../src/rules/ids.js';
import { scenarioNames } from '../../src/scenario/load.js';
import { runScenario } from '../../src/run-scenario.js';
import { scenario, seeds } from '../support/scenarios.js';
import { allDeals, runs } from '../support/scenarios.js';

const withoutCitations = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'rules' ? undefined : v));

/**
 * R04 (the laureate's route) and R17 (personal enemies) govern people every shipped scenario has
 * already freed (¶3–6); they are tried on the starts their own suites use, with those people held.
 */
const CONTESTED: Readonly<Record<string, Record<string, unknown>>> = {
  'laureate held': { world: { named: [{ id: 'bialiatski', status: 'held', route: null, releasedIn: null }] }, agents: { belarus: { spiteShare: 1, impulse: 0 } } },
  'enemies held': { world: { usInterest: 0.9, named: [{ id: 'babaryka', status: 'held', route: null, releasedIn: null }, { id: 'kalesnikava', status: 'held', route: null, releasedIn: null }] } },
};

const starts = (): [string, string, Record<string, unknown>][] => [
  ...scenarioNames().map((name): [string, string, Record<string, unknown>] => [name, name, {}]),
  ...Object.entries(CONTESTED).map(([label, patch]): [string, string, Record<string, unknown>] => [`peace-talks-advance, ${label}`, 'peace-talks-advance', patch]),
];

function firstDifference(id: RuleId): string | null {
  for (const [label, name, patch] of starts()) {
    const on = scenario(name, { ...patch, rules: { [id]: true } });
    const off = scenario(name, { ...patch, rules: { [id]: false } });
    for (const seed of seeds(12)) {
      const a = runScenario(on, { seed });
      const b = runScenario(off, { seed });
      if (withoutCitations(a.months) !== withoutCitations(b.months)) return `${label}, seed ${seed}`;
    }
  }
  return null;
}

describe('rule switches', () => {
  it.each(RULE_IDS)('switching %s off changes a run, beyond its citations', (id) => {
    expect(firstDifference(id), `${id} changes nothing when switched off`).not.toBeNull();
  });

  it('R01 off: no cooling-off, so US waves may follow month after month', () => {
    const patch = { horizon: 24, agents: { us: { cooldownMonths: 3, visitChance: 1 } } };
    const gaps = (rules: Record<string, boolean>) => {
      const out: number[] = [];
      for (const r of runs(scenario('base', { ...patch, rules }), 30)) {
        const months = r.months.flatMap((m, i) => (m.deals.some((d) => d.track === 'us-belarus') ? [i] : []));
        for (let i = 1; i < months.length; i++) out.push(months[i]! - months[i - 1]!);
      }
      return out;
    };
    const on = gaps({});
    const off = gaps({ R01: false });
    expect(on.length).toBeGreaterThan(0);
    expect(Math.min(...on)).toBeGreaterThan(3);
    expect(off.length).toBeGreaterThan(0);
    expect(Math.min(...off)).toBeLessThanOrEqual(3);
    const usDeals = (rules: Record<string, boolean>) => allDeals(runs(scenario('base', { ...patch, rules }), 30)).filter((d) => d.track === 'us-belarus').length;
    expect(usDeals({ R01: false })).toBeGreaterThanOrEqual(usDeals({}));
  });
});
