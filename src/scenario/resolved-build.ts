/**
 * Making the cache of resolved shipped scenarios (resolved.ts) at build time, with the ordinary
 * loader: an entry holds exactly what `loadScenario` returned, so a hit answers as the loader would.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadChain, loadScenario, resolveRef, scenarioNames, SCENARIO_DIR } from './load.js';
import { asStored, type ResolvedEntry } from './resolved.js';
import type { Scenario } from './schema.js';

/** JSON keeps it as it is (no undefined, -0, NaN or Infinity inside), so a cached copy is the same value. */
const survivesJson = (value: unknown): boolean => isDeepStrictEqual(JSON.parse(JSON.stringify(value)) as unknown, value);

/**
 * One entry per shipped scenario that loads without problems and whose chain lies in the
 * scenarios folder; the others are left out (the loader handles them, errors included).
 */
export function resolvedEntries(build: string): Map<string, ResolvedEntry> {
  const entries = new Map<string, ResolvedEntry>();
  for (const name of scenarioNames()) {
    let chain: string[];
    let loaded: ReturnType<typeof loadScenario>;
    try {
      chain = loadChain(resolveRef(name)).map((file) => file.path);
      loaded = loadScenario(name);
    } catch {
      continue;
    }
    if (!chain.every((path) => resolve(dirname(path)) === resolve(SCENARIO_DIR))) continue;
    const byBranch: Record<string, Scenario> = {};
    try {
      for (const { name: branch } of loaded.branches) byBranch[branch] = loadScenario(name, { branch }).scenario;
    } catch {
      continue;
    }
    const files = chain.map((path) => ({ name: basename(path), bytes: asStored(readFileSync(path)) }));
    const entry: ResolvedEntry = { build, files, scenario: loaded.scenario, branches: loaded.branches, byBranch };
    if (survivesJson(entry)) entries.set(name, entry);
  }
  return entries;
}
