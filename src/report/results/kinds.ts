/**
 * The result kinds thaw itself writes, registered with the report (see ./registry.ts), and the
 * page of any registered kind. A run file (JSONL) carries every run, so its page adds each
 * metric's distribution; its statistics are summarised (and a study's analysed) from the rows as
 * `thaw merge` does, without running anything.
 */
import { RowSummaries, summarizeRows } from '../../simulation/study.js';
import type { MetricInfo } from '../../simulation/metrics.js';
import { analyzeStudy, planStudy } from '../../simulation/experiment.js';
import { runsOf, type SensitivityHeader, type StudyHeader, type SweepFile, type SweepHeader } from '../../simulation/sweep-file.js';
import { SensitivityTables } from '../../simulation/sensitivity-tables.js';
import { VERSION } from '../../version.js';
import { distributionsHtml } from '../html/distributions.js';
import { pageHtml } from '../html/shell.js';
import { compareResultSchema, sensitivityResultSchema, studyResultSchema, sweepResultSchema } from './documents.js';
import { resultKind } from './kind.js';
import { comparePage, sensitivityPage, studyPage, sweepPage } from './pages.js';
import { fromSchema, registerReportKind, reportKinds, trusted, type ResultPage } from './registry.js';
import { registerBacktestKind } from './backtest-kind.js';

const distributionsSection = async (rows: SweepFile['rows'], metrics: readonly MetricInfo[]) => {
  const table = new RowSummaries(metrics);
  table.add(rows);
  return { id: 'distributions', heading: `Distributions over ${rows.length} runs`, html: await distributionsHtml(table) };
};

let registered = false;

/** Registers thaw's own kinds once (other modules may add theirs with registerReportKind). */
export function registerBuiltInKinds(): void {
  if (registered) return;
  registered = true;
  registerReportKind({ kind: 'sweep-result', format: 1, layout: 'json', writtenBy: 'thaw sweep or thaw merge, --format json', parse: fromSchema(sweepResultSchema), render: sweepPage });
  registerReportKind({ kind: 'compare-result', format: 1, layout: 'json', writtenBy: 'thaw compare --format json', parse: fromSchema(compareResultSchema), render: comparePage });
  registerReportKind({ kind: 'sensitivity-result', format: 1, layout: 'json', writtenBy: 'thaw sweep --vary … --format json', parse: fromSchema(sensitivityResultSchema), render: sensitivityPage });
  registerBacktestKind();
  registerReportKind({ kind: 'study-result', format: 1, layout: 'json', writtenBy: 'thaw study, or thaw merge of its shards, --format json', parse: fromSchema(studyResultSchema), render: studyPage });
  registerReportKind({
    kind: 'sweep', format: 1, layout: 'jsonl', writtenBy: 'thaw sweep --out FILE.jsonl', parse: trusted<SweepFile>(),
    render: async (file, src) => {
      const h: SweepHeader = file.header;
      const metrics = summarizeRows(file.rows, h.metrics).map((m) => ({ name: m.name, description: m.description, ...m.summary }));
      const doc = { thaw: 'sweep-result' as const, format: 1 as const, scenario: h.scenario, branch: h.branch, settings: [...h.settings], seed: h.seed, runs: h.runs, months: h.months, runsPresent: file.rows.length, version: h.version, fingerprint: h.fingerprint, metrics };
      return sweepPage(doc, src, await distributionsSection(file.rows, h.metrics));
    },
  });
  registerReportKind({
    kind: 'sensitivity', format: 1, layout: 'jsonl', writtenBy: 'thaw sweep --vary … --out FILE.jsonl', parse: trusted<SweepFile<SensitivityHeader>>(),
    render: async (file, src) => {
      const h = file.header;
      const tables = new SensitivityTables({ vary: h.vary, runs: h.runs, metric: h.metric, catalogue: h.metrics });
      tables.add(file.rows);
      const checked = sensitivityResultSchema.parse({ ...resultKind('sensitivity-result'), scenario: h.scenario, branch: h.branch, settings: [...h.settings], seed: h.seed, runs: h.runs, months: h.months, ...tables.result() });
      return sensitivityPage(checked, src, { runs: file.rows.length, of: runsOf(h) });
    },
  });
  registerReportKind({
    kind: 'study', format: 1, layout: 'jsonl', writtenBy: 'thaw study FILE.yaml --out FILE.jsonl', parse: trusted<SweepFile<StudyHeader>>(),
    render: async (file, src) => {
      const report = analyzeStudy(file.header.spec, planStudy(file.header.spec), file.rows);
      const checked = studyResultSchema.parse({ ...resultKind('study-result'), ...report });
      return studyPage(checked, src, [await distributionsSection(file.rows, report.metrics)]);
    },
  });
}

export function resultPageHtml(page: ResultPage): string {
  return pageHtml({ ...page, version: VERSION });
}

export { reportKinds };
