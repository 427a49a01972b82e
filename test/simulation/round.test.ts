import { describe, expect, it } from 'vitest';
import { round3 } from '../../src/simulation/round.js';

describe('round3', () => {
  it('keeps three decimals, rounding half up', () => {
    expect(round3(2 / 3)).toBe(0.667);
    expect(round3(1 / 3)).toBe(0.333);
    expect(round3(0.0625)).toBe(0.063);
  });
  it('leaves whole numbers and three-decimal values as they are, and drops float noise', () => {
    expect(round3(5)).toBe(5);
    expect(round3(0.125)).toBe(0.125);
    expect(round3(0.1 + 0.2)).toBe(0.3);
    expect(round3(0.0004)).toBe(0);
  });
});
