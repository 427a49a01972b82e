/**
 * thaw as a library: the use cases the CLI is built on, for programs that want the numbers rather
 * than the printed story. Nothing here prints; see docs/api.md for an example.
 */
export { loadScenario, validateScenario, scenarioNames, type LoadedScenario, type LoadOptions, type BranchInfo } from './scenario/load.js';
export { parseSetting, applySetting, applySettings, type Setting } from './scenario/overrides.js';
export { fingerprintOf } from './scenario/fingerprint.js';
export { UserError, formatProblem, type Problem } from './scenario/errors.js';
export type { Scenario } from './scenario/schema.js';
export { runScenario } from './run-scenario.js';
export type { RunResult, MonthRecord, OfferRecord, DealRecord, Outcome } from './simulation/trace.js';
export { executeRuns, runBatch, shardIndices, defaultWorkers, type RunRow, type StudyRuns, type Shard, type ExecuteOptions } from './simulation/sweep.js';
export { runSeed } from './simulation/seeds.js';
export { summarizeRows, RowSummaries, compareColumns, unionCatalogue, tornado, valuesOf, type MetricSummary, type ComparedMetric, type Sensitivity, type TornadoBar } from './simulation/study.js';
export { metricCatalogue, startFacts, metricsOf, type MetricInfo, type StartFacts } from './simulation/metrics.js';
export { RULES, RULE_LIST, type Rule } from './rules/catalogue.js';
export { RULE_IDS, type RuleId } from './rules/ids.js';
export { parseSource, lookupSource, type SourceText, type SourceParagraph } from './rules/source.js';
export { renderText } from './report/text.js';
export { renderMarkdown } from './report/markdown.js';
export { renderJson } from './report/json.js';
export type { Provenance } from './report/provenance.js';
export { VERSION } from './version.js';
