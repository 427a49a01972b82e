import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, allOffers, runs, closed, scenario } from '../support/scenarios.js';
import { candidatesFor } from '../../src/negotiation/candidates.js';
import { createWorld } from '../../src/world/create.js';

describeRule('R07', () => {
  it('keeps Poczobut off every list but Poland\'s', () => {
    const world = createWorld(scenario());
    expect(candidatesFor(world, 'us', {}).map((c) => c.id)).not.toContain('poczobut');
    expect(candidatesFor(world, 'eu', {}).map((c) => c.id)).not.toContain('poczobut');
    expect(candidatesFor(world, 'poland', {}).map((c) => c.id)).toContain('poczobut');
    expect(candidatesFor(world, 'us', { R07: false }).map((c) => c.id)).toContain('poczobut');
  });

  it('frees Poczobut only in Poland–Belarus deals, even with a keen US and a generous EU', () => {
    const rs = [...runs(closed('peace-talks-advance'), 30), ...runs(closed('eu-joins-thaw'), 30), ...runs(closed('poland-poczobut-deal'), 30)];
    const freeing = allDeals(rs).filter((d) => d.routed.some((r) => r.id === 'poczobut'));
    expect(freeing.length).toBeGreaterThan(10);
    for (const d of freeing) expect(d.parties).toEqual(['poland', 'belarus']);
    expect(allOffers(rs).filter((o) => o.track !== 'poland-belarus').some((o) => 'poczobut' in o.package.releases)).toBe(false);
  });

  it('a generous Warsaw frees him in most runs; a stingy one rarely', () => {
    const generous = runs(closed('poland-poczobut-deal'), 40).filter((r) => r.outcome.named.poczobut === 'released').length;
    const stingy = runs(closed('base', { agents: { poland: { concession: 2 } } }), 40).filter((r) => r.outcome.named.poczobut === 'released').length;
    expect(generous).toBeGreaterThan(30);
    expect(stingy).toBe(0);
  });
});
