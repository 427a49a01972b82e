/**
 * The US side of every deal rests on a handful of formulas: willingness (R13), what a package is
 * worth (R14, R16) and what emptying the prisons is worth (R15), what relief costs it, and how its interest drifts (R06). Each is pinned to
 * an exact number from dyadic parameters, with every rule switched on and off, so that an
 * operator or a condition changed in any of them gives a different answer.
 */
import { describe, expect, it } from 'vitest';
import { nextUsInterest, remainingUsProfile, usCost, usValue, usWillingness } from '../../src/rules/us-valuation.js';
import type { Candidate } from '../../src/rules/value-match.js';
import type { Release, SideOffer } from '../../src/negotiation/package.js';
import type { UsParams } from '../../src/scenario/schema.js';
import type { World } from '../../src/world/types.js';
import { TALKS_STATES } from '../../src/world/types.js';
import { createWorld } from '../../src/world/create.js';
import { scenario } from '../support/scenarios.js';

const p: UsParams = {
  ...scenario().agents.us,
  talksFactor: { advancing: 2, stalled: 1, failed: 0.5, frozen: 0.25 },
  frozenPriceCut: 0.5,
  massReleaseBonus: 4,
  sideOfferWeight: 0.25,
  pricePerWeight: 0.25,
  interestFloor: 0.25,
  interestDrift: 0.5,
};

const base = createWorld(scenario('base', { world: { usInterest: 0.5 } }));
const world = (talks: World['talks']): World => ({ ...base, talks });

const cand = (id: string, usProfile: number, available: number): Candidate =>
  ({ id, named: available === 1, available, usProfile, belarusCost: 1, enemy: false, laureate: false });
const byId = new Map([cand('a', 0.25, 4), cand('x', 2, 1)].map((c) => [c.id, c]));
const rel = (id: string, count: number): Release => ({ id, count, named: id === 'x' });
// 0.25×2 + 2×1 = 2.5 (ghost is unknown and adds nothing)
const releases = [rel('a', 2), rel('x', 1), rel('ghost', 3)];
const both: SideOffer[] = ['putin', 'maduro'];

describe('usWillingness (R13)', () => {
  it('scales interest by the talks factor with R13 on', () => {
    // R24 off here: trust prices nothing (its own cases below).
    expect(usWillingness(world('advancing'), p, { R24: false })).toBe(1); // 0.5 × 2
    expect(usWillingness(world('stalled'), p, { R24: false })).toBe(0.5); // 0.5 × 1
    expect(usWillingness(world('failed'), p, { R24: false })).toBe(0.25); // 0.5 × 0.5
    expect(usWillingness(world('frozen'), p, { R24: false })).toBe(0.125); // 0.5 × 0.25
  });
  it('is the interest alone with R13 off', () => {
    for (const talks of TALKS_STATES) expect(usWillingness(world(talks), p, { R13: false, R24: false })).toBe(0.5);
  });
});

describe('usWillingness (R24 trust)', () => {
  const q = { ...p, trustWeight: 0.5 };
  const trusting = (trust: number): World => ({ ...world('stalled'), trust });
  it('is scaled by 1 − trustWeight × (1 − trust) with R24 on', () => {
    expect(usWillingness(trusting(1), q, {})).toBe(0.5); // full trust: 0.5 × 1
    expect(usWillingness(trusting(0.5), q, {})).toBe(0.375); // 0.5 × (1 − 0.5 × 0.5)
    expect(usWillingness(trusting(0), q, {})).toBe(0.25); // 0.5 × (1 − 0.5)
  });
  it('ignores trust with R24 off', () => {
    expect(usWillingness(trusting(0), q, { R24: false })).toBe(0.5);
  });
});

describe('usValue (R06, R14, R16)', () => {
  it('sums profile × count over known people', () => {
    expect(usValue(world('stalled'), releases, byId, [], p, {})).toBe(2.5);
    expect(usValue(world('stalled'), [rel('a', 4)], byId, [], p, {})).toBe(1); // 0.25 × 4
    expect(usValue(world('stalled'), [], byId, [], p, {})).toBe(0);
  });

  it('cuts the price once the war is frozen, only with R14 on and only when frozen', () => {
    expect(usValue(world('frozen'), releases, byId, [], p, {})).toBe(1.25); // 2.5 × 0.5
    expect(usValue(world('frozen'), releases, byId, [], p, { R14: false })).toBe(2.5);
    for (const talks of ['advancing', 'stalled', 'failed'] as const) {
      expect(usValue(world(talks), releases, byId, [], p, {})).toBe(2.5);
    }
  });

  it('counts each side offer at its weight, only with R16 on', () => {
    expect(usValue(world('stalled'), releases, byId, both, p, {})).toBe(3); // 2.5 + 2 × 0.25
    expect(usValue(world('stalled'), releases, byId, ['putin'], p, {})).toBe(2.75); // 2.5 + 1 × 0.25
    expect(usValue(world('stalled'), releases, byId, both, p, { R16: false })).toBe(2.5);
  });

  it('cuts the releases before adding the side offers', () => {
    // 2.5 × 0.5 + 2 × 0.25 = 1.75 (cutting last would give (2.5 + 0.5) × 0.5 = 1.5)
    expect(usValue(world('frozen'), releases, byId, both, p, {})).toBe(1.75);
  });
});

describe('usCost (R06)', () => {
  it('is weight × price per weight', () => {
    expect(usCost(4, p)).toBe(1); // 4 × 0.25
    expect(usCost(0.5, p)).toBe(0.125); // 0.5 × 0.25
    expect(usCost(0, p)).toBe(0);
  });
});

describe('remainingUsProfile (R06)', () => {
  it('sums profile × available', () => {
    expect(remainingUsProfile([cand('a', 0.25, 4), cand('x', 2, 1), cand('b', 0.5, 3)])).toBe(4.5); // 1 + 2 + 1.5
    expect(remainingUsProfile([])).toBe(0);
  });
});

describe('nextUsInterest (R06)', () => {
  it('stays where it is with R06 off', () => {
    expect(nextUsInterest(0.75, 0.5, 2, 8, p, { R06: false })).toBe(0.75);
  });

  it('drifts toward the start interest scaled by the share of profile still held', () => {
    // share 2/8 = 0.25; target max(0.25, 2 × 0.25) = 0.5; 0.75 + (0.5 − 0.75) × 0.5 = 0.625
    expect(nextUsInterest(0.75, 2, 2, 8, p, {})).toBe(0.625);
    // rising: target max(0.25, 4 × 0.25) = 1; 0.5 + (1 − 0.5) × 0.5 = 0.75
    expect(nextUsInterest(0.5, 4, 2, 8, p, {})).toBe(0.75);
  });

  it('never aims below the floor', () => {
    // share 2/8; start × share = 0.5 × 0.25 = 0.125 < floor 0.25; 0.75 + (0.25 − 0.75) × 0.5 = 0.5
    expect(nextUsInterest(0.75, 0.5, 2, 8, p, {})).toBe(0.5);
  });

  it('takes a share of 0 when nothing was held at the start, so aims at the floor', () => {
    // share 0 (not 2/0); target max(0.25, 0) = 0.25; 0.75 + (0.25 − 0.75) × 0.5 = 0.5
    expect(nextUsInterest(0.75, 2, 2, 0, p, {})).toBe(0.5);
  });

  it('moves by the drift fraction of the gap', () => {
    // target max(0.25, 1 × 4/8) = 0.5; gap 0.5 − 1 = −0.5
    expect(nextUsInterest(1, 1, 4, 8, { ...p, interestDrift: 0.25 }, {})).toBe(0.875); // 1 − 0.125
    expect(nextUsInterest(1, 1, 4, 8, { ...p, interestDrift: 1 }, {})).toBe(0.5);
    expect(nextUsInterest(1, 1, 4, 8, { ...p, interestDrift: 0 }, {})).toBe(1);
  });
});
