/**
 * Experiment files (`thaw study FILE.yaml`), BehaviorSpace style: a study is data. The file names a
 * scenario, a design, its sample size, replications, a seed, the factors (parameter path → range or
 * distribution; rule switches and choices allowed), the metrics to analyse and an optional discovery
 * condition. It is validated like a scenario: every problem at once, at FILE:LINE:COL, with a hint.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isMap, isPair, isScalar, type Node } from 'yaml';
import { UserError, type Problem } from './errors.js';
import { parseFile, problemAt, type ParsedFile } from './parse.js';
import { loadReferencedScenario } from './referenced.js';
import { applySettings, parseSetting, resolvePath } from './overrides.js';
import { fitDistribution, parameterAt } from './uncertain.js';
import { closest } from './suggest.js';
import type { Scenario } from './schema.js';
import { DESIGN_NAMES, DESIGNS, type DesignName } from '../study/designs.js';
import type { Factor } from '../study/design.js';
import { metricCatalogue, startFacts, type MetricInfo } from '../simulation/metrics.js';

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** The keys of a study file (kebab-case `second-order` as the issue writes it). */
export const studyFileSchema = z.strictObject({
  scenario: z.string().min(1).describe('a scenario name from `thaw list`, or a path relative to this file'),
  branch: z.string().min(1).optional().describe('one of the scenario\'s branches'),
  set: z.array(z.string()).default([]).describe('fixed overrides applied before the factors, as `--set` writes them'),
  design: z.enum(DESIGN_NAMES).describe('grid | lhs | sobol | morris | mc'),
  samples: whole(1, 10_000_000).describe('the design\'s sample size: Sobol\'s base N (a power of two), Morris\'s trajectories, LHS and Monte Carlo points, grid levels'),
  replications: whole(1, 10_000).default(1).describe('seeds per design point; 2 or more measures the seed\'s share of the variance'),
  seed: whole(0, 2 ** 32 - 1).default(1).describe('the study\'s seed: the design, every run\'s seed and the bootstrap derive from it'),
  months: whole(1, 240).optional().describe('months per run, as --months (default: the scenario\'s horizon)'),
  factors: z.record(z.string(), z.unknown()).describe('parameter path → [lo, hi], a distribution, or { choice: [...] }'),
  metrics: z.array(z.string().min(1)).min(1).default(['released']).describe('the metrics analysed (indices, screening); every metric is summarised'),
  discover: z.strictObject({
    where: z.string().min(1).describe('a condition on metrics, e.g. "released >= 500 and freed.poczobut == 1"'),
    threshold: z.number().min(0).max(1).default(0.8).describe('the density a box must reach'),
    alpha: z.number().gt(0).max(0.5).default(0.05).describe('the share peeled off per step'),
    'min-mass': z.number().gt(0).max(1).default(0.05).describe('the smallest box, as a share of all runs'),
    boxes: whole(1, 10).default(3).describe('boxes at most'),
  }).optional().describe('PRIM scenario discovery for a condition on the outputs'),
  'second-order': z.boolean().default(false).describe('Sobol: also second-order indices (N·(2D+2) runs)'),
  levels: whole(2, 100).default(4).describe('Morris: grid levels (even)'),
  resamples: whole(10, 100_000).default(100).describe('bootstrap resamples for the confidence intervals'),
});

export type Comparison = '>=' | '<=' | '>' | '<' | '==' | '!=';
export interface Clause {
  readonly metric: string;
  readonly op: Comparison;
  readonly value: number;
}

export interface StudyFactor extends Factor {
  /** The data path the value is set at in the scenario. */
  readonly at: readonly (string | number)[];
}

export interface StudySpec {
  readonly name: string;
  readonly file: string;
  readonly scenarioName: string;
  readonly branch: string | null;
  readonly settings: readonly string[];
  readonly scenario: Scenario;
  readonly design: DesignName;
  readonly samples: number;
  readonly replications: number;
  readonly seed: number;
  readonly months: number | null;
  readonly factors: readonly StudyFactor[];
  readonly metrics: readonly string[];
  readonly catalogue: readonly MetricInfo[];
  readonly discover: { readonly where: string; readonly clauses: readonly Clause[]; readonly threshold: number; readonly alpha: number; readonly minMass: number; readonly boxes: number } | null;
  readonly secondOrder: boolean;
  readonly levels: number;
  readonly resamples: number;
  /** Identifies the study: same fingerprint, same runs. */
  readonly fingerprint: string;
}

const CLAUSE = /^\s*([A-Za-z][\w.-]*)\s*(>=|<=|==|!=|>|<)\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*$/i;

/** `released >= 500 and freed.poczobut == 1`: clauses joined by `and`. */
export function parseCondition(text: string, metrics: readonly string[]): { ok: true; clauses: Clause[] } | { ok: false; message: string; hint?: string } {
  const clauses: Clause[] = [];
  for (const part of text.split(/\s+and\s+/)) {
    const m = CLAUSE.exec(part);
    if (!m) return { ok: false, message: `"${part.trim()}" is not a condition`, hint: 'write METRIC OP NUMBER with OP one of >= <= > < == !=, joined by `and`, e.g. "released >= 500"' };
    if (!metrics.includes(m[1]!)) {
      const near = closest(m[1]!, metrics);
      return { ok: false, message: `unknown metric "${m[1]}"`, hint: near ? `did you mean "${near}"?` : `metrics: ${metrics.join(', ')}` };
    }
    clauses.push({ metric: m[1]!, op: m[2] as Comparison, value: Number(m[3]) });
  }
  return { ok: true, clauses };
}

export function holds(clauses: readonly Clause[], metrics: Readonly<Record<string, number | null>>): boolean {
  return clauses.every((c) => {
    const v = metrics[c.metric];
    if (v === null || v === undefined) return false;
    switch (c.op) {
      case '>=': return v >= c.value;
      case '<=': return v <= c.value;
      case '>': return v > c.value;
      case '<': return v < c.value;
      case '==': return v === c.value;
      case '!=': return v !== c.value;
    }
  });
}

/** The node at a path of the file (a key's own node when `key`). */
function nodeAt(file: ParsedFile, path: readonly (string | number)[], key = false): Node | null {
  let node: unknown = file.doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return node as Node;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[i]));
    if (!pair) return node as Node;
    node = key && i === path.length - 1 ? pair.key : pair.value ?? pair.key;
  }
  return node as Node;
}

const TYPE_WORDS: Record<string, string> = { number: 'a number', string: 'a text', boolean: 'true or false', object: 'a mapping', array: 'a list', int: 'a whole number' };

/** A factor written as `[lo, hi]` is a uniform range. */
const asDistribution = (raw: unknown): unknown =>
  Array.isArray(raw) && raw.length === 2 && raw.every((x) => typeof x === 'number') ? { uniform: raw } : raw;

export function loadStudyFile(path: string): StudySpec {
  const file = parseFile(path);
  const problems: Problem[] = [];
  const at = (p: readonly (string | number)[], message: string, hint?: string, key = false) =>
    problems.push(problemAt(file, nodeAt(file, p, key)?.range?.[0] ?? 0, message, hint));
  const fail = (): UserError => new UserError(`invalid study ${file.display}`, problems.sort((a, b) => a.line - b.line || a.column - b.column));
  const parsed = studyFileSchema.safeParse(file.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          const near = closest(k, Object.keys(studyFileSchema.shape));
          at([...issue.path.map(String), k], `${where ? `${where}: ` : ''}unknown key \`${k}\``, near ? `did you mean \`${near}\`?` : `known keys: ${Object.keys(studyFileSchema.shape).join(', ')}`, true);
        }
      } else if (issue.code === 'invalid_value') {
        at(issue.path.map(String), `${where}: expected one of ${issue.values.map(String).join(', ')}`);
      } else if (issue.code === 'invalid_type') {
        at(issue.path.map(String), `${where}: ${issue.input === undefined ? `missing: ${TYPE_WORDS[issue.expected] ?? issue.expected} is required` : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`}`);
      } else {
        at(issue.path.map(String), `${where}: ${issue.message}`);
      }
    }
    throw fail();
  }
  const s = parsed.data;
  const referenced = loadReferencedScenario(file, s.scenario, s.branch ?? null);
  if (!referenced.ok) {
    problems.push(referenced.problem);
    throw fail();
  }
  const loaded = referenced.loaded;
  let scenario = loaded.scenario;
  try {
    scenario = applySettings(scenario, s.set.map(parseSetting));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    at(['set'], `set: ${error.message}`);
  }
  const factors: StudyFactor[] = [];
  for (const [name, raw] of Object.entries(s.factors)) {
    let path: (string | number)[];
    try {
      path = resolvePath(scenario, name);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      at(['factors', name], `factors: ${error.message}`, undefined, true);
      continue;
    }
    const fit = fitDistribution(asDistribution(raw), parameterAt(path));
    if (!fit.ok) {
      at(['factors', name], `factors.${name}: ${fit.message}`, fit.hint ?? 'write [lo, hi], a distribution such as { triangular: [lo, mode, hi] }, or { choice: [true, false] }');
      continue;
    }
    factors.push({ name, at: path, distribution: fit.distribution, integer: fit.integer });
  }
  if (Object.keys(s.factors).length === 0) at(['factors'], 'factors: a study needs at least one factor', 'e.g. agents.us.visitChance: [0.2, 0.9]');
  const months = s.months ?? null;
  const catalogue = metricCatalogue(startFacts(scenario));
  const names = catalogue.map((m) => m.name);
  s.metrics.forEach((m, i) => {
    if (!names.includes(m)) {
      const near = closest(m, names);
      at(['metrics', i], `metrics: unknown metric "${m}"`, near ? `did you mean "${near}"?` : `metrics: ${names.join(', ')}`);
    }
  });
  let discover: StudySpec['discover'] = null;
  if (s.discover) {
    const c = parseCondition(s.discover.where, names);
    if (!c.ok) at(['discover', 'where'], `discover.where: ${c.message}`, c.hint);
    else discover = { where: s.discover.where, clauses: c.clauses, threshold: s.discover.threshold, alpha: s.discover.alpha, minMass: s.discover['min-mass'], boxes: s.discover.boxes };
  }
  if (s.design === 'morris' && s.levels % 2 !== 0) at(['levels'], `levels: Morris needs an even number of levels, got ${s.levels}`);
  if (factors.length === Object.keys(s.factors).length && factors.length > 0) {
    const why = DESIGNS[s.design].refuse(s.samples, factors);
    if (why) at(['samples'], `samples: ${s.design} cannot use ${s.samples}; it needs ${why}`, `samples counts ${DESIGNS[s.design].samples}`);
    if (s.design === 'sobol' && 2 * factors.length > 160) at(['factors'], `factors: Sobol' sampling here takes at most 80 factors, got ${factors.length}`);
  }
  if (problems.length > 0) throw fail();
  const name = file.display.replace(/^.*[/\\]/, '').replace(/\.ya?ml$/i, '');
  const identity = {
    scenario: scenario, design: s.design, samples: s.samples, replications: s.replications, seed: s.seed, months,
    factors: factors.map((f) => [f.name, f.distribution, f.integer]), metrics: s.metrics, discover: s.discover ?? null,
    secondOrder: s['second-order'], levels: s.levels, resamples: s.resamples,
  };
  return {
    name, file: file.display, scenarioName: loaded.scenario.id, branch: loaded.branch, settings: s.set, scenario, design: s.design,
    samples: s.samples, replications: s.replications, seed: s.seed, months, factors, metrics: s.metrics, catalogue, discover,
    secondOrder: s['second-order'], levels: s.levels, resamples: s.resamples,
    fingerprint: createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16),
  };
}
