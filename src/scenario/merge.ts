/**
 * Merging a child scenario over its parent. Objects merge key by key; lists of objects with an
 * `id` merge item by item (so a child can change one sanction); other lists are replaced.
 * Keys that could reach Object.prototype are refused before they are ever assigned.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const isRecord = (v: unknown): v is Record<string, Plain> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown): v is Record<string, Plain> & { id: string } => isRecord(v) && typeof v.id === 'string';

export function mergeScenario(parent: Plain, child: Plain): Plain {
  if (isRecord(parent) && isRecord(child)) {
    const out: Record<string, Plain> = Object.create(null) as Record<string, Plain>;
    for (const [k, v] of Object.entries(parent)) if (!FORBIDDEN_KEYS.has(k)) out[k] = v;
    for (const [k, v] of Object.entries(child)) {
      if (FORBIDDEN_KEYS.has(k)) continue;
      out[k] = k in out ? mergeScenario(out[k] as Plain, v) : v;
    }
    return { ...out };
  }
  if (Array.isArray(parent) && Array.isArray(child) && child.length > 0 && child.every(hasId) && parent.every(hasId)) {
    const merged = parent.map((p) => {
      const c = child.find((x) => x.id === p.id);
      return c ? mergeScenario(p, c) : p;
    });
    for (const c of child) if (!parent.some((p) => p.id === c.id)) merged.push(c);
    return merged;
  }
  return child;
}
