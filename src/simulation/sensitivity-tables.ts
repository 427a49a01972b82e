/**
 * A sensitivity study's statistics, gathered run by run: every varied parameter's values, each
 * value's metric summaries, and the tornado over them with its paired intervals. The same rows
 * give the same result whether they arrive from the runs themselves (`thaw sweep --vary`) or
 * from the file those runs were written to (`thaw report FILE.jsonl`), so both go through here.
 * A row's `point` is its value's place in `vary` order, and `run mod runs` its replication
 * (every value meets the same seeds: common random numbers).
 */
import { RowSummaries, tornado, type Sensitivity, type TornadoBar } from './study.js';
import type { MetricInfo } from './metrics.js';
import type { RunRow } from './sweep.js';

export interface SensitivityPlan {
  readonly vary: readonly { readonly path: string; readonly values: readonly number[] }[];
  /** Runs at each value. */
  readonly runs: number;
  /** The metric the tornado ranks. */
  readonly metric: string;
  readonly catalogue: readonly MetricInfo[];
}

export class SensitivityTables {
  private readonly tables: RowSummaries[];
  /** Per point: the ranked metric of replication i at index i (NaN where the run is missing). */
  private readonly columns: Float64Array[];

  constructor(private readonly plan: SensitivityPlan) {
    const points = plan.vary.reduce((n, v) => n + v.values.length, 0);
    this.tables = Array.from({ length: points }, () => new RowSummaries(plan.catalogue));
    this.columns = Array.from({ length: points }, () => new Float64Array(plan.runs).fill(Number.NaN));
  }

  /** Rows tagged with their point (`run = point · runs + replication`). */
  add(rows: readonly RunRow[]): void {
    for (const row of rows) {
      const point = Math.floor(row.run / this.plan.runs);
      this.tables[point]!.add([row]);
      this.columns[point]![row.run % this.plan.runs] = row.metrics[this.plan.metric] ?? Number.NaN;
    }
  }

  /** Each parameter's curve and the tornado, as `thaw sweep --vary --format json` writes them. */
  result(): { readonly sensitivity: Sensitivity[]; readonly tornado: TornadoBar[] } {
    const sensitivity: Sensitivity[] = [];
    const perRun: Float64Array[][] = [];
    let point = 0;
    for (const v of this.plan.vary) {
      const points = v.values.map((value, k) => ({ value, summaries: this.tables[point + k]!.summaries() }));
      perRun.push(this.columns.slice(point, point + v.values.length));
      sensitivity.push({ path: v.path, points });
      point += v.values.length;
    }
    return { sensitivity, tornado: tornado(sensitivity, this.plan.metric, perRun) };
  }
}
