/**
 * Every command shown in README.md and docs/*.md (in sh/bash code blocks) runs as a new user
 * would run it, in order, from a fresh folder per document holding the shipped scenarios, and
 * exits 0: the `npx thaw …` lines, and the `cp`, `mkdir` and `parallel` lines that prepare their
 * files; a block that is a script (`#!…`, the Slurm batch file) runs whole, as the first task of
 * its array. Not run here: `npm …` and `node …` lines (the package and bench suites run those).
 * A command shown again, without writing a file, is run once.
 * What the docs leave to the reader is prepared first, and said here:
 * - `my-scenario.yaml` is the tutorial's file (docs/scenario-authoring.md), built from its blocks;
 * - `FILE.yaml` and `my-study.yaml` stand for a study file (a copy of a shipped one), `FACTS.yaml`
 *   for a facts file (a copy of the shipped backtest);
 * - `--shard auto` runs as the first task of a two-task Slurm array.
 * To keep the suite short, `--runs N` above 50 runs 50, and a backtest without `--runs` runs 50:
 * the commands are checked for their flags, files and exit codes, not for their statistics.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'thaw-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOCS = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);

/** The code blocks of a Markdown file: language and lines. */
function blocks(text: string): { lang: string; lines: string[] }[] {
  const out: { lang: string; lines: string[] }[] = [];
  let current: { lang: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    const fence = /^```(\S*)/.exec(line);
    if (fence) {
      if (current) { out.push(current); current = null; } else current = { lang: fence[1]!, lines: [] };
    } else if (current) current.lines.push(line);
  }
  return out;
}

const RUN = /^(npx thaw |cp |mkdir |parallel )/;

/** The command lines to run from a file's shell blocks, continuation lines joined. */
export function thawCommands(text: string): string[] {
  const commands: string[] = [];
  for (const b of blocks(text).filter((x) => SHELL.has(x.lang))) {
    if (b.lines[0]?.startsWith('#!')) {
      commands.push(b.lines.join('\n'));
      continue;
    }
    const joined = b.lines.join('\n').replace(/\\\n\s*/g, '').split('\n');
    commands.push(...joined.filter((l) => RUN.test(l)));
  }
  return commands;
}

const MAX_RUNS = 50;
const shortened = (command: string): string => {
  let c = command.replace(/--runs (\d+)/g, (_, n: string) => `--runs ${Math.min(Number(n), MAX_RUNS)}`);
  if (/^npx thaw backtest /.test(c) && !/--runs /.test(c)) c = c.replace(/^npx thaw backtest (\S+)/, `npx thaw backtest $1 --runs ${MAX_RUNS}`);
  return c;
};

/** The tutorial's scenario: its first block, then the event and branch blocks, in order. */
function tutorialScenario(): string {
  const yaml = blocks(readFileSync(join(root, 'docs', 'scenario-authoring.md'), 'utf8')).filter((b) => b.lang === 'yaml').map((b) => b.lines.join('\n'));
  const start = yaml.find((b) => b.startsWith('# yaml-language-server'))!;
  const tutorial = readFileSync(join(root, 'docs', 'scenario-authoring.md'), 'utf8').split('## Tutorial')[1]!.split('\n## ')[0]!;
  const events = yaml.filter((b) => (b.startsWith('events:') || b.startsWith('  - id:')) && tutorial.includes(b));
  const branches = yaml.find((b) => b.startsWith('branches:'))!;
  return `${[start.replace(/\$schema=\S+/, `$schema=${join(root, 'docs', 'scenario.schema.json')}`), ...events, branches].join('\n')}\n`;
}

function workspace(doc: string): string {
  const dir = mkdtempSync(join(tmp, `${doc.replace(/\W/g, '-')}-`));
  symlinkSync(join(root, 'scenarios'), join(dir, 'scenarios'));
  writeFileSync(join(dir, 'my-scenario.yaml'), tutorialScenario());
  for (const name of ['FILE.yaml', 'my-study.yaml']) copyFileSync(join(root, 'scenarios', 'studies', 'screening-morris.yaml'), join(dir, name));
  writeFileSync(join(dir, 'FACTS.yaml'), readFileSync(join(root, 'scenarios', 'backtests', 'autumn-2025.yaml'), 'utf8').replace(/^scenario: .*$/m, 'scenario: scenarios/autumn-2025.yaml'));
  return dir;
}

/** `npx thaw` is this checkout's CLI (npx would find the same bin; this skips npm's start-up). */
const local = (command: string): string => `set -o pipefail\n${command.replaceAll('npx thaw ', `node ${JSON.stringify(join(root, 'bin', 'thaw'))} `)}`;
/** A Slurm array's environment for its first task (the batch file's `--array=0-7`). */
const slurmTask = (dir: string) => ({ SLURM_SUBMIT_DIR: dir, SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '8', SLURM_CPUS_PER_TASK: '1' });
/** Commands already run that wrote no file: shown again in another document, they are not re-run. */
const done = new Set<string>();
const writesFile = (command: string): boolean => /(--out |>|^cp |^mkdir |^parallel |^#!)/.test(command);
const env = { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' };
delete (env as Record<string, string | undefined>).FORCE_COLOR;

describe('the commands the docs show', () => {
  it('the docs show commands to check (README and the guides at least)', () => {
    const all = DOCS.flatMap((d) => thawCommands(readFileSync(join(root, d), 'utf8')));
    expect(all.length).toBeGreaterThan(60);
    for (const d of ['README.md', 'docs/guide.md', 'docs/scenario-authoring.md', 'docs/studies.md', 'docs/backtesting.md', 'docs/cluster.md']) {
      expect(thawCommands(readFileSync(join(root, d), 'utf8')).length, d).toBeGreaterThan(0);
    }
  });

  it('joins continued lines, keeps thaw commands and the lines that prepare files, and keeps scripts whole', () => {
    expect(thawCommands('```sh\nnpx thaw run \\\n  --seed 2   # x\nnpm test\ncp a b\n```\n```yaml\nnpx thaw no\n```\n```sh\n#!/bin/bash\nnpx thaw run\n```\n')).toEqual(['npx thaw run --seed 2   # x', 'cp a b', '#!/bin/bash\nnpx thaw run']);
  });

  for (const doc of DOCS) {
    // Each section (## heading) starts in a fresh folder: sections are alternatives (by hand, on
    // Slurm, with GNU parallel) and a reader may start at any one of them.
    const sections = readFileSync(join(root, doc), 'utf8').split(/\n(?=## )/).map(thawCommands).filter((c) => c.length > 0);
    if (sections.length === 0) continue;
    it(`${doc}: every command exits 0`, () => {
      const failures: string[] = [];
      for (const commands of sections) {
        const dir = workspace(doc);
        for (const command of commands) {
          const key = shortened(command).replace(/\s+#.*$/, '');
          if (done.has(key)) continue;
          const script = command.startsWith('#!');
          const r = spawnSync('bash', ['-c', local(shortened(command))], { cwd: dir, encoding: 'utf8', env: script ? { ...env, ...slurmTask(dir) } : env, timeout: 120_000 });
          if (r.status === 0 && !writesFile(key)) done.add(key);
          if (r.status !== 0) failures.push(`${command.split('\n')[0]}\n  → exit ${r.status}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    }, 600_000);
  }
});
