/**
 * R08 potash-logistics on worlds small enough to read: which lifted sanction unlocks US potash
 * relief (only an EU potash one that is lifted, or Klaipeda), and when a marginal gain is zero.
 * The property suite compares the code with an oracle on random sets; these pin each condition
 * on its own, so that a condition dropped or inverted shows up at once.
 */
import { describe, expect, it } from 'vitest';
import { marginalRelief, POTASH_USABILITY, reliefValue } from '../../src/world/valuation.js';
import type { Issuer, Sanction } from '../../src/world/types.js';

const sanction = (issuer: Issuer, kind: Sanction['kind'], status: Sanction['status'], weight: number, name = kind): Sanction =>
  ({ id: `${issuer}.${name}`, issuer, label: name, kind, weight, status, changedIn: null });

const usPotash = sanction('us', 'potash', 'lifted', 10);
const view = (more: Sanction[], transitOpen = false) => ({ sanctions: [usPotash, ...more], transitOpen });

describe('what unlocks US potash relief (R08)', () => {
  it('alone it counts at 20 %: 10 × 0.2 = 2', () => {
    expect(POTASH_USABILITY.alone).toBe(0.2);
    expect(reliefValue(view([]))).toBe(2);
  });

  it('a lifted EU potash ban unlocks it: 10 + EU 20 × 0.6 overland = 22', () => {
    expect(reliefValue(view([sanction('eu', 'potash', 'lifted', 20)]))).toBe(22);
  });

  it('not an EU potash ban still in force, an EU sanction of another kind, or another issuer\'s potash', () => {
    expect(reliefValue(view([sanction('eu', 'potash', 'active', 20)]))).toBe(2);
    expect(reliefValue(view([sanction('eu', 'other', 'lifted', 4)]))).toBe(2 + 4);
    expect(reliefValue(view([sanction('poland', 'potash', 'lifted', 5)]))).toBe(2 + 1);
  });

  it('Klaipeda unlocks both: US 10 + EU 20 at full weight', () => {
    expect(reliefValue(view([], true))).toBe(10);
    expect(reliefValue(view([sanction('eu', 'potash', 'lifted', 20)], true))).toBe(30);
  });

  it('without logistics (R08 off) everything counts at its weight', () => {
    expect(reliefValue(view([sanction('eu', 'potash', 'lifted', 20)]), false)).toBe(30);
    expect(reliefValue(view([]), false)).toBe(10);
  });
});

describe('marginalRelief', () => {
  const euPotash = sanction('eu', 'potash', 'active', 20);

  it('lifting the EU potash ban adds its overland worth and unlocks US potash: 12 + 8 = 20', () => {
    expect(marginalRelief(view([euPotash]), ['eu.potash'], false)).toBe(20);
  });

  it('an EU sanction of another kind lifted does not unlock US potash', () => {
    expect(marginalRelief(view([sanction('eu', 'other', 'active', 4)]), ['eu.other'], false)).toBe(4);
  });

  it('opening transit alone adds what it unlocks: 10 − 2 = 8; nothing to lift and nothing to open adds 0', () => {
    expect(marginalRelief(view([]), [], true)).toBe(8);
    expect(marginalRelief(view([]), [], false)).toBe(0);
    expect(marginalRelief(view([], true), [], true)).toBe(0);
  });
});
