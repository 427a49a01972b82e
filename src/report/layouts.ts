/**
 * Statechart layouts made at build time. A machine's picture is laid out from its DOT, which
 * depends only on the machine's definition, never on a run; laying the five machines out with
 * Graphviz's WebAssembly took about a fifth of a report's second (docs/performance.md). So the
 * build (scripts/bundle.mjs) lays out each machine's DOT once and stores DOT and SVG together in
 * `dist/layouts.json`; a lookup compares the whole DOT, character for character, so a changed
 * machine (or label, or rule) is a miss and Graphviz lays it out as before. The build is remade
 * with every install of the dependencies (npm's `prepare`), so the Graphviz that made the file is
 * the one installed.
 */
import { readFileSync } from 'node:fs';
import { inPackage } from '../paths.js';

export interface Layout {
  readonly dot: string;
  readonly svg: string;
}

let known: ReadonlyMap<string, string> | null = null;

const isLayouts = (v: unknown): v is Layout[] =>
  Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null && typeof (e as Layout).dot === 'string' && typeof (e as Layout).svg === 'string');

/** The layouts in `file`, by DOT; none when the file is missing or not a list of layouts. */
export function readLayouts(file: string): ReadonlyMap<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return new Map(isLayouts(parsed) ? parsed.map((e) => [e.dot, e.svg]) : []);
  } catch {
    return new Map();
  }
}

export const LAYOUTS_FILE = (): string => inPackage('dist', 'layouts.json');

/** The build's SVG for exactly this DOT, or null. */
export function storedLayout(dot: string): string | null {
  known ??= readLayouts(LAYOUTS_FILE());
  return known.get(dot) ?? null;
}
