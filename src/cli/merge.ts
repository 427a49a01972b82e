/**
 * `thaw merge FILE…`: the statistics of the sweep files of one study (its shards, or pieces run
 * on several machines) as if it had been one run: rows are combined by run index, so the sums are
 * taken in the same order as a single sweep's.
 */
import { describeUsage } from './conventions.js';
import { isQuiet } from './terminal.js';
import type { Command } from 'commander';
import { UserError } from '../scenario/errors.js';
import { readSweepFile, studyMismatch } from '../simulation/sweep-file.js';
import type { RunRow } from '../simulation/sweep.js';
import { checkMetric, studyOptions, type StudyFormat } from './study.js';
import { renderStudy } from './sweep.js';

interface MergeFlags {
  format: StudyFormat;
  metric: string;
}

export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description('combine the JSONL files of one sweep (e.g. its --shard parts) and summarise them as one')
    .argument('<files...>', 'sweep files written by `thaw sweep --out`');
  studyOptions(command, { runs: false }).action((paths: string[], flags: MergeFlags) => {
    const files = paths.map((p) => ({ path: p, file: readSweepFile(p) }));
    const first = files[0]!;
    const byRun = new Map<number, { row: RunRow; path: string }>();
    for (const { path, file } of files) {
      const mismatch = studyMismatch(first.file.header, file.header);
      if (mismatch) throw new UserError(`${path} is from another study than ${first.path}: ${mismatch}`);
      for (const row of file.rows) {
        const seen = byRun.get(row.run);
        if (seen && JSON.stringify(seen.row) !== JSON.stringify(row)) {
          throw new UserError(`run ${row.run} differs between ${seen.path} and ${path}; the files cannot both be right`);
        }
        if (!seen) byRun.set(row.run, { row, path });
      }
    }
    const header = first.file.header;
    const metric = checkMetric(flags.metric, header.metrics);
    const rows = [...byRun.values()].map((x) => x.row).sort((a, b) => a.run - b.run);
    const note = rows.length < header.runs ? `${rows.length} of ${header.runs} runs present` : undefined;
    if (note && !isQuiet()) process.stderr.write(`thaw: merge: ${note}; the statistics cover those runs only\n`);
    process.stdout.write(renderStudy(header, rows, flags.format, metric, note));
  });
  describeUsage(command, [
    ['thaw merge a.jsonl b.jsonl', 'the statistics of a study run in shards'],
    ['thaw merge a.jsonl b.jsonl --format json', 'the same as JSON'],
  ]);
}
