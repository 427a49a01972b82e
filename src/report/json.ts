import type { RunResult } from '../simulation/trace.js';
import type { Provenance } from './provenance.js';

/**
 * One JSON object per run; key order is fixed by construction, so equal runs give equal bytes.
 * With a provenance (the CLI always gives one), it is added last, under `provenance`.
 */
export const renderJson = (result: RunResult, provenance?: Provenance): string =>
  `${JSON.stringify(provenance ? { ...result, provenance } : result, null, 2)}\n`;
