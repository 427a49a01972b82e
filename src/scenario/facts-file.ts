/**
 * Facts files (`thaw backtest FILE.yaml`): what later happened, written down as questions with
 * resolution criteria, to score a scenario's forecasts against. Validated like a scenario and a
 * study file: every problem at once, at FILE:LINE:COL, with a hint; nothing runs until the file is
 * sound. A fact must be resolvable in every run: its month lies after the scenario's start and
 * within its horizon, and every id it names exists in the scenario.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { UserError, type Problem } from './errors.js';
import { parseFile, problemAt, type ParsedFile } from './parse.js';
import { loadReferencedScenario } from './referenced.js';
import { applySettings, parseSetting } from './overrides.js';
import { closest } from './suggest.js';
import { TRACK_IDS, type Scenario } from './schema.js';
import { ROUTES, type Route } from '../world/types.js';
import { addMonths, isMonthKey, monthIndex } from '../world/month.js';
import { isNumeric, type Bounds, type Fact, type FactQuery } from '../backtest/facts.js';

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
const count = z.number().min(0);
const bounds = z.strictObject({
  min: count.optional().describe('at least this many'),
  max: count.optional().describe('at most this many'),
});
const share = z.number().min(0).max(1);
const routeBounds = bounds.extend({
  minShare: share.optional().describe('at least this share of all releases in the window'),
  maxShare: share.optional().describe('at most this share of all releases in the window'),
});

/** The kinds of fact, each a key of its own; a fact has exactly one. */
export const FACT_KINDS = ['wave', 'released', 'pardoned', 'held', 'arrested', 'sanction', 'named', 'transit', 'route'] as const;

const factSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected an id of lower-case letters, digits, dots and dashes').describe('the fact\'s id, unique in the file'),
  question: z.string().min(1).optional().describe('the question in words, with its resolution criterion'),
  by: month.describe('resolved at the end of this month'),
  from: month.optional().describe('the window\'s first month (default: the first simulated month)'),
  observed: z.union([z.boolean(), z.number()]).describe('what happened: true/false for a yes/no fact, a number for a numeric one'),
  source: z.string().min(1).optional().describe('where this was reported'),
  wave: z.strictObject({
    track: z.enum(TRACK_IDS).optional().describe('the track of the deal (default: any)'),
    minReleased: whole(0, 10_000_000).default(1).describe('at least this many people freed by the wave, all its batches'),
    relief: z.string().min(1).optional().describe('a sanction id the wave lifted'),
  }).optional().describe('a deal or scripted wave in the window'),
  released: bounds.extend({ withPardons: z.boolean().default(false).describe('also count those pardoned outside any deal (R20)') }).optional()
    .describe('people freed in deals and scripted waves in the window; {} asks for the number'),
  pardoned: bounds.optional().describe('people pardoned outside any deal in the window (R20); {} asks for the number'),
  held: bounds.optional().describe('people held at the end of `by`; {} asks for the number'),
  arrested: bounds.optional().describe('new political prisoners in the window; {} asks for the number'),
  sanction: z.strictObject({ id: z.string().min(1), status: z.enum(['active', 'lifted']) }).optional().describe('a sanction\'s status at the end of `by`'),
  named: z.strictObject({ id: z.string().min(1), status: z.enum(['held', 'released']), route: z.enum(ROUTES).optional().describe('released to this route') })
    .optional().describe('a named prisoner\'s status at the end of `by`'),
  transit: z.enum(['open', 'closed']).optional().describe('Klaipėda transit at the end of `by`'),
  route: z.strictObject(Object.fromEntries(ROUTES.map((r) => [r, routeBounds.optional()])) as Record<Route, z.ZodOptional<typeof routeBounds>>)
    .optional().describe('releases to one route in the window: a count ({} for the number, or min/max) or a share (minShare/maxShare)'),
});

export const factsFileSchema = z.strictObject({
  scenario: z.string().min(1).describe('a scenario name from `thaw list`, or a path relative to this file'),
  branch: z.string().min(1).optional().describe('one of the scenario\'s branches'),
  set: z.array(z.string()).default([]).describe('fixed overrides, as `--set` writes them'),
  runs: whole(1, 10_000_000).default(2000).describe('runs of the scenario (every uncertain input drawn per run)'),
  seed: whole(0, 2 ** 32 - 1).default(1).describe('the backtest\'s seed: every run\'s seed and the bootstrap derive from it'),
  facts: z.array(factSchema).min(1).describe('what happened, one question per item'),
});

export interface FactsSpec {
  readonly name: string;
  readonly file: string;
  readonly scenarioName: string;
  readonly branch: string | null;
  readonly settings: readonly string[];
  readonly scenario: Scenario;
  readonly runs: number;
  readonly seed: number;
  /** Months each run needs: up to the latest `by`. */
  readonly months: number;
  readonly facts: readonly Fact[];
  /** Identifies the backtest: same fingerprint, same runs. */
  readonly fingerprint: string;
}

/** The node at a path of the file (a key's own node when `key`); the deepest found otherwise. */
function nodeAt(file: ParsedFile, path: readonly (string | number)[], key = false): Node | null {
  let node: unknown = file.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    if (isSeq(node) && typeof path[i] === 'number') {
      const item = node.items[path[i] as number];
      if (!item) return node as Node;
      node = item;
      continue;
    }
    if (!isMap(node)) return node as Node;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[i]));
    if (!pair) return node as Node;
    node = key && last ? pair.key : pair.value ?? pair.key;
  }
  return node as Node;
}

const TYPE_WORDS: Record<string, string> = { number: 'a number', string: 'a text', boolean: 'true or false', object: 'a mapping', array: 'a list', int: 'a whole number' };

/** The keys accepted at a path of the file, for "did you mean". */
function keysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(factsFileSchema.shape);
  if (path[0] !== 'facts') return [];
  if (path.length === 2) return Object.keys(factSchema.shape);
  const kind = path[2];
  if (kind === 'route') return path.length === 3 ? [...ROUTES] : Object.keys(routeBounds.shape);
  if (kind === 'wave') return ['track', 'minReleased', 'relief'];
  if (kind === 'sanction') return ['id', 'status'];
  if (kind === 'named') return ['id', 'status', 'route'];
  if (kind === 'released') return [...Object.keys(bounds.shape), 'withPardons'];
  return Object.keys(bounds.shape);
}

type Kinded = z.infer<typeof factSchema>;

const boundsOf = (b: { min?: number | undefined; max?: number | undefined }): Bounds => ({ min: b.min ?? null, max: b.max ?? null });

function queryOf(f: Kinded, kind: (typeof FACT_KINDS)[number]): FactQuery {
  switch (kind) {
    case 'wave': return { kind, track: f.wave!.track ?? null, minReleased: f.wave!.minReleased, relief: f.wave!.relief ?? null };
    case 'released': return { kind, withPardons: f.released!.withPardons, ...boundsOf(f.released!) };
    case 'pardoned': return { kind, ...boundsOf(f.pardoned!) };
    case 'held': return { kind, ...boundsOf(f.held!) };
    case 'arrested': return { kind, ...boundsOf(f.arrested!) };
    case 'sanction': return { kind, id: f.sanction!.id, status: f.sanction!.status };
    case 'named': return { kind, id: f.named!.id, status: f.named!.status, route: f.named!.route ?? null };
    case 'transit': return { kind, status: f.transit! };
    case 'route': {
      const route = ROUTES.find((r) => f.route![r] !== undefined)!;
      const b = f.route![route]!;
      return { kind, route, ...boundsOf(b), minShare: b.minShare ?? null, maxShare: b.maxShare ?? null };
    }
  }
}

export function loadFactsFile(path: string): FactsSpec {
  const file = parseFile(path);
  const problems: Problem[] = [];
  const at = (p: readonly (string | number)[], message: string, hint?: string, key = false) =>
    problems.push(problemAt(file, nodeAt(file, p, key)?.range?.[0] ?? 0, message, hint));
  const fail = (): UserError => new UserError(`invalid facts file ${file.display}`, problems.sort((a, b) => a.line - b.line || a.column - b.column));
  const parsed = factsFileSchema.safeParse(file.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
      const where = p.join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          const known = keysAt(p);
          const near = closest(k, known);
          const isKind = p.length === 2 && p[0] === 'facts';
          at([...p, k], `${where ? `${where}: ` : ''}unknown ${isKind ? 'key or kind of fact' : 'key'} \`${k}\``,
            near ? `did you mean \`${near}\`?` : isKind ? `kinds of fact: ${FACT_KINDS.join(', ')}` : `known keys: ${known.join(', ')}`, true);
        }
      } else if (issue.code === 'invalid_value') {
        const given = p.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(s)] : undefined), file.data);
        const options = issue.values.map(String);
        const near = typeof given === 'string' ? closest(given, options) : null;
        at(p, `${where}: expected one of ${options.join(', ')}`, near ? `did you mean \`${near}\`?` : undefined);
      } else if (issue.code === 'invalid_type') {
        at(p, `${where}: ${issue.input === undefined ? `missing: ${TYPE_WORDS[issue.expected] ?? issue.expected} is required` : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`}`);
      } else if (issue.code === 'invalid_union' && p[p.length - 1] === 'observed') {
        at(p, `${where}: expected true, false or a number`);
      } else {
        at(p, `${where}: ${issue.message}`);
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
  const start = scenario.start;
  const last = addMonths(start, scenario.horizon);
  const sanctionIds = scenario.world.sanctions.map((x) => x.id);
  const namedIds = scenario.world.named.map((x) => x.id);
  const known = (where: (string | number)[], what: string, id: string, ids: readonly string[]) => {
    if (ids.includes(id)) return;
    const near = closest(id, ids);
    at(where, `unknown ${what} "${id}" in scenario ${loaded.scenario.id}`, near ? `did you mean "${near}"?` : `${what}s: ${ids.join(', ')}`);
  };
  const facts: Fact[] = [];
  const seen = new Map<string, number>();
  s.facts.forEach((f, i) => {
    const here = (...rest: (string | number)[]) => ['facts', i, ...rest];
    if (seen.has(f.id)) at(here('id'), `duplicate fact id "${f.id}"`, `the first is fact ${seen.get(f.id)! + 1}; ids must be unique`);
    else seen.set(f.id, i);
    const kinds = FACT_KINDS.filter((k) => f[k] !== undefined);
    if (kinds.length !== 1) {
      at(here(), kinds.length === 0 ? `fact "${f.id}" says nothing to resolve` : `fact "${f.id}" has ${kinds.length} kinds (${kinds.join(', ')}); one fact asks one question`,
        `give exactly one of: ${FACT_KINDS.join(', ')}`);
      return;
    }
    const kind = kinds[0]!;
    if (monthIndex(f.by) <= monthIndex(start)) at(here('by'), `by: ${f.by} is not after the scenario's start, ${start}`, `a fact is resolved in a simulated month: ${addMonths(start, 1)} to ${last}`);
    else if (monthIndex(f.by) > monthIndex(last)) at(here('by'), `by: ${f.by} lies past the scenario's horizon (${last}): no run reaches it`, `pick a month from ${addMonths(start, 1)} to ${last}, or lengthen the scenario's horizon`);
    if (f.from !== undefined) {
      if (monthIndex(f.from) <= monthIndex(start)) at(here('from'), `from: ${f.from} is not after the scenario's start, ${start}`, `omit \`from\` to count from ${addMonths(start, 1)}`);
      else if (isMonthKey(f.by) && monthIndex(f.from) > monthIndex(f.by)) at(here('from'), `from: ${f.from} comes after by: ${f.by}: the window is empty`);
    }
    if (kind === 'released' || kind === 'pardoned' || kind === 'held' || kind === 'arrested' || kind === 'route') {
      const b = kind === 'route' ? Object.values(f.route!).find((x) => x !== undefined) : f[kind];
      const key = kind === 'route' ? ROUTES.find((r) => f.route![r] !== undefined) : undefined;
      const inner = key ? [kind, key] : [kind];
      const routeCount = Object.values(f.route ?? {}).filter((x) => x !== undefined).length;
      if (kind === 'route' && routeCount !== 1) { at(here('route'), `route: name one route, got ${routeCount}`, `routes: ${ROUTES.join(', ')}`); return; }
      if (b && b.min !== undefined && b.max !== undefined && b.min > b.max) at(here(...inner, 'min'), `${inner.join('.')}: min ${b.min} exceeds max ${b.max}: the question can never hold`);
      const sh = b as { minShare?: number; maxShare?: number } | undefined;
      if (sh && sh.minShare !== undefined && sh.maxShare !== undefined && sh.minShare > sh.maxShare) at(here(...inner, 'minShare'), `${inner.join('.')}: minShare ${sh.minShare} exceeds maxShare ${sh.maxShare}: the question can never hold`);
    }
    if (kind === 'sanction') known(here('sanction', 'id'), 'sanction', f.sanction!.id, sanctionIds);
    if (kind === 'named') known(here('named', 'id'), 'person', f.named!.id, namedIds);
    if (kind === 'named' && f.named!.route !== undefined && f.named!.status === 'held') at(here('named', 'route'), 'named.route: a person still held has no route', 'drop `route`, or ask for status: released');
    if (kind === 'wave' && f.wave!.relief !== undefined) known(here('wave', 'relief'), 'sanction', f.wave!.relief, sanctionIds);
    const query = queryOf(f, kind);
    const numeric = isNumeric(query);
    if (numeric && typeof f.observed !== 'number') at(here('observed'), `observed: fact "${f.id}" asks for a number (${kind}: {}), got ${String(f.observed)}`, 'write the number that was observed, or give bounds (min, max) to ask yes or no');
    if (!numeric && typeof f.observed !== 'boolean') at(here('observed'), `observed: fact "${f.id}" is a yes/no question, got the number ${String(f.observed)}`, kind === 'released' || kind === 'pardoned' || kind === 'held' || kind === 'arrested' ? `write true or false, or \`${kind}: {}\` to ask for the number` : 'write true or false');
    facts.push({ id: f.id, question: f.question ?? null, from: f.from ?? null, by: f.by, query, observed: f.observed, source: f.source ?? null });
  });
  if (problems.length > 0) throw fail();
  const months = Math.max(...facts.map((f) => monthIndex(f.by) - monthIndex(start)));
  const name = file.display.replace(/^.*[/\\]/, '').replace(/\.ya?ml$/i, '');
  const identity = { scenario, runs: s.runs, seed: s.seed, months, facts };
  return {
    name, file: file.display, scenarioName: loaded.scenario.id, branch: loaded.branch, settings: s.set, scenario,
    runs: s.runs, seed: s.seed, months, facts,
    fingerprint: createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16),
  };
}
