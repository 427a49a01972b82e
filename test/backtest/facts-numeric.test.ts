/**
 * Which facts ask for a number (src/backtest/facts.ts `isNumeric`), kind by kind: a count kind with
 * no bound asks for the count itself, any one bound makes it yes/no, and the kinds that only have a
 * status are never numeric. Scores and the facts file both branch on this answer.
 */
import { describe, expect, it } from 'vitest';
import { isNumeric, type FactQuery } from '../../src/backtest/facts.js';

const noBounds = { min: null, max: null } as const;
const counts: FactQuery[] = [
  { kind: 'released', withPardons: false, ...noBounds },
  { kind: 'released', withPardons: true, ...noBounds },
  { kind: 'pardoned', ...noBounds },
  { kind: 'held', ...noBounds },
  { kind: 'arrested', ...noBounds },
];

describe('isNumeric', () => {
  it.each(counts.map((q) => [`${q.kind}${'withPardons' in q && q.withPardons ? ' with pardons' : ''}`, q] as const))(
    'a %s fact without bounds asks for the number; with a min or a max it is yes/no', (_label, q) => {
      expect(isNumeric(q)).toBe(true);
      expect(isNumeric({ ...q, min: 0 } as FactQuery)).toBe(false);
      expect(isNumeric({ ...q, max: 0 } as FactQuery)).toBe(false);
      expect(isNumeric({ ...q, min: 1, max: 5 } as FactQuery)).toBe(false);
    });

  it('a route fact asks for the number only with no count bound and no share bound', () => {
    const route: FactQuery = { kind: 'route', route: 'lithuania', minShare: null, maxShare: null, ...noBounds };
    expect(isNumeric(route)).toBe(true);
    for (const key of ['min', 'max', 'minShare', 'maxShare'] as const) {
      expect({ key, numeric: isNumeric({ ...route, [key]: 0 }) }).toEqual({ key, numeric: false });
    }
  });

  it('facts with a status (wave, sanction, named, transit) are yes/no', () => {
    const statuses: FactQuery[] = [
      { kind: 'wave', track: null, minReleased: 0, relief: null },
      { kind: 'sanction', id: 'eu.potash', status: 'lifted' },
      { kind: 'named', id: 'poczobut', status: 'released', route: null },
      { kind: 'transit', status: 'open' },
    ];
    for (const q of statuses) expect({ kind: q.kind, numeric: isNumeric(q) }).toEqual({ kind: q.kind, numeric: false });
  });
});
