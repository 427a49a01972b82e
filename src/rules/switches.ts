import { RULE_IDS, type RuleId } from './ids.js';

/** Which rules a scenario keeps on; every rule is on unless the scenario says `Rxx: false`. */
export type RuleSwitches = Readonly<Partial<Record<RuleId, boolean>>>;

export const isOn = (switches: RuleSwitches, id: RuleId): boolean => switches[id] !== false;

/**
 * The same switches with every rule written out, in one order: each run's month loop asks `isOn`
 * a few hundred times, and on one object shape holding every key each ask is a field read rather
 * than a search for a key the scenario may not have given (docs/performance.md).
 */
export function everySwitch(switches: RuleSwitches): RuleSwitches {
  let out = written.get(switches);
  if (!out) {
    const all: Partial<Record<RuleId, boolean>> = {};
    for (const id of RULE_IDS) all[id] = isOn(switches, id);
    out = all;
    written.set(switches, out);
  }
  return out;
}
const written = new WeakMap<RuleSwitches, RuleSwitches>();
