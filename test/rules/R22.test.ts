import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { belarusRenegeChance, reliefShortfall, reliefWorth, stepPending, usRenegeChance, type PendingDeal, type WaveState } from '../../src/negotiation/stages.js';
import { createWorld } from '../../src/world/create.js';
import { liftSanction, reimposeSanction } from '../../src/world/recipes.js';

const sure = { base: 1, talksFailed: 0, distrust: 0, shortfall: 0 };
const never = { base: 0, talksFailed: 0, distrust: 0, shortfall: 0 };

/** A paid staged US deal that lifted `relief`, promised at `promised`, with one batch of 10 unionists to come. */
function paidDeal(relief: string[], promised: number): { deal: PendingDeal; wave: WaveState } {
  const wave: WaveState = { month: '2026-01', track: 'us-belarus', scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: [...relief],
    tranches: 2, delivered: 1, status: 'pending', renegedBy: null, renegedIn: null };
  const deal: PendingDeal = { wave: 0, batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]], relief, paid: true, due: '2026-03', home: new Map(), promised };
  return { deal, wave };
}

describeRule('R22', () => {
  it('when Minsk reneges, Washington snaps its relief back, and those freed at home may be jailed again', () => {
    const rs = runs(scenario('base', { agents: { belarus: { renege: sure, homeShare: 0.5, renegeRearrestShare: 1 }, us: { renege: { base: 0, talksFailed: 0, incident: 0 } } } }), 30);
    let broken = 0;
    for (const r of rs) {
      for (const [i, w] of r.outcome.waves.entries()) {
        if (w.track !== 'us-belarus' || w.status === 'pending') continue;
        expect(w).toMatchObject({ status: 'reneged', renegedBy: 'belarus' });
        broken += 1;
        const snap = changesOf(r, 'snapback').find((c) => c.numbers.wave === i)!;
        expect(snap.sanctions).toEqual(w.relief);
        for (const id of w.relief) expect(r.outcome.sanctionHistory[id]!.at(-1)!.status === 'active' || r.outcome.sanctions[id] === 'lifted').toBe(true);
        const again = changesOf(r, 'rearrest').filter((c) => c.numbers.wave === i);
        if ((w.byRoute.home ?? 0) > 0) expect(again.length).toBe(1);
      }
      expect(r.outcome.reneged).toBe(r.outcome.waves.filter((w) => w.status === 'reneged').length);
    }
    expect(broken).toBeGreaterThan(10);
  });

  it('when Washington reneges, the relief is never paid and Minsk withholds the rest', () => {
    const rs = runs(scenario('base', { agents: { belarus: { renege: never }, us: { renege: { base: 1, talksFailed: 0, incident: 0 } } } }), 30);
    let broken = 0;
    for (const r of rs) for (const [i, w] of r.outcome.waves.entries()) {
      if (w.track !== 'us-belarus' || w.status === 'pending') continue;
      expect(w).toMatchObject({ status: 'reneged', renegedBy: 'us', relief: [], delivered: 1 });
      expect(changesOf(r, 'payment').some((c) => c.numbers.wave === i)).toBe(false);
      broken += 1;
    }
    expect(broken).toBeGreaterThan(10);
  });

  it('the chances rise with failed talks, incidents and distrust', () => {
    const w = createWorld(scenario('base'));
    const p = { base: 0.1, talksFailed: 0.2, distrust: 0.4, shortfall: 0.3 };
    expect(belarusRenegeChance({ ...w, trust: 1 }, p)).toBeCloseTo(0.1, 12);
    expect(belarusRenegeChance({ ...w, trust: 0.5 }, p)).toBeCloseTo(0.3, 12);
    expect(belarusRenegeChance({ ...w, trust: 0.5, talks: 'failed' }, p)).toBeCloseTo(0.5, 12);
    // Relief worth half what was promised adds half the shortfall weight; none left, all of it.
    expect(belarusRenegeChance({ ...w, trust: 1 }, p, 0.5)).toBeCloseTo(0.25, 12);
    expect(belarusRenegeChance({ ...w, trust: 0.5, talks: 'failed' }, p, 1)).toBeCloseTo(0.8, 12);
    expect(belarusRenegeChance({ ...w, trust: 0, talks: 'failed' }, p, 1)).toBe(1);
    const q = { base: 0.1, talksFailed: 0.2, incident: 0.3 };
    expect(usRenegeChance(w, false, q)).toBeCloseTo(0.1, 12);
    expect(usRenegeChance(w, true, q)).toBeCloseTo(0.4, 12);
    expect(usRenegeChance({ ...w, talks: 'failed' }, true, q)).toBeCloseTo(0.6, 12);
    expect(usRenegeChance({ ...w, talks: 'failed' }, true, { base: 0.9, talksFailed: 0.9, incident: 0.9 })).toBe(1);
  });

  it('relief worth less to Minsk than promised (snapped back, or potash that cannot be shipped) is a shortfall', () => {
    const w = createWorld(scenario('base'));
    // An item of other relief counts at its weight; snapped back, it is worth nothing.
    const finance = liftSanction(w, 'us.finance');
    expect(reliefWorth(w, ['us.finance'], true)).toBeCloseTo(4, 12);
    expect(reliefWorth(finance, ['us.finance'], true, true)).toBeCloseTo(4, 12);
    expect(reliefWorth(reimposeSanction(finance, 'us.finance'), ['us.finance'], true, true)).toBe(0);
    // US potash (lifted in base) is worth its full 10 while the EU's potash ban is lifted too, a fifth of it alone (R08).
    const withEu = liftSanction(w, 'eu.potash');
    expect(reliefWorth(withEu, ['us.potash'], true, true)).toBeCloseTo(10, 12);
    expect(reliefWorth(w, ['us.potash'], true, true)).toBeCloseTo(2, 12);
    expect(reliefWorth(w, ['us.potash'], false, true)).toBeCloseTo(10, 12);
    expect(reliefShortfall(10, 2)).toBeCloseTo(0.8, 12);
    expect(reliefShortfall(4, 4)).toBe(0);
    expect(reliefShortfall(4, 6)).toBe(0);
    expect(reliefShortfall(0, 0)).toBe(0);
  });

  it('Minsk reneges more when the relief it was paid is worth less than promised, and the record names the shortfall', () => {
    const s = scenario('base');
    const us = s.agents.us;
    const by = { ...s.agents.belarus, renege: { base: 0, talksFailed: 0, distrust: 0, shortfall: 0.5 } };
    const lifted = { ...liftSanction(createWorld(s), 'us.finance'), month: '2026-03' };
    // Kept: the relief still holds all its worth, so no chance of reneging, whatever the draw.
    const kept = paidDeal(['us.finance'], 4);
    const ok = stepPending(lifted, kept.deal, kept.wave, '2026-03', 0, false, us, by, s.rules);
    expect(kept.wave.status).toBe('done');
    expect(ok.changes.map((c) => c.kind)).toEqual(['batch']);
    // Snapped back elsewhere: worth nothing of the 4 promised, so the chance is the full weight, 0.5.
    const snapped = reimposeSanction(lifted, 'us.finance');
    const broken = paidDeal(['us.finance'], 4);
    const step = stepPending(snapped, broken.deal, broken.wave, '2026-03', 0.49, false, us, by, s.rules);
    expect(broken.wave).toMatchObject({ status: 'reneged', renegedBy: 'belarus' });
    const renege = step.changes.find((c) => c.kind === 'renege')!;
    expect(renege.numbers).toMatchObject({ probability: 0.5, promised: 4, delivered: 0, shortfall: 1 });
    expect(renege.rules).toContain('R22');
    // Just above the chance, the batch comes all the same.
    const lucky = paidDeal(['us.finance'], 4);
    stepPending(snapped, lucky.deal, lucky.wave, '2026-03', 0.51, false, us, by, s.rules);
    expect(lucky.wave.status).toBe('done');
    // Half the worth left (potash that can no longer reach the sea): half the weight.
    const half = paidDeal(['us.potash'], 4);
    const potash = stepPending(lifted, half.deal, half.wave, '2026-03', 0.2, false, us, by, s.rules);
    expect(potash.changes.find((c) => c.kind === 'renege')?.numbers).toMatchObject({ probability: 0.25, promised: 4, delivered: 2, shortfall: 0.5 });
  });

  it('in whole runs, relief snapped back after a staged deal is agreed makes Minsk renege measurably more (paired seeds)', () => {
    // The same events in both arms, so both draw alike until one fires: the month after Washington
    // pays (lifts) a US relief item, it is snapped back in one arm and left alone in the other.
    // Minsk's next batch then meets relief worth nothing of what was promised: the shortfall's
    // weight (0.5 by default) joins the base chance and distrust.
    const ids = ['us.industry', 'us.finance'];
    const arm = (snap: boolean) => scenario('base', { events: ids.map((id) => ({ id: `snap-${id.replace('.', '-')}`, when: { sanctions: { [id]: 'lifted' } }, do: snap ? { reimpose: id } : {} })) });
    const steps = (rs: ReturnType<typeof runs>) => rs.flatMap((r) => r.outcome.waves.filter((w) => w.track === 'us-belarus' && w.status !== 'pending' && w.relief.length > 0 && (w.delivered > 1 || w.renegedBy === 'belarus')));
    const kept = runs(arm(false), 60);
    const snapped = runs(arm(true), 60);
    const rate = (ws: ReturnType<typeof steps>) => ws.filter((w) => w.renegedBy === 'belarus').length / Math.max(1, ws.length);
    const [before, after] = [steps(kept), steps(snapped)];
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(20);
    expect(rate(after)).toBeGreaterThan(rate(before) + 0.25);
    // The trace names the cause with its numbers in the snapped arm, never in the kept one.
    const causes = snapped.flatMap((r) => changesOf(r, 'renege')).filter((c) => c.actor === 'belarus' && c.numbers.shortfall !== undefined);
    expect(causes.length).toBeGreaterThan(5);
    for (const c of causes) {
      expect(c.numbers.shortfall).toBeGreaterThan(0);
      expect(c.numbers.delivered).toBeLessThan(c.numbers.promised!);
      expect(c.numbers.probability).toBeGreaterThanOrEqual(0.5 * c.numbers.shortfall! + 0.05 - 1e-9);
    }
    expect(kept.flatMap((r) => changesOf(r, 'renege')).filter((c) => c.numbers.shortfall !== undefined)).toEqual([]);
  });

  it('switched off, nobody reneges, even when certain to', () => {
    const rs = runs(scenario('base', { rules: { R22: false }, agents: { belarus: { renege: sure }, us: { renege: { base: 1, talksFailed: 0, incident: 0 } } } }), 30);
    for (const r of rs) {
      expect(r.outcome.reneged).toBe(0);
      expect(changesOf(r, 'renege')).toEqual([]);
    }
  });
});
