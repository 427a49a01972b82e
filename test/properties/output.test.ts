/**
 * The JSON output validates against the documented schema (docs/output.schema.json), on random
 * scenarios and seeds, and the documented file is exactly what the zod source generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run-scenario.js';
import { renderJson } from '../../src/report/json.js';
import { announceSeed, checkRuns } from './fc-config.js';
import { runExampleArb, SHIPPED } from './arbitraries.js';
import { outputJsonSchema, outputSchema } from './output-schema.js';

announceSeed('output schema');
const FILE = new URL('../../docs/output.schema.json', import.meta.url);
const generated = `${JSON.stringify(outputJsonSchema(), null, 2)}\n`;
if (process.env.THAW_WRITE_OUTPUT_SCHEMA === '1') writeFileSync(FILE, generated);

describe('JSON output contract', () => {
  it('docs/output.schema.json is the one generated from test/properties/output-schema.ts', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });

  it('every run\'s JSON output validates against the output schema', () => {
    checkRuns('output-schema', runExampleArb(), ({ scenario, seed }) => {
      // Every other example asks for the deal space too, so its records are held to the contract as well.
      const parsed = outputSchema.safeParse(JSON.parse(renderJson(runScenario(scenario, { seed, dealSpace: seed % 2 === 1 }))));
      if (!parsed.success) throw new Error(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    });
  });

  it('the schema rejects what the contract forbids', () => {
    const good = JSON.parse(renderJson(runScenario(SHIPPED.find((s) => s.id === 'peace-talks-advance') ?? SHIPPED[0]!, { seed: 3 }))) as Record<string, unknown>;
    expect(outputSchema.safeParse(good).success).toBe(true);
    expect(outputSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    const outcome = good.outcome as Record<string, unknown>;
    expect(outputSchema.safeParse({ ...good, outcome: { ...outcome, sanctions: { 'xx.potash': 'lifted' } } }).success).toBe(false);
    expect(outputSchema.safeParse({ ...good, outcome: { ...outcome, prisonersReleased: -1 } }).success).toBe(false);
  });
});

