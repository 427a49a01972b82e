/**
 * docs/facts.schema.json, generated from the facts file's zod schema (src/scenario/facts-file.ts)
 * so that editors complete and check backtests (`# yaml-language-server: $schema=…`). Ids, months
 * and `observed` types are checked against the scenario by `thaw backtest` itself.
 */
import { z } from 'zod';
import { factsFileSchema } from '../scenario/facts-file.js';

export function factsJsonSchema(): Record<string, unknown> {
  const raw = z.toJSONSchema(factsFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = raw;
  return {
    $schema: $schema ?? null,
    $id: 'https://thaw.example/facts.schema.json',
    title: 'thaw facts file',
    description: 'What later happened, for `thaw backtest FILE.yaml` (docs/backtesting.md). Generated from src/scenario/facts-file.ts by `npm run docs`; do not edit.',
    ...rest,
  };
}

export const renderFactsSchema = (): string => `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
