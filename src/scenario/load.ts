/**
 * Loading a scenario: find the file (a name in scenarios/ or a path), parse it defensively
 * (parse.ts), follow `extends`, merge (merge.ts), apply a branch if one is asked for, then
 * validate against the schema and check references. Every failure becomes a UserError listing all
 * problems found, each with file, line and column; nothing here throws anything else at bad input.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SCENARIO_DIR, scenarioNames } from './names.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { mergeScenario, type Plain } from './merge.js';
import { UserError, formatProblem, type Problem } from './errors.js';
import { displayPath, parseFile, problemAt, type ParsedFile } from './parse.js';
import type { Layer } from './locate.js';
import { problemsFromIssue } from './issues.js';
import { referenceProblems } from './references.js';
import { closest } from './suggest.js';
import { locateProblem } from './locate.js';
import { liftDistributions } from './uncertain.js';

export { parseFile, type ParsedFile } from './parse.js';

/** Kept here for the loader's callers; the names alone live in names.ts. */
export { SCENARIO_DIR, scenarioNames };

export interface BranchInfo {
  readonly name: string;
  readonly title: string;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The files merged, root first. */
  readonly chain: readonly string[];
  /** The branch applied, if any. */
  readonly branch: string | null;
  /** The branches the file declares. */
  readonly branches: readonly BranchInfo[];
}

export interface LoadOptions {
  readonly branch?: string | null;
}


/** A scenario reference is a path when it looks like one, else a name in scenarios/. */
export function resolveRef(ref: string, from?: string): string {
  const looksLikePath = ref.includes('/') || ref.includes('\\') || /\.ya?ml$/i.test(ref);
  if (looksLikePath) {
    const path = resolve(from ? dirname(from) : process.cwd(), ref);
    if (!existsSync(path)) throw new UserError(`scenario file not found: ${ref}`);
    return path;
  }
  const path = resolve(SCENARIO_DIR, `${ref}.yaml`);
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(ref) || !existsSync(path)) {
    const near = closest(ref, scenarioNames());
    throw new UserError(`unknown scenario "${ref}"; known scenarios: ${scenarioNames().join(', ')} (or give a path to a .yaml file)${near ? `; did you mean "${near}"?` : ''}`);
  }
  return path;
}

const extendsNode = (file: ParsedFile) => file.doc.get('extends', true) as { range?: [number, number, number] } | undefined;
const chainText = (paths: readonly string[]) => paths.map(displayPath).join(' → ');

/** The file and its ancestors, root first. Cycles and missing parents name the whole chain. */
export function loadChain(path: string, seen: readonly string[] = []): ParsedFile[] {
  const file = parseFile(path);
  const parentRef = file.data.extends;
  if (parentRef === undefined) return [file];
  const here = (message: string, hint?: string): UserError =>
    new UserError(message, [problemAt(file, extendsNode(file)?.range?.[0] ?? 0, message, hint)]);
  if (typeof parentRef !== 'string' || parentRef === '') throw here('extends: expected a scenario name or a path to a .yaml file');
  let parentPath: string;
  try {
    parentPath = resolveRef(parentRef, path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw here(`extends: ${message}`, `chain: ${chainText([...seen, path])} → ${parentRef} (missing)`);
  }
  if (parentPath === path || seen.includes(parentPath)) {
    throw here(`extends: cycle ${chainText([...seen, path, parentPath])}`, 'a scenario cannot extend itself, directly or through its parents');
  }
  try {
    return [...loadChain(parentPath, [...seen, path]), file];
  } catch (error) {
    throw error instanceof UserError ? namedFromChild(error, parentPath, file) : error;
  }
}

/**
 * A parent that is not a scenario (not YAML, not a mapping, a directory…) is reported in its own
 * file, and each of its problems names the file whose `extends` led there.
 */
function namedFromChild(error: UserError, parentPath: string, child: ParsedFile): UserError {
  const parentShown = displayPath(parentPath);
  const offset = extendsNode(child)?.range?.[0] ?? 0;
  const pos = child.lines.linePos(offset);
  const note = `${parentShown} is the parent named by \`extends\` in ${child.display}:${pos.line}:${pos.col}`;
  if (!error.problems.some((p) => p.file === parentShown && !(p.hint ?? '').includes(note))) return error;
  return new UserError(error.message, error.problems.map((p) => (p.file === parentShown && !(p.hint ?? '').includes(note)
    ? { ...p, hint: p.hint ? `${p.hint}; ${note}` : note }
    : p)));
}

const isRecord = (v: unknown): v is Record<string, Plain> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The chain merged, root first; `extends` is consumed and only the last file's branches count. */
function mergeChain(chain: readonly ParsedFile[]): Record<string, Plain> {
  let merged: Plain = {};
  chain.forEach((file, i) => {
    const { extends: _parent, branches, ...rest } = file.data;
    void _parent;
    merged = mergeScenario(merged, i === chain.length - 1 && branches !== undefined ? { ...rest, branches } : rest);
  });
  return merged as Record<string, Plain>;
}

/** The scenario with one branch merged over it; a branch's title defaults to the scenario's. */
function withBranch(merged: Record<string, Plain>, name: string): Record<string, Plain> {
  const branches = isRecord(merged.branches) ? merged.branches : {};
  const branch = branches[name];
  const { branches: _all, ...base } = merged;
  void _all;
  if (!isRecord(branch)) return base;
  const out = mergeScenario(base, branch) as Record<string, Plain>;
  if (branch.title === undefined) out.title = `${String(merged.title)} (branch ${name})`;
  return { ...out, branches: {} };
}

const ID_LISTS: readonly (readonly string[])[] = [['world', 'cohorts'], ['world', 'named'], ['world', 'sanctions'], ['events'], ['actors']];

const listAt = (data: Plain | undefined, path: readonly string[]): Plain[] => {
  let v: Plain | undefined = data;
  for (const k of path) v = isRecord(v) ? v[k] : undefined;
  return Array.isArray(v) ? v : [];
};
const idOf = (item: Plain): string | null => (isRecord(item) && typeof item.id === 'string' ? item.id : null);

/**
 * A list that names one id twice is an error even when the id is a parent's: merging would keep
 * the first item over the parent's and silently drop the second, so the check after merging
 * could never see it. (Duplicates of ids new to the child survive the merge and are reported there.)
 */
function collapsedDuplicates(chain: readonly ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  let merged: Plain = {};
  chain.forEach((file, i) => {
    if (i > 0) {
      for (const path of ID_LISTS) {
        const inherited = new Set(listAt(merged, path).map(idOf));
        const seen = new Set<string>();
        listAt(file.data, path).forEach((item, index) => {
          const id = idOf(item);
          if (id === null) return;
          if (seen.has(id) && inherited.has(id)) {
            const node = file.doc.getIn([...path, index, 'id'], true) as { range?: [number, number, number] } | undefined;
            problems.push(problemAt(file, node?.range?.[0] ?? 0, `${path.join('.')}: the id "${id}" is used twice in this list`, `the second would be silently dropped; merge the two into one entry that changes the parent's "${id}"`));
          }
          seen.add(id);
        });
      }
    }
    const { extends: _parent, branches: _branches, ...rest } = file.data;
    void _parent; void _branches;
    merged = mergeScenario(merged, rest);
  });
  return problems;
}

interface Checked {
  readonly scenario: Scenario | null;
  readonly problems: Problem[];
}

function check(original: Record<string, Plain>, layers: readonly Layer[]): Checked {
  // Distributions are lifted out first: the schema then sees their medians where they stood.
  const lifted = liftDistributions(original);
  const data = lifted.data as Record<string, Plain>;
  const result = scenarioSchema.safeParse(data);
  const references = referenceProblems(data, layers);
  const uncertain = lifted.problems.map((p) => locateProblem(layers, original, p.at, p.message, p.hint));
  // A distribution that does not fit is reported once, as such, not again as "not a number".
  const refused = new Set(lifted.problems.map((p) => p.at.join('.')));
  const issues = result.success ? [] : result.error.issues.filter((issue) => !refused.has(issue.path.map(String).join('.')));
  if (!result.success) return { scenario: null, problems: [...issues.flatMap((issue) => problemsFromIssue(layers, data, issue)), ...references, ...uncertain] };
  const scenario: Scenario = lifted.inputs.length ? { ...result.data, uncertain: lifted.inputs } : result.data;
  return { scenario, problems: [...references, ...uncertain] };
}

const branchList = (merged: Record<string, Plain>): BranchInfo[] =>
  isRecord(merged.branches)
    ? Object.entries(merged.branches).map(([name, b]) => ({ name, title: isRecord(b) && typeof b.title === 'string' ? b.title : `${String(merged.title)} (branch ${name})` }))
    : [];

/** All problems once each, in file order: what an editor's problem list would show. */
const fail = (chain: readonly ParsedFile[], problems: readonly Problem[]): UserError => {
  const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
  unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return new UserError(`invalid scenario ${chain[chain.length - 1]!.display}`, unique);
};

/** A branch's own problems, named after it; those it shares with the scenario are reported once. */
const branchProblems = (name: string, problems: readonly Problem[], base: readonly Problem[]): Problem[] => {
  const known = new Set(base.map(formatProblem));
  return problems.filter((p) => !known.has(formatProblem(p))).map((p) => ({ ...p, message: `branch ${name}: ${p.message}` }));
};

/** Loads, merges and validates a scenario by name or path, with one of its branches if asked. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadedScenario {
  const chain = loadChain(resolveRef(ref));
  const last = chain[chain.length - 1]!;
  const layers: Layer[] = chain.map((file) => ({ file, prefix: [] }));
  const merged = mergeChain(chain);
  const checked = check(merged, layers);
  const base = { ...checked, problems: [...checked.problems, ...collapsedDuplicates(chain)] };
  if (!base.scenario) throw fail(chain, base.problems);
  const branches = branchList(merged);
  const name = options.branch ?? null;
  if (name === null) {
    if (base.problems.length > 0) throw fail(chain, base.problems);
    return { scenario: base.scenario, chain: chain.map((f) => f.display), branch: null, branches };
  }
  if (!branches.some((b) => b.name === name)) {
    const near = closest(name, branches.map((b) => b.name));
    throw new UserError(`unknown branch "${name}" of scenario ${base.scenario.id}; ${branches.length ? `its branches: ${branches.map((b) => b.name).join(', ')}` : 'it has no branches'}${near ? `; did you mean "${near}"?` : ''}`);
  }
  const data = withBranch(merged, name);
  const branched = check(data, [...layers, { file: last, prefix: ['branches', name] }]);
  if (!branched.scenario || branched.problems.length > 0 || base.problems.length > 0) {
    throw fail(chain, [...base.problems, ...branchProblems(name, branched.problems, base.problems)]);
  }
  return { scenario: branched.scenario, chain: chain.map((f) => f.display), branch: name, branches };
}

/**
 * Everything `thaw validate` checks for one file: the scenario and every branch it declares.
 * Throws one UserError with all problems; returns the loaded scenario when there are none.
 */
export function validateScenario(ref: string): LoadedScenario {
  const chain = loadChain(resolveRef(ref));
  const last = chain[chain.length - 1]!;
  const layers: Layer[] = chain.map((file) => ({ file, prefix: [] }));
  const merged = mergeChain(chain);
  const base = check(merged, layers);
  const problems = [...base.problems, ...collapsedDuplicates(chain)];
  const branches = base.scenario ? branchList(merged) : [];
  for (const { name } of branches) {
    const data = withBranch(merged, name);
    problems.push(...branchProblems(name, check(data, [...layers, { file: last, prefix: ['branches', name] }]).problems, base.problems));
  }
  if (!base.scenario || problems.length > 0) throw fail(chain, problems);
  return { scenario: base.scenario, chain: chain.map((f) => f.display), branch: null, branches };
}
