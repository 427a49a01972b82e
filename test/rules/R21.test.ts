import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { splitBatches } from '../../src/negotiation/stages.js';
import { addMonths } from '../../src/world/month.js';

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
});
