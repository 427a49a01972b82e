import type { RunResult } from '../simulation/trace.js';

/** One JSON object per run; key order is fixed by construction, so equal runs give equal bytes. */
export const renderJson = (result: RunResult): string => `${JSON.stringify(result, null, 2)}\n`;
