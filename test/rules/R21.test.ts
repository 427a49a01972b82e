import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { allDeals, runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { splitBatches, stageDeal, stepPending, type PendingDeal, type WaveState } from '../../src/negotiation/stages.js';
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
      deal: { wave: 0, track: 'us-belarus', grants: [], batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]], relief: [], paid: true, due: '2026-03', home: new Map(), promised: 0 },
    });
    const step = (world: typeof start) => {
      const { deal, wave } = staged();
      const out = stepPending(world, deal, wave, '2026-03', 0.99, false, s.agents, s.rules);
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
  it('an EU deal frees its first batch now; Brussels lifts its sanction once it is verified (its gap, 3 months), and opens no new round meanwhile', () => {
    const rs = runs(scenario('eu-joins-thaw', calm), 30, 48);
    let checked = 0;
    for (const r of rs) {
      for (const [i, w] of r.outcome.waves.entries()) {
        if (w.track !== 'eu-belarus') continue;
        const deal = r.months.find((m) => m.month === w.month)!.deals.find((d) => d.track === 'eu-belarus')!;
        if (!deal.staged) { expect(deal.package.headcount).toBeLessThan(2); continue; }
        expect(deal.lifted).toEqual([]);
        expect(deal.rules).toContain('R21');
        const payment = changesOf(r, 'payment').find((c) => c.numbers.wave === i);
        if (!payment) { expect(w.status).toBe('pending'); continue; }
        expect(payment).toMatchObject({ actor: 'eu', track: 'eu-belarus', month: addMonths(w.month, 3), sanctions: deal.staged.relief });
        // Brussels waits for its payment before it reviews again.
        const between = r.months.filter((m) => m.month > w.month && m.month <= payment.month);
        expect(between.flatMap((m) => m.offers.filter((o) => o.track === 'eu-belarus'))).toEqual([]);
        const batch = changesOf(r, 'batch').find((c) => c.numbers.wave === i);
        if (batch) {
          expect(batch.month).toBe(addMonths(w.month, 6));
          // The later batch comes from whoever of its cohorts is still held (other deals may have drawn on them).
          expect(w).toMatchObject({ status: 'done', delivered: 2, released: deal.released + batch.people.reduce((n, p) => n + p.count, 0), relief: deal.staged.relief });
          expect(w.released).toBeLessThanOrEqual(deal.package.headcount);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a Lithuania deal with deportees opens Klaipėda only once the first batch is verified; Minsk\'s promises hold at once', () => {
    const rs = runs(scenario('lithuania-opens-transit', calm), 40, 36);
    let staged = 0;
    for (const r of rs) {
      for (const [i, w] of r.outcome.waves.entries()) {
        if (w.track !== 'lithuania-belarus') continue;
        const at = r.months.findIndex((m) => m.month === w.month);
        const deal = r.months[at]!.deals.find((d) => d.track === 'lithuania-belarus')!;
        if (deal.package.commitments.includes('stop-balloons')) expect(r.months[at]!.world.balloons).toBe(false);
        if (!deal.staged) {
          // One deportee or none: nothing to verify in batches, so Klaipėda opens with the deal.
          expect(deal.package.headcount).toBeLessThan(2);
          expect(r.months[at]!.world.transitOpen).toBe(true);
          continue;
        }
        expect(r.months[at]!.world.transitOpen).toBe(false);
        expect(deal.rules).toContain('R21');
        const payment = changesOf(r, 'payment').find((c) => c.numbers.wave === i);
        if (!payment) { expect(w.status).toBe('pending'); continue; }
        expect(payment).toMatchObject({ actor: 'lithuania', track: 'lithuania-belarus', month: addMonths(w.month, 1), sanctions: [], grants: ['klaipeda-transit'] });
        expect(r.months[at + 1]!.world.transitOpen).toBe(true);
        // Vilnius waits for its own verification in `verifying`, talking to nobody, and only then counts Klaipėda open.
        expect([r.months[at]!.world.agents.lithuania, r.months[at + 1]!.world.agents.lithuania]).toEqual(['verifying', 'verifying']);
        if (r.months[at + 2]) expect(r.months[at + 2]!.world.agents.lithuania).toBe('transitOpen');
        staged += 1;
      }
    }
    expect(staged).toBeGreaterThan(10);
  });

  it('with one tranche for Brussels and Vilnius, their deals are carried out at once, while the US stays staged', () => {
    const patch = { ...calm, agents: { eu: { tranches: 1 }, lithuania: { tranches: 1 } } };
    const eu = allDeals(runs(scenario('eu-joins-thaw', patch), 20, 48)).filter((d) => d.track === 'eu-belarus');
    const lt = allDeals(runs(scenario('lithuania-opens-transit', patch), 20, 36)).filter((d) => d.track === 'lithuania-belarus');
    expect(eu.length).toBeGreaterThan(5);
    expect(lt.length).toBeGreaterThan(5);
    for (const d of [...eu, ...lt]) {
      expect(d.staged).toBeUndefined();
      expect(d.released).toBe(d.package.headcount);
      expect(d.lifted).toEqual(d.package.relief);
    }
    expect(allDeals(runs(scenario('eu-joins-thaw', patch), 20)).filter((d) => d.track === 'us-belarus').some((d) => d.staged)).toBe(true);
  });

  it('stageDeal keeps a deal whole with R21 off, one tranche, or people for one batch only', () => {
    const s = scenario('base');
    const to = (id: string, count: number) => ({ id, count, named: false, route: 'lithuania' as const });
    const whole = { now: [to('a', 5)], reliefNow: ['eu.x'], grantsNow: [] };
    expect(stageDeal('eu-belarus', [to('a', 5)], ['eu.x'], [], s.agents, { ...s.rules, R21: false })).toEqual(whole);
    expect(stageDeal('eu-belarus', [to('a', 5)], ['eu.x'], [], { ...s.agents, eu: { ...s.agents.eu, tranches: 1 } }, s.rules)).toEqual(whole);
    expect(stageDeal('lithuania-belarus', [to('a', 1)], [], ['klaipeda-transit'], s.agents, s.rules))
      .toEqual({ now: [to('a', 1)], reliefNow: [], grantsNow: ['klaipeda-transit'] });
    expect(stageDeal('lithuania-belarus', [to('a', 5)], [], ['klaipeda-transit'], s.agents, s.rules)).toEqual({
      now: [to('a', 3)], reliefNow: [], grantsNow: [],
      pending: { track: 'lithuania-belarus', batches: [[to('a', 2)]], relief: [], grants: ['klaipeda-transit'] },
      staged: { tranches: 2, pending: 2, relief: [] },
    });
  });
});
