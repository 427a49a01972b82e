/** Scenario files written inline for the open world's rule suites (R18–R24). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { RunResult } from '../../src/simulation/trace.js';

const dir = mkdtempSync(join(tmpdir(), 'thaw-open-world-'));
let n = 0;

/** A scenario from YAML text, loaded as a user's file is (so `extends: base` works). */
export function loadScenarioText(text: string): Scenario {
  const file = join(dir, `scenario-${n++}.yaml`);
  writeFileSync(file, text);
  return loadScenario(file).scenario;
}

export const changesOf = (r: RunResult, kind: string) => r.months.flatMap((m) => m.changes.filter((c) => c.kind === kind).map((c) => ({ ...c, month: m.month })));
