/** Names and phrases the reports share. */
import type { AgentId, PackageView } from '../simulation/trace.js';
import type { RuleId } from '../rules/ids.js';
import { RULES, formatParagraphs } from '../rules/catalogue.js';

export const AGENT_NAMES: Readonly<Record<AgentId, string>> = {
  belarus: 'Minsk', us: 'Washington', lithuania: 'Vilnius', poland: 'Warsaw', eu: 'Brussels',
};

export const GRANT_NAMES: Readonly<Record<string, string>> = {
  'klaipeda-transit': 'Klaipėda transit', 'prisoner-swap': 'a prisoner swap',
};

export const COMMITMENT_NAMES: Readonly<Record<string, string>> = {
  'stop-balloons': 'stop the balloons', 'free-lorry-drivers': 'free the lorry drivers',
};

export const SIDE_OFFER_NAMES: Readonly<Record<string, string>> = {
  putin: 'help with Putin', maduro: 'help with Maduro',
};

/** "R05 spite-route ¶15–19, R04 laureate-route ¶20–23" */
export function cite(rules: readonly RuleId[]): string {
  return rules.map((id) => `${id} ${RULES[id].slug} ¶${formatParagraphs(RULES[id].paragraphs)}`).join('; ');
}

export function describePackage(p: PackageView): { give: string; get: string } {
  const people = p.headcount > 0
    ? `${p.headcount} prisoner${p.headcount === 1 ? '' : 's'} (${Object.entries(p.releases).map(([id, n]) => (n === 1 && !/s$/.test(id) ? id : `${n} ${id}`)).join(', ')})`
    : '';
  const relief = [...p.relief, ...p.grants.map((g) => GRANT_NAMES[g] ?? g)].join(' + ');
  const promises = [...p.commitments.map((c) => COMMITMENT_NAMES[c] ?? c), ...p.sideOffers.map((s) => SIDE_OFFER_NAMES[s] ?? s)];
  const fromMinsk = [people, ...promises].filter(Boolean).join(', ');
  return { give: fromMinsk || 'nothing', get: relief || 'nothing' };
}
