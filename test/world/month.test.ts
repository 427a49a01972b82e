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
  it('recognise only YYYY-MM', () => {
    expect(isMonthKey('2026-03')).toBe(true);
    for (const bad of ['2026-13', '2026-3', '26-03', '2026-00', '']) expect(isMonthKey(bad)).toBe(false);
    expect(() => monthIndex('March')).toThrow(/YYYY-MM/);
  });
});
