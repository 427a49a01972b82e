/**
 * Loading a scenario: find the file (a name in scenarios/ or a path), parse YAML keeping
 * positions, follow `extends`, merge, and validate against the schema. Every failure becomes a
 * UserError with file, line and column; nothing here throws anything else at bad input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { FORBIDDEN_KEYS, mergeScenario, type Plain } from './merge.js';
import { UserError, type Problem } from './errors.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const MAX_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;

export interface ParsedFile {
  readonly path: string;
  readonly display: string;
  readonly data: Record<string, Plain>;
  readonly doc: Document;
  readonly lines: LineCounter;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The files merged, root first. */
  readonly chain: readonly string[];
}

const display = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

/** Names of the scenarios shipped in scenarios/. */
export function scenarioNames(dir = SCENARIO_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
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
    throw new UserError(`unknown scenario "${ref}"; known scenarios: ${scenarioNames().join(', ')} (or give a path to a .yaml file)`);
  }
  return path;
}

function at(file: ParsedFile, node: Node | null | undefined, message: string, hint?: string): Problem {
  const offset = node?.range?.[0] ?? 0;
  const pos = file.lines.linePos(offset);
  return { file: file.display, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) };
}

export function parseFile(path: string): ParsedFile {
  const shown = display(path);
  const whole = (message: string, hint?: string): UserError =>
    new UserError(message, [{ file: shown, line: 1, column: 1, message, ...(hint ? { hint } : {}) }]);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw whole('cannot read the file');
  }
  if (size > MAX_BYTES) throw whole(`file is ${size} bytes; scenarios are limited to ${MAX_BYTES} bytes`);
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const base: ParsedFile = { path, display: shown, data: {}, doc, lines };
  if (doc.errors.length > 0) {
    throw new UserError('YAML syntax error', doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      return { file: shown, line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
    }));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw whole(`YAML could not be expanded: ${error instanceof Error ? error.message : String(error)}`, `aliases are limited to ${MAX_ALIASES}`);
  }
  if (data === null || data === undefined) throw whole('the file is empty', 'a scenario is a mapping with at least `id` and `title`; copy scenarios/base.yaml to start');
  if (typeof data !== 'object' || Array.isArray(data)) throw whole('expected a mapping (key: value) at the top of the file');
  const forbidden = findForbiddenKey(doc.contents as Node | null);
  if (forbidden) throw new UserError('forbidden key', [at(base, forbidden.node, `key "${forbidden.key}" is not allowed in a scenario`)]);
  return { ...base, data: data as Record<string, Plain> };
}

function findForbiddenKey(node: Node | null | undefined): { key: string; node: Node } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (FORBIDDEN_KEYS.has(key)) return { key, node: pair.key as Node };
      const inner = findForbiddenKey(pair.value as Node);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findForbiddenKey(item as Node);
      if (inner) return inner;
    }
  }
  return null;
}

/** The file and its ancestors, root first. */
export function loadChain(path: string, seen: string[] = []): ParsedFile[] {
  if (seen.includes(path)) {
    throw new UserError(`extends cycle: ${[...seen, path].map(display).join(' → ')}`);
  }
  const file = parseFile(path);
  const parentRef = file.data.extends;
  if (parentRef === undefined) return [file];
  if (typeof parentRef !== 'string') {
    throw new UserError('bad extends', [at(file, file.doc.get('extends', true) as Node, 'extends: expected a scenario name or a path')]);
  }
  let parentPath: string;
  try {
    parentPath = resolveRef(parentRef, path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(message, [at(file, file.doc.get('extends', true) as Node, `extends: ${message}`, `chain: ${[...seen, path].map(display).join(' → ')}`)]);
  }
  return [...loadChain(parentPath, [...seen, path]), file];
}

/** Position of a schema issue: the deepest node of the path present in the file that set it. */
function locate(chain: readonly ParsedFile[], issuePath: readonly PropertyKey[]): ParsedFile & { node: Node | null } {
  for (let i = chain.length - 1; i >= 0; i--) {
    const file = chain[i]!;
    for (let depth = issuePath.length; depth >= 1; depth--) {
      const node = file.doc.getIn(issuePath.slice(0, depth) as (string | number)[], true) as Node | undefined;
      if (node && depth === issuePath.length) return { ...file, node };
      if (node && i === chain.length - 1) return { ...file, node };
    }
  }
  const last = chain[chain.length - 1]!;
  return { ...last, node: last.doc.contents as Node | null };
}

export function problemsFromIssues(chain: readonly ParsedFile[], issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const where = locate(chain, issue.path);
    const path = issue.path.map(String).join('.');
    return at(where, where.node, `${path ? `${path}: ` : ''}${issue.message}`);
  });
}

/** Loads, merges and validates a scenario by name or path. */
export function loadScenario(ref: string): LoadedScenario {
  const chain = loadChain(resolveRef(ref));
  let merged: Plain = {};
  for (const file of chain) {
    const { extends: _parent, ...rest } = file.data;
    void _parent;
    merged = mergeScenario(merged, rest);
  }
  const result = scenarioSchema.safeParse(merged);
  if (!result.success) throw new UserError(`invalid scenario ${display(chain[chain.length - 1]!.path)}`, problemsFromIssues(chain, result.error.issues));
  return { scenario: result.data, chain: chain.map((f) => f.display) };
}
