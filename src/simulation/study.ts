/**
 * What a study reports, as plain data for src/report/study.ts: per-metric summaries of a sweep,
 * paired differences between scenarios run on the same seeds, one-parameter sensitivity, and the
 * tornado ranking of several parameters.
 */
import { pairedDifferences, summarize, summaryOf, type Summary } from './stats.js';
import { MetricAccumulator } from '../study/metric-accumulator.js';
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

/**
 * Every metric of a catalogue, accumulated run by run in memory that does not grow with the runs
 * (a count table per metric); rows may come in any order and parts merge exactly.
 */
export class RowSummaries {
  private readonly accumulators: MetricAccumulator[];
  private rows = 0;

  constructor(readonly catalogue: readonly MetricInfo[]) {
    this.accumulators = catalogue.map(() => new MetricAccumulator());
  }

  add(rows: readonly RunRow[]): void {
    const names = this.catalogue.map((m) => m.name);
    for (const row of rows) {
      for (let k = 0; k < names.length; k++) this.accumulators[k]!.add(row.metrics[names[k]!]);
    }
    this.rows += rows.length;
  }

  merge(other: RowSummaries): void {
    other.catalogue.forEach((m, k) => this.of(m.name)?.merge(other.accumulators[k]!));
    this.rows += other.rows;
  }

  /** Rows added (or merged). */
  get count(): number {
    return this.rows;
  }

  /** The accumulator of one metric of the catalogue. */
  of(metric: string): MetricAccumulator | undefined {
    const k = this.catalogue.findIndex((m) => m.name === metric);
    return k < 0 ? undefined : this.accumulators[k];
  }

  summaries(): MetricSummary[] {
    return this.catalogue.map((m, k) => ({ name: m.name, description: m.description, summary: summaryOf(this.accumulators[k]!) }));
  }
}

export function summarizeRows(rows: readonly RunRow[], catalogue: readonly MetricInfo[]): MetricSummary[] {
  const table = new RowSummaries(catalogue);
  table.add(rows);
  return table.summaries();
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
  /** The parameter's values where the smallest and the largest mean were seen. */
  readonly minAt: number | null;
  readonly maxAt: number | null;
  /**
   * 95% interval of the swing, across replications: run i of every value ran on seed i (common
   * random numbers), so the swing is the mean of the runs' paired differences (at maxAt − at minAt),
   * and its Student's t interval over the runs says how much of the bar is the seeds' noise. Null
   * without per-run values or with fewer than two pairs. It is conditional on the pair of values
   * picked as max and min, so it is a little optimistic when several values are close.
   */
  readonly swingCi: readonly [number, number] | null;
}

const meanAt = (point: VaryPoint, metric: string): number | null =>
  point.summaries.find((s) => s.name === metric)?.summary.mean ?? null;

/**
 * Parameters ranked by how far each moves `metric`'s mean over its range, widest first. With
 * `perRun` (per parameter, per value: the metric of run i at index i, NaN where undefined), each bar
 * gets the interval of its swing from the paired runs.
 */
export function tornado(sensitivities: readonly Sensitivity[], metric: string, perRun?: readonly (readonly ArrayLike<number>[])[]): TornadoBar[] {
  const bars = sensitivities.map((s, si): TornadoBar => {
    let min: number | null = null;
    let max: number | null = null;
    let minK = -1;
    let maxK = -1;
    s.points.forEach((p, k) => {
      const m = meanAt(p, metric);
      if (m === null) return;
      if (min === null || m < min) { min = m; minK = k; }
      if (max === null || m > max) { max = m; maxK = k; }
    });
    const columns = perRun?.[si];
    return {
      path: s.path, metric,
      atLow: s.points.length ? meanAt(s.points[0]!, metric) : null,
      atHigh: s.points.length ? meanAt(s.points[s.points.length - 1]!, metric) : null,
      min, max, swing: min === null || max === null ? 0 : (max as number) - (min as number),
      minAt: minK < 0 ? null : s.points[minK]!.value,
      maxAt: maxK < 0 ? null : s.points[maxK]!.value,
      swingCi: columns && minK >= 0 && maxK >= 0 ? pairedInterval(columns[minK]!, columns[maxK]!) : null,
    };
  });
  return bars.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
}

/** Student's t interval of the mean of b − a, run by run; runs missing either side left out. */
function pairedInterval(a: ArrayLike<number>, b: ArrayLike<number>): readonly [number, number] | null {
  const d: (number | null)[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) d.push(Number.isFinite(a[i]!) && Number.isFinite(b[i]!) ? b[i]! - a[i]! : null);
  const s = summarize(d);
  return s.ciLow === null || s.ciHigh === null ? null : [s.ciLow, s.ciHigh];
}
