/**
 * Metamorphic properties: change one input, predict the direction (or the absence) of the change
 * in the output. Every comparison is over a FIXED set of run seeds, so nothing here is flaky:
 * fast-check chooses the scenario and the change, never the seeds of the runs compared.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/run-scenario.js';
import { renderJson } from '../../src/report/json.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { OPEN_WORLD_RULE_IDS, type RuleId } from '../../src/rules/ids.js';
import { announceSeed, checkProperty, checkRuns } from './fc-config.js';
import { scenarioArb, SHIPPED } from './arbitraries.js';

announceSeed('metamorphic');
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const meanReleased = (s: Scenario) => SEEDS.reduce((n, seed) => n + runScenario(s, { seed, trace: false }).outcome.prisonersReleased, 0) / SEEDS.length;
// A shipped scenario's uncertain inputs (autumn-2025's) are not part of the file schema: parse the written values only.
const written = ({ uncertain: _drawn, ...s }: Scenario) => s;
const closedWorld = (s: Scenario): Scenario => scenarioSchema.parse({ ...written(s), rules: { ...s.rules, ...Object.fromEntries(OPEN_WORLD_RULE_IDS.map((id) => [id, false])) } });
const withWorld = (s: Scenario, patch: Partial<Scenario['world']>) => scenarioSchema.parse({ ...written(s), world: { ...s.world, ...patch } });

/**
 * Interests at or above the US's re-engagement threshold in every shipped scenario. Where a raise
 * hardly matters (the US deals anyway) the means of two fixed seed sets differ by sampling noise
 * only, so a raise may not lower the mean by more than NOISE (2 %); a real inversion is larger
 * (the pinned exception below is 15 %).
 */
const NOISE = 0.02;
const ENGAGED_INTERESTS = [0.45, 0.6, 0.75, 0.9, 1] as const;

describe('metamorphic properties over fixed seed sets', () => {
  it('raising US interest (within the engaged range) never lowers mean releases', () => {
    const pairs = fc.record({
      scenario: fc.constantFrom(...SHIPPED),
      lo: fc.integer({ min: 0, max: ENGAGED_INTERESTS.length - 2 }),
      step: fc.integer({ min: 1, max: ENGAGED_INTERESTS.length - 1 }),
    });
    checkProperty(pairs, ({ scenario, lo, step }) => {
      const a = ENGAGED_INTERESTS[lo]!;
      const b = ENGAGED_INTERESTS[Math.min(lo + step, ENGAGED_INTERESTS.length - 1)]!;
      const low = meanReleased(withWorld(scenario, { usInterest: a }));
      const high = meanReleased(withWorld(scenario, { usInterest: b }));
      if (high < low * (1 - NOISE)) throw new Error(`${scenario.id}: interest ${a} → ${b} lowers mean releases ${low} → ${high}`);
    }, 0.2);
  });

  it('known exception, pinned: in peace-talks-advance, interest 0.4 → 0.5 lowers mean releases (see docs/testing.md)', () => {
    // Pinned on the closed world of R01–R17, where it was measured: the open world's flows (R18–R24) blur it.
    const s = closedWorld(SHIPPED.find((x) => x.id === 'peace-talks-advance')!);
    expect(meanReleased(withWorld(s, { usInterest: 0.5 }))).toBeLessThan(meanReleased(withWorld(s, { usInterest: 0.4 })));
  });

  it('with the Vilnius line on (R09), opening Klaipėda transit never lowers mean releases, potash relief in play or not', () => {
    // The domain is small (each shipped scenario, potash relief already paid or still in play): all of it.
    const cases = SHIPPED.flatMap((scenario) => [false, true].map((potashActive) => scenarioSchema.parse({
      ...scenario, rules: { ...scenario.rules, R09: true },
      world: { ...scenario.world, sanctions: scenario.world.sanctions.map((x) => (potashActive && x.kind === 'potash' ? { ...x, status: 'active', changedIn: null } : x)) },
    })));
    let raised = 0;
    for (const scenario of cases) {
      const closed = meanReleased(withWorld(scenario, { transitOpen: false }));
      const open = meanReleased(withWorld(scenario, { transitOpen: true }));
      expect(open, `${scenario.id}: opening transit lowers mean releases ${closed} → ${open}`).toBeGreaterThanOrEqual(closed);
      if (open > closed) raised += 1;
    }
    expect(raised, 'transit must matter somewhere (R08), or this checks nothing').toBeGreaterThan(0);
  });

  it('known exception, pinned: with R09 off, transit open from the start removes Vilnius\'s bargaining chip and lowers releases', () => {
    const s = SHIPPED.find((x) => x.id === 'lithuania-opens-transit')!;
    expect(meanReleased(withWorld(s, { transitOpen: true }))).toBeLessThan(meanReleased(withWorld(s, { transitOpen: false })));
  });
});

/**
 * Switching a rule off changes only what it governs: where a scenario leaves a rule nothing to
 * govern, switching it off must leave the whole trace byte-identical, but for the rule's own
 * citations (the agents' machine states
 * aside where a rule decides a posture with nothing behind it). Each entry makes its rule idle.
 */
const IDLE: Readonly<Partial<Record<RuleId, { readonly why: string; readonly idle: (s: Scenario) => Scenario; readonly mask?: 'eu' }>>> = {
  R04: { why: 'no laureate', idle: (s) => ({ ...s, world: { ...s.world, named: s.world.named.map((p) => ({ ...p, laureate: false })) } }) },
  R07: { why: 'nobody reserved for one party', idle: (s) => ({ ...s, world: { ...s.world, named: s.world.named.map((p) => ({ ...p, onlyThrough: null })) } }) },
  R09: { why: 'transit already open', idle: (s) => ({ ...s, world: { ...s.world, transitOpen: true } }) },
  // No reneging either (R22 off): a broken deal resumes the balloons, an R10 act.
  R10: { why: 'no incidents, no threat level reached, no broken deal', idle: (s) => ({ ...s, rules: { ...s.rules, R22: false }, world: { ...s.world, relations: undefined as never, hostility: { ...s.world.hostility, lithuania: Math.min(s.world.hostility.lithuania, 0.9) } }, agents: { ...s.agents, belarus: { ...s.agents.belarus, balloonChance: 0 }, lithuania: { ...s.agents.lithuania, confiscationThreshold: 1 } } }) },
  R12: { why: 'no EU sanction in force', idle: (s) => ({ ...s, world: { ...s.world, sanctions: s.world.sanctions.map((x) => (x.id.startsWith('eu.') ? { ...x, status: 'lifted' as const } : x)) } }), mask: 'eu' },
  R14: { why: 'urgency 1 whatever the talks, and no frozen price cut', idle: (s) => ({ ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, urgency: { advancing: 1, stalled: 1, failed: 1, frozen: 1 } }, us: { ...s.agents.us, frozenPriceCut: 1 } } }) },
  R16: { why: 'Belarus has no side offers', idle: (s) => ({ ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, sideOffers: [] } } }) },
  // The open world (R18–R25): each idle when its parameters make it do nothing.
  R18: { why: 'no arrest rate', idle: (s) => ({ ...s, world: { ...s.world, cohorts: s.world.cohorts.map((c) => ({ ...c, arrestRate: 0 })) }, agents: { ...s.agents, belarus: { ...s.agents.belarus, arrestRate: 0 } } }) },
  R19: { why: 'nobody freed at home in a deal and every neighbour takes deportees', idle: (s) => ({ ...s, world: { ...s.world, accepts: { lithuania: true, ukraine: true, poland: true } }, agents: { ...s.agents, belarus: { ...s.agents.belarus, homeShare: 0 } } }) },
  R20: { why: 'no pardon rate', idle: (s) => ({ ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, pardonRate: 0, signalPardon: 0 } } }) },
  R21: { why: 'one tranche', idle: (s) => ({ ...s, agents: { ...s.agents, us: { ...s.agents.us, tranches: 1 }, eu: { ...s.agents.eu, tranches: 1 }, lithuania: { ...s.agents.lithuania, tranches: 1 } } }) },
  R22: { why: 'no chance of reneging', idle: (s) => {
    const never = { base: 0, talksFailed: 0, incident: 0 };
    return { ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, renege: { base: 0, talksFailed: 0, distrust: 0, shortfall: 0 } },
      us: { ...s.agents.us, renege: never }, eu: { ...s.agents.eu, renege: never }, lithuania: { ...s.agents.lithuania, renege: never } } };
  } },
  R23: { why: 'no re-arrest chance', idle: (s) => ({ ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, rearrestChance: 0 } } }) },
  R25: { why: 'no sentence ever ends', idle: (s) => ({ ...s, agents: { ...s.agents, belarus: { ...s.agents.belarus, termEndChance: 0 } } }) },
  R24: { why: 'trust weighs nothing and never moves', idle: (s) => {
    const none = { trustWeight: 0, trustGain: 0, trustLoss: 0 };
    return { ...s, agents: { ...s.agents, us: { ...s.agents.us, ...none }, eu: { ...s.agents.eu, ...none }, lithuania: { ...s.agents.lithuania, ...none } } };
  } },
  R17: { why: 'no personal enemies', idle: (s) => ({ ...s, world: { ...s.world, named: s.world.named.map((p) => ({ ...p, enemy: false })) } }) },
};

/** With the EU's posture masked: its state in the summaries and its moves (months[].moves) alike. */
const masked = (json: string, mask?: 'eu') => (mask === 'eu'
  ? JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'moves' && Array.isArray(value) ? value.filter((m: { agent?: string }) => m.agent !== 'eu') : value)).replace(/"eu":"[a-z]+"/g, '"eu":"*"')
  : json);
/** The rule's own citations are left out of the comparison: some steps cite a rule only while it is on. */
const uncited = (json: string, id: RuleId) =>
  JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'rules' && Array.isArray(value) ? value.filter((r) => r !== id) : value));
const clean = (s: Scenario): Scenario => {
  const { relations: _r, ...world } = s.world as Scenario['world'] & { relations?: unknown };
  void _r;
  return scenarioSchema.parse({ ...s, world });
};

describe('switching a rule off changes only what it governs', () => {
  for (const [id, { why, idle, mask }] of Object.entries(IDLE) as [RuleId, NonNullable<(typeof IDLE)[RuleId]>][]) {
    it(`${id} off changes nothing where it has nothing to govern (${why})`, () => {
      checkRuns(`rule-off-${id}`, fc.record({ scenario: scenarioArb({ events: false }).map((s) => clean(idle(s))), seed: fc.constant(1) }), ({ scenario }) => {
        const on = clean({ ...scenario, rules: { ...scenario.rules, [id]: true } });
        const off = clean({ ...scenario, rules: { ...scenario.rules, [id]: false } });
        for (const seed of [1, 2, 3]) {
          const a = uncited(masked(renderJson(runScenario(on, { seed })), mask), id);
          const b = uncited(masked(renderJson(runScenario(off, { seed })), mask), id);
          if (a !== b) throw new Error(`${id} off changed the run (seed ${seed}) although ${why}`);
        }
      }, 0.3);
    });
  }
});
