/**
 * The shipped scenarios, resolved and validated at build time, so that `thaw run base` neither
 * parses YAML nor builds the schema (about a third of its start-up; docs/performance.md).
 *
 * The build (scripts/bundle.mjs) stores, per shipped scenario, what `loadScenario` returned for it
 * and for each of its branches, with what it was made from: the build's hash (the compiled code and
 * the locked dependencies, so a changed schema or loader never meets an old cache) and the exact
 * bytes of every file of the scenario's `extends` chain. A lookup re-reads those files and compares
 * them byte for byte (no hash, so no collision can pass); any difference (an edited, added, removed
 * or unreadable file, another build) is a miss, and the caller loads the scenario the ordinary way,
 * with every check and error message. So a cache can be stale, but it can never answer for files
 * it was not made from.
 *
 * Only the CLI's bundle installs a cache (`useResolvedScenarios`); everything else (dist/'s modules,
 * the library entry, tests) loads scenarios the ordinary way unless it passes a cache explicitly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, inPackage } from '../paths.js';
import { isFailure, readBounded } from '../files/read.js';
import type { Scenario } from './schema.js';
import type { BranchInfo, LoadedScenario, LoadOptions } from './load.js';

/** Same limit as the loader's (parse.ts's MAX_BYTES): a larger file is left to the loader to refuse. */
const MAX_BYTES = 1024 * 1024;
/** Shipped scenarios are named like this (resolveRef's rule); anything else is a path or a typo. */
const NAME = /^[a-z0-9][a-z0-9-]*$/i;

/** One shipped scenario, resolved: what `loadScenario(name)` and `loadScenario(name, { branch })` gave. */
export interface ResolvedEntry {
  /** The hash of the build that made it. */
  readonly build: string;
  /** The chain's files, root first: name in the scenarios folder, and bytes (as latin1, one char a byte). */
  readonly files: readonly ResolvedFile[];
  readonly scenario: Scenario;
  readonly branches: readonly BranchInfo[];
  /** Branch name → the scenario with that branch applied. */
  readonly byBranch: Readonly<Record<string, Scenario>>;
}

export interface ResolvedCache {
  /** The build's own hash: a cache from another build is never used. */
  readonly build: string;
  /** Where the entries are, one `NAME.json` per scenario. */
  readonly dir: string;
  /** Where the shipped scenarios are. */
  readonly scenarios: string;
}

let installed: ResolvedCache | null = null;

/** Called once by the CLI's bundle: from then on shipped scenarios come from `dist/resolved/`. */
export function useResolvedScenarios(build: string, dir = inPackage('dist', 'resolved'), scenarios = inPackage('scenarios')): void {
  installed = { build, dir, scenarios };
}

export interface ResolvedFile {
  readonly name: string;
  readonly bytes: string;
}

/** A file's bytes as the cache holds them: latin1 maps every byte to one char and back, losslessly. */
export const asStored = (bytes: Buffer): string => bytes.toString('latin1');

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
};

const isEntry = (v: unknown): v is ResolvedEntry =>
  typeof v === 'object' && v !== null && typeof (v as ResolvedEntry).build === 'string' && Array.isArray((v as ResolvedEntry).files)
  && (v as ResolvedEntry).files.length > 0
  && (v as ResolvedEntry).files.every((f) => typeof f === 'object' && f !== null && typeof f.bytes === 'string' && typeof f.name === 'string' && /^[a-z0-9][a-z0-9-]*\.yaml$/i.test(f.name))
  && typeof (v as ResolvedEntry).scenario === 'object' && Array.isArray((v as ResolvedEntry).branches)
  && typeof (v as ResolvedEntry).byBranch === 'object' && (v as ResolvedEntry).byBranch !== null;

/**
 * The shipped scenario `ref` (with `branch`) from the cache, or null when the cache cannot vouch
 * for it: not a shipped name, no entry, an unknown branch, or any file of its chain changed.
 */
export function cachedScenario(ref: string, branch: string | null, cache: ResolvedCache | null = installed): LoadedScenario | null {
  if (cache === null || !NAME.test(ref)) return null;
  const entry = readJson(join(cache.dir, `${ref}.json`));
  if (!isEntry(entry) || entry.build !== cache.build || entry.files[entry.files.length - 1]!.name !== `${ref}.yaml`) return null;
  for (const file of entry.files) {
    const bytes = readBounded(join(cache.scenarios, file.name), MAX_BYTES, 'a scenario');
    if (isFailure(bytes) || asStored(bytes) !== file.bytes) return null;
  }
  const chain = entry.files.map((file) => displayPath(join(cache.scenarios, file.name)));
  if (branch === null) return { scenario: entry.scenario, chain, branch: null, branches: entry.branches };
  const branched = Object.prototype.hasOwnProperty.call(entry.byBranch, branch) ? entry.byBranch[branch] : undefined;
  return branched === undefined ? null : { scenario: branched, chain, branch, branches: entry.branches };
}

/**
 * `loadScenario`, answered from the build's cache when it can vouch for the files; otherwise the
 * loader itself, imported only then (it brings the YAML parser and the schema).
 */
export async function loadScenarioFast(ref: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  return cachedScenario(ref, options.branch ?? null) ?? (await import('./load.js')).loadScenario(ref, options);
}
