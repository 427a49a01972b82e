import type { RuleId } from './ids.js';

/** Which rules a scenario keeps on; every rule is on unless the scenario says `Rxx: false`. */
export type RuleSwitches = Readonly<Partial<Record<RuleId, boolean>>>;

export const isOn = (switches: RuleSwitches, id: RuleId): boolean => switches[id] !== false;
