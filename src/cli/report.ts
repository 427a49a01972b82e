/**
 * `thaw report`: runs the simulation (and with --runs a study) and hands the results to the HTML
 * report (src/report/html/), which only formats. The report's modules, and with them vega and
 * Graphviz, are loaded only here, so that other commands start without them.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import { applySettings, parseSetting, type Setting } from '../scenario/overrides.js';
import { runScenario } from '../simulation/run.js';
import { fingerprintOf } from '../simulation/sweep-file.js';
import { agentGraphs } from '../agents/graph.js';
import { checkMonths, collect, parseIntIn } from './options.js';
import { describeUsage } from './conventions.js';
import { DEFAULT_SCENARIO } from './run.js';
import { allIndices, catalogueOf, MAX_WORKERS, runStudy } from './study.js';
import { checkWritable, writeAtomically } from './write-out.js';

const MAX_REPORT_RUNS = 1_000_000;

interface ReportFlags {
  dealSpace?: boolean;
  seed?: number;
  months?: number;
  branch?: string;
  set: Setting[];
  runs?: number;
  workers?: number;
  out: string;
  svgDir?: string;
}

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .description('write one self-contained HTML page about a run: timeline, story, statecharts, summary (with --runs, distributions too)')
    .argument('[scenario]', 'a scenario name from `thaw list` or a path to a YAML file', DEFAULT_SCENARIO)
    .requiredOption('-o, --out <file.html>', 'the HTML file to write (replaced whole, never half-written)')
    .option('-s, --seed <n>', 'random seed (0 to 4294967295) of the run told, and of the study with --runs; defaults to the scenario\'s', parseIntIn('--seed', 0, 2 ** 32 - 1))
    .option('-m, --months <n>', 'months to simulate (1 to 240); defaults to the scenario\'s horizon', parseIntIn('--months', 1, 240))
    .option('-b, --branch <name>', 'report one of the scenario\'s branches (see `thaw list`)')
    .option('--set <path=value>', 'override a parameter, e.g. agents.us.visitChance=0.6 (repeatable; applied after --branch)', collect(parseSetting), [] as Setting[])
    .option('-n, --runs <n>', `also run a study of N seeded runs and chart every metric's distribution (1 to ${MAX_REPORT_RUNS})`, parseIntIn('--runs', 1, MAX_REPORT_RUNS))
    .option('--svg-dir <folder>', 'also write the page\'s pictures (timeline.svg, AGENT.svg) into an existing folder')
    .option('-w, --workers <k>', `threads for --runs (1 to ${MAX_WORKERS}); results do not depend on it`, parseIntIn('--workers', 1, MAX_WORKERS))
    .option('--deal-space', 'also plot each negotiation round\'s deal space: the packages, Pareto frontier, Nash and Kalai–Smorodinsky points, offers, agreement')
    .action(async (ref: string, flags: ReportFlags) => {
      const loaded = loadScenario(ref, { branch: flags.branch ?? null });
      const scenario = applySettings(loaded.scenario, flags.set);
      checkMonths(scenario, flags.months);
      // Refuse an unwritable --out before any work.
      checkWritable(flags.out, '--out');
      if (flags.svgDir !== undefined) checkWritable(join(flags.svgDir, 'timeline.svg'), '--svg-dir');
      // The page's modules and Graphviz's WebAssembly load while the simulation runs.
      const page = import('../report/html/page.js');
      void import('../report/render.js').then((m) => m.preloadDiagrams());
      const seed = flags.seed ?? scenario.seed;
      const months = flags.months ? { months: flags.months } : {};
      const result = runScenario(scenario, { seed, branch: loaded.branch, ...months, ...(flags.dealSpace ? { dealSpace: true } : {}) });
      const study = flags.runs
        ? { runs: flags.runs, seed, metrics: catalogueOf(scenario), rows: await runStudy({ scenario, seed, months: flags.months ?? null }, allIndices(flags.runs), flags.workers, 'report') }
        : null;
      const { renderReport } = await page;
      const { html, pictures } = await renderReport({
        result, scenario, settings: flags.set.map((s) => `${s.path}=${s.value}`), fingerprint: fingerprintOf(scenario), graphs: agentGraphs(), study,
      });
      writeAtomically(flags.out, html, '--out');
      if (flags.svgDir !== undefined) for (const p of pictures) writeAtomically(join(flags.svgDir, p.name), `${p.svg}\n`, '--svg-dir');
      process.stderr.write(`thaw: wrote ${flags.out} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`);
    });
  describeUsage(command, [
    ['thaw report base --seed 3 --out base.html', 'one run as a page: open it in any browser, offline'],
    ['thaw report war-frozen --months 24 --out frozen.html', 'another scenario, a longer horizon'],
    ['thaw report base --branch balloons-stop --out b.html', 'a branch declared in the scenario file'],
    ['thaw report base --runs 10000 --out many.html', 'plus the distribution of every metric over 10,000 runs'],
    ['thaw report base --out base.html --svg-dir pics', 'also the pictures as SVG files'],
  ]);
}
