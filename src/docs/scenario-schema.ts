/**
 * docs/scenario.schema.json, generated from the zod schema (src/scenario/schema.ts) so editors
 * complete and check scenario files (the `# yaml-language-server: $schema=…` line at the top of
 * each). A file may extend another and a branch overrides only part of a scenario, so the
 * editor schema requires nothing but list items' `id`: completeness is `thaw validate`'s job.
 */
import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops `required` everywhere except `id` in list items, recursively. */
function relax(node: Json, inItem: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => relax(n, false));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'required') {
      const kept = inItem && Array.isArray(v) ? v.filter((x) => x === 'id') : [];
      if (kept.length > 0) out[k] = kept;
    } else if (k === 'items') out[k] = relax(v, true);
    else if (k === 'anyOf' || k === 'oneOf') out[k] = Array.isArray(v) ? v.map((x) => relax(x, inItem)) : v;
    else out[k] = relax(v, false);
  }
  return out;
}

export function scenarioJsonSchema(): JsonObject {
  const raw = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as unknown as JsonObject;
  const schema = relax(raw, false) as JsonObject;
  const properties = schema.properties as JsonObject;
  // A branch is a scenario without id, extends or branches of its own: offer the same keys.
  const branch: JsonObject = { type: 'object', additionalProperties: false, properties: {} };
  for (const [k, v] of Object.entries(properties)) if (!['id', 'extends', 'branches'].includes(k)) (branch.properties as JsonObject)[k] = v;
  const branches = properties.branches as JsonObject;
  branches.additionalProperties = branch;
  return {
    $schema: schema.$schema ?? null,
    $id: 'https://thaw.example/scenario.schema.json',
    title: 'thaw scenario',
    description: 'A thaw scenario file. Generated from src/scenario/schema.ts by `npm run docs`; do not edit.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export const renderScenarioSchema = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
