/**
 * The shipped scenarios' folder and names, apart from the loader so that commands which only
 * list names (`thaw list`, completion) do not load the YAML parser and the schema with it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { inPackage } from '../paths.js';

/** With a trailing separator, as callers join names onto it. */
export const SCENARIO_DIR = `${inPackage('scenarios')}${sep}`;

/** Names of the scenarios shipped in scenarios/. */
export function scenarioNames(dir = SCENARIO_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}
