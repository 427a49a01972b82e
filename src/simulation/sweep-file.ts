/**
 * The JSONL file of a sweep: a header line that identifies the study, then one line per finished
 * run. Lines are appended whole, with one write each batch, so an interrupted sweep keeps every
 * finished run; `--resume` and `thaw merge` read the header to refuse a file from another study.
 * An existing file is never truncated: it is created exclusively, appended to, and repaired (a
 * torn last line dropped) only by writing a complete copy and renaming it over the original.
 */
import { runSeed } from './seeds.js';
import { isFailure, readBounded } from '../files/read.js';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { checkWritableTarget, writeReason } from '../files/write.js';
import { UserError } from '../scenario/errors.js';
import type { RunRow, Shard } from './sweep.js';
import type { MetricInfo } from './metrics.js';
import type { StudySpec } from '../scenario/study-file.js';

export interface SweepHeader {
  readonly thaw: 'sweep';
  readonly format: 1;
  readonly scenario: string;
  readonly branch: string | null;
  readonly settings: readonly string[];
  readonly seed: number;
  readonly runs: number;
  readonly months: number | null;
  /** Months each run simulated (the scenario's horizon unless `months` is set). */
  readonly horizon: number;
  readonly shard: string | null;
  /** A hash of the resolved scenario: the same name with different parameters is another study. */
  readonly fingerprint: string;
  readonly version: string;
  /** The metrics each line holds, in report order. */
  readonly metrics: readonly MetricInfo[];
  /** Written with `--series`: every line also holds the run's months. Absent otherwise. */
  readonly series?: true;
}

export { fingerprintOf } from '../scenario/fingerprint.js';

export const shardLabel = (shard: Shard | null): string | null => (shard ? `${shard.index}/${shard.count}` : null);

/** A study's file header: the whole study, so that `thaw merge` can analyse its shards without the study file. */
export interface StudyHeader {
  readonly thaw: 'study';
  readonly format: 1;
  readonly study: string;
  readonly runs: number;
  readonly seed: number;
  readonly shard: string | null;
  readonly fingerprint: string;
  readonly version: string;
  readonly spec: StudySpec;
  /** Written with `--series`: every line also holds the run's months. Absent otherwise. */
  readonly series?: true;
}

export interface SweepFile<H = SweepHeader> {
  readonly header: H;
  readonly rows: RunRow[];
  /** Bytes of complete lines; less than the file's size when its last line was torn. */
  readonly completeBytes: number;
  readonly torn: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseHeader(path: string, line: string | undefined): SweepHeader | StudyHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    value = null;
  }
  if (isRecord(value) && value.thaw === 'study' && value.format === 1 && typeof value.fingerprint === 'string' && typeof value.runs === 'number' && isRecord(value.spec)) {
    return value as unknown as StudyHeader;
  }
  if (!isRecord(value) || value.thaw !== 'sweep' || value.format !== 1 || typeof value.scenario !== 'string' || typeof value.fingerprint !== 'string'
    || typeof value.seed !== 'number' || typeof value.runs !== 'number' || !Array.isArray(value.metrics)
    || typeof value.version !== 'string' || typeof value.horizon !== 'number' || !Array.isArray(value.settings)
    || !value.metrics.every((m) => isRecord(m) && typeof m.name === 'string')) {
    throw new UserError(`${path} is not a thaw sweep file (its first line is not a sweep header)`);
  }
  return value as unknown as SweepHeader;
}

/** Checks a row against its header: values of the declared metrics, the shard, the run's seed. */
function checkRow(path: string, lineNo: number, row: RunRow, header: SweepHeader): void {
  for (const m of header.metrics) {
    const v = (row.metrics as Record<string, unknown>)[m.name];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isFinite(v))) {
      throw new UserError(`${path}:${lineNo}: run ${row.run}: metric "${m.name}" is ${JSON.stringify(v)}, expected a number or null; the file is damaged`);
    }
  }
  const shard = header.shard ? /^(\d+)\/(\d+)$/.exec(header.shard) : null;
  if (shard && row.run % Number(shard[2]) !== Number(shard[1]) - 1) {
    throw new UserError(`${path}:${lineNo}: run ${row.run} does not belong to shard ${header.shard}; the file mixes shards`);
  }
  const expected = runSeed(header.seed, row.run);
  if (row.seed !== expected) {
    throw new UserError(`${path}:${lineNo}: run ${row.run} has seed ${row.seed}, but run ${row.run} of a study with seed ${header.seed} has seed ${expected}; the line is from another study`);
  }
}

function parseRow(path: string, lineNo: number, line: string, runs: number): RunRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UserError(`${path}:${lineNo}: not valid JSON; the file is damaged`);
  }
  if (!isRecord(value) || !Number.isSafeInteger(value.run) || typeof value.seed !== 'number' || !isRecord(value.metrics)) {
    throw new UserError(`${path}:${lineNo}: not a run line ({"run", "seed", "metrics"})`);
  }
  if ((value.run as number) < 0 || (value.run as number) >= runs) throw new UserError(`${path}:${lineNo}: run ${String(value.run)} is outside the study's ${runs} runs`);
  if (value.series !== undefined) {
    if (!Array.isArray(value.series) || !value.series.every(isRecord)) throw new UserError(`${path}:${lineNo}: run ${String(value.run)}: "series" is not a list of months; the file is damaged`);
    // The months are data for the analyst; nothing that reads the file back needs them.
    delete value.series;
  }
  return value as unknown as RunRow;
}

/** Sweep files hold one line per run: 10,000 runs take about 5 MiB, a million about 500 MiB. */
export const MAX_SWEEP_BYTES = 512 * 1024 * 1024;

/** A sweep's file (a study's is refused: see readRunFile). */
export function readSweepFile(path: string): SweepFile {
  const file = readRunFile(path);
  if (file.header.thaw !== 'sweep') throw new UserError(`${path} is a study's file (thaw study --out), not a sweep's`);
  return file as SweepFile;
}

/** A sweep's or a study's file. */
export function readRunFile(path: string): SweepFile<SweepHeader | StudyHeader> {
  const bytes = readBounded(path, MAX_SWEEP_BYTES, 'a sweep file');
  if (isFailure(bytes)) throw new UserError(bytes.reason === 'does not exist' ? `sweep file not found: ${path}` : `sweep file ${path} ${bytes.reason}${bytes.hint ? ` (${bytes.hint})` : ''}`);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  // The last element is '' for a file that ends with a newline, else a line torn by an interruption.
  const tail = lines.pop() ?? '';
  const header = parseHeader(path, lines[0] ?? (endsClean ? undefined : tail));
  if (lines.length === 0) {
    // Only a torn header: nothing to keep.
    return { header, rows: [], completeBytes: 0, torn: true };
  }
  const rows: RunRow[] = [];
  const seen = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const row = parseRow(path, i + 1, lines[i]!, header.runs);
    // A study's rows share seeds within a design point; its runner checks them against its spec.
    if (header.thaw === 'sweep') checkRow(path, i + 1, row, header);
    const earlier = seen.get(row.run);
    if (earlier !== undefined) throw new UserError(`${path}:${i + 1}: run ${row.run} appears twice (first on line ${earlier}); the file is damaged`);
    seen.set(row.run, i + 1);
    rows.push(row);
  }
  const torn = !endsClean && tail !== '';
  return { header, rows, completeBytes: Buffer.byteLength(text) - Buffer.byteLength(tail), torn };
}

/**
 * Why `--resume` cannot continue `file` with or without `--series` as asked: its lines must all
 * have their months or none. (Merging does not care: it reads only the metrics.)
 */
export function seriesMismatch(file: { readonly series?: true }, series: boolean): string | null {
  if ((file.series === true) === series) return null;
  return series ? 'it was written without --series' : 'it was written with --series: add --series';
}

/** Why `b` is not the same study as `a` (ignoring which shard each holds), or null if it is. */
export function studyMismatch(a: SweepHeader, b: SweepHeader): string | null {
  if (a.scenario !== b.scenario) return `scenario ${b.scenario} instead of ${a.scenario}`;
  if (a.branch !== b.branch) return `branch ${b.branch ?? '(none)'} instead of ${a.branch ?? '(none)'}`;
  if (a.fingerprint !== b.fingerprint) return `different scenario parameters (settings: ${b.settings.join(' ') || 'none'} vs ${a.settings.join(' ') || 'none'}, or the scenario file changed)`;
  if (a.seed !== b.seed) return `seed ${b.seed} instead of ${a.seed}`;
  if (a.runs !== b.runs) return `${b.runs} runs instead of ${a.runs}`;
  if (a.months !== b.months) return `${b.months ?? 'default'} months instead of ${a.months ?? 'default'}`;
  if (a.horizon !== b.horizon) return `a horizon of ${b.horizon} months instead of ${a.horizon}`;
  if (a.version !== b.version) return `written by thaw ${b.version}, not ${a.version} (the model may differ between versions)`;
  return null;
}

/** A run's line; a study's rows add their design point and factor values, an uncertain scenario's its draws. */
const rowLine = (row: RunRow): string => `${JSON.stringify({
  run: row.run, seed: row.seed,
  ...(row.point !== undefined ? { point: row.point } : {}),
  ...(row.factors ? { factors: row.factors } : {}),
  ...(row.draws ? { draws: row.draws } : {}),
  metrics: row.metrics,
  ...(row.series ? { series: row.series } : {}),
})}\n`;

/** Appends whole lines to a sweep file. */
export class SweepWriter {
  private constructor(private fd: number | null, private readonly path: string) {}

  /** A new file; refuses to touch an existing one, and leaves none behind if even its header cannot be written. */
  static create(path: string, header: SweepHeader | StudyHeader | Record<string, unknown>): SweepWriter {
    checkWritableTarget(path, '--out');
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new UserError(`${path} already exists; add --resume to complete that sweep, or choose another --out file`);
      throw new UserError(`cannot create ${path}: ${writeReason(error)}`);
    }
    try {
      writeSync(fd, `${JSON.stringify(header)}\n`);
    } catch (error) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw new UserError(`cannot write ${path}: ${writeReason(error)}; nothing was written`);
    }
    return new SweepWriter(fd, path);
  }

  /**
   * Continues an existing file of the same study. A torn last line is dropped by writing the
   * complete lines to a temporary file and renaming it over the original, so that at every moment
   * the path holds either the old file or the repaired one.
   */
  static resume(path: string, file: SweepFile<SweepHeader | StudyHeader>): SweepWriter {
    if (file.torn) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        const copy = openSync(temporary, 'wx');
        try {
          const keep = file.completeBytes > 0 ? readFileSync(path).subarray(0, file.completeBytes) : Buffer.from(`${JSON.stringify(file.header)}\n`);
          writeSync(copy, keep);
          fsyncSync(copy);
        } finally {
          closeSync(copy);
        }
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new UserError(`cannot repair ${path} before resuming: ${writeReason(error)}; the file was left as it was`);
      }
    }
    try {
      return new SweepWriter(openSync(path, 'a'), path);
    } catch (error) {
      throw new UserError(`cannot append to ${path}: ${writeReason(error)}`);
    }
  }

  /** A failed write ends the sweep; the lines already written stay, and --resume completes them. */
  write(rows: readonly RunRow[]): void {
    if (this.fd === null || rows.length === 0) return;
    try {
      writeSync(this.fd, rows.map(rowLine).join(''));
    } catch (error) {
      this.close();
      throw new UserError(`cannot write ${this.path}: ${writeReason(error)}; the runs written so far are kept: make room, then run the same command with --resume`);
    }
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}
