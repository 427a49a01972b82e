/**
 * Batch runs, Mesa style: a study is a function that returns one row per run, not a framework.
 * `runBatch` runs some run indices of a scenario in this thread; `executeRuns` spreads indices over
 * worker threads (./worker.ts) and gives back the same rows, in run order, whatever the number
 * of workers: each run's seed depends only on the study's seed and the run's index (./seeds.ts).
 */
import { pathToFileURL } from 'node:url';
import { inPackage } from '../paths.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import { simulate } from './run.js';
import { runSeed } from './seeds.js';
import { metricsOf, startFacts, type MetricValues, type StartFacts } from './metrics.js';
import { setIn } from '../scenario/overrides.js';
import type { FactorValue } from '../study/design.js';
import type { Fact } from '../backtest/facts.js';
import { resolveAll } from '../backtest/resolve.js';
import type { World } from '../world/types.js';
import { seriesCollector, type MonthRow } from './series.js';

export interface RunRow {
  /** The run's index in its study, from 0. */
  readonly run: number;
  /** Its seed: `thaw run SCENARIO --seed SEED` replays it. */
  readonly seed: number;
  /** A study's design point (run = point · replications + replication); absent in sweeps. */
  readonly point?: number;
  /** The design point's factor values (parameter path → value); absent in sweeps. */
  readonly factors?: Readonly<Record<string, FactorValue>>;
  /** The uncertain inputs drawn for the run; absent when the scenario has none. */
  readonly draws?: Readonly<Record<string, FactorValue>>;
  readonly metrics: MetricValues;
  /** A backtest's facts resolved in this run, in the facts' order (yes/no as 1 or 0); absent elsewhere. */
  readonly facts?: readonly number[];
  /** With `--series`: the world at the start and at the end of every month (./series.ts). */
  readonly series?: readonly MonthRow[];
}

/**
 * A study's design, for the threads that run it: run i is design point ⌊i / R⌋ (R replications),
 * with the point's factor values set in the scenario, on the seed of its common-random-numbers
 * group and replication, so that every row of a Sobol' base point or a Morris trajectory shares it.
 */
export interface DesignPlan {
  readonly factors: readonly { readonly name: string; readonly at: readonly (string | number)[] }[];
  /** Per point, the factor values in factor order. */
  readonly values: readonly (readonly FactorValue[])[];
  readonly groups: readonly number[];
  readonly replications: number;
}

/** What makes a study: the resolved scenario, the seed, the number of runs, the horizon. */
export interface StudyRuns {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Months per run; null for the scenario's horizon. */
  readonly months: number | null;
  /** A study's design; absent for a sweep (every run the same scenario, seed `runSeed(seed, i)`). */
  readonly plan?: DesignPlan;
  /** A backtest's facts, resolved in every run (src/backtest/resolve.ts). */
  readonly facts?: readonly Fact[];
  /** Keep every run's months (`--series`). */
  readonly series?: boolean;
}

/** A shard I of N (1-based I): the runs whose index ≡ I − 1 (mod N). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function shardIndices(runs: number, shard: Shard | null): number[] {
  const out: number[] = [];
  const step = shard?.count ?? 1;
  for (let i = shard ? shard.index - 1 : 0; i < runs; i += step) out.push(i);
  return out;
}

export function runRow(study: StudyRuns, facts: StartFacts, index: number): RunRow {
  const plan = study.plan;
  const months = study.months ? { months: study.months } : {};
  if (!plan) {
    const seed = runSeed(study.seed, index);
    const worlds: World[] | null = study.facts ? [] : null;
    const series = study.series ? seriesCollector() : null;
    const observe = worlds || series ? { observe: (w: World) => { worlds?.push(w); series?.observe(w); } } : {};
    const result = simulate(study.scenario, { seed, trace: false, ...months, ...observe });
    const drawn = Object.keys(result.draws).length > 0 ? { draws: result.draws } : {};
    const resolved = study.facts && worlds ? { facts: resolveAll(study.facts, worlds, result.outcome.waves) } : {};
    return { run: index, seed, ...drawn, metrics: metricsOf(result, facts), ...resolved, ...(series ? { series: series.months } : {}) };
  }
  const point = Math.floor(index / plan.replications);
  const seed = runSeed(study.seed, plan.groups[point]! * plan.replications + (index % plan.replications));
  const values = plan.values[point]!;
  let scenario = study.scenario;
  const factors: Record<string, FactorValue> = {};
  plan.factors.forEach((f, k) => {
    scenario = setIn(scenario, f.at, values[k]);
    factors[f.name] = values[k]!;
  });
  const series = study.series ? seriesCollector() : null;
  const result = simulate(scenario, { seed, trace: false, ...months, ...(series ? { observe: series.observe } : {}) });
  const drawn = Object.keys(result.draws).length > 0 ? { draws: result.draws } : {};
  return { run: index, seed, point, factors, ...drawn, metrics: metricsOf(result, facts), ...(series ? { series: series.months } : {}) };
}

/** Runs the given indices in this thread, in the order given. */
export function runBatch(study: StudyRuns, indices: readonly number[]): RunRow[] {
  const facts = startFacts(study.scenario);
  return indices.map((i) => runRow(study, facts, i));
}

export interface ExecuteOptions {
  /** Worker threads; 1 runs in this thread. */
  readonly workers: number;
  /** Called for every finished run, in the order runs finish (not run order). */
  readonly onRows?: (rows: readonly RunRow[]) => void;
  /** False: rows go only to `onRows` and the result is empty, so memory does not grow with the runs. */
  readonly keep?: boolean;
}

/** Runs a thread must do to repay its own start-up and JIT warm-up (about 1–2 s of CPU each). */
const RUNS_PER_EXTRA_THREAD = 3000;

/** A sensible default: a thread per core (at most four), but only as many as the study repays. */
export const defaultWorkers = (runs = Number.POSITIVE_INFINITY): number =>
  Math.max(1, Math.min(4, availableParallelism(), Math.floor(runs / RUNS_PER_EXTRA_THREAD)));

/** The rows of `indices`, sorted by run index, computed by `options.workers` threads (none with `keep: false`). */
export async function executeRuns(study: StudyRuns, indices: readonly number[], options: ExecuteOptions): Promise<RunRow[]> {
  if (indices.length === 0) return [];
  const rows = options.workers <= 1 ? await runInThread(study, indices, options) : await runInWorkers(study, indices, options);
  return rows.sort((a, b) => a.run - b.run);
}

async function runInThread(study: StudyRuns, indices: readonly number[], options: ExecuteOptions): Promise<RunRow[]> {
  const facts = startFacts(study.scenario);
  const rows: RunRow[] = [];
  const chunk = 50;
  for (let start = 0; start < indices.length; start += chunk) {
    const batch = indices.slice(start, start + chunk).map((i) => runRow(study, facts, i));
    if (options.keep !== false) rows.push(...batch);
    options.onRows?.(batch);
    // Let timers (the progress bar) and signals in between chunks.
    if (options.onRows) await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** Messages between the pool and ./worker.ts. The study is sent once per job, not with every batch. */
export interface BatchRequest {
  readonly job: number;
  readonly study?: StudyRuns;
  readonly indices: readonly number[];
}
export type BatchReply = { readonly rows: RunRow[] } | { readonly error: string };

/** Workers always run the compiled dist/ modules: under vitest the code runs from src/, and the CLI from its bundle. */
function workerUrl(): URL {
  return pathToFileURL(inPackage('dist', 'simulation', 'worker.js'));
}

let jobs = 0;

/**
 * A worker keeps nothing between batches (its rows go back to this thread), so a small heap is
 * plenty; without a cap V8 lets a busy thread's heap grow lazily to hundreds of MiB of garbage,
 * which is what made a million-run sweep's resident memory climb (docs/performance.md).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/**
 * K threads share the runs: this thread and K − 1 workers, taking batches from one queue. This
 * thread is one of them because it has loaded the code already, and each thread pays its own
 * start-up and JIT warm-up. Each worker keeps two batches in hand so that it never waits for this
 * thread to finish a batch of its own before getting more work.
 */
function runInWorkers(study: StudyRuns, indices: readonly number[], options: ExecuteOptions): Promise<RunRow[]> {
  const job = ++jobs;
  const threads = Math.min(options.workers, Math.ceil(indices.length / 20));
  // Small batches keep every thread busy to the end; large enough that messaging is cheap.
  const batchSize = Math.max(1, Math.min(250, Math.ceil(indices.length / (threads * 8))));
  const facts = startFacts(study.scenario);
  const rows: RunRow[] = [];
  let next = 0;
  const take = (): number[] => {
    const batch = indices.slice(next, next + batchSize);
    next += batch.length;
    return batch;
  };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let pending = 0;
    let failed = false;
    let localDone = false;
    const finish = () => {
      if (!failed && localDone && pending === 0 && next >= indices.length) {
        for (const w of workers) void w.terminate();
        resolve(rows);
      }
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const accept = (batch: readonly RunRow[]) => {
      if (options.keep !== false) for (const row of batch) rows.push(row);
      options.onRows?.(batch);
    };
    const send = (worker: Worker, first: boolean): void => {
      if (next >= indices.length) return;
      const request: BatchRequest = { job, ...(first ? { study } : {}), indices: take() };
      pending += 1;
      worker.postMessage(request);
    };
    for (let k = 1; k < threads; k++) {
      const worker = new Worker(workerUrl(), { resourceLimits: WORKER_LIMITS });
      workers.push(worker);
      worker.on('message', (reply: BatchReply) => {
        pending -= 1;
        if ('error' in reply) return fail(new Error(`worker: ${reply.error}`));
        accept(reply.rows);
        send(worker, false);
        finish();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && !failed && (pending > 0 || next < indices.length)) fail(new Error(`a worker exited with code ${code}`));
      });
      send(worker, true);
      send(worker, false);
    }
    // This thread's share: a batch at a time, yielding between batches so replies are handled.
    const local = (): void => {
      if (failed) return;
      if (next >= indices.length) {
        localDone = true;
        finish();
        return;
      }
      try {
        accept(take().map((i) => runRow(study, facts, i)));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setImmediate(local);
    };
    setImmediate(local);
  });
}
