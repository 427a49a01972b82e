/**
 * The folders' one-way dependencies (docs/architecture.md): the model never imports a formatter or
 * the CLI, and a report formats results without running the model. src/run-scenario.ts, above
 * both, is where a run and its words meet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
const MODEL = ['world', 'agents', 'negotiation', 'rules', 'simulation', 'scenario', 'study', 'backtest'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Every module a file imports or re-exports, as a path under src/ (bare packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, join(file, '..', s)));
}

/** `file → import` for each import of a file under src/FOLDER that `banned` matches. */
const importsWhere = (folder: string, banned: (path: string) => boolean): string[] =>
  filesUnder(join(SRC, folder)).flatMap((f) => importsOf(f).filter(banned).map((i) => `${relative(SRC, f)} → ${i}`));

describe('folder layers', () => {
  it('finds the imports it checks', () => {
    expect(importsOf(join(SRC, 'run-scenario.ts'))).toEqual(expect.arrayContaining(['simulation/run.js', 'report/trace-words.js']));
  });

  it.each(MODEL)('src/%s imports nothing from src/report or src/cli', (folder) => {
    expect(importsWhere(folder, (i) => i.startsWith('report/') || i.startsWith('cli/'))).toEqual([]);
  });

  it('src/report never runs the model (no simulation/run, simulation/sweep or run-scenario)', () => {
    const running = ['simulation/run.js', 'simulation/sweep.js', 'run-scenario.js'];
    expect(importsWhere('report', (i) => running.includes(i))).toEqual([]);
  });
});
