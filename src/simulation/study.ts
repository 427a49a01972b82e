/**
 * What a study reports, as plain data for src/report/study.ts: per-metric summaries of a sweep,
 * paired differences between scenarios run on the same seeds, one-parameter sensitivity, and the
 * tornado ranking of several parameters.
 */
import { pairedDifferences, summarize, type Summary } from './stats.js';
import type { MetricInfo } from './metrics.js';
import type { RunRow } from './sweep.js';

export interface MetricSummary {
  readonly name: string;
  readonly description: string;
  readonly summary: Summary;
}

/** A metric's values over rows, in row order (null where a run does not define it). */
export const valuesOf = (rows: readonly RunRow[], metric: string): (number | null)[] =>
  rows.map((r) => r.metrics[metric] ?? null);

export function summarizeRows(rows: readonly RunRow[], catalogue: readonly MetricInfo[]): MetricSummary[] {
  return catalogue.map((m) => ({ name: m.name, description: m.description, summary: summarize(valuesOf(rows, m.name)) }));
}

/** Metrics of several catalogues, each once, in the order they first appear. */
export function unionCatalogue(catalogues: readonly (readonly MetricInfo[])[]): MetricInfo[] {
  const seen = new Map<string, MetricInfo>();
  for (const c of catalogues) for (const m of c) if (!seen.has(m.name)) seen.set(m.name, m);
  return [...seen.values()];
}

export interface ComparedMetric {
  readonly name: string;
  readonly description: string;
  /** One summary per column. */
  readonly columns: readonly Summary[];
  /** Per column after the first: the paired differences column − first. */
  readonly differences: readonly Summary[];
}

/** Columns ran the same run indices with the same seeds (common random numbers); rows in run order. */
export function compareColumns(columns: readonly (readonly RunRow[])[], catalogue: readonly MetricInfo[]): ComparedMetric[] {
  const first = columns[0] ?? [];
  for (const c of columns) {
    if (c.length !== first.length || c.some((r, i) => r.run !== first[i]!.run || r.seed !== first[i]!.seed)) {
      throw new Error('compared columns must hold the same runs with the same seeds');
    }
  }
  return catalogue.map((m) => {
    const base = valuesOf(first, m.name);
    return {
      name: m.name,
      description: m.description,
      columns: columns.map((c) => summarize(valuesOf(c, m.name))),
      differences: columns.slice(1).map((c) => summarize(pairedDifferences(base, valuesOf(c, m.name)))),
    };
  });
}

export interface VaryPoint {
  readonly value: number;
  readonly summaries: readonly MetricSummary[];
}

export interface Sensitivity {
  readonly path: string;
  readonly points: readonly VaryPoint[];
}

export interface TornadoBar {
  readonly path: string;
  readonly metric: string;
  /** Mean of the metric at the parameter's lowest and highest value. */
  readonly atLow: number | null;
  readonly atHigh: number | null;
  /** Smallest and largest mean over all the parameter's values. */
  readonly min: number | null;
  readonly max: number | null;
  /** max − min: how far the parameter moves the metric's mean. */
  readonly swing: number;
}

const meanAt = (point: VaryPoint, metric: string): number | null =>
  point.summaries.find((s) => s.name === metric)?.summary.mean ?? null;

/** Parameters ranked by how far each moves `metric`'s mean over its range, widest first. */
export function tornado(sensitivities: readonly Sensitivity[], metric: string): TornadoBar[] {
  const bars = sensitivities.map((s): TornadoBar => {
    const means = s.points.map((p) => meanAt(p, metric)).filter((x): x is number => x !== null);
    const min = means.length ? Math.min(...means) : null;
    const max = means.length ? Math.max(...means) : null;
    return {
      path: s.path, metric,
      atLow: s.points.length ? meanAt(s.points[0]!, metric) : null,
      atHigh: s.points.length ? meanAt(s.points[s.points.length - 1]!, metric) : null,
      min, max, swing: min === null || max === null ? 0 : max - min,
    };
  });
  return bars.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
}
