/**
 * `thaw merge FILE…`: the statistics of the sweep files of one study (its shards, or pieces run
 * on several machines) as if it had been one run: rows are combined by run index, so the sums are
 * taken in the same order as a single sweep's.
 */
import { describeUsage } from './conventions.js';
import { isQuiet } from './terminal.js';
import type { Command } from 'commander';
import { UserError } from '../scenario/errors.js';
import { describeRunFile, readRunFile, scanRunFile, studyMismatch, type RunFileHeader, type StudyHeader, type SweepFile } from '../simulation/sweep-file.js';
import { createHash } from 'node:crypto';
import { analyzeStudy, planStudy } from '../simulation/experiment.js';
import { renderStudyOutput } from './study-command.js';
import type { RunRow } from '../simulation/sweep.js';
import { checkMetric, studyOptions, type StudyFormat } from './study.js';
import { renderStudy } from './sweep.js';
import { RowSummaries } from '../simulation/study.js';

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
    const first = scanHeader(paths[0]!);
    if (first.thaw === 'study') return mergeStudy(paths.map((p) => ({ path: p, file: readRunFile(p) })), flags);
    // A sensitivity study runs in one process (no shards): its file is reported, not merged.
    if (first.thaw === 'sensitivity') throw new UserError(`${paths[0]} is ${describeRunFile(first)}, which is never split into shards; draw it with \`thaw report ${paths[0]} --out s.html\``);
    mergeSweeps(paths, first, flags);
  });
  describeUsage(command, [
    ['thaw merge a.jsonl b.jsonl', 'the statistics of a study run in shards'],
    ['thaw merge a.jsonl b.jsonl --format json', 'the same as JSON'],
  ]);
}

/** A run file's header alone: the first line, without reading the rest. */
function scanHeader(path: string): RunFileHeader {
  let found: RunFileHeader | null = null;
  try {
    scanRunFile(path, () => { throw STOP; }, (h) => { found = h; throw STOP; });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return found!;
}
const STOP = Symbol('stop');

/**
 * Sweep shards, read line by line: each run's summary goes into the count tables at once, and
 * only a 64-bit digest of its line is kept (to tell a run repeated alike in two files from one
 * that differs), so merging a million runs takes memory for a million digests, not the rows.
 */
function mergeSweeps(paths: readonly string[], firstHeader: RunFileHeader, flags: MergeFlags): void {
  if (firstHeader.thaw !== 'sweep') throw new UserError(`${paths[0]} is not a sweep's file`);
  const header = firstHeader;
  const metric = checkMetric(flags.metric, header.metrics);
  const table = new RowSummaries(header.metrics);
  const digests = new BigUint64Array(header.runs);
  const from = new Uint32Array(header.runs);
  paths.forEach((path, f) => {
    scanRunFile(path, (row) => {
      const digest = digestOf(row);
      if (from[row.run]) {
        if (digests[row.run] !== digest) throw new UserError(`run ${row.run} differs between ${paths[from[row.run]! - 1]} and ${path}; the files cannot both be right`);
        return;
      }
      from[row.run] = f + 1;
      digests[row.run] = digest;
      table.add([row]);
    }, (h) => {
      if (h.thaw !== 'sweep') throw new UserError(`${path} is ${describeRunFile(h)} and ${paths[0]} a sweep's: they cannot be merged`);
      const mismatch = studyMismatch(header, h);
      if (mismatch) throw new UserError(`${path} is from another study than ${paths[0]}: ${mismatch}`);
    });
  });
  const note = table.count < header.runs ? `${table.count} of ${header.runs} runs present` : undefined;
  if (note && !isQuiet()) process.stderr.write(`thaw: merge: ${note}; the statistics cover those runs only\n`);
  process.stdout.write(renderStudy(header, table, flags.format, metric, note));
}

/** 64 bits of the SHA-1 of a run's line as read (two runs alike give the same number). */
const digestOf = (row: RunRow): bigint => createHash('sha1').update(JSON.stringify(row)).digest().readBigUInt64LE(0);

/** Study shards: same study definition (fingerprint), rows combined by run, analysed as one process would. */
function mergeStudy(files: readonly { path: string; file: SweepFile<RunFileHeader> }[], flags: MergeFlags): void {
  const first = files[0]!;
  const header = first.file.header as StudyHeader;
  const byRun = new Map<number, { row: RunRow; path: string }>();
  for (const { path, file } of files) {
    const h = file.header;
    if (h.thaw !== 'study') throw new UserError(`${path} is ${describeRunFile(h)} and ${first.path} a study's: they cannot be merged`);
    if (h.fingerprint !== header.fingerprint) throw new UserError(`${path} is from another study than ${first.path}: ${h.study !== header.study ? `study ${h.study} instead of ${header.study}` : 'the same name with another definition (scenario, design, samples, seed or factors changed)'}`);
    for (const row of file.rows) {
      const seen = byRun.get(row.run);
      if (seen && JSON.stringify(seen.row) !== JSON.stringify(row)) throw new UserError(`run ${row.run} differs between ${seen.path} and ${path}; the files cannot both be right`);
      if (!seen) byRun.set(row.run, { row, path });
    }
  }
  const rows = [...byRun.values()].map((x) => x.row).sort((a, b) => a.run - b.run);
  if (rows.length < header.runs) process.stderr.write(`thaw: merge: ${rows.length} of ${header.runs} runs present; the analysis covers those runs only\n`);
  const format = flags.format === 'json' ? 'json' : 'table';
  process.stdout.write(renderStudyOutput(analyzeStudy(header.spec, planStudy(header.spec), rows), format));
}
