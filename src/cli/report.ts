/**
 * `thaw report`: runs the simulation (and with --runs a study) and hands the results to the HTML
 * report (src/report/html/), which only formats. The report's modules, and with them vega and
 * Graphviz, are loaded only here, so that other commands start without them.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import { applySettings, parseSetting, type Setting } from '../scenario/overrides.js';
import { runScenario } from '../run-scenario.js';
import { fingerprintOf } from '../simulation/sweep-file.js';
import { RowSummaries } from '../simulation/study.js';
import { agentGraphs, actorGraphs } from '../agents/graph.js';
import { checkMonths, collect, parseIntIn } from './options.js';
import { describeUsage } from './conventions.js';
import { DEFAULT_SCENARIO } from './run.js';
import { allIndices, catalogueOf, MAX_WORKERS, runStudy } from './study.js';
import { checkWritable, writeFileAtomic } from '../files/write.js';
import { UserError } from '../scenario/errors.js';
import { isResultPath, loadResultFile } from './report-file.js';

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
    .argument('[scenario|file]', 'a scenario name from `thaw list`, a path to a YAML file, or a result file (.json from sweep, compare, study or merge --format json; .jsonl from --out)', DEFAULT_SCENARIO)
    .requiredOption('-o, --out <file.html>', 'the HTML file to write (replaced whole, never half-written)')
    .option('-s, --seed <n>', 'random seed (0 to 4294967295) of the run told, and of the study with --runs; defaults to the scenario\'s', parseIntIn('--seed', 0, 2 ** 32 - 1))
    .option('-m, --months <n>', 'months to simulate (1 to 240); defaults to the scenario\'s horizon', parseIntIn('--months', 1, 240))
    .option('-b, --branch <name>', 'report one of the scenario\'s branches (see `thaw list`)')
    .option('--set <path=value>', 'override a parameter, e.g. agents.us.visitChance=0.6 (repeatable; applied after --branch)', collect(parseSetting), [] as Setting[])
    .option('-n, --runs <n>', `also run a study of N seeded runs and chart every metric's distribution (1 to ${MAX_REPORT_RUNS})`, parseIntIn('--runs', 1, MAX_REPORT_RUNS))
    .option('--svg-dir <folder>', 'also write the page\'s pictures into an existing folder: timeline.svg and AGENT.svg for a run, ID.svg per chart for a result file')
    .option('-w, --workers <k>', `threads for --runs (1 to ${MAX_WORKERS}); results do not depend on it`, parseIntIn('--workers', 1, MAX_WORKERS))
    .option('--deal-space', 'also plot each negotiation round\'s deal space: the packages, Pareto frontier, Nash and Kalai–Smorodinsky points, offers, agreement')
    .action(async (ref: string, flags: ReportFlags) => {
      if (isResultPath(ref)) return reportFromFile(ref, flags);
      const loaded = loadScenario(ref, { branch: flags.branch ?? null });
      const scenario = applySettings(loaded.scenario, flags.set);
      checkMonths(scenario, flags.months);
      // Refuse an unwritable --out before any work.
      checkWritable(flags.out, '--out', 'report.html');
      if (flags.svgDir !== undefined) checkWritable(join(flags.svgDir, 'timeline.svg'), '--svg-dir');
      // The page's modules load while the simulation runs (the statecharts' layouts come from the build: src/report/layouts.ts).
      const page = import('../report/html/page.js');
      const seed = flags.seed ?? scenario.seed;
      const months = flags.months ? { months: flags.months } : {};
      const result = runScenario(scenario, { seed, branch: loaded.branch, ...months, ...(flags.dealSpace ? { dealSpace: true } : {}) });
      // The runs' metrics go into count tables as they come (flat memory whatever --runs); no row is kept.
      const summaries = flags.runs ? new RowSummaries(catalogueOf(scenario)) : null;
      if (flags.runs && summaries) await runStudy({ scenario, seed, months: flags.months ?? null }, allIndices(flags.runs), flags.workers, 'report', (rows) => summaries.add(rows), false);
      const study = flags.runs && summaries ? { runs: flags.runs, seed, summaries } : null;
      const { renderReport } = await page;
      const { html, pictures } = await renderReport({
        result, scenario, settings: flags.set.map((s) => `${s.path}=${s.value}`), fingerprint: fingerprintOf(scenario), graphs: [...agentGraphs(), ...actorGraphs(scenario.actors)], study,
      });
      writeFileAtomic(flags.out, html, '--out');
      if (flags.svgDir !== undefined) for (const p of pictures) writeFileAtomic(join(flags.svgDir, p.name), `${p.svg}\n`, '--svg-dir');
      process.stderr.write(`thaw: wrote ${flags.out} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`);
    });
  describeUsage(command, [
    ['thaw report base --seed 3 --out base.html', 'one run as a page: open it in any browser, offline'],
    ['thaw report war-frozen --months 24 --out frozen.html', 'another scenario, a longer horizon'],
    ['thaw report base --branch balloons-stop --out b.html', 'a branch declared in the scenario file'],
    ['thaw report base --runs 10000 --out many.html', 'plus the distribution of every metric over 10,000 runs'],
    ['thaw report base --out base.html --svg-dir pics', 'also the pictures as SVG files'],
    ['thaw compare base war-frozen --runs 2000 --format json > c.json && thaw report c.json --out c.html', 'a comparison as a page: branches overlaid, paired differences with CIs'],
    ['thaw report sobol.json --out sobol.html', 'a study\'s output (thaw study --format json): Sobol\' or Morris charts, PRIM boxes'],
    ['thaw report runs.jsonl --out runs.html', 'a sweep\'s or study\'s run file (--out FILE.jsonl): with every distribution'],
    ['thaw report c.json --out c.html --svg-dir pics', 'also each chart of the page as pics/ID.svg (compare-chart.svg, differences-chart.svg…)'],
  ]);
}

/** Options that describe a run; a result file already holds its runs. */
const RUN_OPTIONS: readonly [keyof ReportFlags, string][] = [['seed', '--seed'], ['months', '--months'], ['branch', '--branch'], ['runs', '--runs'], ['workers', '--workers']];

/** `thaw report FILE`: a result file's page; its kind decides the page (src/report/results/). */
async function reportFromFile(path: string, flags: ReportFlags): Promise<void> {
  const given = RUN_OPTIONS.filter(([key]) => flags[key] !== undefined).map(([, name]) => name);
  if (flags.set.length) given.push('--set');
  if (given.length) throw new UserError(`${given.join(', ')} ${given.length === 1 ? 'describes' : 'describe'} a run, but ${path} is a result file that already holds its runs; drop ${given.length === 1 ? 'it' : 'them'}, or give a scenario instead of the file`);
  checkWritable(flags.out, '--out', 'report.html');
  if (flags.svgDir !== undefined) checkWritable(join(flags.svgDir, 'chart.svg'), '--svg-dir');
  const { registerBuiltInKinds, reportKinds, resultPageHtml } = await import('../report/results/kinds.js');
  const { chartPictures } = await import('../report/results/figure.js');
  registerBuiltInKinds();
  const { render } = loadResultFile(path, reportKinds());
  const page = await render(path);
  const html = resultPageHtml(page);
  writeFileAtomic(flags.out, html, '--out');
  process.stderr.write(`thaw: wrote ${flags.out} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`);
  if (flags.svgDir !== undefined) {
    // The page's charts by their ids (compare-chart.svg, differences-chart.svg, sobol-chart.svg…), as the page shows them.
    const pictures = chartPictures(page.sections);
    for (const p of pictures) writeFileAtomic(join(flags.svgDir, p.name), `${p.svg}\n`, '--svg-dir');
    process.stderr.write(`thaw: wrote ${pictures.length ? pictures.map((p) => join(flags.svgDir!, p.name)).join(', ') : `no chart into ${flags.svgDir}: the page has none`}\n`);
  }
}
