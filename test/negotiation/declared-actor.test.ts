/**
 * A declared track with a new actor (issue #11, point 5): Kyiv, declared in `actors:`, bargains
 * with Washington through the same protocol as the five, runs as the generic negotiator machine,
 * and shows in the trace (offers, deals, moves, the months' agent states), the story (by its
 * name) and the report's statecharts. Each answer of the hand-made round is worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runDeclaredTrack } from '../../src/negotiation/declared-track.js';
import { declaredTrackSchema, type DeclaredTrack } from '../../src/scenario/schema.js';
import { createWorld } from '../../src/world/create.js';
import { runScenario } from '../../src/run-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { labelsOf } from '../../src/report/labels.js';
import { describeBlock, describeDeal, partyName } from '../../src/report/words.js';
import { renderText } from '../../src/report/text.js';
import { plain as PLAIN } from '../../src/report/style.js';
import { actorGraphs, negotiatorGraph } from '../../src/agents/graph.js';
import { scenario } from '../support/scenarios.js';

const kyivTrack = (o: Record<string, unknown> = {}): DeclaredTrack => declaredTrackSchema.parse({
  id: 'us-kyiv', parties: ['us', 'ukraine'], rules: ['R05'],
  items: [
    { id: 'backing', from: 'us', worth: { ukraine: 1, us: -0.5 } },
    { id: 'border', from: 'ukraine', worth: { us: 1, ukraine: -0.5 } },
  ],
  protocol: { exchanges: 4, concession: 0.5 },
  ...o,
});
const world = createWorld(scenario('base'));
const ctx = { world, rules: {}, trace: true, dealSpace: false };

describe('a round with a new actor', () => {
  it('Washington asks for the border alone (its best, 1; −0.5 to Kyiv: a counter); Kyiv at aspiration 1 − 1 × 0.5 = 0.5 offers both (0.5 ≥ 0 to Washington): accepted', () => {
    const r = runDeclaredTrack(kyivTrack(), ctx);
    expect(r.offers.map((o) => [o.from, o.to, o.package.items, o.answer])).toEqual([
      ['us', 'ukraine', ['border'], 'counter'], ['ukraine', 'us', ['backing', 'border'], 'accept'],
    ]);
    expect(r.offers[0]!.values).toEqual({ us: 1, ukraine: -0.5 });
    expect(r.offers[1]!.values).toEqual({ us: 0.5, ukraine: 0.5 });
    expect(r.deal!.parties).toEqual(['us', 'ukraine']);
    expect(r.world).toBe(world);
  });

  it('its red line and its value gap name it: Kyiv refusing the border (R05) blocks on the line; wanting 0.8 it walks on a gap of 0.3', () => {
    const lined = runDeclaredTrack(kyivTrack({ redLines: [{ rule: 'R05', party: 'ukraine', item: 'border' }] }), ctx);
    expect(lined.deal).toBeNull();
    expect(lined.blockedBy).toEqual({ kind: 'red-line', rule: 'R05', party: 'ukraine' });
    const greedy = runDeclaredTrack(kyivTrack({ reservations: { ukraine: 0.8 }, protocol: { exchanges: 3, concession: 0.5 } }), ctx);
    expect(greedy.deal).toBeNull();
    expect(greedy.blockedBy).toMatchObject({ kind: 'value-gap', party: 'ukraine' });
    expect((greedy.blockedBy as { gap: number }).gap).toBeCloseTo(0.3, 12);
  });

  it('a declared track with no goods never deals, whoever its parties, whatever its protocol', () => {
    fc.assert(fc.property(
      fc.constantFrom<[string, string]>(['us', 'ukraine'], ['ukraine', 'lithuania'], ['belarus', 'ukraine'], ['us', 'lithuania']),
      fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }),
      (parties, exchanges, concession, reservation) => {
        const t = kyivTrack({ parties, items: [], reservations: { [parties[1]]: reservation }, protocol: { exchanges, concession } });
        const r = runDeclaredTrack(t, ctx);
        expect(r.deal).toBeNull();
        expect(r.offers).toEqual([]);
        expect(r.world).toBe(world);
      },
    ), { seed: 20251213, numRuns: 200 });
  });
});

describe('the shipped kyiv-takes-deportees scenario', () => {
  const s = loadScenario('kyiv-takes-deportees').scenario;
  const base = loadScenario('base').scenario;
  const runs = [1, 2, 3, 4, 5, 6].map((seed) => runScenario(s, { seed }));

  it('declares Kyiv, which deals with Washington in some runs, always as one of the deal\'s two parties', () => {
    expect(s.actors.map((a) => [a.id, a.name])).toEqual([['ukraine', 'Kyiv']]);
    const deals = runs.flatMap((r) => r.months.flatMap((m) => m.deals)).filter((d) => d.track === 'us-ukraine-deportees');
    expect(deals.length).toBeGreaterThan(0);
    for (const d of deals) expect(d.parties).toEqual(['us', 'ukraine']);
    const offers = runs.flatMap((r) => r.months.flatMap((m) => m.offers)).filter((o) => o.track === 'us-ukraine-deportees');
    expect(new Set(offers.map((o) => o.from))).toEqual(new Set(['us', 'ukraine']));
  });

  it('Kyiv\'s negotiator machine is stepped like the five: its state in every month\'s agents, its moves under its id, settled after a deal', () => {
    for (const r of runs) {
      let settled = false;
      for (const m of r.months) {
        expect(['waiting', 'bargaining', 'settled']).toContain(m.world.agents.ukraine);
        if (m.deals.some((d) => d.track === 'us-ukraine-deportees')) settled = true;
        expect(m.world.agents.ukraine === 'settled').toBe(settled);
        for (const mv of m.moves) expect(mv.agent).not.toBe('negotiator');
      }
      const dealt = r.months.some((m) => m.deals.some((d) => d.track === 'us-ukraine-deportees'));
      if (dealt) expect(r.months.flatMap((m) => m.moves).filter((mv) => mv.agent === 'ukraine').map((mv) => mv.to)).toContain('settled');
    }
  });

  it('its deal changes values only: the five, the world and the built-in tracks run exactly as base\'s, seed for seed', () => {
    for (const [i, r] of runs.entries()) {
      const b = runScenario(base, { seed: i + 1 });
      r.months.forEach((m, k) => {
        const { ukraine: _kyiv, ...five } = m.world.agents;
        void _kyiv;
        expect(five).toEqual(b.months[k]!.world.agents);
        expect(m.offers.filter((o) => o.track !== 'us-ukraine-deportees')).toEqual(b.months[k]!.offers);
        expect(m.moves.filter((mv) => mv.agent !== 'ukraine')).toEqual(b.months[k]!.moves);
      });
      expect(r.outcome.prisonersReleased).toBe(b.outcome.prisonersReleased);
    }
  });

  it('the story calls it Kyiv, never by its id, and says who gave what', () => {
    const labels = labelsOf(s);
    expect(partyName('ukraine', labels)).toBe('Kyiv');
    expect(partyName('ukraine', null)).toBe('ukraine');
    expect(partyName('us', labels)).toBe('Washington');
    const r = runs.find((x) => x.outcome.dealsByDeclaredTrack['us-ukraine-deportees']! > 0)!;
    const deal = r.months.flatMap((m) => m.deals).find((d) => d.track === 'us-ukraine-deportees')!;
    expect(describeDeal(deal, labels)).toMatch(/^Washington gives Kyiv .* for keeping its border open to the deportees$/);
    expect(describeBlock({ from: 'us', to: 'ukraine', blockedBy: { kind: 'value-gap', party: 'ukraine', gap: 0.25 } }, labels))
      .toBe('no deal: Kyiv\'s price is 0.3 above what Washington\'s offer is worth to it');
    const text = renderText(r, PLAIN, s.title, s);
    expect(text).toContain('Deal (Washington–Kyiv)');
    expect(text).toMatch(/States: .*Kyiv: waiting → bargaining → settled/);
    expect(text).not.toMatch(/\bukraine:/);
  });

  it('the report draws Kyiv as the generic negotiator machine, after the five', () => {
    const [g] = actorGraphs(s.actors);
    expect(g).toMatchObject({ agent: 'ukraine', name: 'Kyiv', initial: 'waiting' });
    expect(g!.states.map((x) => x.id)).toEqual(negotiatorGraph().states.map((x) => x.id));
    expect(g!.transitions).toEqual(negotiatorGraph().transitions);
  });
});
