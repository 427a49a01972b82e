/** Scenario events: scheduled ones fire in their month only, conditional ones when the world says so, deterministically. */
import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { runScenario } from '../../src/run-scenario.js';
import type { RunResult } from '../../src/simulation/trace.js';

const scenarioEvents = (r: RunResult) => r.months.flatMap((m) => m.events.filter((e) => e.kind === 'scenario').map((e) => ({ month: m.month, ...e })));

describe('scheduled events', () => {
  const s = scenario('base', { events: [{ id: 'eu-lifts-potash', at: '2026-03', do: { liftSanction: 'eu.potash' } }] });

  it('fire in their month and only then, through the recipe, citing the rules they touch', () => {
    for (const seed of [1, 2, 3]) {
      const r = runScenario(s, { seed });
      expect(scenarioEvents(r)).toEqual([{ month: '2026-03', kind: 'scenario', actor: 'scenario', text: 'Scenario event eu-lifts-potash: eu.potash lifted', rules: ['R01', 'R08', 'R12'], fact: { code: 'scenario', event: 0 } }]);
      const lifted = (month: string) => r.months.find((m) => m.month === month)!.world.lifted.includes('eu.potash');
      expect(lifted('2026-02')).toBe(false);
      expect(lifted('2026-03')).toBe(true);
      expect(r.outcome.sanctions['eu.potash']).toBe('lifted');
    }
  });

  it('a scheduled event beyond the run never fires, and with chance 1 it draws nothing', () => {
    const never = scenario('base', { events: [{ id: 'late', at: '2030-01', do: { setTalks: 'failed' } }] });
    const a = runScenario(never, { seed: 4 });
    expect(scenarioEvents(a)).toEqual([]);
    expect(JSON.stringify(a.months)).toBe(JSON.stringify(runScenario(scenario('base'), { seed: 4 }).months));
  });
});

describe('conditional and probabilistic events', () => {
  const s = scenario('base', {
    events: [{ id: 'talks-collapse', chance: 0.3, when: { talks: ['stalled', 'advancing'] }, do: { setTalks: 'failed' } }],
  });

  it('fire only while their condition holds', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = runScenario(s, { seed });
      for (const e of scenarioEvents(r)) {
        const month = r.months.findIndex((m) => m.month === e.month);
        expect(r.months[month]!.talks).toBe('failed');
        const before = month === 0 ? 'stalled' : r.months[month - 1]!.talks;
        expect(['stalled', 'advancing']).toContain(before === 'failed' ? 'stalled' : before);
      }
      expect(scenarioEvents(r).length).toBeLessThanOrEqual(1);
    }
  });

  it('are deterministic per seed, and the chance is drawn from the seed', () => {
    const months = (seed: number) => scenarioEvents(runScenario(s, { seed })).map((e) => e.month).join(',') || 'never';
    const first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(months);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(months)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(2);
    expect(JSON.stringify(runScenario(s, { seed: 3 }))).toBe(JSON.stringify(runScenario(s, { seed: 3 })));
  });

  it('repeat: true fires every month the trigger holds', () => {
    const r = runScenario(scenario('base', { events: [{ id: 'tick', repeat: true, when: { from: '2026-04', until: '2026-06' }, do: { recordIncident: { hostility: 0 } } }] }), { seed: 1 });
    expect(scenarioEvents(r).map((e) => e.month)).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('conditions on named prisoners and sanctions read the world', () => {
    const r = runScenario(scenario('base', { events: [
      { id: 'free', at: '2026-02', do: { releaseNamed: { poczobut: 'poland' } } },
      { id: 'then', when: { prisoners: { poczobut: 'released' }, sanctions: { 'poland.border': 'active' } }, do: { liftSanction: 'poland.border' } },
    ] }), { seed: 2 });
    expect(scenarioEvents(r).map((e) => `${e.month} ${e.text}`)).toEqual([
      '2026-02 Scenario event free: poczobut freed to poland',
      '2026-02 Scenario event then: poland.border lifted',
    ]);
    expect(r.outcome.named.poczobut).toBe('released');
  });
});

describe('stance changes reach the agents', () => {
  it('switching R12 off mid-run takes the EU out of its abstention from that month', () => {
    const s = scenario('base', { agents: { eu: { releaseThreshold: 0, reviewChance: 1 } }, events: [{ id: 'eu-joins', at: '2026-05', do: { setRules: { R12: false } } }] });
    for (const seed of [1, 2, 3]) {
      const r = runScenario(s, { seed });
      const euState = (month: string) => r.months.find((m) => m.month === month)!.world.agents.eu;
      expect(euState('2026-04')).toBe('abstaining');
      expect(euState('2026-05')).not.toBe('abstaining');
      expect(scenarioEvents(r)[0]).toMatchObject({ month: '2026-05', rules: ['R12'] });
      const euDeals = r.months.flatMap((m) => m.deals.filter((d) => d.track === 'eu-belarus').map(() => m.month));
      expect(euDeals.every((m) => m >= '2026-05')).toBe(true);
    }
  });

  it('without the switch the EU abstains all run long (the same scenario, R12 on)', () => {
    const r = runScenario(scenario('base', { agents: { eu: { releaseThreshold: 0, reviewChance: 1 } } }), { seed: 1 });
    expect(r.months.every((m) => m.world.agents.eu === 'abstaining')).toBe(true);
  });

  it('stopping the balloons calms Belarus: no incident after the event, and hostility falls', () => {
    const s = scenario('base', { agents: { belarus: { balloonChance: 1 } }, events: [{ id: 'calm', at: '2026-04', do: { stopBalloons: true } }] });
    const r = runScenario(s, { seed: 5 });
    const incidents = r.months.flatMap((m) => m.events.filter((e) => e.kind === 'incident').map(() => m.month));
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.every((m) => m < '2026-04')).toBe(true);
    expect(r.months.find((m) => m.month === '2026-04')!.world).toMatchObject({ balloons: false, agents: { belarus: 'calm' } });
    const after = r.months.filter((m) => m.month >= '2026-04').map((m) => m.world.hostilityLithuania);
    expect(after[after.length - 1]!).toBeLessThan(after[0]!);
  });

  it('a stance change conditioned on calm switches R09 off, and only then does Vilnius talk', () => {
    const s = scenario('base', { events: [
      { id: 'calm', at: '2026-02', do: { stopBalloons: true, setHostility: { lithuania: 0.3 } } },
      { id: 'soften', when: { balloons: false }, do: { setRules: { R09: false } } },
    ] });
    const r = runScenario(s, { seed: 1 });
    expect(runScenario(scenario('base'), { seed: 1 }).months.some((m) => m.offers.some((o) => o.track === 'lithuania-belarus'))).toBe(false);
    const talks = r.months.flatMap((m) => m.offers.filter((o) => o.track === 'lithuania-belarus').map(() => m.month));
    expect(talks.length).toBeGreaterThan(0);
    expect(talks.every((m) => m >= '2026-02')).toBe(true);
  });
});
