import type { MonthKey } from './types.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Months are named with four-digit years, so no run may pass this one. */
export const LAST_MONTH: MonthKey = '9999-12';

export function isMonthKey(text: string): boolean {
  return MONTH.test(text);
}

/** 'YYYY-MM' → months since year 0, so that months compare and add as integers. */
export function monthIndex(key: MonthKey): number {
  const match = MONTH.exec(key);
  if (!match) throw new Error(`not a month (YYYY-MM): ${key}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthKey(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(key: MonthKey, count: number): MonthKey {
  return monthKey(monthIndex(key) + count);
}

/** The month after `key`. Every run of a scenario walks the same few months, so they are remembered. */
const following = new Map<MonthKey, MonthKey>();
export function nextMonth(key: MonthKey): MonthKey {
  let next = following.get(key);
  if (next === undefined) {
    next = addMonths(key, 1);
    if (following.size < 10_000) following.set(key, next);
  }
  return next;
}

const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(key: MonthKey): string {
  const index = monthIndex(key);
  return `${NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
