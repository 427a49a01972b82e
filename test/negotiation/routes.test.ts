/**
 * Where deportees go is one of the model's headline outputs (R04, R05), and it is decided by
 * random draws. A scripted random stream makes each draw a chosen number, so the tests can put
 * every comparison exactly on its boundary, count how many draws a decision consumes (a draw too
 * many or too few shifts every later run of the simulation), and check the split of a cohort by
 * its rounded Ukrainian share.
 */
import { describe, expect, it } from 'vitest';
import { chooseRoutes, relationsEscalating, type RoutedRelease } from '../../src/rules/routes.js';
import type { Candidate } from '../../src/rules/value-match.js';
import type { Release } from '../../src/negotiation/package.js';
import type { BelarusParams } from '../../src/scenario/schema.js';
import type { Route, World } from '../../src/world/types.js';
import { scripted } from './support.js';
import type { RuleSwitches } from '../../src/rules/switches.js';
import { createWorld } from '../../src/world/create.js';
import { scenario } from '../support/scenarios.js';

const p: BelarusParams = { ...scenario().agents.belarus, escalationHostility: 0.5, spiteShare: 0.75, impulse: 0.25 };

const base = createWorld(scenario());
const at = (hostility: number): World => ({ ...base, relations: { ...base.relations, lithuania: { hostility } } });
const hostile = at(0.75);
const calm = at(0.5);


const cand = (id: string, named: boolean, laureate = false): Candidate =>
  ({ id, named, available: named ? 1 : 8, usProfile: 1, belarusCost: 1, enemy: false, laureate });
const byId = new Map([cand('a', false), cand('x', true), cand('lau', true, true)].map((c) => [c.id, c]));

const rel = (id: string, count: number, named = false): Release => ({ id, count, named });
const to = (id: string, count: number, route: Route, named = false): RoutedRelease => ({ id, count, named, route });

/** Runs chooseRoutes and checks that every scripted draw, and no more, was used. */
function decide(world: World, releases: readonly Release[], draws: number[], usIsParty = true, rules: RuleSwitches = {}) {
  const rng = scripted(...draws);
  // R19 (home, neighbours' acceptance) is off here unless a case switches it on: see its own cases below.
  const decision = chooseRoutes(world, releases, byId, usIsParty, p, { R19: false, ...rules }, rng);
  expect(rng.left, 'unused draws').toBe(0);
  return decision;
}

describe('relationsEscalating (R05)', () => {
  it('is strictly above the threshold', () => {
    expect(relationsEscalating(at(0.5), p)).toBe(false);
    expect(relationsEscalating(at(0.5 + 1 / 1024), p)).toBe(true);
    expect(relationsEscalating(at(0.25), p)).toBe(false);
  });
});

describe('chooseRoutes: spite (R05)', () => {
  it('sends the rounded spite share of a cohort to Ukraine and the rest to Lithuania', () => {
    // impulse draw 0.5 ≥ 0.25: no impulse; escalating ⇒ spite, share 0.75
    // 5 × 0.75 = 3.75 → 4 to Ukraine, 1 to Lithuania
    expect(decide(hostile, [rel('a', 5)], [0.5])).toEqual({
      routed: [to('a', 4, 'ukraine'), to('a', 1, 'lithuania')], rules: ['R05'], spite: true, impulsive: false,
    });
    // 3 × 0.75 = 2.25 → 2 and 1
    expect(decide(hostile, [rel('a', 3)], [0.5]).routed).toEqual([to('a', 2, 'ukraine'), to('a', 1, 'lithuania')]);
  });

  it('leaves out an empty part', () => {
    // 2 × 0.75 = 1.5 → Math.round 2 to Ukraine, 0 to Lithuania: no Lithuanian part
    expect(decide(hostile, [rel('a', 2)], [0.5]).routed).toEqual([to('a', 2, 'ukraine')]);
    // 1 × 0.75 → 1 to Ukraine
    expect(decide(hostile, [rel('a', 1)], [0.5]).routed).toEqual([to('a', 1, 'ukraine')]);
  });

  it('sends everyone to Lithuania when relations are not escalating, with no Ukrainian part', () => {
    expect(decide(calm, [rel('a', 5)], [0.5])).toEqual({
      routed: [to('a', 5, 'lithuania')], rules: ['R05'], spite: false, impulsive: false,
    });
  });

  it('splits cohorts it has no candidate for the same way', () => {
    // 4 × 0.75 = 3 → 3 and 1
    expect(decide(hostile, [rel('ghost', 4)], [0.5]).routed).toEqual([to('ghost', 3, 'ukraine'), to('ghost', 1, 'lithuania')]);
  });

  it('with R05 off makes no impulse draw, cites nothing and sends everyone to Lithuania', () => {
    // no draw for the impulse, and none for a named person: with no spite nobody can go to Ukraine
    expect(decide(hostile, [rel('a', 5)], [], true, { R05: false })).toEqual({
      routed: [to('a', 5, 'lithuania')], rules: [], spite: false, impulsive: false,
    });
    expect(decide(hostile, [rel('a', 5), rel('x', 1, true)], [], true, { R05: false })).toEqual({
      routed: [to('a', 5, 'lithuania'), to('x', 1, 'lithuania', true)], rules: [], spite: false, impulsive: false,
    });
  });
});

describe('chooseRoutes: impulse (R05)', () => {
  it('is impulsive only when the draw falls strictly under the impulse chance', () => {
    // 0.25 is not < 0.25: one draw only, spite as the relations say
    expect(decide(hostile, [rel('a', 4)], [0.25])).toMatchObject({ impulsive: false, spite: true });
    expect(decide(calm, [rel('a', 4)], [0.25])).toMatchObject({ impulsive: false, spite: false });
  });

  it('re-decides spite on a coin toss, whatever the relations', () => {
    // impulse 0.125 < 0.25; coin 0.25 < 0.5 ⇒ spite even though calm: 4 × 0.75 = 3 → 3 and 1
    expect(decide(calm, [rel('a', 4)], [0.125, 0.25])).toEqual({
      routed: [to('a', 3, 'ukraine'), to('a', 1, 'lithuania')], rules: ['R05'], spite: true, impulsive: true,
    });
    // coin exactly 0.5 is not < 0.5 ⇒ no spite even though hostile
    expect(decide(hostile, [rel('a', 4)], [0.125, 0.5])).toEqual({
      routed: [to('a', 4, 'lithuania')], rules: ['R05'], spite: false, impulsive: true,
    });
    expect(decide(hostile, [rel('a', 4)], [0, 0.5 - 1 / 1024])).toMatchObject({ spite: true, impulsive: true });
  });
});

describe('chooseRoutes: named people', () => {
  it('draws once per named person against the Ukrainian share', () => {
    // spite, share 0.75: draw 0.5 < 0.75 → Ukraine; draw 0.75 is not → Lithuania
    expect(decide(hostile, [rel('x', 1, true)], [0.5, 0.5]).routed).toEqual([to('x', 1, 'ukraine', true)]);
    expect(decide(hostile, [rel('x', 1, true)], [0.5, 0.75]).routed).toEqual([to('x', 1, 'lithuania', true)]);
    // no spite, share 0: Lithuania without a draw
    expect(decide(calm, [rel('x', 1, true)], [0.5]).routed).toEqual([to('x', 1, 'lithuania', true)]);
  });

  it('sends the laureate to Lithuania without a draw when the US is a party and R04 is on', () => {
    expect(decide(hostile, [rel('lau', 1, true), rel('a', 4)], [0.5])).toEqual({
      routed: [to('lau', 1, 'lithuania', true), to('a', 3, 'ukraine'), to('a', 1, 'lithuania')],
      rules: ['R05', 'R04'], spite: true, impulsive: false,
    });
    // with R05 off too, only R04 is cited and nothing is drawn
    expect(decide(hostile, [rel('lau', 1, true)], [], true, { R05: false })).toEqual({
      routed: [to('lau', 1, 'lithuania', true)], rules: ['R04'], spite: false, impulsive: false,
    });
  });

  it('treats the laureate like anyone named when the US is not a party, or with R04 off', () => {
    expect(decide(hostile, [rel('lau', 1, true)], [0.5, 0.5], false)).toEqual({
      routed: [to('lau', 1, 'ukraine', true)], rules: ['R05'], spite: true, impulsive: false,
    });
    expect(decide(hostile, [rel('lau', 1, true)], [0.5, 0.5], true, { R04: false })).toEqual({
      routed: [to('lau', 1, 'ukraine', true)], rules: ['R05'], spite: true, impulsive: false,
    });
  });

  it('keeps the order of the releases and draws in that order', () => {
    // impulse 0.5 (none); x draws 0.5 → Ukraine; a 2 → 2 Ukraine; y (unknown, named) draws 0.875 → Lithuania
    expect(decide(hostile, [rel('x', 1, true), rel('a', 2), rel('y', 1, true)], [0.5, 0.5, 0.875]).routed).toEqual([
      to('x', 1, 'ukraine', true), to('a', 2, 'ukraine'), to('y', 1, 'lithuania', true),
    ]);
  });
});

describe('chooseRoutes: home and the neighbours (R19)', () => {
  const q: BelarusParams = { ...p, homeShare: 0.25 };
  const route = (world: World, releases: readonly Release[], draws: number[], accepts = { lithuania: true, ukraine: true, poland: true }, rules: RuleSwitches = {}) => {
    const rng = scripted(...draws);
    const d = chooseRoutes(world, releases, byId, true, q, rules, rng, accepts);
    expect(rng.left, 'unused draws').toBe(0);
    return d;
  };
  it('frees the rounded home share of a cohort at home and deports the rest, drawing nothing more', () => {
    // 8 × 0.25 = 2 home; 6 deported, 6 × 0.75 = 4.5 → 5 to Ukraine (R05 spite), 1 to Lithuania
    expect(route(hostile, [rel('a', 8)], [0.5])).toEqual({
      routed: [to('a', 5, 'ukraine'), to('a', 1, 'lithuania'), to('a', 2, 'home')], rules: ['R05', 'R19'], spite: true, impulsive: false,
    });
  });
  it('with R19 off nobody goes home and the home share is ignored', () => {
    expect(route(calm, [rel('a', 8)], [0.5], undefined, { R19: false }).routed).toEqual([to('a', 8, 'lithuania')]);
  });
  it('a neighbour that takes nobody is skipped for the next that does, in order Lithuania, Ukraine, Poland', () => {
    // calm: all 6 deportees would go to Lithuania; it refuses, so Ukraine takes them
    expect(route(calm, [rel('a', 8)], [0.5], { lithuania: false, ukraine: true, poland: true }).routed).toEqual([to('a', 6, 'ukraine'), to('a', 2, 'home')]);
    // spite with Ukraine refusing: both shares land in Lithuania, as one entry
    expect(route(hostile, [rel('a', 8)], [0.5], { lithuania: true, ukraine: false, poland: true }).routed).toEqual([to('a', 6, 'lithuania'), to('a', 2, 'home')]);
    // nobody takes deportees: everyone goes home
    expect(route(calm, [rel('a', 8)], [0.5], { lithuania: false, ukraine: false, poland: false }).routed).toEqual([to('a', 8, 'home')]);
    // a named person is routed the same way
    expect(route(calm, [rel('x', 1, true)], [0.5], { lithuania: false, ukraine: false, poland: true }).routed).toEqual([to('x', 1, 'poland', true)]);
  });
  it('the laureate still goes to Lithuania (R04), even where Lithuania takes nobody else', () => {
    expect(route(hostile, [rel('lau', 1, true)], [0.5], { lithuania: false, ukraine: true, poland: true }).routed).toEqual([to('lau', 1, 'lithuania', true)]);
  });
});
