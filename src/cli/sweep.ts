/**
 * `thaw sweep`: many seeded runs of one scenario, summarised metric by metric; with `--vary`, a
 * one-parameter sensitivity study per parameter and a tornado ranking; with `--out`, every run
 * streamed to a JSONL file that `--resume` completes and `thaw merge` combines.
 */
import { describeUsage } from './conventions.js';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { parseSetting, applySetting, type Setting } from '../scenario/overrides.js';
import { UserError } from '../scenario/errors.js';
import { RowSummaries } from '../simulation/study.js';
import { SensitivityTables } from '../simulation/sensitivity-tables.js';
import { shardIndices, type RunRow, type Shard, type StudyRuns } from '../simulation/sweep.js';
import { describeRunFile, fingerprintOf, scanRunFile, seriesMismatch, shardLabel, studyMismatch, SweepWriter, type SweepHeader } from '../simulation/sweep-file.js';
import { parseVary, type VarySpec } from '../simulation/vary.js';
import {
  renderJsonReport, renderSensitivityCsv, renderSensitivityTable, renderSweepCsv, renderSweepTable,
} from '../report/study.js';
import { styleFor } from '../report/style.js';
import { resultKind } from '../report/results/kind.js';
import { VERSION } from '../version.js';
import { AUTO_SHARD, collect, parseIntIn, parseShardOrAuto, resolveShard, SHARDS_ENV } from './options.js';
import { csvOut, isCsvPath } from '../simulation/run-table.js';
import { DEFAULT_SCENARIO } from './run.js';
import {
  allIndices, catalogueOf, checkMetric, describeStudy, loadStudyScenario, runStudy, studyOptions, type LoadedStudyScenario, type StudyFlags, type StudyFormat,
} from './study.js';

interface SweepFlags extends StudyFlags {
  branch?: string;
  vary: VarySpec[];
  out?: string;
  resume?: boolean;
  shard?: Shard | typeof AUTO_SHARD;
  shards?: number;
  series?: boolean;
}

/** Where a sweep's rows go: a resumable JSONL file or a flat CSV table. */
interface RowSink {
  write(rows: readonly RunRow[]): void;
  close(): void;
  /** Leaves nothing half-written when the study fails (a CSV); a JSONL file stays resumable. */
  abort?(): void;
}

export function registerSweep(program: Command): void {
  const command = program
    .command('sweep')
    .description('run a scenario many times on derived seeds and summarise every outcome metric')
    .argument('[scenario]', 'a scenario name from `thaw list` or a path to a YAML file', DEFAULT_SCENARIO)
    .option('-b, --branch <name>', 'sweep one of the scenario\'s branches');
  studyOptions(command, { runs: true, vary: true })
    .option('--set <path=value>', 'override a parameter, e.g. agents.us.visitChance=0.6 (repeatable)', collect(parseSetting), [] as Setting[])
    .option('--vary <path=from..to[:step]>', 'sensitivity: sweep once per value of a parameter (repeatable: a tornado ranking)', collect(parseVary), [] as VarySpec[])
    .option('-o, --out <file.jsonl>', 'stream one JSON line per finished run to a new file')
    .option('--resume', 'complete the sweep in --out (same scenario, branch, settings, seed and runs)')
    .option('--series', 'with --out: also every run\'s months (the world at each month\'s end); a CSV --out gets them in a second file, NAME.series.csv')
    .option('--shard <i/n|auto>', 'run only the I-th of N interleaved parts of the study (combine them with `thaw merge`); `auto` reads a Slurm array or a Kubernetes Indexed Job', parseShardOrAuto)
    .option('--shards <n>', `with --shard auto under a Kubernetes Indexed Job: the number of shards (or set ${SHARDS_ENV})`, parseIntIn('--shards', 1, 1_000_000))
    .action(async (ref: string, flags: SweepFlags) => {
      if (flags.series && !flags.out) throw new UserError('--series needs --out FILE.jsonl or FILE.csv: the months go to the file, not the report');
      const shard = resolveShard(flags.shard, flags.shards);
      if (shard) flags.shard = shard; else delete flags.shard;
      const loaded = loadStudyScenario(ref, flags.branch ?? null, flags.set, flags.months);
      const metric = checkMetric(flags.metric, catalogueOf(loaded.scenario));
      const out = flags.vary.length ? await sensitivity(loaded, flags, metric) : await sweep(loaded, flags, metric);
      process.stdout.write(out);
    });
  describeUsage(command, [
    ['thaw sweep base --runs 10000', 'every outcome metric: mean, sd, p5/p50/p95, 95% CI, a chart'],
    ['thaw sweep base --runs 2000 --out s.jsonl', 'stream one JSON line per run; --resume completes it'],
    ['thaw sweep base --runs 500 --series --out s.csv', 'a row per run in s.csv, a row per run per month in s.series.csv'],
    ['thaw sweep base --runs 500 --vary agents.us.visitChance=0.2..0.8:0.2', 'sensitivity to one parameter'],
    ['thaw sweep base --runs 10000 --shard 1/2 --out a.jsonl', 'half a study; `thaw merge` joins the parts'],
    ['thaw sweep base --runs 1000 --format json', 'the statistics as JSON'],
  ]);
}

const shardOf = (flags: SweepFlags): Shard | null => (flags.shard && flags.shard !== AUTO_SHARD ? flags.shard : null);

function headerOf(loaded: LoadedStudyScenario, flags: SweepFlags, seed: number): SweepHeader {
  return {
    thaw: 'sweep', format: 1, scenario: loaded.name, branch: loaded.branch, settings: loaded.settings, seed, runs: flags.runs,
    months: flags.months ?? null, horizon: flags.months ?? loaded.scenario.horizon, shard: shardLabel(shardOf(flags)), fingerprint: fingerprintOf(loaded.scenario), version: VERSION,
    metrics: catalogueOf(loaded.scenario), ...(flags.series ? { series: true as const } : {}),
  };
}

/**
 * Opens --out before any run starts, so that every refusal comes before any work and any write.
 * With --resume, the file's runs are read line by line and handed to `onDone`, not kept.
 */
function openOut(flags: SweepFlags, header: SweepHeader, loaded: LoadedStudyScenario, onDone: (row: RunRow) => void): { writer: RowSink | null } {
  if (flags.resume && !flags.out) throw new UserError('--resume needs --out FILE.jsonl: the sweep file to complete');
  if (!flags.out) return { writer: null };
  if (isCsvPath(flags.out)) {
    if (flags.resume) throw new UserError('--resume works with a .jsonl --out file; a CSV cannot be resumed');
    if (flags.shard) throw new UserError('--shard writes a .jsonl file for `thaw merge`; CSV shards cannot be merged');
    return { writer: csvOut(flags.out, csvColumnsOf(loaded, []), flags.series === true) };
  }
  if (!flags.resume) return { writer: SweepWriter.create(flags.out, header) };
  if (!existsSync(flags.out)) throw new UserError(`--resume: ${flags.out} does not exist; run without --resume to start it`);
  // The header is checked before any row is taken: a file of another study is refused untouched.
  const file = scanRunFile(flags.out, onDone, (h) => {
    if (h.thaw !== 'sweep') throw new UserError(`${flags.out} is ${describeRunFile(h)}, not a sweep's`);
    const mismatch = studyMismatch(header, h) ?? (h.shard !== header.shard ? `shard ${h.shard ?? '(none)'} instead of ${header.shard ?? '(none)'}` : null);
    if (mismatch) throw new UserError(`--resume: ${flags.out} is from another study (${mismatch}); it was left untouched`);
    const series = seriesMismatch(h, flags.series === true);
    if (series) throw new UserError(`--resume: ${flags.out}: ${series}; it was left untouched`);
  });
  return { writer: SweepWriter.resume(flags.out, file) };
}

async function sweep(loaded: LoadedStudyScenario, flags: SweepFlags, metric: string): Promise<string> {
  const seed = flags.seed ?? loaded.scenario.seed;
  const header = headerOf(loaded, flags, seed);
  const study: StudyRuns = { scenario: loaded.scenario, seed, months: flags.months ?? null, ...(flags.series ? { series: true } : {}) };
  const wanted = shardIndices(flags.runs, shardOf(flags));
  // Rows are summarised as they finish (or as a resumed file is read) and not kept: memory does not grow with the runs.
  const table = new RowSummaries(header.metrics);
  // One byte per run, not a set: a million-run file resumes in flat memory.
  const finished = new Uint8Array(flags.runs);
  let resumed = 0;
  const { writer } = openOut(flags, header, loaded, (row) => {
    finished[row.run] = 1;
    resumed += 1;
    table.add([row]);
  });
  try {
    await runStudy(study, resumed ? wanted.filter((i) => finished[i] === 0) : wanted, flags.workers, 'sweep', (batch) => {
      writer?.write(batch);
      table.add(batch);
    }, false);
  } catch (error) {
    writer?.abort?.();
    throw error;
  } finally {
    writer?.close();
  }
  return renderStudy(header, table, flags.format, metric, shardOf(flags) ? `shard ${shardLabel(shardOf(flags))}: ${table.count} runs` : undefined);
}

/** A sweep's or a merge's report. */
export function renderStudy(header: SweepHeader, table: RowSummaries, format: StudyFormat, metric: string, note?: string): string {
  const metrics = table.summaries();
  if (format === 'json') {
    return renderJsonReport({
      ...resultKind('sweep-result'),
      scenario: header.scenario, branch: header.branch, settings: header.settings, seed: header.seed, runs: header.runs,
      months: header.months, runsPresent: table.count, version: header.version, fingerprint: header.fingerprint,
      metrics: metrics.map((m) => ({ name: m.name, description: m.description, ...m.summary })),
    });
  }
  if (format === 'csv') return renderSweepCsv(metrics);
  const counts = table.of(metric)?.entries() ?? [];
  const title = { what: describeStudy({ name: header.scenario, branch: header.branch, settings: header.settings }), runs: table.count, seed: header.seed, months: header.horizon, ...(note ? { note } : {}) };
  return renderSweepTable(title, metrics, { metric, counts }, styleFor(process.stdout));
}

const csvColumnsOf = (loaded: LoadedStudyScenario, factors: readonly string[]) => ({
  factors, draws: (loaded.scenario.uncertain ?? []).map((u) => u.path), metrics: catalogueOf(loaded.scenario).map((m) => m.name),
});

/** `--vary … --out`: every run of every value, tagged with its parameter and value. */
function openVaryOut(flags: SweepFlags, loaded: LoadedStudyScenario, seed: number, metric: string): RowSink | null {
  if (!flags.out) return null;
  if (isCsvPath(flags.out)) return csvOut(flags.out, csvColumnsOf(loaded, [...new Set(flags.vary.map((v) => v.path))]), flags.series === true);
  return SweepWriter.create(flags.out, {
    thaw: 'sensitivity', format: 1, scenario: loaded.name, branch: loaded.branch, settings: loaded.settings, seed, runs: flags.runs,
    // `metric`: the one the tornado ranks (--metric), so that a reader of the file can draw the same tornado.
    months: flags.months ?? null, vary: flags.vary.map((v) => ({ path: v.path, values: v.values })), metric, fingerprint: fingerprintOf(loaded.scenario), version: VERSION,
    metrics: catalogueOf(loaded.scenario), ...(flags.series ? { series: true } : {}),
  });
}

/** The scenario with one --vary value set; a refusal names the --vary and the value. */
function varied(loaded: LoadedStudyScenario, v: VarySpec, value: number) {
  try {
    return applySetting(loaded.scenario, { path: v.path, value: String(value) });
  } catch (error) {
    if (!(error instanceof UserError) || error.message.startsWith('unknown parameter path')) throw error;
    throw new UserError(`--vary ${v.text}: at ${value}: ${error.message.replace(/^--set [^:]*: /, '')}`);
  }
}

async function sensitivity(loaded: LoadedStudyScenario, flags: SweepFlags, metric: string): Promise<string> {
  if (flags.resume || flags.shard) throw new UserError('--vary runs a study per value; it cannot be combined with --resume or --shard (use a study file: `thaw study`, docs/studies.md)');
  const seed = flags.seed ?? loaded.scenario.seed;
  // Every value is checked (path, type, range) before anything runs.
  const plans = flags.vary.map((v) => ({ v, scenarios: v.values.map((value) => varied(loaded, v, value)) }));
  const catalogue = catalogueOf(loaded.scenario);
  const writer = openVaryOut(flags, loaded, seed, metric);
  // The file's rows and the tables are the same rows: `thaw report` of the file finds these numbers.
  const tables = new SensitivityTables({ vary: flags.vary, runs: flags.runs, metric, catalogue });
  let point = 0;
  try {
    for (const { v, scenarios } of plans) {
      for (let k = 0; k < scenarios.length; k++) {
        // Row i of every value runs on seed i (common random numbers); in the file, run = point · runs + i.
        const tag = (batch: readonly RunRow[], at: number): RunRow[] => batch.map((r) => ({ ...r, run: at * flags.runs + r.run, point: at, factors: { [v.path]: v.values[k]! } }));
        const at = point;
        await runStudy({ scenario: scenarios[k]!, seed, months: flags.months ?? null, ...(flags.series ? { series: true } : {}) }, allIndices(flags.runs), flags.workers, `${v.path}=${v.values[k]}`, (batch) => {
          const tagged = tag(batch, at);
          writer?.write(tagged);
          tables.add(tagged);
        }, false);
        point += 1;
      }
    }
  } catch (error) {
    writer?.abort?.();
    throw error;
  } finally {
    writer?.close();
  }
  const { sensitivity: studies, tornado: bars } = tables.result();
  if (flags.format === 'json') return renderJsonReport({ ...resultKind('sensitivity-result'), scenario: loaded.name, branch: loaded.branch, settings: loaded.settings, seed, runs: flags.runs, months: flags.months ?? null, sensitivity: studies, tornado: bars });
  if (flags.format === 'csv') return renderSensitivityCsv(studies);
  const months = flags.months ?? loaded.scenario.horizon;
  return renderSensitivityTable({ what: describeStudy(loaded), runs: flags.runs, seed, months }, studies, bars, styleFor(process.stdout));
}
