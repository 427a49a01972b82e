/**
 * `everySwitch` writes every rule's switch out (one object shape for the month loop's `isOn`): it
 * must answer every rule as the switches it was made from, and be made once per switches object.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULE_IDS, type RuleId } from '../../src/rules/ids.js';
import { everySwitch, isOn, type RuleSwitches } from '../../src/rules/switches.js';
import { FC_SEED, runsFor } from '../properties/fc-config.js';

const switches: fc.Arbitrary<RuleSwitches> = fc.record(
  Object.fromEntries(RULE_IDS.map((id) => [id, fc.boolean()])) as Record<RuleId, fc.Arbitrary<boolean>>, { requiredKeys: [] });

describe('everySwitch', () => {
  it('answers every rule as the switches it was made from, and names every rule', () => {
    fc.assert(fc.property(switches, (given) => {
      const all = everySwitch(given);
      for (const id of RULE_IDS) expect(isOn(all, id), id).toBe(isOn(given, id));
      expect(Object.keys(all)).toEqual([...RULE_IDS]);
    }), { seed: FC_SEED, numRuns: runsFor() });
  });

  it('is made once per switches object', () => {
    const given: RuleSwitches = { R18: false };
    expect(everySwitch(given)).toBe(everySwitch(given));
    expect(everySwitch({ R18: false })).not.toBe(everySwitch(given));
    expect(everySwitch({})).toMatchObject({ R01: true, R25: true });
  });
});
