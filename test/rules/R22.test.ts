import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { belarusRenegeChance, usRenegeChance } from '../../src/negotiation/stages.js';
import { createWorld } from '../../src/world/create.js';

const sure = { base: 1, talksFailed: 0, distrust: 0 };
const never = { base: 0, talksFailed: 0, distrust: 0 };

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
    const p = { base: 0.1, talksFailed: 0.2, distrust: 0.4 };
    expect(belarusRenegeChance({ ...w, trust: 1 }, p)).toBeCloseTo(0.1, 12);
    expect(belarusRenegeChance({ ...w, trust: 0.5 }, p)).toBeCloseTo(0.3, 12);
    expect(belarusRenegeChance({ ...w, trust: 0.5, talks: 'failed' }, p)).toBeCloseTo(0.5, 12);
    const q = { base: 0.1, talksFailed: 0.2, incident: 0.3 };
    expect(usRenegeChance(w, false, q)).toBeCloseTo(0.1, 12);
    expect(usRenegeChance(w, true, q)).toBeCloseTo(0.4, 12);
    expect(usRenegeChance({ ...w, talks: 'failed' }, true, q)).toBeCloseTo(0.6, 12);
    expect(usRenegeChance({ ...w, talks: 'failed' }, true, { base: 0.9, talksFailed: 0.9, incident: 0.9 })).toBe(1);
  });

  it('switched off, nobody reneges, even when certain to', () => {
    const rs = runs(scenario('base', { rules: { R22: false }, agents: { belarus: { renege: sure }, us: { renege: { base: 1, talksFailed: 0, incident: 0 } } } }), 30);
    for (const r of rs) {
      expect(r.outcome.reneged).toBe(0);
      expect(changesOf(r, 'renege')).toEqual([]);
    }
  });
});
