/**
 * The open world's monthly flows (R18, R20, R23) as pure functions, on tiny hand-made worlds with
 * known answers: every mean is a small dyadic number, and each count is worked out in a comment
 * from Poisson's cumulative probabilities (the count is the first k whose cumulative reaches u).
 *   mean 1: P(≤0) 0.368, P(≤1) 0.736     mean 2: 0.135, 0.406, 0.677     mean 4: …, P(≤3) 0.433, P(≤4) 0.629
 * so the median draw u = 0.5 gives 1, 2 and 4, and u = 0.1 gives 0 at mean 1 and 2.
 */
import { describe, expect, it } from 'vitest';
import {
  allocateByHeld, applyArrests, applyPardons, applyRearrests, arrestRates, drawArrests, drawRearrests, pardonCount,
} from '../../src/world/arrests.js';
import { createWorld, heldCount, initialCount, releasedCount } from '../../src/world/create.js';
import type { Cohort, World } from '../../src/world/types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { scenario } from '../support/scenarios.js';

const base = scenario('base');
const p = base.agents.belarus;
const template = base.world.cohorts[0]!;

type CohortIn = Scenario['world']['cohorts'][number];
/** The base scenario with only these cohorts (id, held, the R18 fields) and this overall arrest rate. */
function withCohorts(overall: number, cohorts: readonly (Pick<CohortIn, 'id' | 'held'> & Partial<CohortIn>)[]): Scenario {
  return {
    ...base,
    world: { ...base.world, cohorts: cohorts.map((c) => ({ ...template, label: c.id, arrestShare: undefined, arrestRate: undefined, ...c })) },
    agents: { ...base.agents, belarus: { ...p, arrestRate: overall } },
  };
}

/** The base world with only these cohorts; `atHome` and a prior count of releases at home are optional. */
function tiny(cohorts: readonly [id: string, held: number, atHome?: number][], homeBefore = 0): World {
  const w = createWorld(base);
  const cs: Cohort[] = cohorts.map(([id, held, atHome = 0]) => ({ ...w.cohorts[0]!, id, label: id, held, initial: held + atHome, atHome }));
  return { ...w, cohorts: cs, named: [], releasedByRoute: { ...w.releasedByRoute, home: homeBefore + cohorts.reduce((t, c) => t + (c[2] ?? 0), 0) } };
}

const heldOf = (w: World) => w.cohorts.map((c) => c.held);

describe('arrestRates (R18)', () => {
  it('splits the overall rate in proportion to what each cohort held at the start', () => {
    // 8 over held 1 : 3 → 2 and 6; the order of cohorts follows the world's.
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 1 }, { id: 'b', held: 3 }]))).toEqual([2, 6]);
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 3 }, { id: 'b', held: 1 }]))).toEqual([6, 2]);
    // An empty cohort next to a held one gets nothing: 8 over 0 : 1.
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 0 }, { id: 'b', held: 1 }]))).toEqual([0, 8]);
  });

  it('gives equal shares when nobody was held at the start (no division by zero)', () => {
    // 6 over three empty cohorts → 2 each.
    expect(arrestRates(withCohorts(6, [{ id: 'a', held: 0 }, { id: 'b', held: 0 }, { id: 'c', held: 0 }]))).toEqual([2, 2, 2]);
  });

  it('lets a cohort\'s own rate win, even a rate of 0; the others keep their share of the whole start stock', () => {
    // a's own 5; b takes 8 × 3/4 = 6 of the overall rate (the held split counts a too).
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 1, arrestRate: 5 }, { id: 'b', held: 3 }]))).toEqual([5, 6]);
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 1, arrestRate: 0 }, { id: 'b', held: 3 }]))).toEqual([0, 6]);
  });

  it('uses the given shares in place of the held split, and gives a cohort without one nothing', () => {
    // held 3 : 1 would give 6 and 2; the shares 1/4 and 3/4 give 2 and 6.
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 3, arrestShare: 0.25 }, { id: 'b', held: 1, arrestShare: 0.75 }]))).toEqual([2, 6]);
    // One cohort with a share (the whole rate) and one with its own rate: the third, with neither, gets 0.
    expect(arrestRates(withCohorts(8, [{ id: 'a', held: 1, arrestShare: 1 }, { id: 'b', held: 1, arrestRate: 3 }, { id: 'c', held: 2 }])))
      .toEqual([8, 3, 0]);
  });
});

describe('drawArrests (R18)', () => {
  const w = tiny([['a', 10], ['b', 10], ['c', 10]]);
  const q = { ...p, arrestEscalationFactor: 2 };

  it('draws each cohort\'s Poisson count from its own uniform, leaving out cohorts with none', () => {
    // rates 2, 0, 1 at u = 0.5 → 2, 0 (rate 0 draws nothing), 1.
    expect(drawArrests([2, 0, 1], [0.5, 0.5, 0.5], false, q, w)).toEqual([{ id: 'a', count: 2 }, { id: 'c', count: 1 }]);
    // Each cohort reads its own draw: u = 0.1 gives 0 at rate 2, so a is left out and c still counts 1.
    expect(drawArrests([2, 0, 1], [0.1, 0.9, 0.5], false, q, w)).toEqual([{ id: 'c', count: 1 }]);
  });

  it('multiplies every rate by the escalation factor while Minsk escalates, and only then', () => {
    // rates 2 and 0.5, × 2 → 4 and 1; at u = 0.5: 4 and 1 (unescalated: 2 and 0, as P(≤0) at 0.5 is 0.607).
    expect(drawArrests([2, 0.5, 0], [0.5, 0.5, 0.5], true, q, w)).toEqual([{ id: 'a', count: 4 }, { id: 'b', count: 1 }]);
    expect(drawArrests([2, 0.5, 0], [0.5, 0.5, 0.5], false, q, w)).toEqual([{ id: 'a', count: 2 }]);
    expect(drawArrests([2, 0.5, 0], [0.5, 0.5, 0.5], true, { ...q, arrestEscalationFactor: 1 }, w)).toEqual([{ id: 'a', count: 2 }]);
  });

  it('reads a missing rate or draw as 0: no arrests, no throw', () => {
    expect(drawArrests([2], [0.5, 0.5, 0.5], false, q, w)).toEqual([{ id: 'a', count: 2 }]);
    expect(drawArrests([2, 2, 2], [0.5], false, q, w)).toEqual([{ id: 'a', count: 2 }]);
  });
});

describe('applyArrests (R18) and the order of its counts', () => {
  const w = tiny([['a', 1], ['b', 2], ['c', 4]]);

  it('puts each count into its own cohort, whichever order the counts come in', () => {
    const inOrder = applyArrests(w, [{ id: 'a', count: 1 }, { id: 'c', count: 2 }]);
    expect(heldOf(inOrder)).toEqual([2, 2, 6]);
    expect(inOrder.cohorts.map((c) => c.arrested)).toEqual([1, 0, 2]);
    expect(inOrder.arrested).toBe(w.arrested + 3);
    // Out of the world's order: the first cohort is found only by looking it up.
    expect(heldOf(applyArrests(w, [{ id: 'b', count: 2 }, { id: 'a', count: 1 }]))).toEqual([2, 4, 4]);
    expect(heldOf(applyArrests(w, [{ id: 'c', count: 2 }, { id: 'a', count: 1 }]))).toEqual([2, 2, 6]);
  });

  it('ignores a cohort the world does not have, and changes nothing when nobody is arrested', () => {
    expect(heldOf(applyArrests(w, [{ id: 'a', count: 1 }, { id: 'zz', count: 5 }]))).toEqual([2, 2, 4]);
    expect(heldOf(applyArrests(w, [{ id: 'zz', count: 5 }, { id: 'b', count: 1 }]))).toEqual([1, 3, 4]);
    expect(applyArrests(w, [])).toBe(w);
  });

  it('keeps the ledger: initial + arrested = released + held', () => {
    const after = applyArrests(w, [{ id: 'b', count: 3 }]);
    expect(initialCount(after) + after.arrested).toBe(releasedCount(after) + heldCount(after));
  });
});

describe('allocateByHeld (R20\'s pardons over the cohorts)', () => {
  const split = (held: readonly number[], total: number) =>
    allocateByHeld(tiny(held.map((h, i) => [String.fromCharCode(97 + i), h] as [string, number])), total);

  it('splits in proportion to what each cohort holds when the shares are whole', () => {
    // 4 over 1 : 3 → 1 and 3; 8 over 2 : 6 → 2 and 6.
    expect(split([1, 3], 4)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 3 }]);
    expect(split([2, 6], 8)).toEqual([{ id: 'a', count: 2 }, { id: 'b', count: 6 }]);
  });

  it('gives what the floors leave to the largest remainders, a tie to the earlier cohort', () => {
    // A tie: 1 over 1 : 1 → 0.5 and 0.5; the earlier cohort takes it.
    expect(split([1, 1], 1)).toEqual([{ id: 'a', count: 1 }]);
    // A hair either side of the tie: 3 over 3 : 1 → 2.25 and 0.75 (b's remainder is larger) …
    expect(split([3, 1], 3)).toEqual([{ id: 'a', count: 2 }, { id: 'b', count: 1 }]);
    // … and 3 over 1 : 3 → 0.75 and 2.25 (a's is).
    expect(split([1, 3], 3)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 2 }]);
    // Two left over: 3 over 1 : 1 : 2 → 0.75, 0.75, 1.5; floors 0, 0, 1, and the two 0.75s each take one.
    expect(split([1, 1, 2], 3)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 1 }, { id: 'c', count: 1 }]);
    // A remainder is used once: 3 over 5 : 5 : 6 → 0.9375, 0.9375, 1.125; floors 0, 0, 1, and the two
    // left go to a and b, one each (a's remainder, once used, does not win the second).
    expect(split([5, 5, 6], 3)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 1 }, { id: 'c', count: 1 }]);
    // 2 over 1 : 1 : 6 → 0.25, 0.25, 1.5; c's 0.5 takes the one left, not a second.
    expect(split([1, 1, 6], 2)).toEqual([{ id: 'c', count: 2 }]);
  });

  it('lists only cohorts that give someone', () => {
    // 1 over 1 : 7 → 0.125 and 0.875: b alone.
    expect(split([1, 7], 1)).toEqual([{ id: 'b', count: 1 }]);
    expect(split([0, 4], 2)).toEqual([{ id: 'b', count: 2 }]);
  });

  it('takes whole people, never more than are held, and nothing for a total of 0 or below', () => {
    expect(split([1, 3], 2.75)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 1 }]);
    // The whole stock and one more: everyone, and no more.
    expect(split([1, 3], 4)).toEqual(split([1, 3], 5));
    expect(split([1, 3], 5)).toEqual([{ id: 'a', count: 1 }, { id: 'b', count: 3 }]);
    expect(split([1, 3], 0)).toEqual([]);
    expect(split([1, 3], 0.99)).toEqual([]);
    expect(split([1, 3], -2)).toEqual([]);
    expect(split([0, 0], 3)).toEqual([]);
  });

  it('sums to the total asked (or to all held) on a spread of worlds', () => {
    for (const held of [[1, 2, 3], [5, 0, 7, 1], [13, 13, 13], [100, 1, 1]]) {
      const all = held.reduce((t, x) => t + x, 0);
      for (let total = 0; total <= all + 2; total++) {
        const out = split(held, total);
        expect(out.reduce((t, x) => t + x.count, 0)).toBe(Math.min(total, all));
        for (const x of out) expect(x.count).toBeLessThanOrEqual(held[x.id.charCodeAt(0) - 97]!);
      }
    }
  });
});

describe('pardonCount (R20)', () => {
  const q = { ...p, pardonRate: 2, signalPardon: 4 };

  it('draws the month\'s pardons around pardonRate, and the signal pardons only when an envoy visits', () => {
    // u = 0.5 at mean 2 → 2; the signal's u = 0.5 at mean 4 → 4.
    expect(pardonCount(0.5, 0.5, false, q)).toBe(2);
    expect(pardonCount(0.5, 0.5, true, q)).toBe(6);
    // The signal's own draw: u = 0.1 at mean 4 → 2 (P(≤1) 0.092 < 0.1 ≤ P(≤2) 0.238); the main one's u = 0.1 at mean 2 → 0.
    expect(pardonCount(0.5, 0.1, true, q)).toBe(4);
    expect(pardonCount(0.1, 0.5, true, q)).toBe(4);
    expect(pardonCount(0.5, 0.99, false, q)).toBe(2);
    expect(pardonCount(0.5, 0.5, true, { ...q, signalPardon: 0 })).toBe(2);
  });
});

describe('applyPardons (R20)', () => {
  it('frees them at home, counted as pardoned, by what actually moved', () => {
    // Two already released at home before (so the count is this month's difference, not the total).
    const w = tiny([['a', 1], ['b', 4]], 2);
    const after = applyPardons(w, [{ id: 'a', count: 3 }, { id: 'b', count: 2 }]);
    // a holds 1: one goes, not three; b gives 2.
    expect(heldOf(after)).toEqual([0, 2]);
    expect(after.cohorts.map((c) => c.atHome)).toEqual([1, 2]);
    expect(after.releasedByRoute.home).toBe(5);
    expect(after.pardoned).toBe(w.pardoned + 3);
    expect(after.releasedByCohort).toMatchObject({ a: 1, b: 2 });
    expect(heldCount(after) + releasedCount(after)).toBe(heldCount(w) + releasedCount(w));
  });

  it('leaves the world as it was when nobody goes', () => {
    const w = tiny([['a', 0], ['b', 4]], 2);
    expect(applyPardons(w, [])).toBe(w);
    expect(applyPardons(w, [{ id: 'a', count: 2 }])).toBe(w);
  });
});

describe('drawRearrests and applyRearrests (R23)', () => {
  // 4 and 8 at home; a monthly chance of 1/4 gives means of 1 and 2.
  const w = tiny([['a', 0, 4], ['b', 5, 0], ['c', 0, 8]]);
  const q = { ...p, rearrestChance: 0.25 };

  it('draws a Poisson count around atHome × chance per cohort, from that cohort\'s own uniform', () => {
    // a: mean 1 at u = 0.5 → 1; b: nobody at home; c: mean 2 at u = 0.5 → 2.
    expect(drawRearrests(w, [0.5, 0.5, 0.5], q)).toEqual([{ id: 'a', count: 1 }, { id: 'c', count: 2 }]);
    // a's u = 0.1 → 0 (left out); c's u = 0.9 at mean 2 → 4 (P(≤3) 0.857, P(≤4) 0.947).
    expect(drawRearrests(w, [0.1, 0.5, 0.9], q)).toEqual([{ id: 'c', count: 4 }]);
    expect(drawRearrests(w, [0.5, 0.5, 0.5], { ...q, rearrestChance: 0 })).toEqual([]);
  });

  it('never takes more than are at home', () => {
    // chance 1: means 4 and 8; u = 0.999 draws above both, capped at 4 and 8.
    expect(drawRearrests(w, [0.999, 0.999, 0.999], { ...q, rearrestChance: 1 })).toEqual([{ id: 'a', count: 4 }, { id: 'c', count: 8 }]);
    // a's mean 1 at the cap and a hair over: u = 0.99 → 4 (P(≤3) 0.981, P(≤4) 0.996), all four at home;
    // u = 0.999 → 5 (P(≤5) 0.9994), still four.
    expect(drawRearrests(w, [0.99, 0.1, 0.1], q)).toEqual([{ id: 'a', count: 4 }]);
    expect(drawRearrests(w, [0.999, 0.1, 0.1], q)).toEqual([{ id: 'a', count: 4 }]);
  });

  it('sends them back to prison, counted as re-arrested, never more than are at home', () => {
    const after = applyRearrests(w, [{ id: 'a', count: 3 }, { id: 'c', count: 20 }]);
    expect(heldOf(after)).toEqual([3, 5, 8]);
    expect(after.cohorts.map((c) => c.atHome)).toEqual([1, 0, 0]);
    expect(after.cohorts.map((c) => c.rearrested)).toEqual([3, 0, 8]);
    expect(after.rearrested).toBe(w.rearrested + 11);
    expect(applyRearrests(w, [])).toBe(w);
  });
});
