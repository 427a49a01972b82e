/**
 * A staged deal's step writes its change records only for a kept trace (`stepPending`'s `trace`),
 * and that is all the flag may change: the world, the deal, the wave and whether it is over are
 * the same either way, for any draw, paid or not, with or without reneging.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stepPending, type PendingDeal, type WaveState } from '../../src/negotiation/stages.js';
import { createWorld } from '../../src/world/create.js';
import { liftSanction, releaseFromCohort } from '../../src/world/recipes.js';
import { scenario } from '../support/scenarios.js';
import { FC_SEED, runsFor } from '../properties/fc-config.js';

const s = scenario('base');
const start = { ...releaseFromCohort(liftSanction(createWorld(s), 'us.belavia'), 'journalists', 6, 'home'), month: '2026-03' };

const staged = (paid: boolean): { deal: PendingDeal; wave: WaveState } => ({
  wave: { month: '2026-01', track: 'us-belarus', scripted: false, released: 10, byRoute: { lithuania: 4, home: 6 }, relief: paid ? ['us.belavia'] : [], tranches: 2,
    delivered: 1, status: 'pending', renegedBy: null, renegedIn: null },
  deal: { wave: 0, track: 'us-belarus', grants: [], batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]], relief: ['us.belavia'], paid,
    due: '2026-03', home: new Map([['journalists', 6]]), promised: 2 },
});

describe('stepPending without a trace', () => {
  it('changes nothing but the records', () => {
    fc.assert(fc.property(fc.boolean(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.boolean(), (paid, draw, incident) => {
      const traced = staged(paid);
      const bare = staged(paid);
      const a = stepPending(start, traced.deal, traced.wave, '2026-03', draw, incident, s.agents, s.rules, true);
      const b = stepPending(start, bare.deal, bare.wave, '2026-03', draw, incident, s.agents, s.rules, false);
      expect(b.changes).toEqual([]);
      expect(a.changes.length).toBeGreaterThan(0);
      expect(JSON.stringify([b.world, b.over, b.relapse])).toBe(JSON.stringify([a.world, a.over, a.relapse]));
      expect(JSON.stringify([bare.deal, [...bare.deal.home], bare.wave])).toBe(JSON.stringify([traced.deal, [...traced.deal.home], traced.wave]));
    }), { seed: FC_SEED, numRuns: runsFor() });
  });
});
