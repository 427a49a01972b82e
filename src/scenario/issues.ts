/**
 * zod's issues rewritten for analysts: what is wrong, in the scenario's words, at the right line,
 * with a hint (the closest known key or value, the accepted range or form).
 */
import type { z } from 'zod';
import { scenarioSchema } from './schema.js';
import { closest } from './suggest.js';
import type { Plain } from './merge.js';
import { locateProblem, type Layer } from './locate.js';
import type { Problem } from './errors.js';

type Def = Record<string, unknown> & { type?: string };
const defOf = (schema: unknown): Def | null => {
  const zod = (schema as { _zod?: { def?: Def } } | null)?._zod;
  return zod?.def ?? null;
};

/** Unwraps defaults, optionals, pipes and transforms down to the schema that holds the shape. */
function core(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (!def) return s;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
  return s;
}

/** The schema found at a path of the merged scenario, or null where it cannot be told. */
export function schemaAt(path: readonly PropertyKey[], root: unknown = scenarioSchema): unknown {
  let s: unknown = root;
  for (const seg of path) {
    const def = defOf(core(s));
    if (!def) return null;
    if (def.type === 'object') s = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'union') s = (def.options as unknown[]).map(core).find((o) => defOf(o)?.type === (typeof seg === 'number' ? 'array' : 'object'));
    else return null;
    if (s === undefined) return null;
  }
  return core(s);
}

/** Keys a mapping at this path accepts (object keys or a record's enum keys). */
export function knownKeys(path: readonly PropertyKey[]): string[] {
  const def = defOf(schemaAt(path));
  if (def?.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
  if (def?.type === 'record') {
    const keys = defOf(core(def.keyType));
    if (keys?.type === 'enum') return Object.values(keys.entries as Record<string, string>);
  }
  return [];
}

const valueAt = (data: Plain, path: readonly PropertyKey[]): Plain | undefined => {
  let v: Plain | undefined = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(seg)] : (v as Record<string, Plain>)[String(seg)];
  }
  return v;
};

const show = (v: Plain | undefined): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
};

const TYPE_WORDS: Record<string, string> = {
  number: 'a number', string: 'a text', boolean: 'true or false', object: 'a mapping (key: value)', array: 'a list',
  int: 'a whole number', nonoptional: 'a value',
};

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** One zod issue as one or more located problems. */
export function problemsFromIssue(layers: readonly Layer[], merged: Plain, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path;
  const where = dotted(path);
  const prefix = where ? `${where}: ` : '';
  const value = valueAt(merged, path);
  const at = (message: string, hint?: string, p: readonly PropertyKey[] = path, key = false) => locateProblem(layers, merged, p, message, hint, key);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      return issue.keys.map((key) => {
        const near = closest(key, known);
        return at(`${where ? `${where}: ` : ''}unknown key \`${key}\``,
          near ? `did you mean \`${near}\`?` : known.length ? `known keys here: ${known.join(', ')}` : undefined, [...path, key], true);
      });
    }
    case 'invalid_type': {
      if (value === undefined) return [at(`${prefix}missing: ${TYPE_WORDS[issue.expected] ?? issue.expected} is required here`, undefined, path.slice(0, -1))];
      return [at(`${prefix}expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${show(value)}`)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') return [at(`${prefix}needs at least ${bound} item${bound === 1 ? '' : 's'}`)];
      if (issue.origin === 'string') return [at(`${prefix}must not be empty`)];
      const range = rangeOf(path);
      return [at(`${prefix}${String(value)} is out of range: ${issue.code === 'too_small' ? `the minimum is ${bound}` : `the maximum is ${bound}`}`, range)];
    }
    case 'invalid_format':
      return [at(`${prefix}${issue.message}, got ${show(value)}`)];
    case 'invalid_value': {
      const options = issue.values.map(String);
      const near = typeof value === 'string' ? closest(value, options) : null;
      if (options.length === 1 && options[0] === 'true') return [at(`${prefix}${issue.message}`)];
      return [at(`${prefix}expected one of ${options.join(', ')}; got ${show(value)}`, near ? `did you mean \`${near}\`?` : undefined)];
    }
    case 'invalid_union': {
      // `oneOrMore`: report against the form written, a single value or a list.
      const inner = issue.errors[Array.isArray(value) ? 1 : 0]?.[0];
      if (inner && inner.code !== 'invalid_type') return problemsFromIssue(layers, merged, { ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue);
      return [at(`${prefix}expected one value or a list of values; got ${show(value)}`)];
    }
    case 'invalid_key':
      return [at(`${prefix}${issue.message}`)];
    default:
      return [at(`${prefix}${issue.message}`)];
  }
}

function rangeOf(path: readonly PropertyKey[]): string | undefined {
  const def = defOf(schemaAt(path));
  const checks = (def?.checks as { _zod?: { def?: Def } }[] | undefined) ?? [];
  let min: unknown;
  let max: unknown;
  for (const c of checks) {
    const d = c._zod?.def;
    if (d?.check === 'greater_than') min = d.value;
    if (d?.check === 'less_than') max = d.value;
  }
  return min !== undefined || max !== undefined ? `accepted: ${min ?? '−∞'} to ${max ?? '∞'}` : undefined;
}
