/**
 * A backtest's forecasts and scores, from the facts and what each run resolved them to: pure,
 * the same rows (in run order) give the same report byte for byte. The model's forecast of a
 * yes/no fact is the share of runs in which it held; of a number, the runs' predictive sample.
 * Both baselines are scored on the same yes/no facts (./baselines.ts).
 */
import type { World } from '../world/types.js';
import { createRng } from '../simulation/rng.js';
import { quantile } from '../simulation/stats.js';
import { isNumeric, type Fact, type FactKind } from './facts.js';
import { persistenceForecast, uniformForecast } from './baselines.js';
import {
  bootstrapMeanCi, brierDecomposition, brierScore, brierTerm, DEFAULT_BINS, inBand, LOG_CLIP, logScore, logTerm, percentileOf,
  reliabilityBins, type BinaryForecast, type ReliabilityBin,
} from './scores.js';

export interface BinaryFactResult {
  readonly id: string;
  readonly kind: FactKind;
  readonly question: string | null;
  readonly by: string;
  readonly p: number;
  readonly observed: boolean;
  readonly brier: number;
  readonly log: number;
  /** The persistence baseline's probability (0 or 1). */
  readonly persistence: number;
  readonly source: string | null;
}

export interface NumericFactResult {
  readonly id: string;
  readonly kind: FactKind;
  readonly question: string | null;
  readonly by: string;
  readonly median: number;
  /** The 5 % and 95 % quantiles of the runs' values: the 90 % predictive band. */
  readonly band: [number, number];
  /** Mid-rank of the observed value among the runs' values, in [0, 1]. */
  readonly percentile: number;
  readonly observed: number;
  readonly inBand: boolean;
  /** The persistence baseline's number: the start value carried forward. */
  readonly persistence: number;
  readonly source: string | null;
}

export type FactResult = BinaryFactResult | NumericFactResult;

export interface BaselineScores {
  readonly brier: number | null;
  readonly log: number | null;
}

export interface BacktestScores {
  /** Yes/no facts scored. */
  readonly n: number;
  readonly brier: number | null;
  readonly brierCi: [number, number] | null;
  readonly log: number | null;
  readonly logCi: [number, number] | null;
  readonly reliability: number | null;
  readonly resolution: number | null;
  readonly uncertainty: number | null;
  /** brier − (reliability − resolution + uncertainty): the spread of forecasts inside their bins. */
  readonly withinBin: number | null;
  readonly bins: readonly ReliabilityBin[];
  /** Share of numeric facts whose observed value lies in the 90 % band; null without numeric facts. */
  readonly inBand: number | null;
  readonly numeric: number;
  readonly logClip: number;
}

export interface BacktestResult {
  readonly facts: readonly FactResult[];
  readonly scores: BacktestScores;
  readonly baselines: { readonly uniform: BaselineScores; readonly persistence: BaselineScores };
  /** 1 − brier / baseline's brier: above 0 the scenario beats the baseline. */
  readonly skill: { readonly uniform: number | null; readonly persistence: number | null };
}

export const BOOTSTRAP_RESAMPLES = 2000;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * `values[r][k]` is fact k resolved in run r (yes/no as 1 or 0), runs in run order; `start` is the
 * scenario's start world (for persistence); `seed` seeds the bootstrap.
 */
export function evaluateBacktest(facts: readonly Fact[], values: readonly (readonly number[])[], start: World, seed: number): BacktestResult {
  if (values.length === 0) throw new RangeError('a backtest needs at least one run');
  const results: FactResult[] = [];
  const model: BinaryForecast[] = [];
  const uniform: BinaryForecast[] = [];
  const persistence: BinaryForecast[] = [];
  facts.forEach((fact, k) => {
    const column = values.map((row) => row[k]!);
    const base = { id: fact.id, kind: fact.query.kind, question: fact.question, by: fact.by };
    const kept = persistenceForecast(fact, start);
    if (isNumeric(fact.query)) {
      const sorted = Float64Array.from(column).sort();
      const observed = fact.observed as number;
      const band: [number, number] = [quantile(sorted, 0.05), quantile(sorted, 0.95)];
      results.push({ ...base, median: quantile(sorted, 0.5), band, percentile: percentileOf(observed, column), observed, inBand: inBand(observed, band), persistence: kept, source: fact.source });
      return;
    }
    let yes = 0;
    for (const v of column) yes += v;
    const observed = fact.observed as boolean;
    const f: BinaryForecast = { p: yes / column.length, observed };
    model.push(f);
    uniform.push({ p: uniformForecast(), observed });
    persistence.push({ p: kept, observed });
    results.push({ ...base, p: f.p, observed, brier: brierTerm(f), log: logTerm(f), persistence: kept, source: fact.source });
  });
  const numeric = results.filter((r): r is NumericFactResult => 'band' in r);
  const some = model.length > 0;
  const d = brierDecomposition(model, DEFAULT_BINS);
  const brier = some ? brierScore(model) : null;
  const score = (fs: readonly BinaryForecast[]): BaselineScores => ({ brier: some ? brierScore(fs) : null, log: some ? logScore(fs) : null });
  const baselines = { uniform: score(uniform), persistence: score(persistence) };
  const skill = (b: number | null) => (brier === null || b === null || b === 0 ? null : 1 - brier / b);
  return {
    facts: results,
    scores: {
      n: model.length,
      brier,
      brierCi: some ? bootstrapMeanCi(model.map((f) => brierTerm(f)), createRng(`backtest:${seed}:bootstrap:brier`), BOOTSTRAP_RESAMPLES) : null,
      log: some ? logScore(model) : null,
      logCi: some ? bootstrapMeanCi(model.map((f) => logTerm(f)), createRng(`backtest:${seed}:bootstrap:log`), BOOTSTRAP_RESAMPLES) : null,
      reliability: finite(d.reliability),
      resolution: finite(d.resolution),
      uncertainty: finite(d.uncertainty),
      withinBin: finite(d.withinBin),
      bins: reliabilityBins(model, DEFAULT_BINS),
      inBand: numeric.length ? numeric.filter((r) => r.inBand).length / numeric.length : null,
      numeric: numeric.length,
      logClip: LOG_CLIP,
    },
    baselines,
    skill: { uniform: skill(baselines.uniform.brier), persistence: skill(baselines.persistence.brier) },
  };
}
