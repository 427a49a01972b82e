/** Human names for the ids a trace uses, taken from the scenario that produced it. */
import type { Scenario } from '../scenario/schema.js';
import { neutraliseLine } from './safe-text.js';

export interface Labels {
  /** A sanction, cohort or named person by id; the id itself when unknown. */
  of(id: string): string;
  /** True for a named person (so a story says "Andrzej Poczobut", not "1 poczobut"). */
  isPerson(id: string): boolean;
  /** A declared track's item: its words and who gives it (null when the track or item is unknown). */
  item(track: string, id: string): { readonly label: string; readonly from: string } | null;
  /** A declared actor's name for the story (null when the scenario declares no such actor). */
  party(id: string): string | null;
}

export function labelsOf(scenario: Scenario | null): Labels {
  const names = new Map<string, string>();
  const people = new Set<string>();
  if (scenario) {
    for (const s of scenario.world.sanctions) names.set(s.id, neutraliseLine(s.label));
    for (const c of scenario.world.cohorts) names.set(c.id, neutraliseLine(c.label.toLowerCase()));
    for (const p of scenario.world.named) { names.set(p.id, neutraliseLine(p.name)); people.add(p.id); }
  }
  const items = new Map<string, { label: string; from: string }>();
  for (const t of scenario?.tracks ?? []) {
    for (const i of t.items) items.set(`${t.id}\n${i.id}`, { label: neutraliseLine(i.label ?? i.id), from: i.from });
  }
  const actors = new Map<string, string>();
  for (const a of scenario?.actors ?? []) actors.set(a.id, neutraliseLine(a.name));
  return {
    of: (id) => names.get(id) ?? id, isPerson: (id) => people.has(id), item: (track, id) => items.get(`${track}\n${id}`) ?? null,
    party: (id) => actors.get(id) ?? null,
  };
}

const ROUTE_NAMES: Readonly<Record<string, string>> = { lithuania: 'Lithuania', ukraine: 'Ukraine', poland: 'Poland', home: 'freedom at home' };
export const routeName = (route: string): string => ROUTE_NAMES[route] ?? route;
