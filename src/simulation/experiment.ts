/**
 * A study file's runs and their analysis. `planStudy` turns the design (src/study/) into a plan the
 * sweep threads execute; `analyzeStudy` takes the rows back, in run order, and computes what the
 * design supports: Sobol' indices, Morris screening, the seed's share of the variance, PRIM boxes,
 * per-metric summaries and warnings. The same rows give the same report, byte for byte, whichever
 * process, worker count or set of shards produced them.
 */
import type { StudySpec } from '../scenario/study-file.js';
import { holds } from '../scenario/study-file.js';
import type { Scenario } from '../scenario/schema.js';
import { DESIGNS } from '../study/designs.js';
import { valuesAt, type Sample } from '../study/design.js';
import * as sobol from '../study/sobol.js';
import * as morris from '../study/morris.js';
import { prim, type PrimBox } from '../study/prim.js';
import { seedVarianceShare } from '../study/seed-variance.js';
import { morrisWarnings, sobolWarnings, type StudyWarning } from '../study/warnings.js';
import { createRng } from './rng.js';
import { summarizeRows, type MetricSummary } from './study.js';
import type { DesignPlan, RunRow, StudyRuns } from './sweep.js';

export interface StudyPlan {
  readonly sample: Sample;
  readonly runs: number;
  readonly study: StudyRuns;
}

/** The design's stream: the same study seed always gives the same design. */
const designStream = (seed: number) => createRng(`study:${seed}:design`);
/** The bootstrap's stream, fresh per metric so that a metric's intervals do not depend on the others. */
const bootstrapStream = (seed: number, metric: string) => createRng(`study:${seed}:bootstrap:${metric}`);

export function planStudy(spec: StudySpec): StudyPlan {
  const sample = DESIGNS[spec.design].sample(spec.factors, spec.samples, designStream(spec.seed), { secondOrder: spec.secondOrder, levels: spec.levels });
  const plan: DesignPlan = {
    factors: spec.factors.map((f) => ({ name: f.name, at: f.at })),
    values: sample.unit.map((u) => valuesAt(spec.factors, u)),
    groups: sample.groups,
    replications: spec.replications,
  };
  // A factor the scenario also draws as an uncertain input is the design's to set.
  const factorPaths = new Set(spec.factors.map((f) => f.at.join('.')));
  const uncertain = (spec.scenario.uncertain ?? []).filter((u) => !factorPaths.has(u.at.join('.')));
  const { uncertain: _all, ...rest } = spec.scenario;
  void _all;
  const scenario: Scenario = uncertain.length ? { ...rest, uncertain } : rest;
  return { sample, runs: sample.unit.length * spec.replications, study: { scenario, seed: spec.seed, months: spec.months, plan } };
}

export interface IndexRow {
  readonly metric: string;
  readonly factor: string;
  readonly S1: number | null;
  readonly S1ci: [number, number] | null;
  readonly ST: number | null;
  readonly STci: [number, number] | null;
}

export interface StudyReport {
  readonly study: string;
  readonly design: string;
  readonly scenario: string;
  readonly branch: string | null;
  readonly seed: number;
  readonly samples: number;
  readonly replications: number;
  readonly runs: number;
  readonly runsPresent: number;
  readonly factors: readonly { readonly name: string; readonly distribution: unknown; readonly integer: boolean }[];
  readonly indices: readonly IndexRow[];
  readonly secondOrder: readonly { readonly metric: string; readonly factors: readonly [string, string]; readonly S2: number | null; readonly S2ci: [number, number] | null }[];
  readonly morris: readonly ({ readonly metric: string } & morris.MorrisIndex)[];
  readonly boxes: readonly ({ readonly where: string } & PrimBox)[];
  /** Per analysed metric: the share of its variance the seed alone causes (replications ≥ 2). */
  readonly seedVariance: readonly { readonly metric: string; readonly share: number | null }[];
  readonly warnings: readonly StudyWarning[];
  readonly metrics: readonly ({ readonly name: string; readonly description: string } & MetricSummary['summary'])[];
}

/** Per design point, the replications' values of a metric (null where missing). */
function byPoint(rows: readonly RunRow[], points: number, replications: number, metric: string): (number | null)[][] {
  const out: (number | null)[][] = Array.from({ length: points }, () => new Array<number | null>(replications).fill(null));
  for (const r of rows) out[Math.floor(r.run / replications)]![r.run % replications] = r.metrics[metric] ?? null;
  return out;
}

/** The mean over replications, null unless every replication has a value (an analysis needs whole groups). */
const pointMeans = (values: readonly (readonly (number | null)[])[]): (number | null)[] =>
  values.map((reps) => (reps.every((v) => v !== null) ? reps.reduce<number>((a, v) => a + v!, 0) / reps.length : null));

const inRunOrder = (rows: readonly RunRow[]): boolean => rows.every((r, i) => i === 0 || rows[i - 1]!.run < r.run);

export function analyzeStudy(spec: StudySpec, plan: StudyPlan, rows: readonly RunRow[]): StudyReport {
  const points = plan.sample.unit.length;
  const indices: IndexRow[] = [];
  const secondOrder: StudyReport['secondOrder'][number][] = [];
  const screening: StudyReport['morris'][number][] = [];
  const warnings: StudyWarning[] = [];
  const seedVariance: StudyReport['seedVariance'][number][] = [];
  if (rows.length < plan.runs) warnings.push({ metric: '', factor: null, message: `${rows.length} of ${plan.runs} runs present: the analysis drops the design points that lack runs` });
  for (const metric of spec.metrics) {
    let y: (number | null)[];
    if (spec.replications === 1) {
      // One run per point: the outputs are the rows' values, without a list per point.
      y = new Array<number | null>(points).fill(null);
      for (const r of rows) y[r.run] = r.metrics[metric] ?? null;
    } else {
      const values = byPoint(rows, points, spec.replications, metric);
      seedVariance.push({ metric, share: seedVarianceShare(values) });
      y = pointMeans(values);
    }
    if (spec.design === 'sobol') {
      const r = sobol.analyze(spec.factors, y, { secondOrder: spec.secondOrder, resamples: spec.resamples, rng: bootstrapStream(spec.seed, metric) });
      for (const x of r.indices) indices.push({ metric, ...x });
      for (const x of r.secondOrder) secondOrder.push({ metric, ...x });
      warnings.push(...sobolWarnings(metric, r.indices, spec.samples));
    } else if (spec.design === 'morris') {
      const r = morris.analyze(spec.factors, plan.sample, y, { resamples: spec.resamples, rng: bootstrapStream(spec.seed, metric) });
      for (const x of r) screening.push({ metric, ...x });
      warnings.push(...morrisWarnings(metric, r, spec.samples));
    }
  }
  const boxes: StudyReport['boxes'][number][] = [];
  if (spec.discover) {
    const d = spec.discover;
    const present = inRunOrder(rows) ? rows : [...rows].sort((a, b) => a.run - b.run);
    const columns = [
      ...spec.factors.map((f, k) => ({ name: f.name, values: present.map((r) => plan.study.plan!.values[Math.floor(r.run / spec.replications)]![k]!) })),
      ...(spec.scenario.uncertain ?? []).filter((u) => !spec.factors.some((f) => f.name === u.path))
        .map((u) => ({ name: u.path, values: present.map((r) => r.draws?.[u.path] ?? 0) })),
    ];
    const y = present.map((r) => holds(d.clauses, r.metrics));
    for (const box of prim(columns, y, { threshold: d.threshold, alpha: d.alpha, minMass: d.minMass, maxBoxes: d.boxes })) boxes.push({ where: d.where, ...box });
    if (boxes.length === 0) warnings.push({ metric: '', factor: null, message: `discover: no box where "${d.where}" holds clearly more often than elsewhere (it holds in ${y.filter(Boolean).length} of ${y.length} runs)` });
  }
  // The summaries' sums are exact and their quantiles come from count tables: any row order gives the same figures.
  const summaries = summarizeRows(rows, spec.catalogue);
  return {
    study: spec.name, design: spec.design, scenario: spec.scenarioName, branch: spec.branch, seed: spec.seed, samples: spec.samples,
    replications: spec.replications, runs: plan.runs, runsPresent: rows.length,
    factors: spec.factors.map((f) => ({ name: f.name, distribution: f.distribution, integer: f.integer })),
    indices, secondOrder, morris: screening, boxes, seedVariance, warnings,
    metrics: summaries.map((m) => ({ name: m.name, description: m.description, ...m.summary })),
  };
}
