/**
 * R08 potash-logistics as an oracle: what relief is worth to Belarus, recomputed from the rule as
 * docs/architecture.md states it (US potash relief alone at 20 %, EU potash relief overland at
 * 60 %, Klaipėda transit letting both reach the sea; everything else at its weight), and compared
 * with src/world/valuation.ts on random sets of sanctions.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { marginalRelief, reliefValue } from '../../src/world/valuation.js';
import { ISSUERS, type Sanction } from '../../src/world/types.js';
import { announceSeed, checkProperty } from './fc-config.js';

announceSeed('valuation');
/** These examples cost microseconds: five times the usual count, even under Stryker. */
const CHEAP = 5;

const sanctionArb = (id: string) => fc.record({
  issuer: fc.constantFrom(...ISSUERS),
  kind: fc.constantFrom('potash' as const, 'other' as const),
  weight: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1000, noNaN: true })),
  status: fc.constantFrom('active' as const, 'lifted' as const),
}).map((s): Sanction => ({ ...s, id: `${s.issuer}.${id}`, label: id, changedIn: null }));
const viewArb = fc.record({
  sanctions: fc.tuple(...['a', 'b', 'c', 'd', 'e'].map(sanctionArb)).chain((all) => fc.subarray(all)),
  transitOpen: fc.boolean(),
});

/** The rule, written out independently. */
function oracle(sanctions: readonly Sanction[], transitOpen: boolean, logistics: boolean): number {
  const euPotash = sanctions.some((s) => s.issuer === 'eu' && s.kind === 'potash' && s.status === 'lifted');
  return sanctions.filter((s) => s.status === 'lifted').reduce((sum, s) => {
    if (s.kind !== 'potash' || !logistics) return sum + s.weight;
    if (s.issuer === 'eu') return sum + s.weight * (transitOpen ? 1 : 0.6);
    return sum + s.weight * (euPotash || transitOpen ? 1 : 0.2);
  }, 0);
}
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('R08: what relief is worth to Belarus', () => {
  it('reliefValue is the rule\'s sum, with and without logistics', () => {
    checkProperty(viewArb, (v) => {
      for (const logistics of [true, false]) {
        const got = logistics ? reliefValue(v) : reliefValue(v, false);
        if (!close(got, oracle(v.sanctions, v.transitOpen, logistics))) throw new Error(`reliefValue ${got}, the rule says ${oracle(v.sanctions, v.transitOpen, logistics)} (logistics ${logistics})`);
      }
    }, CHEAP);
  });

  it('marginalRelief is the value after lifting (and opening transit) less the value before', () => {
    checkProperty(fc.record({ v: viewArb, pick: fc.array(fc.nat(), { maxLength: 3 }), open: fc.boolean(), logistics: fc.boolean() }), ({ v, pick, open, logistics }) => {
      const ids = v.sanctions.length ? [...new Set(pick.map((i) => v.sanctions[i % v.sanctions.length]!.id))] : [];
      const after = v.sanctions.map((s) => (ids.includes(s.id) ? { ...s, status: 'lifted' as const } : s));
      const expected = oracle(after, v.transitOpen || open, logistics) - oracle(v.sanctions, v.transitOpen, logistics);
      const got = logistics ? marginalRelief(v, ids, open) : marginalRelief(v, ids, open, false);
      if (!close(got, expected)) throw new Error(`marginalRelief(${ids.join(', ')}, open ${open}) is ${got}, the rule says ${expected}`);
    }, CHEAP);
  });
});
