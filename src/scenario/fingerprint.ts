/**
 * A scenario's fingerprint: the first 16 hex digits of the SHA-256 of its resolved form (after
 * `extends`, the branch and `--set`). Run JSON, sweep files and study reports carry it, so two
 * outputs can be told apart, or matched, by what was actually simulated.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from './schema.js';

export const fingerprintOf = (scenario: Scenario): string =>
  createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 16);
