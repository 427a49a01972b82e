/**
 * The JSONL file of a sweep: a header line that identifies the study, then one line per finished
 * run. Lines are appended whole, with one write each batch, so an interrupted sweep keeps every
 * finished run; `--resume` and `thaw merge` read the header to refuse a file from another study.
 * An existing file is never truncated: it is created exclusively, appended to, and repaired (a
 * torn last line dropped) only by writing a complete copy and renaming it over the original.
 */
import { runSeed } from './seeds.js';
import { kindOf } from '../files/read.js';
import { closeSync, constants, copyFileSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { checkWritableTarget, writeReason } from '../files/write.js';
import { UserError } from '../scenario/errors.js';
import type { RunRow, Shard } from './sweep.js';
import type { MetricInfo } from './metrics.js';
import type { StudySpec } from '../scenario/study-file.js';

/** What the header of a file of one scenario's runs (a sweep's, a sensitivity study's) says of them. */
interface ScenarioRunsHeader {
  readonly format: 1;
  readonly scenario: string;
  readonly branch: string | null;
  readonly settings: readonly string[];
  readonly seed: number;
  readonly runs: number;
  readonly months: number | null;
  /** A hash of the resolved scenario: the same name with different parameters is another study. */
  readonly fingerprint: string;
  readonly version: string;
  /** The metrics each line holds, in report order. */
  readonly metrics: readonly MetricInfo[];
  /** Written with `--series`: every line also holds the run's months. Absent otherwise. */
  readonly series?: true;
}

export interface SweepHeader extends ScenarioRunsHeader {
  readonly thaw: 'sweep';
  /** Months each run simulated (the scenario's horizon unless `months` is set). */
  readonly horizon: number;
  readonly shard: string | null;
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

/**
 * A sensitivity study's file (`thaw sweep --vary … --out`): `runs` runs at every value of every
 * varied parameter, in the order of `vary`; its run r is point ⌊r / runs⌋ with the seed of run
 * r mod runs (every value meets the same seeds). `metric` is the one its tornado ranks.
 */
export interface SensitivityHeader extends ScenarioRunsHeader {
  readonly thaw: 'sensitivity';
  /** Runs at each value. */
  readonly runs: number;
  readonly vary: readonly { readonly path: string; readonly values: readonly number[] }[];
  readonly metric: string;
}

export type RunFileHeader = SweepHeader | StudyHeader | SensitivityHeader;

/** The design points of a sensitivity file, in run order: which parameter, at which value. */
export const sensitivityPoints = (h: SensitivityHeader): { readonly path: string; readonly value: number }[] =>
  h.vary.flatMap((v) => v.values.map((value) => ({ path: v.path, value })));

/** How many runs a complete file of this header holds. */
export const runsOf = (h: RunFileHeader): number => (h.thaw === 'sensitivity' ? h.runs * sensitivityPoints(h).length : h.runs);

/** What a run file is, for messages that refuse it where another kind is expected. */
export function describeRunFile(h: RunFileHeader): string {
  if (h.thaw === 'study') return 'a study\'s file (thaw study --out)';
  if (h.thaw === 'sensitivity') return 'a sensitivity study\'s file (thaw sweep --vary --out)';
  return 'a sweep\'s file (thaw sweep --out)';
}

export interface SweepFile<H = SweepHeader> {
  readonly header: H;
  readonly rows: RunRow[];
  /** Bytes of complete lines; less than the file's size when its last line was torn. */
  readonly completeBytes: number;
  readonly torn: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseHeader(path: string, line: string | undefined): RunFileHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    value = null;
  }
  if (isRecord(value) && value.thaw === 'study' && value.format === 1 && typeof value.fingerprint === 'string' && typeof value.runs === 'number' && isRecord(value.spec)) {
    return value as unknown as StudyHeader;
  }
  if (isRecord(value) && value.thaw === 'sensitivity') return sensitivityHeader(path, value);
  if (!isRecord(value) || value.thaw !== 'sweep' || value.format !== 1 || typeof value.scenario !== 'string' || typeof value.fingerprint !== 'string'
    || typeof value.seed !== 'number' || typeof value.runs !== 'number' || !Array.isArray(value.metrics)
    || typeof value.version !== 'string' || typeof value.horizon !== 'number' || !Array.isArray(value.settings)
    || !value.metrics.every((m) => isRecord(m) && typeof m.name === 'string')) {
    throw new UserError(`${path} is not a thaw sweep file (its first line is not a sweep header)`);
  }
  return value as unknown as SweepHeader;
}

const isVary = (v: unknown): boolean => isRecord(v) && typeof v.path === 'string' && Array.isArray(v.values) && v.values.length > 0
  && v.values.every((x) => typeof x === 'number' && Number.isFinite(x));

function sensitivityHeader(path: string, value: Record<string, unknown>): SensitivityHeader {
  if (value.format !== 1 || typeof value.scenario !== 'string' || typeof value.fingerprint !== 'string' || typeof value.seed !== 'number'
    || !Number.isSafeInteger(value.runs) || (value.runs as number) < 1 || typeof value.metric !== 'string' || typeof value.version !== 'string'
    || !Array.isArray(value.settings) || !Array.isArray(value.vary) || value.vary.length === 0 || !value.vary.every(isVary)
    || !Array.isArray(value.metrics) || !value.metrics.every((m) => isRecord(m) && typeof m.name === 'string')) {
    throw new UserError(`${path} is not a thaw sweep file (its first line is a damaged sensitivity header)`);
  }
  return value as unknown as SensitivityHeader;
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

/** A sensitivity row: its point and factor are those of its run number, its seed that of run r mod runs. */
function checkSensitivityRow(path: string, lineNo: number, row: RunRow, header: SensitivityHeader, points: ReturnType<typeof sensitivityPoints>): void {
  const at = Math.floor(row.run / header.runs);
  const point = points[at]!;
  if (row.point !== at || row.factors?.[point.path] !== point.value) {
    throw new UserError(`${path}:${lineNo}: run ${row.run} should be point ${at} (${point.path} = ${point.value}); the line is from another study or damaged`);
  }
  const expected = runSeed(header.seed, row.run % header.runs);
  if (row.seed !== expected) {
    throw new UserError(`${path}:${lineNo}: run ${row.run} has seed ${row.seed}, expected ${expected} (the seed of run ${row.run % header.runs} at every value); the line is from another study`);
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

/**
 * Kept for readers that take a whole result file at once (`thaw report`); the run files themselves
 * are read line by line (`scanRunFile`), in memory that does not grow with the file.
 */
export const MAX_SWEEP_BYTES = 512 * 1024 * 1024;

/** A line longer than this is damage (a run's line, months included, is a few KiB). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** What reading a run file found, apart from its rows. */
export interface RunFileScan<H = RunFileHeader> {
  readonly header: H;
  /** Bytes of complete lines; less than the file's size when its last line was torn. */
  readonly completeBytes: number;
  readonly torn: boolean;
  /** Run lines read. */
  readonly rows: number;
}

/** Opens a file the user named for reading, refusing what is not a regular file, with the words readRunFile always used. */
function openRunFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`sweep file not found: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`sweep file ${path} cannot be read (permission denied)`);
    if (code === 'EISDIR') throw new UserError(`sweep file ${path} is a directory (give the path of a sweep file)`);
    throw new UserError(`sweep file ${path} cannot be opened (${code ?? (error as Error).message})`);
  }
  const kind = kindOf(fstatSync(fd));
  if (kind) {
    closeSync(fd);
    throw new UserError(`sweep file ${path} is ${kind}, not a regular file (give the path of a sweep file)`);
  }
  return fd;
}

/**
 * Calls `onLine` with every complete line (1-based numbers), reading a chunk at a time; returns the
 * file's size and the bytes after its last newline (a line torn by an interruption, or nothing).
 */
function eachLine(path: string, onLine: (line: string, lineNo: number) => void): { size: number; tail: Buffer } {
  const fd = openRunFile(path);
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let lineNo = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw new UserError(`sweep file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      if (n === 0) break;
      size += n;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0 && nl < n; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const line = pendingBytes > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8');
        pending = [];
        pendingBytes = 0;
        onLine(line, ++lineNo);
        start = nl + 1;
      }
      if (start < n) {
        pending.push(Buffer.from(chunk.subarray(start, n)));
        pendingBytes += n - start;
        if (pendingBytes > MAX_LINE_BYTES) throw new UserError(`${path}:${lineNo + 1}: a line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; not a thaw run file, or a damaged one`);
      }
    }
    return { size, tail: Buffer.concat(pending, pendingBytes) };
  } finally {
    closeSync(fd);
  }
}

/** Which runs a file has shown so far, and on which line (flat: one number per run of the study). */
class SeenRuns {
  private readonly table: Uint32Array | Map<number, number>;

  constructor(runs: number) {
    this.table = runs <= 2 ** 24 ? new Uint32Array(runs) : new Map();
  }

  lineOf(run: number): number | undefined {
    const v = this.table instanceof Map ? this.table.get(run) : this.table[run];
    return v ? v : undefined;
  }

  see(run: number, lineNo: number): void {
    if (this.table instanceof Map) this.table.set(run, lineNo); else this.table[run] = lineNo;
  }
}

/**
 * Reads a sweep's or a study's file line by line, checking each run line as it comes (the same
 * refusals as ever: a damaged line, a run outside the study, a duplicate, a wrong type, a line of
 * another study or shard) and handing it to `onRow`; memory does not grow with the file.
 */
export function scanRunFile(path: string, onRow: (row: RunRow, lineNo: number) => void, onHeader?: (header: RunFileHeader) => void): RunFileScan {
  let header: RunFileHeader | null = null;
  let seen: SeenRuns | null = null;
  let rows = 0;
  // Read from the header once, not per line: a sensitivity file's design points and every file's run count.
  let points: ReturnType<typeof sensitivityPoints> = [];
  let runs = 0;
  const { size, tail } = eachLine(path, (line, lineNo) => {
    if (header === null) {
      header = parseHeader(path, line);
      onHeader?.(header);
      if (header.thaw === 'sensitivity') points = sensitivityPoints(header);
      runs = runsOf(header);
      seen = new SeenRuns(runs);
      return;
    }
    if (line === '') return;
    const row = parseRow(path, lineNo, line, runs);
    // A study's rows share seeds within a design point; its runner checks them against its spec.
    if (header.thaw === 'sweep') checkRow(path, lineNo, row, header);
    if (header.thaw === 'sensitivity') checkSensitivityRow(path, lineNo, row, header, points);
    const earlier = seen!.lineOf(row.run);
    if (earlier !== undefined) throw new UserError(`${path}:${lineNo}: run ${row.run} appears twice (first on line ${earlier}); the file is damaged`);
    seen!.see(row.run, lineNo);
    rows += 1;
    onRow(row, lineNo);
  });
  if (header === null) {
    // No complete line: at most a torn header, and nothing to keep.
    const torn = parseHeader(path, tail.length > 0 ? tail.toString('utf8') : undefined);
    onHeader?.(torn);
    return { header: torn, completeBytes: 0, torn: true, rows: 0 };
  }
  return { header, completeBytes: size - tail.length, torn: tail.length > 0, rows };
}

/** A sweep's or a study's file, its rows in memory (without their months: see parseRow). */
export function readRunFile(path: string): SweepFile<RunFileHeader> {
  const rows: RunRow[] = [];
  const scan = scanRunFile(path, (row) => { rows.push(row); });
  return { header: scan.header, rows, completeBytes: scan.completeBytes, torn: scan.torn };
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

function writeFileSyncExclusive(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

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
  static resume(path: string, file: Pick<RunFileScan, 'header' | 'completeBytes' | 'torn'>): SweepWriter {
    if (file.torn) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        if (file.completeBytes > 0) {
          // A copy cut at the last whole line, made without holding the file in memory.
          copyFileSync(path, temporary, constants.COPYFILE_EXCL);
          truncateSync(temporary, file.completeBytes);
        } else {
          writeFileSyncExclusive(temporary, `${JSON.stringify(file.header)}\n`);
        }
        const copy = openSync(temporary, 'r+');
        try {
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
