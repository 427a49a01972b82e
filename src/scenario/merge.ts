/**
 * Merging a child scenario (or a branch) over its parent. The rules, in the order they apply:
 *
 * - Mappings merge key by key: a child changes only the keys it names.
 * - A peace-talks transition row (`talks.stalled`, …) is a probability distribution, so a child's
 *   row REPLACES the parent's row whole; merging key by key would leave stray parent entries
 *   that silently change the distribution.
 * - `events` merge by `id`: an event with a parent's id replaces that event whole (an event's
 *   trigger and effects belong together), new ids are appended in the child's order.
 * - Other lists of objects with an `id` (cohorts, named prisoners, sanctions) merge item by item,
 *   so a child can change one sanction's weight; new ids are appended.
 * - Any other list (e.g. `sideOffers`) is replaced whole.
 * - `branches` are not inherited: a branch belongs to the file that declares it.
 * - A distribution (`{ uniform: [lo, hi] }`, …) is one value: it replaces, and is replaced, whole.
 *
 * Keys that could reach Object.prototype are refused before they are ever assigned.
 */
import { looksLikeDistribution } from '../study/distributions.js';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const isRecord = (v: unknown): v is Record<string, Plain> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown): v is Record<string, Plain> & { id: string } => isRecord(v) && typeof v.id === 'string';

/** Paths (dotted, `*` for any key) whose value a child replaces instead of merging into. */
const REPLACED_WHOLE = ['talks.*'];
/** Lists of id'd items whose items a child replaces instead of merging into. */
const ITEMS_REPLACED_WHOLE = ['events'];

const matches = (pattern: string, path: readonly string[]): boolean => {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
};

export function mergeScenario(parent: Plain, child: Plain, path: readonly string[] = []): Plain {
  if (path.length > 0 && REPLACED_WHOLE.some((p) => matches(p, path))) return child;
  // A distribution is one value: a child's replaces its parent's (or a number) whole.
  if (looksLikeDistribution(child) || looksLikeDistribution(parent)) return child;
  if (isRecord(parent) && isRecord(child)) {
    const out: Record<string, Plain> = Object.create(null) as Record<string, Plain>;
    for (const [k, v] of Object.entries(parent)) if (!FORBIDDEN_KEYS.has(k)) out[k] = v;
    for (const [k, v] of Object.entries(child)) {
      if (FORBIDDEN_KEYS.has(k)) continue;
      out[k] = k in out ? mergeScenario(out[k] as Plain, v, [...path, k]) : v;
    }
    return { ...out };
  }
  if (Array.isArray(parent) && Array.isArray(child) && child.length > 0 && child.every(hasId) && parent.every(hasId)) {
    const whole = ITEMS_REPLACED_WHOLE.some((p) => matches(p, path));
    const merged = parent.map((p) => {
      const c = child.find((x) => x.id === p.id);
      return c ? (whole ? c : mergeScenario(p, c, [...path, p.id])) : p;
    });
    for (const c of child) if (!parent.some((p) => p.id === c.id)) merged.push(c);
    return merged;
  }
  return child;
}
