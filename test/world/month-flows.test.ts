/**
 * The month loop moves the open world's four flows (R18, R20, R23, R25) with `monthFlows` and
 * `applyFlows`: counts on plain numbers, then one copy of the world. They must leave exactly the
 * world that drawing and applying each flow in turn leaves (`drawArrests`, `applyArrests`,
 * `allocateByHeld`, …), byte for byte, for any stock, parameters, draws and rule switches.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateByHeld, applyArrests, applyPardons, applyRearrests, applyTermEnds, arrestRates, drawArrests, drawRearrests, drawTermEnds,
  flowTables, monthFlows, pardonCount, type MonthDraws,
} from '../../src/world/arrests.js';
import { applyFlows, countPardoned, flowCohorts, rearrestFromHome } from '../../src/world/recipes.js';
import { createWorld } from '../../src/world/create.js';
import { isOn, type RuleSwitches } from '../../src/rules/switches.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { World } from '../../src/world/types.js';
import { scenario } from '../support/scenarios.js';
import { FC_SEED, runsFor } from '../properties/fc-config.js';

const base = scenario('base');
const n = base.world.cohorts.length;

/** Each flow drawn and applied in turn, the way the recipes one by one would do it. */
function oneByOne(world: World, s: Scenario, d: MonthDraws, escalating: boolean, envoy: boolean, rules: RuleSwitches): World {
  const p = s.agents.belarus;
  let w = world;
  if (isOn(rules, 'R18')) w = applyArrests(w, drawArrests(arrestRates(s), d.arrests, escalating, p, w));
  if (isOn(rules, 'R20')) w = applyPardons(w, allocateByHeld(w, pardonCount(d.pardon, d.signal, envoy, p)));
  if (isOn(rules, 'R23')) w = applyRearrests(w, drawRearrests(w, d.rearrests, p));
  if (isOn(rules, 'R25')) w = applyTermEnds(w, drawTermEnds(w, d.ends, p));
  return w;
}

const uniform = fc.double({ min: 0, max: 1 - 2 ** -53, noNaN: true });
const uniforms = fc.array(uniform, { minLength: n, maxLength: n });
const draws: fc.Arbitrary<MonthDraws> = fc.record({ arrests: uniforms, pardon: uniform, signal: uniform, rearrests: uniforms, ends: uniforms });
const counts = fc.array(fc.nat(40), { minLength: n, maxLength: n });
const example = fc.record({
  held: fc.array(fc.nat(1_500), { minLength: n, maxLength: n }),
  atHome: fc.array(fc.nat(400), { minLength: n, maxLength: n }),
  freedBefore: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
  // Rates on a grid rather than fc.double, whose edge cases (0, the tiniest doubles) would leave
  // most examples with no flow at all; exact means of both Poisson branches (≤ 30, above) occur.
  belarus: fc.record({
    arrestRate: fc.integer({ min: 0, max: 800 }).map((x) => x / 4),
    arrestEscalationFactor: fc.integer({ min: 10, max: 30 }).map((x) => x / 10),
    pardonRate: fc.integer({ min: 0, max: 240 }).map((x) => x / 4),
    signalPardon: fc.integer({ min: 0, max: 80 }).map((x) => x / 4),
    rearrestChance: fc.integer({ min: 0, max: 500 }).map((x) => x / 1000),
    termEndChance: fc.integer({ min: 0, max: 200 }).map((x) => x / 1000),
  }),
  draws,
  escalating: fc.boolean(),
  envoy: fc.boolean(),
  rules: fc.record({ R18: fc.boolean(), R20: fc.boolean(), R23: fc.boolean(), R25: fc.boolean() }, { requiredKeys: [] }),
});

/** The base scenario with other flow parameters, and a world with this stock (some cohorts already released people). */
interface Stock { readonly held: readonly number[]; readonly atHome: readonly number[]; readonly freedBefore: readonly number[]; readonly belarus: Partial<Scenario['agents']['belarus']> }
function setUp(e: Stock): { s: Scenario; world: World } {
  const s: Scenario = { ...base, agents: { ...base.agents, belarus: { ...base.agents.belarus, ...e.belarus } } };
  const w0 = createWorld(s);
  const releasedByCohort: Record<string, number> = {};
  w0.cohorts.forEach((c, i) => { if (e.freedBefore[i]! > 0) releasedByCohort[c.id] = e.freedBefore[i]!; });
  const world: World = { ...w0, cohorts: w0.cohorts.map((c, i) => ({ ...c, held: e.held[i]!, atHome: e.atHome[i]! })), releasedByCohort };
  return { s, world };
}

describe('monthFlows + applyFlows', () => {
  it('leave the world that each flow drawn and applied in turn leaves, byte for byte', () => {
    fc.assert(fc.property(example, (e) => {
      const { s, world } = setUp(e);
      const fast = applyFlows(world, monthFlows(world, flowTables(s), e.draws, e.escalating, e.envoy, e.rules));
      expect(JSON.stringify(fast)).toBe(JSON.stringify(oneByOne(world, s, e.draws, e.escalating, e.envoy, e.rules)));
    }), { seed: FC_SEED, numRuns: runsFor(10) });
  });

  it('a month in which nobody moves leaves the same world; a cohort without a flow stays the same object', () => {
    const world = createWorld(base);
    const zeros = world.cohorts.map(() => 0);
    expect(applyFlows(world, { arrests: zeros, pardons: zeros, rearrests: zeros, ends: zeros })).toBe(world);
    const w = applyFlows(world, { arrests: [3, 0, 0, 0], pardons: zeros, rearrests: zeros, ends: [0, 0, 0, 2] });
    expect(w.cohorts[0]).not.toBe(world.cohorts[0]);
    expect(w.cohorts[1]).toBe(world.cohorts[1]);
    expect(w.cohorts[2]).toBe(world.cohorts[2]);
    expect(w.cohorts[3]).not.toBe(world.cohorts[3]);
    expect([w.arrested, w.pardoned, w.releasedByRoute.served, w.releasedByRoute.home]).toEqual([3, 2, 2, 0]);
  });
});

describe('applyFlows', () => {
  it('caps any counts as the recipes one by one cap them: never more freed than held, nor re-arrested than at home', () => {
    fc.assert(fc.property(example, counts, counts, counts, counts, (e, arrests, pardons, rearrests, ends) => {
      const { world } = setUp({ ...e, held: e.held.map((h) => h % 30), atHome: e.atHome.map((h) => h % 30) });
      let w = flowCohorts(world, arrests, 'arrest');
      const home = flowCohorts(w, pardons, 'home');
      w = countPardoned(home, home.releasedByRoute.home - w.releasedByRoute.home);
      w.cohorts.forEach((c, i) => { w = rearrestFromHome(w, c.id, rearrests[i]!); });
      const served = flowCohorts(w, ends, 'served');
      w = countPardoned(served, served.releasedByRoute.served - w.releasedByRoute.served);
      expect(JSON.stringify(applyFlows(world, { arrests, pardons, rearrests, ends }))).toBe(JSON.stringify(w));
    }), { seed: FC_SEED, numRuns: runsFor(10) });
  });
});
