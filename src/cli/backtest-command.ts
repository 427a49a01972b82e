/**
 * `thaw backtest FACTS.yaml`: runs the facts file's scenario (its uncertain inputs drawn per run)
 * up to the latest fact's month, resolves every fact in every run, and scores the forecasts
 * against what happened and against two naive forecasters (docs/backtesting.md).
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { loadFactsFile, type FactsSpec } from '../scenario/facts-file.js';
import { evaluateBacktest } from '../backtest/evaluate.js';
import { createWorld } from '../world/create.js';
import { renderBacktestJson, renderBacktestText, type BacktestReport } from '../report/backtest.js';
import { styleFor, plain } from '../report/style.js';
import { VERSION } from '../version.js';
import { describeUsage, formatOption } from './conventions.js';
import { parseIntIn } from './options.js';
import { allIndices, MAX_RUNS, MAX_WORKERS, runStudy } from './study.js';
import { widthOf } from './terminal.js';
import { checkWritable, writeFileAtomic } from '../files/write.js';
import { isQuiet } from './terminal.js';

const FORMATS = ['text', 'json'] as const;

interface BacktestFlags {
  runs?: number;
  seed?: number;
  workers?: number;
  format: (typeof FORMATS)[number];
  out?: string;
}

/** The backtest's runs and scores; the same file, runs and seed give the same report whatever the workers. */
export async function runBacktest(spec: FactsSpec, runs: number, seed: number, workers: number | undefined): Promise<BacktestReport> {
  const rows = await runStudy({ scenario: spec.scenario, seed, months: spec.months, facts: spec.facts }, allIndices(runs), workers, `backtest ${spec.name}`);
  const values = rows.map((r) => r.facts ?? []);
  const result = evaluateBacktest(spec.facts, values, createWorld(spec.scenario), seed);
  return {
    // The file's name without its folder: the path as typed depends on where thaw was run from,
    // and the same file must give the same JSON from anywhere (`fingerprint` identifies its content).
    backtest: spec.name, file: basename(spec.file), scenario: spec.scenarioName, branch: spec.branch, runs, seed, months: spec.months,
    fingerprint: spec.fingerprint, version: VERSION, ...result,
  };
}

export function registerBacktest(program: Command): void {
  const command = program
    .command('backtest')
    .description('score a scenario\'s forecasts against what really happened (a facts file), next to two naive baselines')
    .argument('<facts>', 'a facts file (YAML; docs/backtesting.md, docs/facts.schema.json)')
    .option('-n, --runs <n>', `runs (1 to ${MAX_RUNS}); default: the file's \`runs\``, parseIntIn('--runs', 1, MAX_RUNS))
    .option('-s, --seed <n>', 'the seed (0 to 4294967295); default: the file\'s `seed`', parseIntIn('--seed', 0, 2 ** 32 - 1))
    .option('-w, --workers <k>', `threads (1 to ${MAX_WORKERS}); results do not depend on it`, parseIntIn('--workers', 1, MAX_WORKERS))
    .addOption(formatOption(FORMATS, 'text', { table: 'text' }))
    .option('-o, --out <file>', 'write the report to a file instead (replaced whole): FILE.html is a self-contained page with the reliability diagram, any other name gets --format')
    .action(async (path: string, flags: BacktestFlags) => {
      const spec = loadFactsFile(path);
      if (flags.out) checkWritable(flags.out, '--out');
      const report = await runBacktest(spec, flags.runs ?? spec.runs, flags.seed ?? spec.seed, flags.workers);
      if (flags.out && /\.html?$/i.test(flags.out)) {
        const { renderBacktestPage } = await import('../report/html/backtest-page.js');
        const html = await renderBacktestPage(report);
        writeFileAtomic(flags.out, html, '--out');
        if (!isQuiet()) process.stderr.write(`thaw: wrote ${flags.out} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`);
        return;
      }
      const text = flags.format === 'json' ? renderBacktestJson(report)
        : renderBacktestText(report, flags.out ? plain : styleFor(process.stdout), flags.out ? 80 : widthOf(process.stdout));
      if (flags.out) {
        writeFileAtomic(flags.out, text, '--out');
        if (!isQuiet()) process.stderr.write(`thaw: wrote ${flags.out}\n`);
      } else {
        process.stdout.write(text);
      }
    });
  describeUsage(command, [
    ['thaw backtest scenarios/backtests/autumn-2025.yaml', 'the shipped (in-sample) backtest: forecasts, scores, baselines'],
    ['thaw backtest FACTS.yaml --runs 500 --format json', 'fewer runs, as JSON'],
    ['thaw backtest FACTS.yaml --out backtest.html', 'a page with the reliability diagram'],
  ]);
}
