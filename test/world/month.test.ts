import { describe, expect, it } from 'vitest';
import { addMonths, isMonthKey, monthIndex, monthKey, monthName } from '../../src/world/month.js';

describe('months', () => {
  it('add across years and round-trip', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 25)).toBe('2028-01');
    expect(monthKey(monthIndex('2031-07'))).toBe('2031-07');
    expect(monthName('2026-03')).toBe('March 2026');
  });
  it('add a few months by walking the remembered ones, the same as by arithmetic', () => {
    for (const start of ['2025-10', '2025-11', '2025-12', '2026-01', '9999-10']) {
      for (let n = -14; n <= 30; n++) {
        if (start === '9999-10' && n > 2) continue;
        expect(addMonths(start, n), `${start} + ${n}`).toBe(monthKey(monthIndex(start) + n));
      }
    }
    expect(addMonths('2026-05', 1.5)).toBe(monthKey(monthIndex('2026-05') + 1.5));
  });
  it('recognise only YYYY-MM', () => {
    expect(isMonthKey('2026-03')).toBe(true);
    for (const bad of ['2026-13', '2026-3', '26-03', '2026-00', '']) expect(isMonthKey(bad)).toBe(false);
    expect(() => monthIndex('March')).toThrow(/YYYY-MM/);
  });
});
