/**
 * `thaw study FILE.yaml`: an experiment file's runs (design points × replications, each point's
 * rows on common random numbers) and their analysis; `--out` streams the rows (JSONL, or a flat CSV),
 * `--shard I/N | auto` runs a part of them for `thaw merge`.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { UserError } from '../scenario/errors.js';
import { loadStudyFile, type StudySpec } from '../scenario/study-file.js';
import { analyzeStudy, planStudy, type StudyReport } from '../simulation/experiment.js';
import { describeRunFile, readRunFile, seriesMismatch, shardLabel, SweepWriter, type StudyHeader } from '../simulation/sweep-file.js';
import { shardIndices, type RunRow, type Shard } from '../simulation/sweep.js';
import { csvOut, isCsvPath } from '../simulation/run-table.js';
import { renderJsonReport } from '../report/study.js';
import { renderStudyReport } from '../report/experiment.js';
import { styleFor } from '../report/style.js';
import { VERSION } from '../version.js';
import { describeUsage, formatOption } from './conventions.js';
import { AUTO_SHARD, parseIntIn, parseShardOrAuto, resolveShard, SHARDS_ENV } from './options.js';
import { MAX_WORKERS, runStudy } from './study.js';
import { resultKind } from '../report/results/kind.js';

const FORMATS = ['table', 'json'] as const;

interface StudyCommandFlags {
  format: (typeof FORMATS)[number];
  workers?: number;
  out?: string;
  resume?: boolean;
  shard?: Shard | typeof AUTO_SHARD;
  shards?: number;
  series?: boolean;
}

export function studyHeader(spec: StudySpec, runs: number, shard: Shard | null, series = false): StudyHeader {
  return { thaw: 'study', format: 1, study: spec.name, runs, seed: spec.seed, shard: shardLabel(shard), fingerprint: spec.fingerprint, version: VERSION, spec, ...(series ? { series: true as const } : {}) };
}

/** The CSV's columns: the factors, the scenario's own uncertain inputs, every metric. */
function csvColumns(spec: StudySpec) {
  const factors = spec.factors.map((f) => f.name);
  return { factors, draws: (spec.scenario.uncertain ?? []).map((u) => u.path).filter((p) => !factors.includes(p)), metrics: spec.catalogue.map((m) => m.name) };
}

interface Out {
  write(rows: readonly RunRow[]): void;
  close(): void;
  /** Leaves nothing half-written when the study fails (a CSV); a JSONL file stays resumable. */
  abort?(): void;
}

function openOut(spec: StudySpec, header: StudyHeader, flags: StudyCommandFlags): { out: Out | null; done: RunRow[] } {
  if (flags.resume && !flags.out) throw new UserError('--resume needs --out FILE.jsonl: the study file to complete');
  if (!flags.out) return { out: null, done: [] };
  if (isCsvPath(flags.out)) {
    if (flags.resume) throw new UserError('--resume works with a .jsonl --out file; a CSV cannot be resumed');
    return { out: csvOut(flags.out, csvColumns(spec), flags.series === true), done: [] };
  }
  if (!flags.resume) return { out: SweepWriter.create(flags.out, header), done: [] };
  if (!existsSync(flags.out)) throw new UserError(`--resume: ${flags.out} does not exist; run without --resume to start it`);
  const file = readRunFile(flags.out);
  const h = file.header;
  if (h.thaw !== 'study' || h.fingerprint !== header.fingerprint || h.shard !== header.shard) {
    throw new UserError(`--resume: ${flags.out} is from another study (${h.thaw !== 'study' ? describeRunFile(h) : h.fingerprint !== header.fingerprint ? `study ${h.study}, another definition` : `shard ${h.shard ?? '(none)'} instead of ${header.shard ?? '(none)'}`}); it was left untouched`);
  }
  const series = seriesMismatch(h, flags.series === true);
  if (series) throw new UserError(`--resume: ${flags.out}: ${series}; it was left untouched`);
  return { out: SweepWriter.resume(flags.out, file), done: file.rows };
}

export function renderStudyOutput(report: StudyReport, format: (typeof FORMATS)[number]): string {
  return format === 'json' ? renderJsonReport({ ...resultKind('study-result'), ...report }) : renderStudyReport(report, styleFor(process.stdout));
}

export function registerStudy(program: Command): void {
  const command = program
    .command('study')
    .description('run an experiment file: a design over uncertain factors, then Sobol\' indices, Morris screening or PRIM discovery')
    .argument('<file>', 'a study file (YAML; see docs/studies.md and docs/study.schema.json)')
    .addOption(formatOption(FORMATS, 'table'))
    .option('-w, --workers <k>', `threads that run the study, this one included (1 to ${MAX_WORKERS}); results do not depend on it`, parseIntIn('--workers', 1, MAX_WORKERS))
    .option('-o, --out <file>', 'stream one row per finished run to a new file: .jsonl (resumable, mergeable) or .csv (a flat table)')
    .option('--resume', 'complete the study in --out (a .jsonl file of the same study and shard)')
    .option('--series', 'with --out: also every run\'s months (the world at each month\'s end); a CSV --out gets them in a second file, NAME.series.csv')
    .option('--shard <i/n|auto>', 'run only the I-th of N interleaved parts (needs --out; combine with `thaw merge`); `auto` reads a Slurm array or a Kubernetes Indexed Job', parseShardOrAuto)
    .option('--shards <n>', `with --shard auto under a Kubernetes Indexed Job: the number of shards (or set ${SHARDS_ENV})`, parseIntIn('--shards', 1, 1_000_000))
    .action(async (path: string, flags: StudyCommandFlags) => {
      if (flags.series && !flags.out) throw new UserError('--series needs --out FILE.jsonl or FILE.csv: the months go to the file, not the report');
      const spec = loadStudyFile(path);
      const shard = resolveShard(flags.shard, flags.shards);
      if (shard && !flags.out) throw new UserError('--shard needs --out FILE.jsonl: a shard\'s rows are only useful to `thaw merge`');
      if (shard && flags.out && isCsvPath(flags.out)) throw new UserError('--shard writes a .jsonl file for `thaw merge`; CSV shards cannot be merged');
      const plan = planStudy(spec);
      const header = studyHeader(spec, plan.runs, shard, flags.series === true);
      const wanted = shardIndices(plan.runs, shard);
      const { out, done } = openOut(spec, header, flags);
      const finished = new Set(done.map((r) => r.run));
      let rows: RunRow[];
      try {
        // The analysis needs the metrics only: a run's months go to the file and are not kept.
        const fresh: RunRow[] = [];
        const study = flags.series ? { ...plan.study, series: true } : plan.study;
        await runStudy(study, wanted.filter((i) => !finished.has(i)), flags.workers, `study ${spec.name}`, (batch) => {
          out?.write(batch);
          for (const { series: _months, ...row } of batch) fresh.push(row);
        }, false);
        rows = [...new Map([...done, ...fresh].map((r) => [r.run, r])).values()].sort((a, b) => a.run - b.run);
      } catch (error) {
        out?.abort?.();
        throw error;
      } finally {
        out?.close();
      }
      if (shard) {
        const note = { study: spec.name, shard: shardLabel(shard), runs: plan.runs, runsPresent: rows.length, out: flags.out };
        process.stdout.write(flags.format === 'json' ? renderJsonReport(note) : `study ${spec.name}: shard ${note.shard}: ${rows.length} of ${plan.runs} runs in ${flags.out}; combine the shards with \`thaw merge\`\n`);
        return;
      }
      process.stdout.write(renderStudyOutput(analyzeStudy(spec, plan, rows), flags.format));
    });
  describeUsage(command, [
    ['thaw study scenarios/studies/us-levers-sobol.yaml', 'Sobol\' indices of eight inputs, with intervals'],
    ['thaw study scenarios/studies/screening-morris.yaml --format json', 'Morris screening as JSON'],
    ['thaw study scenarios/studies/poczobut-prim.yaml --out runs.csv', 'PRIM boxes; every run as a CSV row'],
    ['thaw study FILE.yaml --series --out runs.jsonl', 'every run\'s line also holds its months'],
    ['thaw study FILE.yaml --shard auto --out part.jsonl', 'one task of a Slurm array or Kubernetes Indexed Job'],
    ['thaw merge part-*.jsonl --format json', 'the shards\' report, as one process gives it'],
  ]);
}
