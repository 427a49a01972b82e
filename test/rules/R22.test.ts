import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { belarusRenegeChance, reliefShortfall, reliefWorth, stepPending, payerRenegeChance, type PendingDeal, type WaveState } from '../../src/negotiation/stages.js';
import { createWorld } from '../../src/world/create.js';
import { liftSanction, reimposeSanction } from '../../src/world/recipes.js';

const sure = { base: 1, talksFailed: 0, distrust: 0, shortfall: 0 };
const never = { base: 0, talksFailed: 0, distrust: 0, shortfall: 0 };

/** A paid staged US deal that lifted `relief`, promised at `promised`, with one batch of 10 unionists to come. */
function paidDeal(relief: string[], promised: number): { deal: PendingDeal; wave: WaveState } {
  const wave: WaveState = { month: '2026-01', track: 'us-belarus', scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: [...relief],
    tranches: 2, delivered: 1, status: 'pending', renegedBy: null, renegedIn: null };
  const deal: PendingDeal = { wave: 0, track: 'us-belarus', grants: [], batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]], relief, paid: true, due: '2026-03', home: new Map(), promised };
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
    expect(payerRenegeChance(w, false, q)).toBeCloseTo(0.1, 12);
    expect(payerRenegeChance(w, true, q)).toBeCloseTo(0.4, 12);
    expect(payerRenegeChance({ ...w, talks: 'failed' }, true, q)).toBeCloseTo(0.6, 12);
    expect(payerRenegeChance({ ...w, talks: 'failed' }, true, { base: 0.9, talksFailed: 0.9, incident: 0.9 })).toBe(1);
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
    const ok = stepPending(lifted, kept.deal, kept.wave, '2026-03', 0, false, { ...s.agents, us, belarus: by }, s.rules);
    expect(kept.wave.status).toBe('done');
    expect(ok.changes.map((c) => c.kind)).toEqual(['batch']);
    // Snapped back elsewhere: worth nothing of the 4 promised, so the chance is the full weight, 0.5.
    const snapped = reimposeSanction(lifted, 'us.finance');
    const broken = paidDeal(['us.finance'], 4);
    const step = stepPending(snapped, broken.deal, broken.wave, '2026-03', 0.49, false, { ...s.agents, us, belarus: by }, s.rules);
    expect(broken.wave).toMatchObject({ status: 'reneged', renegedBy: 'belarus' });
    const renege = step.changes.find((c) => c.kind === 'renege')!;
    expect(renege.numbers).toMatchObject({ probability: 0.5, promised: 4, delivered: 0, shortfall: 1 });
    expect(renege.rules).toContain('R22');
    // Just above the chance, the batch comes all the same.
    const lucky = paidDeal(['us.finance'], 4);
    stepPending(snapped, lucky.deal, lucky.wave, '2026-03', 0.51, false, { ...s.agents, us, belarus: by }, s.rules);
    expect(lucky.wave.status).toBe('done');
    // Half the worth left (potash that can no longer reach the sea): half the weight.
    const half = paidDeal(['us.potash'], 4);
    const potash = stepPending(lifted, half.deal, half.wave, '2026-03', 0.2, false, { ...s.agents, us, belarus: by }, s.rules);
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
  it('when Minsk reneges on an EU deal, Brussels re-imposes its sanction, and their trust (not Washington\'s) falls', () => {
    const rs = runs(scenario('eu-joins-thaw', { rules: { R25: false }, agents: { belarus: { renege: sure }, eu: { renege: { base: 0, talksFailed: 0, incident: 0 } } } }), 30, 48);
    let broken = 0;
    for (const r of rs) for (const [i, w] of r.outcome.waves.entries()) {
      if (w.track !== 'eu-belarus' || w.status === 'pending' || w.tranches === 1) continue;
      expect(w).toMatchObject({ status: 'reneged', renegedBy: 'belarus', delivered: 1 });
      const renege = changesOf(r, 'renege').find((c) => c.numbers.wave === i)!;
      expect(renege).toMatchObject({ actor: 'belarus', track: 'eu-belarus' });
      expect(renege.numbers.trustBefore).toBeGreaterThanOrEqual(0);
      const snap = changesOf(r, 'snapback').find((c) => c.numbers.wave === i)!;
      expect(snap).toMatchObject({ actor: 'eu', track: 'eu-belarus', sanctions: w.relief, month: renege.month });
      const at = r.months.findIndex((m) => m.month === renege.month);
      for (const id of w.relief) expect(r.outcome.sanctionHistory[id]).toContainEqual({ month: renege.month, status: 'active' });
      expect(renege.rules).toContain('R24');
      broken += 1;
    }
    expect(broken).toBeGreaterThan(5);
    // Every EU deal was broken by Minsk, and no other step moved Minsk–Brussels trust: it ends below 1.
    for (const r of rs) if (r.outcome.waves.some((w) => w.track === 'eu-belarus' && w.status === 'reneged')) expect(r.outcome.trustWith.eu).toBeLessThan(1);
  });

  it('when Minsk reneges on a Lithuania deal, Vilnius closes Klaipėda again and goes back to its hard line', () => {
    const rs = runs(scenario('lithuania-opens-transit', { rules: { R25: false }, agents: { belarus: { renege: sure }, lithuania: { renege: { base: 0, talksFailed: 0, incident: 0 } } } }), 30, 36);
    let broken = 0;
    for (const r of rs) for (const [i, w] of r.outcome.waves.entries()) {
      if (w.track !== 'lithuania-belarus' || w.status !== 'reneged') continue;
      const snap = changesOf(r, 'snapback').find((c) => c.numbers.wave === i)!;
      expect(snap).toMatchObject({ actor: 'lithuania', track: 'lithuania-belarus', sanctions: [], grants: ['klaipeda-transit'] });
      const at = r.months.findIndex((m) => m.month === snap.month);
      expect(r.months[at]!.world.transitOpen).toBe(false);
      const next = r.months[at + 1];
      if (next) expect(next.moves).toContainEqual(expect.objectContaining({ agent: 'lithuania', from: 'transitOpen', to: 'hardline' }));
      broken += 1;
    }
    expect(broken).toBeGreaterThan(5);
  });

  it('when Vilnius or Brussels reneges, it never pays: Klaipėda stays closed, the sanction stays in force', () => {
    const payerBreaks = { base: 1, talksFailed: 0, incident: 0 };
    const lt = runs(scenario('lithuania-opens-transit', { agents: { belarus: { renege: never }, lithuania: { renege: payerBreaks } } }), 30, 36);
    const eu = runs(scenario('eu-joins-thaw', { agents: { belarus: { renege: never }, eu: { renege: payerBreaks } } }), 20, 48);
    let broken = 0;
    for (const [r, track, payer] of [...lt.map((r) => [r, 'lithuania-belarus', 'lithuania'] as const), ...eu.map((r) => [r, 'eu-belarus', 'eu'] as const)]) {
      for (const [i, w] of r.outcome.waves.entries()) {
        if (w.track !== track || w.tranches === 1 || w.status === 'pending') continue;
        expect(w).toMatchObject({ status: 'reneged', renegedBy: payer, relief: [], delivered: 1 });
        expect(changesOf(r, 'payment').some((c) => c.numbers.wave === i)).toBe(false);
        broken += 1;
      }
      if (track === 'lithuania-belarus') expect(r.months.every((m) => !m.world.transitOpen)).toBe(true);
    }
    expect(broken).toBeGreaterThan(10);
  });

  it('Klaipėda counts in the relief Minsk was promised and in what it still enjoys; towards Brussels and Vilnius distrust adds nothing', () => {
    const w = createWorld(scenario('base'));
    // Base: US potash lifted, EU potash in force, Klaipėda closed. Opening it makes US potash
    // usable in full (R08): 10 instead of a fifth, so 8 points; nothing without R08.
    expect(reliefWorth(w, [], true, false, ['klaipeda-transit'])).toBeCloseTo(8, 12);
    expect(reliefWorth(w, [], false, false, ['klaipeda-transit'])).toBe(0);
    expect(reliefWorth(w, [], true, true, ['klaipeda-transit'])).toBe(0);
    expect(reliefWorth({ ...w, transitOpen: true }, [], true, true, ['klaipeda-transit'])).toBeCloseTo(8, 12);
    // Already open, it adds nothing still to come.
    expect(reliefWorth({ ...w, transitOpen: true }, [], true, false, ['klaipeda-transit'])).toBe(0);
    const p = { base: 0.1, talksFailed: 0.2, distrust: 0.4, shortfall: 0.3 };
    expect(belarusRenegeChance({ ...w, trust: 0 }, p, 0, 0)).toBeCloseTo(0.1, 12);
    expect(belarusRenegeChance({ ...w, trust: 0 }, p)).toBeCloseTo(0.5, 12);
  });
  it('an EU or Lithuania deal\'s steps and breaks move that pair\'s trust, never Minsk–Washington\'s (R24)', () => {
    const s = scenario('base');
    const world = { ...liftSanction(createWorld(s), 'eu.trade'), month: '2026-03', trust: 0.6, trustWith: { eu: 0.5, lithuania: 0.5 } };
    const wave = (track: WaveState['track']): WaveState => ({ month: '2026-01', track, scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: track === 'eu-belarus' ? ['eu.trade'] : [],
      tranches: 2, delivered: 1, status: 'pending', renegedBy: null, renegedIn: null });
    const deal = (track: PendingDeal['track'], paid: boolean): PendingDeal => ({ wave: 0, track, batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]],
      relief: track === 'eu-belarus' ? ['eu.trade'] : [], grants: track === 'lithuania-belarus' ? ['klaipeda-transit'] : [], paid, due: '2026-03', home: new Map(), promised: 4 });
    const agents = { ...s.agents, belarus: { ...s.agents.belarus, renege: sure } };
    for (const track of ['eu-belarus', 'lithuania-belarus'] as const) {
      const open = track === 'lithuania-belarus' ? { ...world, transitOpen: true } : world;
      const partner = track === 'eu-belarus' ? 'eu' : 'lithuania';
      const other = partner === 'eu' ? 'lithuania' : 'eu';
      // Both payers' own lines off, as in the scenarios that open their tracks.
      const rules = { ...s.rules, R09: false, R12: false };
      const kept = stepPending(world, deal(track, false), wave(track), '2026-03', 0.99, false, s.agents, rules);
      expect(kept.world.trust).toBe(0.6);
      expect(kept.world.trustWith[partner]).toBeCloseTo(0.5 + s.agents[partner].trustGain, 12);
      expect(kept.world.trustWith[other]).toBe(0.5);
      expect(kept.changes[0]!.numbers.trust).toBeCloseTo(0.6, 12);
      const broken = stepPending(open, deal(track, true), wave(track), '2026-03', 0, false, agents, rules);
      expect(broken.changes.map((c) => c.kind)).toEqual(['renege', 'snapback']);
      expect(broken.changes[0]!.numbers.trustBefore).toBe(0.5);
      expect(broken.world.trust).toBe(0.6);
      expect(broken.world.trustWith[partner]).toBeCloseTo(0.5 - s.agents[partner].trustLoss, 12);
      expect(broken.world.transitOpen).toBe(false);
      // Minsk's chance of breaking it counts this pair's distrust: sure here (base 1) whatever it is.
      expect(broken.changes[0]!.numbers.probability).toBe(1);
    }
    // The same break on the US track costs trust.
    const us = stepPending(world, { ...deal('eu-belarus', true), track: 'us-belarus', relief: [] }, { ...wave('us-belarus'), relief: [] }, '2026-03', 0, false, agents, s.rules);
    expect(us.world.trust).toBeCloseTo(0.6 - s.agents.us.trustLoss, 12);
  });
  it('a payer whose red line is back in force by the time it owes (R12 for Brussels, R09 for Vilnius) withholds its payment, even with R22 off', () => {
    const s = scenario('base');
    const world = { ...createWorld(s), month: '2026-03' };
    for (const [track, line] of [['eu-belarus', 'R12'], ['lithuania-belarus', 'R09']] as const) {
      for (const r22 of [true, false]) {
        const wave: WaveState = { month: '2026-01', track, scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: [], tranches: 2, delivered: 1,
          status: 'pending', renegedBy: null, renegedIn: null };
        const deal: PendingDeal = { wave: 0, track, batches: [[{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]],
          relief: track === 'eu-belarus' ? ['eu.trade'] : [], grants: track === 'lithuania-belarus' ? ['klaipeda-transit'] : [], paid: false, due: '2026-03', home: new Map(), promised: 4 };
        const step = stepPending(world, deal, wave, '2026-03', 0.99, false, s.agents, { ...s.rules, [line]: true, R22: r22 });
        expect(step.changes.map((c) => c.kind)).toEqual(['renege']);
        expect(step.changes[0]!).toMatchObject({ actor: track === 'eu-belarus' ? 'eu' : 'lithuania', numbers: { probability: 1 } });
        expect(step.changes[0]!.rules).toContain(line);
        expect(step.world.transitOpen).toBe(false);
        expect(step.world.sanctions.find((x) => x.id === 'eu.trade')!.status).toBe('active');
        // With the line switched off as when the deal was made, the same draw pays.
        const paid = stepPending(world, { ...deal, batches: [...deal.batches] }, { ...wave }, '2026-03', 0.99, false, s.agents, { ...s.rules, [line]: false, R22: r22 });
        expect(paid.changes.map((c) => c.kind)).toEqual(['payment']);
      }
    }
  });
  it('people a later batch frees at home are jailed again if Minsk then breaks the deal; every record cites its rules', () => {
    // Three tranches: the first was freed with the deal, the second (at home) comes now, and Minsk
    // breaks the deal before the third. Every number follows from the inputs.
    const s = scenario('base');
    const world = { ...liftSanction(createWorld(s), 'us.finance'), month: '2026-03' };
    const held = world.cohorts.find((c) => c.id === 'unionists')!.held;
    const wave: WaveState = { month: '2026-01', track: 'us-belarus', scripted: false, released: 10, byRoute: { lithuania: 10 }, relief: ['us.finance'],
      tranches: 3, delivered: 1, status: 'pending', renegedBy: null, renegedIn: null };
    const deal: PendingDeal = { wave: 0, track: 'us-belarus', grants: [], relief: ['us.finance'], paid: true, due: '2026-03', home: new Map(), promised: 4,
      batches: [[{ id: 'unionists', count: 10, named: false, route: 'home' }], [{ id: 'unionists', count: 10, named: false, route: 'lithuania' }]] };
    const agents = { ...s.agents, belarus: { ...s.agents.belarus, renege: never, renegeRearrestShare: 1 } };
    const second = stepPending(world, deal, wave, '2026-03', 0.99, false, agents, s.rules);
    expect(second.changes).toEqual([expect.objectContaining({ kind: 'batch', rules: ['R21', 'R24'], numbers: { wave: 0, batch: 2, of: 3, trust: expect.any(Number) } })]);
    expect(deal.home).toEqual(new Map([['unionists', 10]]));
    expect(second.world.cohorts.find((c) => c.id === 'unionists')!.held).toBe(held - 10);
    const breaks = { ...agents, belarus: { ...agents.belarus, renege: sure } };
    const third = stepPending(second.world, deal, wave, '2026-04', 0, false, breaks, s.rules);
    expect(third.changes.map((c) => [c.kind, c.rules])).toEqual([
      ['renege', ['R21', 'R22', 'R24']], ['snapback', ['R22']], ['rearrest', ['R22']],
    ]);
    expect(third.changes[2]!.people).toEqual([{ id: 'unionists', count: 10 }]);
    expect(third.world.cohorts.find((c) => c.id === 'unionists')!.held).toBe(held);
    expect(third.world.sanctions.find((x) => x.id === 'us.finance')!.status).toBe('active');
    expect(wave).toMatchObject({ status: 'reneged', renegedBy: 'belarus', delivered: 2, released: 20, byRoute: { lithuania: 10, home: 10 } });
    // R24 off: the same steps cite no trust.
    const quiet = stepPending(world, { ...deal, paid: true, home: new Map(), batches: [[{ id: 'unionists', count: 10, named: false, route: 'home' }]] }, { ...wave, status: 'pending' },
      '2026-03', 0.99, false, agents, { ...s.rules, R24: false });
    expect(quiet.changes[0]!.rules).toEqual(['R21']);
  });
});
