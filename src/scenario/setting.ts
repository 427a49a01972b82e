/**
 * The `--set PATH=VALUE` text, split, and the copy-on-write setter the overrides and the draws
 * share. Apart from overrides.ts so that reading the flag and drawing a run's inputs load neither
 * the YAML parser nor the schema (`thaw run` starts faster; docs/performance.md).
 */
import { UserError } from './errors.js';

export interface Setting {
  readonly path: string;
  readonly value: string;
}

/** Splits `a.b=3` into its path and raw value. */
export function parseSetting(text: string): Setting {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UserError(`--set expects PATH=VALUE (e.g. agents.us.visitChance=0.6), got "${text}"`);
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** A copy of `root` with `value` at `at`, sharing every part off the path (no validation). */
export function setIn<T>(root: T, at: readonly (string | number)[], value: unknown): T {
  if (at.length === 0) return value as T;
  const [head, ...rest] = at;
  const node = root as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(root) ? [...root] : { ...node }) as Record<string | number, unknown>;
  copy[head!] = setIn(node[head!], rest, value);
  return copy as unknown as T;
}
