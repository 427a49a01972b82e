/**
 * The numbers in the trace keep their promises, checked from the trace alone on random runs:
 * an accepted package clears the answering party's reservation and crosses no red line; every
 * walk says what blocked it, and a value gap is positive and equals reservation − value; the
 * outcome's blocked counts are the rounds that ended without a deal; and with `--deal-space` the
 * Nash point lies on the Pareto frontier, and there is one exactly when a ZOPA exists.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run-scenario.js';
import { BLOCKED_KINDS, type OfferRecord, type RunResult } from '../../src/simulation/trace.js';
import { dominates } from '../../src/negotiation/deal-space.js';
import { isOn } from '../../src/rules/switches.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { announceSeed, checkRuns } from './fc-config.js';
import { runExampleArb, SHIPPED } from './arbitraries.js';

announceSeed('deal space');
const EPS = 1e-9;
const tally = { accepts: 0, walks: 0, spaces: 0 };

/**
 * Whether R17 is in force each month: the scenario's switch, changed from the month a scenario
 * event's `setRules` fires (the trace names the event; events run before the tracks).
 */
function r17ByMonth(result: RunResult, scenario: Scenario): boolean[] {
  let on = isOn(scenario.rules, 'R17');
  return result.months.map((m) => {
    for (const e of m.events) {
      const id = /scenario event (e\d+)/.exec(e.kind === 'scenario' ? e.text : '')?.[1];
      const set = scenario.events.find((x) => x.id === id)?.do.setRules?.R17;
      if (set !== undefined) on = set;
    }
    return on;
  });
}

function checkOffers(result: RunResult, enemies: ReadonlySet<string>, scenario: Scenario): void {
  const r17s = r17ByMonth(result, scenario);
  const offers: (OfferRecord & { r17: boolean })[] = result.months.flatMap((m, i) => m.offers.map((o) => ({ ...o, r17: r17s[i]! })));
  for (const o of offers) {
    const r17 = o.r17;
    expect(Number.isFinite(o.values[o.from]) && Number.isFinite(o.values[o.to]), 'both parties valued').toBe(true);
    expect(Number.isFinite(o.reservations[o.to]), 'the answering party\'s reservation').toBe(true);
    if (o.answer === 'accept') {
      tally.accepts += 1;
      expect(o.values[o.to]!).toBeGreaterThanOrEqual(o.reservations[o.to]! - EPS);
      expect(o.blockedBy).toBeUndefined();
      // R17 off makes an enemy not for sale: no accepted package may hold one.
      if (!r17) expect(Object.keys(o.package.releases).some((id) => enemies.has(id))).toBe(false);
    }
    if (o.answer === 'walk') {
      tally.walks += 1;
      expect(o.blockedBy).toBeDefined();
    }
    const b = o.blockedBy;
    if (b?.kind === 'value-gap') {
      expect(b.gap).toBeGreaterThan(0);
      expect(b.gap).toBeCloseTo(o.reservations[b.party]! - o.values[b.party]!, 9);
    }
    if (b?.kind === 'red-line') expect(b.rule).toMatch(/^R\d\d$/);
  }
}

describe('the numbers in the trace', () => {
  it('accepts clear the answering party\'s reservation and no red line; walks name their cause; gaps are reservation − value', () => {
    checkRuns('trace-numbers', runExampleArb(), ({ scenario, seed }) => {
      const enemies = new Set(scenario.world.named.filter((p) => p.enemy).map((p) => p.id));
      checkOffers(runScenario(scenario, { seed }), enemies, scenario);
    });
    // Fixed runs too, so that accepts and walks are always among the checked records, however few
    // random examples run (THAW_FC_RUNS=8 under Stryker) and whichever scenarios they draw.
    const base = SHIPPED.find((s) => s.id === 'base')!;
    const baseEnemies = new Set(base.world.named.filter((p) => p.enemy).map((p) => p.id));
    for (const seed of [1, 2, 3]) checkOffers(runScenario(base, { seed }), baseEnemies, base);
    expect(tally.accepts).toBeGreaterThan(0);
    expect(tally.walks).toBeGreaterThan(0);
  });

  it('the outcome counts blocked rounds: each track\'s blocked total is at most its rounds, the same with or without a trace', () => {
    checkRuns('blocked-counts', runExampleArb(), ({ scenario, seed }) => {
      const traced = runScenario(scenario, { seed });
      const quiet = runScenario(scenario, { seed, trace: false });
      expect(quiet.outcome.blocked).toEqual(traced.outcome.blocked);
      for (const [track, counts] of Object.entries(traced.outcome.blocked)) {
        const blocked = BLOCKED_KINDS.reduce((n, k) => n + counts[k], 0);
        // A blocked round ends on a walk with that cause, or is a round where nothing was put up (no offers).
        const walks = traced.months.filter((m) => m.offers.some((o) => o.track === track) && !m.deals.some((d) => d.track === track)).length;
        expect(blocked).toBeGreaterThanOrEqual(walks);
      }
    });
  });
});

describe('the deal space', () => {
  it('the Nash point lies on the Pareto frontier, no feasible package dominates it, and it exists exactly with a ZOPA', () => {
    checkRuns('deal-space', runExampleArb(), ({ scenario, seed }) => {
      const result = runScenario(scenario, { seed, dealSpace: true });
      for (const space of result.months.flatMap((m) => m.spaces ?? [])) {
        tally.spaces += 1;
        expect(space.pareto.length > 0 || space.packages.every((p) => !p.feasible)).toBe(true);
        expect(space.nash.index !== null).toBe(space.zopa);
        if (space.nash.index === null) continue;
        expect(space.pareto).toContain(space.nash.index);
        const [a, b] = space.parties;
        const at = (i: number) => [space.packages[i]!.surplus[a]!, space.packages[i]!.surplus[b]!] as const;
        const nash = at(space.nash.index);
        expect(nash[0]).toBeGreaterThanOrEqual(0);
        expect(nash[1]).toBeGreaterThanOrEqual(0);
        space.packages.forEach((p, i) => {
          if (p.feasible) expect(dominates(at(i), nash)).toBe(false);
          // No rational package has a larger product of surpluses.
          if (p.feasible && at(i)[0] >= 0 && at(i)[1] >= 0) expect(at(i)[0] * at(i)[1]).toBeLessThanOrEqual(nash[0] * nash[1] + EPS);
        });
      }
    }, 0.5);
    expect(tally.spaces).toBeGreaterThan(0);
  });

  it('a deal space is computed only when asked: the runs are otherwise the same', () => {
    checkRuns('deal-space-only-when-asked', runExampleArb(), ({ scenario, seed }) => {
      const plain = runScenario(scenario, { seed });
      const spaced = runScenario(scenario, { seed, dealSpace: true });
      expect(plain.months.every((m) => m.spaces === undefined)).toBe(true);
      expect(spaced.months.map(({ spaces: _, ...m }) => m)).toEqual(plain.months);
      expect(spaced.outcome).toEqual(plain.outcome);
    }, 0.25);
  });
});
