/**
 * Minsk's price of an ask is computed once (issue #11): `minskPrice` gives the cost with every
 * enemy priced at the premium (for the numbers) and `ruled`, the cost under the rules in force,
 * which must be `releaseCost`'s to the float, so the traces that cite both price the ask once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minskPrice, minskPricing, RED_LINES } from '../../src/negotiation/protocol.js';
import { refusalOf } from '../../src/negotiation/bargain.js';
import { candidatesFor, indexById } from '../../src/negotiation/candidates.js';
import { releaseCost } from '../../src/rules/value-match.js';
import { createWorld } from '../../src/world/create.js';
import { scenario } from '../support/scenarios.js';

const s = scenario('base', { world: { named: [{ id: 'poczobut', status: 'held' }, { id: 'bialiatski', status: 'held', releasedIn: null, route: null }] } });
const world = createWorld(s);

describe('minskPrice', () => {
  it('`ruled` is releaseCost under the rules in force, for any ask, R17 on or off', () => {
    let enemies = 0;
    for (const r17 of [true, false]) {
      const rules = { ...s.rules, R17: r17 };
      const order = candidatesFor(world, 'us', rules);
      const byId = indexById(order);
      fc.assert(fc.property(fc.subarray(order.map((c) => c.id), { minLength: 1 }), fc.integer({ min: 1, max: 40 }), (ids, n) => {
        const ask = ids.map((id) => ({ id, count: byId.get(id)!.named ? 1 : Math.min(n, byId.get(id)!.available), named: byId.get(id)!.named }));
        const price = minskPrice(world, ask, byId, 10, s.agents.belarus, rules);
        expect(Object.is(price.ruled, releaseCost(world, ask, byId, s.agents.belarus, rules).cost)).toBe(true);
        // An enemy with R17 off: a red line, and the one case the two costs differ.
        const enemy = ask.some((r) => byId.get(r.id)!.enemy);
        if (enemy) enemies += 1;
        expect(price.crosses === 'R17').toBe(enemy && !r17);
        expect(price.ruled === price.cost).toBe(!(enemy && !r17));
        if (enemy && !r17) expect(refusalOf(minskPricing(price, 1e9), 'belarus')).toEqual({ kind: 'red-line', rule: 'R17', party: 'belarus' });
      }), { numRuns: 60, seed: 11 });
    }
    expect(enemies).toBeGreaterThan(10);
  });
});

describe('minskPrice, known answers', () => {
  const by = s.agents.belarus;
  const byId = indexById(candidatesFor(world, 'us', { ...s.rules, R17: true }));
  const bialiatski = byId.get('bialiatski')!;

  it('with R17 and R03 off, an enemy is priced at the premium and without scarcity: belarusCost × enemyPremium, the other rules kept as they are', () => {
    expect(bialiatski.enemy).toBe(true);
    const price = minskPrice(world, [{ id: 'bialiatski', count: 1, named: true }], byId, 1e9, by, { ...s.rules, R17: false, R03: false });
    expect(price.cost).toBe(bialiatski.belarusCost * by.enemyPremium);
    expect([price.ruled, price.crosses]).toEqual([Number.POSITIVE_INFINITY, 'R17']);
  });

  it('someone not among the candidates is left out of the price and of the red lines: cost 0, no line', () => {
    expect(minskPrice(world, [{ id: 'nobody', count: 1, named: true }], byId, 0, by, { ...s.rules, R17: false })).toMatchObject({ cost: 0, ruled: 0, crosses: null });
  });
});

describe('RED_LINES', () => {
  it('a line binds while its rule is on, but R17\'s (enemies not for sale) binds when R17 is off', () => {
    expect([RED_LINES.laureateRoute.active({}), RED_LINES.laureateRoute.active({ R04: false })]).toEqual([true, false]);
    expect([RED_LINES.euAbstains.active({ R12: true }), RED_LINES.euAbstains.active({ R12: false })]).toEqual([true, false]);
    expect([RED_LINES.enemiesNotForSale.active({}), RED_LINES.enemiesNotForSale.active({ R17: false })]).toEqual([false, true]);
  });
});
