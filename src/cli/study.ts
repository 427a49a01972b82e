/** What the study commands (sweep, compare, merge) share: loading, progress, output. */
import { canDraw, progressAllowed } from './terminal.js';
import { noteCursorHidden } from './output.js';
import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { applySettings, type Setting } from '../scenario/overrides.js';
import { UserError } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import type { Scenario } from '../scenario/schema.js';
import { metricCatalogue, startFacts, type MetricInfo } from '../simulation/metrics.js';
import { defaultWorkers, executeRuns, type RunRow, type StudyRuns } from '../simulation/sweep.js';
import { checkMonths, parseIntIn } from './options.js';
import { formatOption } from './conventions.js';

export const STUDY_FORMATS = ['table', 'json', 'csv'] as const;
export type StudyFormat = (typeof STUDY_FORMATS)[number];
export const MAX_RUNS = 10_000_000;
export const MAX_WORKERS = 64;

/** The flags `studyOptions` adds, shared by sweep and compare. */
export interface StudyFlags {
  runs: number;
  seed?: number;
  months?: number;
  workers?: number;
  format: StudyFormat;
  metric: string;
  set: Setting[];
}

/** Options every study command takes. */
export function studyOptions(command: Command, { runs, vary = false }: { runs: boolean; vary?: boolean }): Command {
  if (runs) {
    command
      .requiredOption('-n, --runs <n>', `runs in the study (1 to ${MAX_RUNS})`, parseIntIn('--runs', 1, MAX_RUNS))
      .option('-s, --seed <n>', 'the study\'s seed (0 to 4294967295); each run\'s seed derives from it; defaults to the scenario\'s', parseIntIn('--seed', 0, 2 ** 32 - 1))
      .option('-m, --months <n>', 'months per run (1 to 240); defaults to the scenario\'s horizon', parseIntIn('--months', 1, 240))
      .option('-w, --workers <k>', `threads that run the study, this one included (1 to ${MAX_WORKERS}); results do not depend on it; default: one per core (at most 4) and per 3,000 runs`, parseIntIn('--workers', 1, MAX_WORKERS));
  }
  return command
    .addOption(formatOption(STUDY_FORMATS, 'table', { text: 'table' }))
    .option('--metric <name>', `the metric charted in the table${vary ? ' (and ranked by several --vary)' : ''}`, 'released');
}

export interface LoadedStudyScenario {
  readonly scenario: Scenario;
  readonly name: string;
  readonly branch: string | null;
  readonly settings: readonly string[];
}

export function loadStudyScenario(ref: string, branch: string | null, settings: readonly Setting[], months?: number): LoadedStudyScenario {
  const loaded = loadScenario(ref, { branch });
  const scenario = applySettings(loaded.scenario, settings);
  checkMonths(scenario, months);
  return {
    scenario,
    name: loaded.scenario.id,
    branch: loaded.branch,
    settings: settings.map((s) => `${s.path}=${s.value}`),
  };
}

export const describeStudy = (s: { name: string; branch: string | null; settings: readonly string[] }): string =>
  `${s.name}${s.branch ? ` (branch ${s.branch})` : ''}${s.settings.length ? ` · --set ${s.settings.join(' ')}` : ''}`;

export const catalogueOf = (scenario: Scenario): MetricInfo[] => metricCatalogue(startFacts(scenario));

/** The metric to chart, checked against the catalogue with a suggestion. */
export function checkMetric(metric: string, catalogue: readonly MetricInfo[]): string {
  if (catalogue.some((m) => m.name === metric)) return metric;
  const names = catalogue.map((m) => m.name);
  const near = closest(metric, names);
  throw new UserError(`unknown metric "${metric}"${near ? `; did you mean "${near}"?` : ''}; metrics: ${names.join(', ')}`);
}

/** A progress bar on stderr when it can draw there (src/cli/terminal.ts); nothing when piped, with --quiet or --no-progress. */
export class Progress {
  private done = 0;

  private constructor(private readonly bar: SingleBar | null) {}

  /** cli-progress is loaded only when a bar is shown: piped runs and other commands start faster. */
  static async start(total: number, label: string): Promise<Progress> {
    if (!progressAllowed() || !canDraw(process.stderr) || total === 0) return new Progress(null);
    const { SingleBar } = await import('cli-progress');
    const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% · {value}/{total} runs · {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 50 });
    bar.start(total, 0);
    noteCursorHidden(true);
    return new Progress(bar);
  }

  add(count: number): void {
    this.done += count;
    this.bar?.update(this.done);
  }

  stop(): void {
    this.bar?.stop();
    if (this.bar) noteCursorHidden(false);
  }
}

/** Runs run indices 0…runs−1 of a study with a progress bar. */
export async function runStudy(study: StudyRuns, indices: readonly number[], workers: number | undefined, label: string, onRows?: (rows: readonly RunRow[]) => void, keep = true): Promise<RunRow[]> {
  const progress = await Progress.start(indices.length, label);
  try {
    return await executeRuns(study, indices, {
      keep,
      workers: workers ?? defaultWorkers(indices.length),
      onRows: (rows) => {
        onRows?.(rows);
        progress.add(rows.length);
      },
    });
  } finally {
    progress.stop();
  }
}

export const allIndices = (runs: number): number[] => Array.from({ length: runs }, (_, i) => i);
