/** Names and phrases the reports share. */
import type { AgentId, AgentMove, PackageView, PartyId } from '../simulation/trace.js';
import type { RuleId } from '../rules/ids.js';
import { RULES, formatBasis } from '../rules/catalogue.js';
import { routeName, type Labels } from './labels.js';
import type { ChangeRecord, DealRecord, OfferRecord } from '../simulation/trace.js';

export const AGENT_NAMES: Readonly<Record<AgentId, string>> = {
  belarus: 'Minsk', us: 'Washington', lithuania: 'Vilnius', poland: 'Warsaw', eu: 'Brussels',
};

/** What the story calls a party: the five by their capitals, a declared actor by its `name`, else its id. */
export function partyName(id: PartyId, labels: Labels | null): string {
  return (AGENT_NAMES as Readonly<Record<string, string>>)[id] ?? labels?.party(id) ?? id;
}

export const GRANT_NAMES: Readonly<Record<string, string>> = {
  'klaipeda-transit': 'Klaipėda transit', 'prisoner-swap': 'a prisoner swap',
};

export const COMMITMENT_NAMES: Readonly<Record<string, string>> = {
  'stop-balloons': 'stop the balloons', 'free-lorry-drivers': 'free the lorry drivers',
};

export const SIDE_OFFER_NAMES: Readonly<Record<string, string>> = {
  putin: 'help with Putin', maduro: 'help with Maduro',
};

export const COMMITMENT_VERBS: Readonly<Record<string, string>> = {
  'stop-balloons': 'to stop the balloons', 'free-lorry-drivers': 'to free the lorry drivers',
};

/** "R05 spite-route ¶15–19, R04 laureate-route ¶20–23" */
export function cite(rules: readonly RuleId[]): string {
  return rules.map((id) => `${id} ${RULES[id].slug} ${formatBasis(RULES[id])}`).join('; ');
}

/** "255 prisoners (150 journalists, 105 trade-union activists)" or "Andrzej Poczobut". */
export function describePeople(releases: Readonly<Record<string, number>>, headcount: number, labels: Labels): string {
  const entries = Object.entries(releases);
  if (entries.length === 0) return '';
  if (entries.every(([id]) => labels.isPerson(id))) return entries.map(([id]) => labels.of(id)).join(', ');
  const parts = entries.map(([id, n]) => (labels.isPerson(id) ? labels.of(id) : `${n} ${labels.of(id)}`));
  return `${headcount} prisoner${headcount === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/** "lifting US sanctions on state banks plus a prisoner swap" */
export function describeRelief(relief: readonly string[], grants: readonly string[], labels: Labels): string {
  const lifted = relief.length ? `lifting ${relief.map((id) => labels.of(id)).join(' and ')}` : '';
  return [lifted, ...grants.map((g) => GRANT_NAMES[g] ?? g)].filter(Boolean).join(' plus ');
}

export function describePackage(p: PackageView, labels: Labels): { give: string; get: string } {
  const people = describePeople(p.releases, p.headcount, labels);
  const promises = [...p.commitments.map((c) => COMMITMENT_NAMES[c] ?? c), ...p.sideOffers.map((s) => SIDE_OFFER_NAMES[s] ?? s)];
  const fromMinsk = [people, promises.join(' and ')].filter(Boolean).join(' plus ');
  return { give: fromMinsk || 'nothing', get: describeRelief(p.relief, p.grants, labels) || 'nothing' };
}

/**
 * A declared track's items that `party` gives (`gives`) or does not, in words: "more US troops and
 * joint exercises". An item the labels do not know (a story without its scenario) counts as `first`'s.
 */
function itemWords(track: string, items: readonly string[], party: string, gives: boolean, first: string, labels: Labels): string {
  return items.filter((id) => ((labels.item(track, id)?.from ?? first) === party) === gives)
    .map((id) => labels.item(track, id)?.label ?? id).join(' and ');
}

/**
 * An offer in one sentence, what was put up for what: "Washington proposes lifting US sanctions on
 * potash, in return for 12 prisoners (…)"; on a declared track, from its items' labels: "Washington
 * offers Vilnius more US troops for opening Klaipėda".
 */
export function describeOffer(o: Pick<OfferRecord, 'track' | 'from' | 'to' | 'kind' | 'package'>, labels: Labels): string {
  const from = partyName(o.from, labels);
  const items = o.package.items;
  if (items) {
    const offered = itemWords(o.track, items, o.from, true, o.from, labels);
    const asked = itemWords(o.track, items, o.from, false, o.from, labels);
    const verb = o.kind === 'offer' ? 'offers' : 'comes back offering';
    const to = partyName(o.to, labels);
    if (!offered) return `${from} asks ${to} for ${asked}, offering nothing in return`;
    return `${from} ${verb} ${to} ${offered}${asked ? ` for ${asked}` : ', asking nothing in return'}`;
  }
  const { give, get } = describePackage(o.package, labels);
  const verb = o.kind === 'offer' ? 'proposes' : o.from === 'belarus' ? 'counters with' : 'comes back proposing';
  return o.from === 'belarus' ? `${from} ${verb} ${give}, in return for ${get}` : `${from} ${verb} ${get}, in return for ${give}`;
}

/** A declared track's deal: "Washington gives Vilnius more US troops for opening Klaipėda". */
function describeDeclaredDeal(d: DealRecord, items: readonly string[], labels: Labels): string {
  const [a, b] = d.parties;
  if (!a || !b) return items.join(' + ');
  const fromA = itemWords(d.track, items, a, true, a, labels);
  const fromB = itemWords(d.track, items, b, true, a, labels);
  if (!fromA) return `${partyName(b, labels)} gives ${partyName(a, labels)} ${fromB}, for nothing in return`;
  return `${partyName(a, labels)} gives ${partyName(b, labels)} ${fromA}${fromB ? ` for ${fromB}` : ', for nothing in return'}`;
}

/** A deal in one sentence: who was freed, where they went, and what was paid. */
export function describeDeal(d: DealRecord, labels: Labels): string {
  if (d.package.items) return describeDeclaredDeal(d, d.package.items, labels);
  const paid = d.staged
    ? `${describeRelief(d.staged.relief, d.package.grants, labels)}, paid once the first batch is verified`
    : describeRelief(d.lifted, d.package.grants, labels);
  const routes = Object.entries(d.byRoute).filter(([, n]) => (n ?? 0) > 0);
  // A staged deal frees its first batch now (R21): name those, not the whole package.
  const freedNow: Record<string, number> = {};
  for (const r of d.routed) freedNow[r.id] = (freedNow[r.id] ?? 0) + r.count;
  const people = describePeople(d.staged ? freedNow : d.package.releases, d.released, labels);
  const where = routes.length === 1 ? ` to ${routeName(routes[0]![0])}` : routes.length > 1
    ? ` (${routes.map(([r, n]) => `${n} to ${routeName(r)}`).join(', ')})` : '';
  const freed = d.released > 0 ? `${people} freed${where}` : 'no prisoners';
  const promises = d.package.commitments.map((c) => COMMITMENT_NAMES[c] ?? c);
  const extra = [
    d.rules.includes('R05') && (d.byRoute.ukraine ?? 0) > d.released / 2 ? 'most sent to Ukraine rather than Lithuania, out of spite' : '',
    d.rules.includes('R04') ? 'the laureate to Lithuania, as Washington insisted' : '',
    promises.length ? `Minsk promises to ${promises.join(' and ')}` : '',
  ].filter(Boolean);
  return `${freed}, for ${paid || 'promises alone'}${extra.length ? `; ${extra.join('; ')}` : ''}`;
}

/**
 * Each agent that changed state, with the path it took: "Washington: prepaid → visiting → cooling".
 * `names` gives how to call each agent (the text story uses the capitals, the page the machines' names).
 */
export function movesText(moves: readonly AgentMove[], names: Readonly<Record<string, string>> = AGENT_NAMES): string[] {
  const paths = new Map<string, string[]>();
  for (const m of moves) {
    const path = paths.get(m.agent);
    if (!path) paths.set(m.agent, [m.from, m.to]);
    else if (path[path.length - 1] === m.from) path.push(m.to);
    else path.push('…', m.from, m.to);
  }
  return [...paths].map(([agent, path]) => `${names[agent] ?? agent}: ${path.join(' → ')}`);
}

const TRACK_NAMES: Readonly<Record<string, string>> = {
  'us-belarus': 'Washington–Minsk', 'poland-belarus': 'Warsaw–Minsk', 'eu-belarus': 'Brussels–Minsk', 'lithuania-belarus': 'Vilnius–Minsk',
};

/** "42 new political prisoners (19 opposition and civic activists, 6 journalists, …)" */
function peopleIn(c: ChangeRecord, labels: Labels, noun: string): string {
  const total = c.people.reduce((t, p) => t + p.count, 0);
  const byId = new Map<string, number>();
  for (const p of c.people) byId.set(p.id, (byId.get(p.id) ?? 0) + p.count);
  if ([...byId.keys()].every((id) => labels.isPerson(id))) return [...byId.keys()].map((id) => labels.of(id)).join(', ');
  const parts = [...byId].map(([id, n]) => (labels.isPerson(id) ? labels.of(id) : `${n} ${labels.of(id)}`));
  return `${total} ${noun}${total === 1 ? '' : 's'} (${parts.join(', ')})`;
}

function routesIn(c: ChangeRecord): string {
  const by = new Map<string, number>();
  for (const p of c.people) if (p.route) by.set(p.route, (by.get(p.route) ?? 0) + p.count);
  const parts = [...by].map(([r, n]) => (r === 'home' ? `${n} freed at home` : `${n} to ${routeName(r)}`));
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** One open-world record (R18–R25) in a sentence; the model records numbers, the words are made here. */
export function describeChange(c: ChangeRecord, labels: Labels): string {
  const sanctions = c.sanctions.map((id) => labels.of(id)).join(' and ');
  const wave = c.numbers.wave !== undefined ? ` (wave ${c.numbers.wave + 1})` : '';
  switch (c.kind) {
    case 'arrest':
      return `${c.actor === 'scenario' ? 'As scripted, ' : ''}${peopleIn(c, labels, 'new political prisoner')} ${c.actor === 'scenario' ? 'are' : 'are'} arrested: the revolving door keeps turning`;
    case 'pardon':
      return `Minsk pardons ${peopleIn(c, labels, 'prisoner')} outside any deal${routesIn(c)}${c.numbers.signal ? ', a signal before the envoy\'s visit' : ''}`;
    case 'rearrest':
      return `${peopleIn(c, labels, 'person')} freed at home ${c.people.length === 1 && c.people[0]!.count === 1 ? 'is' : 'are'} jailed again${wave}`;
    case 'served':
      return `${peopleIn(c, labels, 'prisoner')} walk out at the end of their sentence: neither a pardon nor a deal`;
    case 'batch':
      return `Minsk frees the next batch of the staged deal${wave}: ${peopleIn(c, labels, 'prisoner')}${routesIn(c)}, batch ${c.numbers.batch} of ${c.numbers.of}${trustIn(c)}`;
    case 'payment':
      return `The first batch verified, ${payerName(c)} pays${wave}: ${paidIn(c, sanctions)}${trustIn(c)}`;
    case 'renege':
      return c.actor !== 'belarus'
        ? `${payerName(c)} reneges on the staged deal${wave} (chance ${((c.numbers.probability ?? 0) * 100).toFixed(0)} %): ${c.grants?.length && !sanctions ? 'Klaipėda stays closed' : 'the relief is withheld'} and Minsk calls off the batches still owed`
        : `Minsk reneges on the staged deal${wave} (chance ${((c.numbers.probability ?? 0) * 100).toFixed(0)} %${c.numbers.shortfall !== undefined
          ? `, the relief paid now worth ${(c.numbers.delivered ?? 0).toFixed(1)} to it of the ${(c.numbers.promised ?? 0).toFixed(1)} promised` : ''}): the batches still owed are withheld`;
    case 'snapback':
      return sanctions
        ? `${payerName(c)} snaps its relief back${wave}: ${sanctions} re-imposed${c.grants?.length ? '; Klaipėda closed again' : ''}`
        : `${payerName(c)} takes its concession back${wave}: Klaipėda closed again`;
    case 'wave':
      return `A scripted ${TRACK_NAMES[c.track ?? ''] ?? c.track} wave${wave}: ${peopleIn(c, labels, 'prisoner')}${routesIn(c)}${sanctions ? ` for lifting ${sanctions}` : ''}`;
    default:
      return c.kind;
  }
}

/** The side that pays in a staged deal (R21), by its capital. */
const payerName = (c: ChangeRecord): string => (c.actor === 'scenario' ? 'the scenario' : AGENT_NAMES[c.actor]);
/** The trust after a step (R24): Minsk–Washington's plainly, the other payers' by name. */
const TRUST_WITH: Readonly<Record<string, string>> = { 'eu-belarus': 'trust with Brussels', 'lithuania-belarus': 'trust with Vilnius' };
const trustIn = (c: ChangeRecord): string =>
  (c.numbers.trust !== undefined ? `; ${TRUST_WITH[c.track ?? ''] ?? 'trust'} ${c.numbers.trust.toFixed(2)}` : '');
function paidIn(c: ChangeRecord, sanctions: string): string {
  const parts = [sanctions ? `lifting ${sanctions}` : '', c.grants?.includes('klaipeda-transit') ? 'opening Klaipėda' : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'nothing left to lift';
}

/** What each red line says, for a walk it decided. */
export const RED_LINE_WORDS: Readonly<Partial<Record<RuleId, string>>> = {
  R03: 'a top prisoner goes only for a single item of matching value',
  R04: 'the laureate must go to Lithuania',
  R07: 'only Warsaw can buy Poczobut',
  R09: 'Vilnius makes no concession to the regime',
  R12: 'the EU does not trade its sanctions',
  R17: 'an enemy of the regime is not for sale',
};

/**
 * Why a round ended without a deal, from the record's numbers: "no deal: Minsk's price is 0.3
 * above what Washington's offer is worth to it", "no deal: the laureate must go to Lithuania (R04)".
 */
export function describeBlock(o: Pick<OfferRecord, 'from' | 'to' | 'blockedBy'>, labels: Labels | null = null): string | null {
  const b = o.blockedBy;
  if (!b) return null;
  if (b.kind === 'deadline') return 'no deal: the round ran out of exchanges with something still to try';
  if (b.kind === 'red-line') return `no deal: ${RED_LINE_WORDS[b.rule] ?? `${partyName(b.party, labels)}'s red line`} (${b.rule})`;
  const other = b.party === o.to ? o.from : o.to;
  return `no deal: ${partyName(b.party, labels)}'s price is ${b.gap.toFixed(1)} above what ${partyName(other, labels)}'s offer is worth to it`;
}
