/**
 * Scenario discovery with PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999), as
 * the EMA Workbench uses it (Bryant and Lempert 2010): find boxes of input space, each a few factors
 * restricted to ranges, inside which a condition on the outputs mostly holds.
 *
 * Peeling starts from the box holding every run and repeatedly removes the slice that most raises
 * the share of runs of interest inside: a fraction `alpha` off the low or high end of one numeric
 * factor, or one value of a choice. It stops when the box holds less than `minMass` of the runs. Of
 * the boxes on that peeling trajectory the one chosen has the best coverage among those with a
 * density of at least `threshold`, the densest of them on a tie (else the densest of all). Covering then removes the chosen box's runs
 * and looks for the next box in the rest.
 *
 *   coverage = runs of interest in the box / all runs of interest
 *   density  = runs of interest in the box / runs in the box
 *   mass     = runs in the box / all runs
 */
import type { FactorValue } from './design.js';

export interface PrimOptions {
  readonly alpha?: number;
  readonly minMass?: number;
  readonly threshold?: number;
  readonly maxBoxes?: number;
}

export interface PrimColumn {
  readonly name: string;
  /** One value per run. */
  readonly values: readonly FactorValue[];
}

export type Restriction =
  | { readonly factor: string; readonly min: number; readonly max: number }
  | { readonly factor: string; readonly values: readonly FactorValue[] };

export interface TrajectoryStep {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** How many factors the box restricts. */
  readonly restricted: number;
}

export interface PrimBox {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** Runs in the box, and runs of interest among them. */
  readonly runs: number;
  readonly hits: number;
  readonly restrictions: readonly Restriction[];
  /** The peeling trade-off this box was chosen from, widest box first. */
  readonly trajectory: readonly TrajectoryStep[];
  /** Its position on the trajectory. */
  readonly chosen: number;
}

export const DEFAULTS = { alpha: 0.05, minMass: 0.05, threshold: 0.8, maxBoxes: 3 } as const;

type Limit = { kind: 'range'; min: number; max: number } | { kind: 'set'; values: FactorValue[] };

interface Peel {
  readonly limits: Limit[];
  readonly inside: number[];
}

const isNumericColumn = (c: PrimColumn): boolean => c.values.every((v) => typeof v === 'number');
const keyOf = (v: FactorValue): string => `${typeof v}:${String(v)}`;

function fullLimits(columns: readonly PrimColumn[], rows: readonly number[]): Limit[] {
  return columns.map((c) => {
    if (isNumericColumn(c)) {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const r of rows) { const v = c.values[r] as number; if (v < min) min = v; if (v > max) max = v; }
      return { kind: 'range', min, max };
    }
    const seen = new Map<string, FactorValue>();
    for (const r of rows) seen.set(keyOf(c.values[r]!), c.values[r]!);
    return { kind: 'set', values: [...seen.values()] };
  });
}

/** The p-quantile of the values (type 7). */
function quantileOf(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Every slice one peeling step could remove, as the box that would remain. */
function candidates(columns: readonly PrimColumn[], box: Peel, alpha: number): Peel[] {
  const out: Peel[] = [];
  columns.forEach((c, i) => {
    const limit = box.limits[i]!;
    if (limit.kind === 'range') {
      const sorted = box.inside.map((r) => c.values[r] as number).sort((a, b) => a - b);
      const low = quantileOf(sorted, alpha);
      const high = quantileOf(sorted, 1 - alpha);
      // Peel at least the extreme value when the quantile falls on it (ties), else the step never ends.
      const keepLow = box.inside.filter((r) => (c.values[r] as number) > low || (low === sorted[0] ? false : (c.values[r] as number) === low));
      const keepHigh = box.inside.filter((r) => (c.values[r] as number) < high || (high === sorted[sorted.length - 1] ? false : (c.values[r] as number) === high));
      for (const inside of [keepLow, keepHigh]) {
        if (inside.length === 0 || inside.length === box.inside.length) continue;
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (const r of inside) { const v = c.values[r] as number; if (v < min) min = v; if (v > max) max = v; }
        out.push({ limits: box.limits.map((l, k) => (k === i ? { kind: 'range', min, max } : l)), inside });
      }
    } else if (limit.values.length > 1) {
      for (const drop of limit.values) {
        const inside = box.inside.filter((r) => keyOf(c.values[r]!) !== keyOf(drop));
        if (inside.length === 0 || inside.length === box.inside.length) continue;
        out.push({ limits: box.limits.map((l, k) => (k === i ? { kind: 'set', values: limit.values.filter((v) => keyOf(v) !== keyOf(drop)) } : l)), inside });
      }
    }
  });
  return out;
}

const hitsIn = (inside: readonly number[], y: readonly boolean[]): number => inside.reduce((n, r) => n + (y[r] ? 1 : 0), 0);

function restrictionsOf(columns: readonly PrimColumn[], limits: readonly Limit[], full: readonly Limit[]): Restriction[] {
  const out: Restriction[] = [];
  limits.forEach((l, i) => {
    const f = full[i]!;
    const name = columns[i]!.name;
    if (l.kind === 'range' && f.kind === 'range' && (l.min > f.min || l.max < f.max)) out.push({ factor: name, min: l.min, max: l.max });
    if (l.kind === 'set' && f.kind === 'set' && l.values.length < f.values.length) out.push({ factor: name, values: l.values });
  });
  return out;
}

/** One box from the runs `rows`: peel, then choose from the trajectory. */
function findBox(columns: readonly PrimColumn[], y: readonly boolean[], rows: number[], totals: { runs: number; hits: number }, options: Required<PrimOptions>): PrimBox | null {
  const full = fullLimits(columns, rows);
  let box: Peel = { limits: full, inside: rows };
  const path: { box: Peel; hits: number }[] = [{ box, hits: hitsIn(rows, y) }];
  while (box.inside.length / totals.runs > options.minMass) {
    let best: { peel: Peel; density: number; hits: number } | null = null;
    for (const peel of candidates(columns, box, options.alpha)) {
      const hits = hitsIn(peel.inside, y);
      const density = hits / peel.inside.length;
      // Ties go to the peel that keeps more runs, then to the earlier factor.
      if (!best || density > best.density || (density === best.density && peel.inside.length > best.peel.inside.length)) best = { peel, density, hits };
    }
    if (!best || best.peel.inside.length / totals.runs < options.minMass) break;
    box = best.peel;
    path.push({ box, hits: best.hits });
  }
  const steps = path.map((p): TrajectoryStep => ({
    coverage: totals.hits ? p.hits / totals.hits : 0,
    density: p.hits / p.box.inside.length,
    mass: p.box.inside.length / totals.runs,
    restricted: restrictionsOf(columns, p.box.limits, full).length,
  }));
  let chosen = -1;
  steps.forEach((s, k) => {
    const best = steps[chosen];
    // Equal coverage: the denser (smaller) box says more.
    if (s.density >= options.threshold && (!best || s.coverage > best.coverage || (s.coverage === best.coverage && s.density > best.density))) chosen = k;
  });
  if (chosen < 0) steps.forEach((s, k) => { if (chosen < 0 || s.density > steps[chosen]!.density) chosen = k; });
  const pick = path[chosen]!;
  if (pick.hits === 0) return null;
  return {
    coverage: steps[chosen]!.coverage, density: steps[chosen]!.density, mass: steps[chosen]!.mass,
    runs: pick.box.inside.length, hits: pick.hits,
    restrictions: restrictionsOf(columns, pick.box.limits, full), trajectory: steps, chosen,
  };
}

const inBox = (columns: readonly PrimColumn[], box: PrimBox, r: number): boolean =>
  box.restrictions.every((x) => {
    const v = columns.find((c) => c.name === x.factor)!.values[r]!;
    return 'min' in x ? (v as number) >= x.min && (v as number) <= x.max : x.values.some((w) => keyOf(w) === keyOf(v));
  });

/** Boxes for the runs where `y` holds, by peeling and covering. Coverage and mass count all runs. */
export function prim(columns: readonly PrimColumn[], y: readonly boolean[], options: PrimOptions = {}): PrimBox[] {
  const o = { ...DEFAULTS, ...options };
  const totals = { runs: y.length, hits: y.filter(Boolean).length };
  const boxes: PrimBox[] = [];
  let rows = y.map((_, i) => i);
  while (boxes.length < o.maxBoxes && totals.hits > 0) {
    const remainingHits = hitsIn(rows, y);
    if (remainingHits === 0) break;
    const box = findBox(columns, y, rows, totals, o);
    // A box no denser than what is left is no discovery.
    if (!box || box.restrictions.length === 0 || box.density <= remainingHits / rows.length) break;
    boxes.push(box);
    rows = rows.filter((r) => !inBox(columns, box, r));
    if (rows.length === 0) break;
  }
  return boxes;
}
