import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { splitBatches, stepPending, type PendingDeal, type WaveState } from '../../src/negotiation/stages.js';
import { addMonths } from '../../src/world/month.js';
import { createWorld } from '../../src/world/create.js';
import { applyTermEnds } from '../../src/world/arrests.js';

// No reneging; and no sentences served (R25), which may leave a cohort short of a later batch's count.
const calm = { rules: { R22: false, R25: false } };

describeRule('R21', () => {
  it('a US deal frees its first batch now, pays relief a month later once verified, then frees the next batch', () => {
    const rs = runs(scenario('base', calm), 30);
    let checked = 0;
    for (const r of rs) {
      for (const [i, w] of r.outcome.waves.entries()) {
        if (w.track !== 'us-belarus') continue;
        const deal = r.months.find((m) => m.month === w.month)!.deals.find((d) => d.track === 'us-belarus')!;
        expect(deal.staged?.tranches).toBe(2);
        expect(deal.lifted).toEqual([]);
        const payment = changesOf(r, 'payment').find((c) => c.numbers.wave === i);
        const batch = changesOf(r, 'batch').find((c) => c.numbers.wave === i);
        if (!batch) { expect(w.status).toBe('pending'); continue; }
        expect(payment!.month).toBe(addMonths(w.month, 1));
        expect(payment!.sanctions).toEqual(deal.staged!.relief.filter((id) => w.relief.includes(id)));
        expect(batch.month).toBe(addMonths(w.month, 2));
        expect(deal.released + batch.people.reduce((n, p) => n + p.count, 0)).toBe(deal.package.headcount);
        expect(w).toMatchObject({ status: 'done', delivered: 2, tranches: 2, released: deal.package.headcount });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('splits a deal into batches: named people first, cohorts as evenly as whole people allow', () => {
    const to = (id: string, count: number, named = false) => ({ id, count, named, route: 'lithuania' as const });
    expect(splitBatches([to('x', 1, true), to('a', 7), to('b', 2)], 3)).toEqual([
      [to('x', 1, true), to('a', 3), to('b', 1)], [to('a', 2), to('b', 1)], [to('a', 2)],
    ]);
    expect(splitBatches([to('a', 1)], 2)).toEqual([[to('a', 1)]]);
    expect(splitBatches([to('a', 5)], 1)).toEqual([[to('a', 5)]]);
  });

  it('switched off (or one tranche), deals are carried out at once, relief and all', () => {
    for (const patch of [{ rules: { R21: false } }, { agents: { us: { tranches: 1 } } }]) {
      const deals = allDeals(runs(scenario('base', patch), 30)).filter((d) => d.track === 'us-belarus');
      expect(deals.length).toBeGreaterThan(10);
      for (const d of deals) {
        expect(d.staged).toBeUndefined();
        expect(d.released).toBe(d.package.headcount);
        expect(d.lifted).toEqual(d.package.relief);
      }
    }
  });

  it('a later batch is taken from whoever of its cohort is still held; a cohort emptied by served sentences (R25) gives a smaller batch, kept', () => {
    // A cohort is a group, not a list of names: a promised person who walks out at the end of the
    // term is replaced by another of the group, as Minsk picks whom it frees. Only a group left with
    // fewer than the batch gives less, and that is no broken promise: the others are free already.
    const s = scenario('base');
    const start = { ...createWorld(s), month: '2026-03' };
    const held = start.cohorts.find((c) => c.id === 'unionists')!.held;
    const staged = (): { deal: PendingDeal; wave: WaveState } => ({
      wave: { month: '2026-01', track: 'us-belarus', scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: [], tranches: 2, delivered: 1,
        status: 'pending', renegedBy: null, renegedIn: null },
      deal: { wave: 0, batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]], relief: [], paid: true, due: '2026-03', home: new Map(), promised: 0 },
    });
    const step = (world: typeof start) => {
      const { deal, wave } = staged();
      const out = stepPending(world, deal, wave, '2026-03', 0.99, false, s.agents.us, s.agents.belarus, s.rules);
      return { out, wave };
    };
    // Some of the group served their term: the batch of 10 comes whole from those still held.
    const some = step(applyTermEnds(start, [{ id: 'unionists', count: held - 12 }]));
    expect(some.out.changes.find((c) => c.kind === 'batch')!.people).toEqual([{ id: 'unionists', count: 10, route: 'lithuania' }]);
    expect(some.wave).toMatchObject({ status: 'done', delivered: 2, released: 20 });
    // Four left: the batch frees the four, counted as delivered, not as reneging.
    const few = step(applyTermEnds(start, [{ id: 'unionists', count: held - 4 }]));
    expect(few.out.changes.map((c) => c.kind)).toEqual(['batch']);
    expect(few.out.changes[0]!.people).toEqual([{ id: 'unionists', count: 4, route: 'lithuania' }]);
    expect(few.wave).toMatchObject({ status: 'done', delivered: 2, released: 14, renegedBy: null });
    expect(few.out.world.cohorts.find((c) => c.id === 'unionists')!.held).toBe(0);
  });
});
