import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { runs, scenario } from '../support/scenarios.js';
import { changesOf } from './open-world-support.js';
import { runScenario } from '../../src/run-scenario.js';

describeRule('R25', () => {
  it('each month about termEndChance of the cohorts\' held people walk out at the end of their sentence', () => {
    // Deals off, so that the stock moves only with the open world's flows.
    const s = scenario('base', { agents: { us: { visitChance: 0 }, poland: { talkChance: 0 } } });
    const named = s.world.named.filter((p) => p.status === 'held').length;
    let exposed = 0;
    let served = 0;
    for (const r of runs(s, 30)) {
      let held = r.months.length ? s.world.cohorts.reduce((n, c) => n + c.held, 0) : 0;
      for (const m of r.months) {
        const out = m.changes.filter((c) => c.kind === 'served').reduce((n, c) => n + c.numbers.count!, 0);
        // The month's arrests come first, so they are exposed too; the month's other releases after.
        exposed += held + m.changes.filter((c) => c.kind === 'arrest').reduce((n, c) => n + c.numbers.count!, 0);
        served += out;
        held = m.world.held - named;
      }
      expect(r.outcome.served).toBe(changesOf(r, 'served').reduce((n, c) => n + c.numbers.count!, 0));
    }
    expect(served / exposed).toBeGreaterThan(0.02 * 0.85);
    expect(served / exposed).toBeLessThan(0.02 * 1.15);
  });

  it('is a release outside any deal, not a pardon: counted as served, in released and pardoned, never in a wave', () => {
    for (const r of runs(scenario('base'), 30)) {
      const o = r.outcome;
      expect(o.served).toBeGreaterThan(0);
      expect(o.releasedByRoute.served).toBe(o.served);
      expect(Object.values(o.releasedByRoute).reduce((a, b) => a + b, 0)).toBe(o.prisonersReleased);
      expect(o.prisonersInitial + o.prisonersArrested + o.prisonersRearrested).toBe(o.prisonersReleased + o.prisonersRemaining);
      expect(o.waves.every((w) => (w.byRoute as Record<string, number>).served === undefined)).toBe(true);
      const pardons = changesOf(r, 'pardon').reduce((n, c) => n + c.numbers.count!, 0);
      expect(o.pardoned).toBe(pardons + o.served);
      for (const c of changesOf(r, 'served')) {
        expect(c.rules).toEqual(['R25']);
        expect(c.actor).toBe('belarus');
        for (const p of c.people) {
          expect(p.route).toBe('served');
          // Only cohorts serve out a term; named prisoners' sentences outlast the horizon.
          expect(r.outcome.named[p.id]).toBeUndefined();
        }
      }
    }
  });

  it('the likelier a sentence ends, the more walk out; at 0 nobody does', () => {
    const total = (chance: number) => runs(scenario('base', { agents: { belarus: { termEndChance: chance } } }), 20).reduce((n, r) => n + r.outcome.served, 0);
    expect(total(0.05)).toBeGreaterThan(total(0.01));
    expect(total(0)).toBe(0);
  });

  it('draws from its own stream: on or off, arrests, pardons and the talks are the same run by run', () => {
    const on = scenario('base');
    const off = scenario('base', { rules: { R25: false } });
    const idle = scenario('base', { agents: { belarus: { termEndChance: 0 } } });
    for (let seed = 1; seed <= 15; seed++) {
      const a = runScenario(on, { seed });
      const b = runScenario(off, { seed });
      expect(a.outcome.prisonersArrested).toBe(b.outcome.prisonersArrested);
      expect(a.months.map((m) => m.talks)).toEqual(b.months.map((m) => m.talks));
      // With no chance of a term ending, R25 on is R25 off, to the byte.
      expect(JSON.stringify(runScenario(idle, { seed }).outcome)).toBe(JSON.stringify(b.outcome));
    }
  });

  it('switched off, nobody walks out at the end of a sentence', () => {
    for (const r of runs(scenario('base', { rules: { R25: false }, agents: { belarus: { termEndChance: 0.5 } } }), 20)) {
      expect(r.outcome.served).toBe(0);
      expect(changesOf(r, 'served')).toEqual([]);
    }
  });
});
