import { expect, it } from 'vitest';
import { describeRule } from './harness.js';
import { meanReleased, runs, scenario } from '../support/scenarios.js';
import { marginalRelief, reliefValue, POTASH_USABILITY } from '../../src/world/valuation.js';
import type { Sanction } from '../../src/world/types.js';

const sanction = (id: string, issuer: 'us' | 'eu', kind: 'potash' | 'other', weight: number, status: 'active' | 'lifted'): Sanction =>
  ({ id, issuer, label: id, kind, weight, status, changedIn: null });
const usPotash = sanction('us.potash', 'us', 'potash', 10, 'lifted');
const euPotash = sanction('eu.potash', 'eu', 'potash', 20, 'active');

describeRule('R08', () => {
  it('makes US potash relief alone worth little', () => {
    expect(reliefValue({ sanctions: [usPotash, euPotash], transitOpen: false })).toBeCloseTo(10 * POTASH_USABILITY.alone);
  });

  it('lets EU potash relief or Klaipėda transit unlock it', () => {
    expect(reliefValue({ sanctions: [usPotash, euPotash], transitOpen: true })).toBeCloseTo(10);
    const withEu = reliefValue({ sanctions: [usPotash, { ...euPotash, status: 'lifted' }], transitOpen: false });
    expect(withEu).toBeCloseTo(10 + 20 * POTASH_USABILITY.euOverland);
    // Transit is worth something to Minsk only because potash relief is already there.
    expect(marginalRelief({ sanctions: [usPotash, euPotash], transitOpen: false }, [], true)).toBeGreaterThan(5);
    expect(marginalRelief({ sanctions: [{ ...usPotash, status: 'active' }, euPotash], transitOpen: false }, [], true)).toBe(0);
  });

  it('switched off, every lifted sanction counts in full', () => {
    expect(reliefValue({ sanctions: [usPotash, euPotash], transitOpen: false }, false)).toBe(10);
  });

  it('EU potash relief makes releases larger', () => {
    expect(meanReleased(runs(scenario('eu-joins-thaw'), 30))).toBeGreaterThan(meanReleased(runs(scenario('base'), 30)));
  });
});
