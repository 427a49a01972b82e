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
import { summarizeRows, tornado, valuesOf, type Sensitivity } from '../simulation/study.js';
import { shardIndices, type RunRow, type Shard, type StudyRuns } from '../simulation/sweep.js';
import { fingerprintOf, readSweepFile, shardLabel, studyMismatch, SweepWriter, type SweepHeader } from '../simulation/sweep-file.js';
import { parseVary, type VarySpec } from '../simulation/vary.js';
import {
  renderJsonReport, renderSensitivityCsv, renderSensitivityTable, renderSweepCsv, renderSweepTable,
} from '../report/study.js';
import { styleFor } from '../report/style.js';
import { VERSION } from '../version.js';
import { collect, parseShard } from './options.js';
import { DEFAULT_SCENARIO } from './run.js';
import {
  allIndices, catalogueOf, checkMetric, describeStudy, loadStudyScenario, runStudy, studyOptions, type LoadedStudyScenario, type StudyFlags, type StudyFormat,
} from './study.js';

interface SweepFlags extends StudyFlags {
  branch?: string;
  vary: VarySpec[];
  out?: string;
  resume?: boolean;
  shard?: Shard;
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
    .option('--shard <i/n>', 'run only the I-th of N interleaved parts of the study (combine them with `thaw merge`)', parseShard)
    .action(async (ref: string, flags: SweepFlags) => {
      const loaded = loadStudyScenario(ref, flags.branch ?? null, flags.set, flags.months);
      const metric = checkMetric(flags.metric, catalogueOf(loaded.scenario));
      const out = flags.vary.length ? await sensitivity(loaded, flags, metric) : await sweep(loaded, flags, metric);
      process.stdout.write(out);
    });
  describeUsage(command, [
    ['thaw sweep base --runs 10000', 'every outcome metric: mean, sd, p5/p50/p95, 95% CI, a chart'],
    ['thaw sweep base --runs 2000 --out s.jsonl', 'stream one JSON line per run; --resume completes it'],
    ['thaw sweep base --runs 500 --vary agents.us.visitChance=0.2..0.8:0.2', 'sensitivity to one parameter'],
    ['thaw sweep base --runs 10000 --shard 1/2 --out a.jsonl', 'half a study; `thaw merge` joins the parts'],
    ['thaw sweep base --runs 1000 --format json', 'the statistics as JSON'],
  ]);
}

function headerOf(loaded: LoadedStudyScenario, flags: SweepFlags, seed: number): SweepHeader {
  return {
    thaw: 'sweep', format: 1, scenario: loaded.name, branch: loaded.branch, settings: loaded.settings, seed, runs: flags.runs,
    months: flags.months ?? null, horizon: flags.months ?? loaded.scenario.horizon, shard: shardLabel(flags.shard ?? null), fingerprint: fingerprintOf(loaded.scenario), version: VERSION,
    metrics: catalogueOf(loaded.scenario),
  };
}

/** Opens --out before any run starts, so that every refusal comes before any work and any write. */
function openOut(flags: SweepFlags, header: SweepHeader): { writer: SweepWriter | null; done: RunRow[] } {
  if (flags.resume && !flags.out) throw new UserError('--resume needs --out FILE.jsonl: the sweep file to complete');
  if (!flags.out) return { writer: null, done: [] };
  if (!flags.resume) return { writer: SweepWriter.create(flags.out, header), done: [] };
  if (!existsSync(flags.out)) throw new UserError(`--resume: ${flags.out} does not exist; run without --resume to start it`);
  const file = readSweepFile(flags.out);
  const mismatch = studyMismatch(header, file.header) ?? (file.header.shard !== header.shard ? `shard ${file.header.shard ?? '(none)'} instead of ${header.shard ?? '(none)'}` : null);
  if (mismatch) throw new UserError(`--resume: ${flags.out} is from another study (${mismatch}); it was left untouched`);
  return { writer: SweepWriter.resume(flags.out, file), done: file.rows };
}

async function sweep(loaded: LoadedStudyScenario, flags: SweepFlags, metric: string): Promise<string> {
  const seed = flags.seed ?? loaded.scenario.seed;
  const header = headerOf(loaded, flags, seed);
  const study: StudyRuns = { scenario: loaded.scenario, seed, months: flags.months ?? null };
  const wanted = shardIndices(flags.runs, flags.shard ?? null);
  const { writer, done } = openOut(flags, header);
  const finished = new Set(done.map((r) => r.run));
  let rows: RunRow[];
  try {
    const fresh = await runStudy(study, wanted.filter((i) => !finished.has(i)), flags.workers, 'sweep', (batch) => writer?.write(batch));
    rows = [...uniqueByRun(done), ...fresh].sort((a, b) => a.run - b.run);
  } finally {
    writer?.close();
  }
  return renderStudy(header, rows, flags.format, metric, flags.shard ? `shard ${shardLabel(flags.shard)}: ${rows.length} runs` : undefined);
}

const uniqueByRun = (rows: readonly RunRow[]): RunRow[] => [...new Map(rows.map((r) => [r.run, r])).values()];

/** A sweep's or a merge's report. */
export function renderStudy(header: SweepHeader, rows: readonly RunRow[], format: StudyFormat, metric: string, note?: string): string {
  const metrics = summarizeRows(rows, header.metrics);
  if (format === 'json') {
    return renderJsonReport({
      scenario: header.scenario, branch: header.branch, settings: header.settings, seed: header.seed, runs: header.runs,
      months: header.months, runsPresent: rows.length, version: header.version, fingerprint: header.fingerprint,
      metrics: metrics.map((m) => ({ name: m.name, description: m.description, ...m.summary })),
    });
  }
  if (format === 'csv') return renderSweepCsv(metrics);
  const values = valuesOf(rows, metric).filter((v): v is number => v !== null);
  const title = { what: describeStudy({ name: header.scenario, branch: header.branch, settings: header.settings }), runs: rows.length, seed: header.seed, months: header.horizon, ...(note ? { note } : {}) };
  return renderSweepTable(title, metrics, { metric, values }, styleFor(process.stdout));
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
  if (flags.out || flags.resume || flags.shard) throw new UserError('--vary runs a study per value and prints tables; it cannot be combined with --out, --resume or --shard');
  const seed = flags.seed ?? loaded.scenario.seed;
  // Every value is checked (path, type, range) before anything runs.
  const plans = flags.vary.map((v) => ({ v, scenarios: v.values.map((value) => varied(loaded, v, value)) }));
  const catalogue = catalogueOf(loaded.scenario);
  const studies: Sensitivity[] = [];
  for (const { v, scenarios } of plans) {
    const points = [];
    for (let k = 0; k < scenarios.length; k++) {
      const rows = await runStudy({ scenario: scenarios[k]!, seed, months: flags.months ?? null }, allIndices(flags.runs), flags.workers, `${v.path}=${v.values[k]}`);
      points.push({ value: v.values[k]!, summaries: summarizeRows(rows, catalogue) });
    }
    studies.push({ path: v.path, points });
  }
  const bars = tornado(studies, metric);
  if (flags.format === 'json') return renderJsonReport({ scenario: loaded.name, branch: loaded.branch, settings: loaded.settings, seed, runs: flags.runs, months: flags.months ?? null, sensitivity: studies, tornado: bars });
  if (flags.format === 'csv') return renderSensitivityCsv(studies);
  const months = flags.months ?? loaded.scenario.horizon;
  return renderSensitivityTable({ what: describeStudy(loaded), runs: flags.runs, seed, months }, studies, bars, styleFor(process.stdout));
}
