/**
 * `thaw compare A B [C…]`: scenarios or branches side by side on the same seeds (common random
 * numbers), each metric per column and its paired difference to the first with a 95% CI.
 */
import { describeUsage } from './conventions.js';
import { VERSION } from '../version.js';
import { fingerprintOf } from '../scenario/fingerprint.js';
import type { Command } from 'commander';
import { parseSetting, type Setting } from '../scenario/overrides.js';
import { UserError } from '../scenario/errors.js';
import { compareColumns, unionCatalogue, valuesOf } from '../simulation/study.js';
import { renderCompareCsv, renderCompareTable, renderJsonReport } from '../report/study.js';
import { renderHistogram } from '../report/chart.js';
import { styleFor } from '../report/style.js';
import { resultKind } from '../report/results/kind.js';
import { collect } from './options.js';
import { allIndices, catalogueOf, checkMetric, loadStudyScenario, runStudy, studyOptions, type StudyFlags } from './study.js';

type CompareFlags = StudyFlags;

/** `SCENARIO` or `SCENARIO:BRANCH` (a path may hold colons; only a final `:name` is a branch). */
export function parseColumnRef(text: string): { ref: string; branch: string | null } {
  const colon = text.lastIndexOf(':');
  if (colon > 0 && /^[a-z0-9][a-z0-9-]*$/i.test(text.slice(colon + 1)) && !/^[a-z]:[\\/]/i.test(text.slice(colon - 1))) {
    return { ref: text.slice(0, colon), branch: text.slice(colon + 1) };
  }
  return { ref: text, branch: null };
}

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description('compare scenarios or branches (SCENARIO:BRANCH) on the same seeds, with paired differences')
    .argument('<scenarios...>', 'two or more scenario names or paths, each optionally :BRANCH');
  studyOptions(command, { runs: true })
    .option('--set <path=value>', 'override a parameter in every column (repeatable)', collect(parseSetting), [] as Setting[])
    .action(async (refs: string[], flags: CompareFlags) => {
      if (refs.length < 2) throw new UserError(`compare needs at least two scenarios, got ${refs.length}`);
      const columns = refs.map((text) => {
        const { ref, branch } = parseColumnRef(text);
        return { label: text, ...loadStudyScenario(ref, branch, flags.set, flags.months) };
      });
      const catalogue = unionCatalogue(columns.map((c) => catalogueOf(c.scenario)));
      const metric = checkMetric(flags.metric, catalogue);
      const seed = flags.seed ?? columns[0]!.scenario.seed;
      const rows = [];
      for (const c of columns) {
        rows.push(await runStudy({ scenario: c.scenario, seed, months: flags.months ?? null }, allIndices(flags.runs), flags.workers, c.label));
      }
      const compared = compareColumns(rows, catalogue);
      const labels = columns.map((c) => c.label);
      if (flags.format === 'json') {
        process.stdout.write(renderJsonReport({
          ...resultKind('compare-result'),
          columns: labels, seed, runs: flags.runs, months: flags.months ?? null, settings: flags.set.map((s) => `${s.path}=${s.value}`),
          version: VERSION, fingerprints: Object.fromEntries(columns.map((c) => [c.label, fingerprintOf(c.scenario)])), metrics: compared,
        }));
        return;
      }
      if (flags.format === 'csv') {
        process.stdout.write(renderCompareCsv(labels, compared));
        return;
      }
      const st = styleFor(process.stdout);
      const months = flags.months ?? columns[0]!.scenario.horizon;
      let out = renderCompareTable({ what: labels.join(' vs '), runs: flags.runs, seed, months }, labels, compared, st);
      for (let i = 0; i < columns.length; i++) {
        const values = valuesOf(rows[i]!, metric).filter((v): v is number => v !== null);
        out += `\n${st.bold(`${metric} in ${labels[i]}`)}\n${renderHistogram(values).join('\n')}\n`;
      }
      process.stdout.write(out);
    });
  describeUsage(command, [
    ['thaw compare base war-frozen peace-talks-fail --runs 2000', 'same seeds, paired differences'],
    ['thaw compare base base:balloons-stop --runs 1000', 'a scenario against one of its branches'],
    ['thaw compare base war-frozen --runs 500 --format csv', 'the table as CSV'],
  ]);
}
