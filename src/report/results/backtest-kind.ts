/**
 * `thaw report FILE` for a backtest's JSON (`thaw backtest --format json`): the same body as
 * `thaw backtest --out FILE.html`, in the report's frame. The check is on the fields the page reads.
 */
import { z } from 'zod';
import type { BacktestReport } from '../backtest.js';
import { backtestFrame } from '../html/backtest-page.js';
import { fromSchema, registerReportKind } from './registry.js';

const ci = z.tuple([z.number(), z.number()]).nullable();
const scoreOrNull = z.number().nullable();

export const backtestResultSchema = z.looseObject({
  thaw: z.literal('backtest'),
  format: z.literal(1),
  backtest: z.string(),
  file: z.string(),
  scenario: z.string(),
  branch: z.string().nullable(),
  runs: z.number().int().min(1),
  seed: z.number().int().min(0),
  months: z.number().int().min(1),
  fingerprint: z.string(),
  version: z.string(),
  facts: z.array(z.union([
    z.looseObject({ id: z.string(), kind: z.string(), by: z.string(), p: z.number(), observed: z.boolean(), brier: z.number(), persistence: z.number() }),
    z.looseObject({ id: z.string(), kind: z.string(), by: z.string(), median: z.number(), band: z.tuple([z.number(), z.number()]), percentile: z.number(), observed: z.number(), persistence: z.number() }),
  ])),
  scores: z.looseObject({
    n: z.number(), brier: scoreOrNull, brierCi: ci, log: scoreOrNull, logCi: ci, reliability: scoreOrNull, resolution: scoreOrNull, uncertainty: scoreOrNull,
    withinBin: scoreOrNull, inBand: scoreOrNull, logClip: z.number(),
    bins: z.array(z.looseObject({ lo: z.number(), hi: z.number(), n: z.number(), meanForecast: scoreOrNull, observedRate: scoreOrNull })),
  }),
  baselines: z.looseObject({ uniform: z.looseObject({ brier: scoreOrNull, log: scoreOrNull }), persistence: z.looseObject({ brier: scoreOrNull, log: scoreOrNull }) }),
});

export function registerBacktestKind(): void {
  registerReportKind({
    kind: 'backtest', format: 1, layout: 'json', writtenBy: 'thaw backtest --format json',
    parse: fromSchema(backtestResultSchema),
    render: async (doc, source) => backtestFrame(doc as unknown as BacktestReport, source),
  });
}
