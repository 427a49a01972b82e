/**
 * What sanctions relief is worth to Belarus (R08 potash-logistics, ¶40–42).
 * Potash relief pays only if the potash can be sold and shipped: US relief alone reaches few
 * buyers, EU relief reaches the EU by land, and Klaipėda transit lets both reach the sea.
 */
import type { Sanction } from './types.js';

export interface LogisticsView {
  readonly sanctions: readonly Sanction[];
  readonly transitOpen: boolean;
}

/** Share of a lifted potash sanction's weight that Belarus can actually use. */
export const POTASH_USABILITY = {
  /** A non-EU potash lift with neither EU relief nor the sea route (¶41). */
  alone: 0.2,
  /** EU potash relief without Klaipėda: EU buyers reached overland. */
  euOverland: 0.6,
} as const;

function potashFactor(s: Sanction, euPotashLifted: boolean, transitOpen: boolean, logistics: boolean): number {
  if (!logistics) return 1;
  if (s.issuer === 'eu') return transitOpen ? 1 : POTASH_USABILITY.euOverland;
  return euPotashLifted || transitOpen ? 1 : POTASH_USABILITY.alone;
}

/**
 * Relief points Belarus enjoys in a given state of sanctions and transit.
 * With `logistics` false (R08 switched off) every lifted sanction counts at its full weight.
 */
export function reliefValue(view: LogisticsView, logistics = true): number {
  let euPotashLifted = false;
  for (const s of view.sanctions) if (s.issuer === 'eu' && s.kind === 'potash' && s.status === 'lifted') euPotashLifted = true;
  let value = 0;
  for (const s of view.sanctions) {
    if (s.status !== 'lifted') continue;
    value += s.kind === 'potash' ? s.weight * potashFactor(s, euPotashLifted, view.transitOpen, logistics) : s.weight;
  }
  return value;
}

/**
 * `reliefValue` with `isLifted` in place of each sanction's status and transit as given: the same
 * terms in the same order, without copying the sanctions (the tracks ask this several times per
 * exchange, and a staged deal at each of its steps).
 */
export function reliefValueWhere(sanctions: readonly Sanction[], isLifted: (s: Sanction) => boolean, transitOpen: boolean, logistics: boolean): number {
  let euPotashLifted = false;
  for (const s of sanctions) if (s.issuer === 'eu' && s.kind === 'potash' && isLifted(s)) euPotashLifted = true;
  let value = 0;
  for (const s of sanctions) {
    if (!isLifted(s)) continue;
    value += s.kind === 'potash' ? s.weight * potashFactor(s, euPotashLifted, transitOpen, logistics) : s.weight;
  }
  return value;
}

/** `reliefValue` of the view with `liftIds` lifted too and transit as given. */
const reliefValueWith = (view: LogisticsView, liftIds: readonly string[], transitOpen: boolean, logistics: boolean): number =>
  reliefValueWhere(view.sanctions, (s) => s.status === 'lifted' || liftIds.includes(s.id), transitOpen, logistics);

/** What lifting `liftIds` (and opening transit) would add to Belarus's relief. */
export function marginalRelief(view: LogisticsView, liftIds: readonly string[], openTransit: boolean, logistics = true): number {
  if (liftIds.length === 0 && (!openTransit || view.transitOpen)) return 0;
  return reliefValueWith(view, liftIds, view.transitOpen || openTransit, logistics) - reliefValue(view, logistics);
}
