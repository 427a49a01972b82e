/**
 * Uncertain inputs: a scenario parameter written as a distribution (`visitChance: { uniform: [0.2,
 * 0.9] }`) instead of a number. The loader lifts each distribution out of the scenario before it is
 * validated, checks that every value the distribution can give is one the parameter accepts (its
 * type, its range, whole numbers where it holds whole numbers), and leaves a placeholder (the
 * distribution's median) so that the rest of the scenario is validated as usual. Each run then draws
 * the values afresh (src/simulation/draws.ts). Study factors are checked by the same function.
 */
import type { Plain } from './merge.js';
import { schemaAt } from './issues.js';
import {
  describeDistribution, looksLikeDistribution, parseDistribution, quantileOf, supportOf, type Distribution,
} from '../study/distributions.js';

export interface UncertainInput {
  /** The parameter's path as `--set` writes it (list items by id), e.g. `world.sanctions.eu.potash.weight`. */
  readonly path: string;
  /** The same path in the scenario's data (list items by index), for setting the drawn value. */
  readonly at: readonly (string | number)[];
  readonly distribution: Distribution;
  /** The parameter holds whole numbers: draws are rounded. */
  readonly integer: boolean;
}

export type ParameterInfo =
  | { readonly kind: 'number'; readonly min: number | null; readonly max: number | null; readonly integer: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

type Def = Record<string, unknown> & { type?: string };
const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? null;

// zod's whole numbers carry the safe-integer limits as bounds: those are no range of the parameter's.
const finiteOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER ? x : null);

/** What the scenario schema accepts at a data path, when it is a single number, boolean or word from a list. */
export function parameterAt(at: readonly PropertyKey[]): ParameterInfo | null {
  const schema = schemaAt(at);
  const def = defOf(schema);
  if (!def) return null;
  if (def.type === 'number') {
    const n = schema as { minValue?: unknown; maxValue?: unknown; isInt?: boolean };
    return { kind: 'number', min: finiteOrNull(n.minValue), max: finiteOrNull(n.maxValue), integer: n.isInt === true };
  }
  if (def.type === 'boolean') return { kind: 'boolean' };
  if (def.type === 'enum') return { kind: 'enum', values: Object.values(def.entries as Record<string, string>) };
  return null;
}

export type Fit = { readonly ok: true; readonly distribution: Distribution; readonly integer: boolean } | { readonly ok: false; readonly message: string; readonly hint?: string };

const bound = (x: number): string => (x === Number.NEGATIVE_INFINITY ? '−∞' : x === Number.POSITIVE_INFINITY ? '∞' : String(x));

const rangeText = (p: Extract<ParameterInfo, { kind: 'number' }>): string =>
  `${p.min ?? '−∞'} to ${p.max ?? '∞'}${p.integer ? ', whole numbers' : ''}`;

/** Reads a distribution for a parameter and checks that its whole support is inside what the parameter accepts. */
export function fitDistribution(raw: unknown, parameter: ParameterInfo | null): Fit {
  if (!parameter) return { ok: false, message: 'only a number, true/false or a word from a list can be uncertain; this parameter is none of them' };
  const range = parameter.kind === 'number' ? { lo: parameter.min, hi: parameter.max } : { lo: null, hi: null };
  const parsed = parseDistribution(raw, range);
  if (!parsed.ok) return parsed;
  const d = parsed.distribution;
  if (parameter.kind !== 'number') {
    if (d.kind !== 'choice') return { ok: false, message: `a ${parameter.kind === 'boolean' ? 'true/false' : 'word'} parameter takes only a choice, not ${d.kind}`, hint: parameter.kind === 'boolean' ? 'e.g. { choice: [true, false] }' : `e.g. { choice: [${parameter.values.slice(0, 2).join(', ')}] }` };
    const wrong = d.values.find((v) => (parameter.kind === 'boolean' ? typeof v !== 'boolean' : typeof v !== 'string' || !parameter.values.includes(v)));
    if (wrong !== undefined) return { ok: false, message: `choice: ${String(wrong)} is not ${parameter.kind === 'boolean' ? 'true or false' : `one of ${parameter.values.join(', ')}`}` };
    return { ok: true, distribution: d, integer: false };
  }
  if (d.kind === 'choice' && d.values.some((v) => typeof v !== 'number')) return { ok: false, message: 'choice: this parameter is a number; every value must be one' };
  if (d.kind === 'choice' && parameter.integer && d.values.some((v) => !Number.isInteger(v))) return { ok: false, message: 'choice: this parameter holds whole numbers; every value must be one' };
  const support = supportOf(d)!;
  const leaves = (parameter.min !== null && support.lo < parameter.min) || (parameter.max !== null && support.hi > parameter.max);
  if (leaves) {
    const unbounded = !Number.isFinite(support.lo) || !Number.isFinite(support.hi);
    return {
      ok: false,
      message: `${describeDistribution(d)} leaves the parameter's range: it can give values from ${bound(support.lo)} to ${bound(support.hi)}, the parameter accepts ${rangeText(parameter)}`,
      hint: unbounded ? `truncate the normal with min and max inside ${parameter.min ?? '−∞'}..${parameter.max ?? '∞'}` : `keep the distribution within ${parameter.min ?? '−∞'}..${parameter.max ?? '∞'}`,
    };
  }
  if (parameter.integer && d.kind !== 'choice' && Math.floor(support.hi) < Math.ceil(support.lo)) {
    return { ok: false, message: `${describeDistribution(d)} holds no whole number, and this parameter holds whole numbers` };
  }
  return { ok: true, distribution: d, integer: parameter.integer };
}

/** The value a scenario is validated with in place of a distribution: its median (rounded for whole numbers). */
export function placeholderOf(d: Distribution, integer: boolean): Plain {
  const v = quantileOf(d, 0.5);
  if (integer && typeof v === 'number') {
    const s = supportOf(d)!;
    return Math.min(Math.floor(s.hi), Math.max(Math.ceil(s.lo), Math.round(v)));
  }
  return v;
}

const isRecord = (x: Plain | undefined): x is { [k: string]: Plain } => typeof x === 'object' && x !== null && !Array.isArray(x);
const itemId = (x: Plain | undefined): string | null => (isRecord(x) && typeof x.id === 'string' ? x.id : null);

export interface Lifted {
  /** The scenario data with placeholders where the distributions were. */
  readonly data: Plain;
  readonly inputs: UncertainInput[];
  /** Distributions that do not fit their parameter, at their data path. */
  readonly problems: { readonly at: readonly (string | number)[]; readonly message: string; readonly hint?: string }[];
}

/** Finds every distribution in scenario data (branches aside: they are lifted when applied). */
export function liftDistributions(data: Plain): Lifted {
  const inputs: UncertainInput[] = [];
  const problems: Lifted['problems'][number][] = [];
  const walk = (node: Plain, at: (string | number)[], path: string[]): Plain => {
    if (looksLikeDistribution(node)) {
      const fit = fitDistribution(node, parameterAt(at));
      if (!fit.ok) {
        problems.push({ at, message: `${path.join('.')}: ${fit.message}`, ...(fit.hint ? { hint: fit.hint } : {}) });
        return node;
      }
      inputs.push({ path: path.join('.'), at, distribution: fit.distribution, integer: fit.integer });
      return placeholderOf(fit.distribution, fit.integer);
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...at, i], [...path, itemId(item) ?? String(i)]));
    if (isRecord(node)) {
      const out: { [k: string]: Plain } = {};
      for (const [k, v] of Object.entries(node)) out[k] = at.length === 0 && k === 'branches' ? v : walk(v, [...at, k], [...path, k]);
      return out;
    }
    return node;
  };
  const lifted = walk(data, [], []);
  return { data: lifted, inputs, problems };
}
