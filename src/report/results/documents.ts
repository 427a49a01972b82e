/**
 * The result files `thaw report FILE` reads, as zod schemas: what it checks before it draws, so a
 * damaged or hand-edited file is refused with the field that is wrong, never half-drawn. Only the
 * fields the report uses are required; others are kept out of the way (a later format may add
 * fields without breaking this reader).
 */
import { z } from 'zod';

const num = z.number();
const maybe = z.number().nullable();
const interval = z.tuple([num, num]).nullable();

export const summarySchema = z.object({ n: num, missing: num, mean: maybe, sd: maybe, p5: maybe, p50: maybe, p95: maybe, ciLow: maybe, ciHigh: maybe });
export type SummaryDoc = z.infer<typeof summarySchema>;
const namedSummary = summarySchema.extend({ name: z.string(), description: z.string() });

const kind = <K extends string>(k: K) => ({ thaw: z.literal(k), format: z.literal(1) });

export const sweepResultSchema = z.object({
  ...kind('sweep-result'),
  scenario: z.string(), branch: z.string().nullable(), settings: z.array(z.string()), seed: num, runs: num,
  months: maybe, runsPresent: num, version: z.string(), fingerprint: z.string(), metrics: z.array(namedSummary),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;

export const compareResultSchema = z.object({
  ...kind('compare-result'),
  columns: z.array(z.string()).min(2), seed: num, runs: num, months: maybe, settings: z.array(z.string()), version: z.string(),
  fingerprints: z.record(z.string(), z.string()),
  metrics: z.array(z.object({ name: z.string(), description: z.string(), columns: z.array(summarySchema), differences: z.array(summarySchema) })),
});
export type CompareResult = z.infer<typeof compareResultSchema>;

export const sensitivityResultSchema = z.object({
  ...kind('sensitivity-result'),
  scenario: z.string(), branch: z.string().nullable(), settings: z.array(z.string()), seed: num, runs: num, months: maybe,
  sensitivity: z.array(z.object({
    path: z.string(),
    points: z.array(z.object({ value: num, summaries: z.array(z.object({ name: z.string(), description: z.string(), summary: summarySchema })) })),
  })),
  tornado: z.array(z.object({ path: z.string(), metric: z.string(), atLow: num, atHigh: num, swing: num, swingCi: interval.optional() })),
});
export type SensitivityResult = z.infer<typeof sensitivityResultSchema>;

const restriction = z.union([
  z.object({ factor: z.string(), min: num, max: num }),
  z.object({ factor: z.string(), values: z.array(z.union([z.string(), z.number(), z.boolean()])) }),
]);

export const studyResultSchema = z.object({
  ...kind('study-result'),
  study: z.string(), design: z.string(), scenario: z.string(), branch: z.string().nullable(), seed: num, samples: num, replications: num,
  runs: num, runsPresent: num,
  factors: z.array(z.object({ name: z.string(), distribution: z.unknown(), integer: z.boolean() })),
  indices: z.array(z.object({ metric: z.string(), factor: z.string(), S1: maybe, S1ci: interval, ST: maybe, STci: interval })),
  secondOrder: z.array(z.object({ metric: z.string(), factors: z.tuple([z.string(), z.string()]), S2: maybe, S2ci: interval })),
  morris: z.array(z.object({ metric: z.string(), factor: z.string(), mu: maybe, muStar: maybe, muStarCi: interval, sigma: maybe })),
  boxes: z.array(z.object({
    where: z.string(), coverage: num, density: num, mass: num, runs: num, hits: num, restrictions: z.array(restriction),
    trajectory: z.array(z.object({ coverage: num, density: num, mass: num })), chosen: num,
  })),
  seedVariance: z.array(z.object({ metric: z.string(), share: maybe })),
  warnings: z.array(z.object({ metric: z.string(), factor: z.string().nullable(), message: z.string() })),
  metrics: z.array(namedSummary),
});
export type StudyResult = z.infer<typeof studyResultSchema>;
