/**
 * Per-run rows as a flat table (`--out FILE.csv`): one column per factor, per drawn input and per
 * metric, a header row, no nesting, RFC 4180 quoting; loads as is in pandas, R or DuckDB. Missing
 * values are empty cells. Booleans are written `true`/`false`.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../scenario/errors.js';
import { checkWritableTarget, writeReason } from '../files/write.js';
import type { RunRow } from './sweep.js';
import { SERIES_FIELDS } from './series.js';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export interface TableColumns {
  readonly factors: readonly string[];
  readonly draws: readonly string[];
  readonly metrics: readonly string[];
  /** Extra leading columns (e.g. the --vary parameter's value). */
  readonly extra?: readonly { readonly name: string; readonly value: (row: RunRow) => unknown }[];
}

export const csvHeader = (c: TableColumns): string =>
  `${['run', 'seed', ...(c.extra ?? []).map((e) => e.name), ...(c.factors.length ? ['point'] : []), ...c.factors, ...c.draws, ...c.metrics].map(cell).join(',')}\n`;

export const csvLine = (c: TableColumns, row: RunRow): string =>
  `${[row.run, row.seed, ...(c.extra ?? []).map((e) => e.value(row)), ...(c.factors.length ? [row.point] : []),
    ...c.factors.map((f) => row.factors?.[f]), ...c.draws.map((d) => row.draws?.[d]), ...c.metrics.map((m) => row.metrics[m])].map(cell).join(',')}\n`;

/**
 * `--series` beside a CSV: a long table, one row per run per step (./series.ts), keyed by `run`
 * (and the design point or --vary value) so that it joins the runs' table in pandas or DuckDB.
 */
export const seriesHeader = (c: TableColumns): string =>
  `${['run', 'seed', ...(c.extra ?? []).map((e) => e.name), ...(c.factors.length ? ['point'] : []), ...SERIES_FIELDS].map(cell).join(',')}\n`;

export const seriesLines = (c: TableColumns, row: RunRow): string => {
  const lead = [row.run, row.seed, ...(c.extra ?? []).map((e) => e.value(row)), ...(c.factors.length ? [row.point] : [])].map(cell).join(',');
  let text = '';
  for (const month of row.series ?? []) text += `${lead},${SERIES_FIELDS.map((f) => cell(month[f])).join(',')}\n`;
  return text;
};

/** `runs.csv` → `runs.series.csv`: the series table's path beside the runs' table. */
export const seriesPathOf = (csv: string): string => csv.replace(/(\.csv)?$/i, (ext) => `.series${ext || '.csv'}`);

/**
 * Writes a CSV file to completion or not at all: the rows go to a temporary file beside the target
 * (src/files/write.ts's naming), renamed into place by `close()` once the study has finished. A
 * failed or interrupted study leaves no table at the path: `abort()` (and the process's exit)
 * removes the temporary file; only a kill -9 can leave it, hidden, never the half-written table.
 */
export class CsvWriter {
  private readonly onExit = (): void => this.abort();

  private constructor(private fd: number | null, private readonly path: string, private readonly temporary: string, private readonly line: (row: RunRow) => string) {
    process.once('exit', this.onExit);
  }

  /** The runs' table: a line per run. */
  static create(path: string, columns: TableColumns): CsvWriter {
    return CsvWriter.open(path, csvHeader(columns), (row) => csvLine(columns, row));
  }

  /** The series table: a line per run per step. */
  static series(path: string, columns: TableColumns): CsvWriter {
    return CsvWriter.open(path, seriesHeader(columns), (row) => seriesLines(columns, row));
  }

  private static open(path: string, header: string, line: (row: RunRow) => string): CsvWriter {
    if (existsSync(path)) throw new UserError(`${path} already exists; choose another --out file (CSV files cannot be resumed: use .jsonl for --resume)`);
    checkWritableTarget(path, '--out');
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    let fd: number;
    try {
      fd = openSync(temporary, 'wx');
    } catch (error) {
      throw new UserError(`cannot create ${path}: ${writeReason(error)}`);
    }
    const writer = new CsvWriter(fd, path, temporary, line);
    writer.put(header);
    return writer;
  }

  write(rows: readonly RunRow[]): void {
    if (this.fd === null || rows.length === 0) return;
    this.put(rows.map(this.line).join(''));
  }

  private put(text: string): void {
    try {
      writeSync(this.fd!, text);
    } catch (error) {
      this.abort();
      throw new UserError(`cannot write ${this.path}: ${writeReason(error)}; nothing was written`);
    }
  }

  /** The study finished: the whole table takes its place at the path. */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    process.removeListener('exit', this.onExit);
    try {
      fsyncSync(fd);
      closeSync(fd);
      if (existsSync(this.path)) throw Object.assign(new Error('it appeared while the study ran'), { code: 'EEXIST' });
      renameSync(this.temporary, this.path);
    } catch (error) {
      rmSync(this.temporary, { force: true });
      throw new UserError(`cannot write ${this.path}: ${writeReason(error)}; nothing was written`);
    }
  }

  /** Removes the table this writer placed (a sibling table could not be placed). */
  withdraw(): void {
    rmSync(this.path, { force: true });
  }

  /** The study failed: nothing is left behind. */
  abort(): void {
    process.removeListener('exit', this.onExit);
    if (this.fd !== null) {
      try { closeSync(this.fd); } catch { /* already failing */ }
      this.fd = null;
    }
    rmSync(this.temporary, { force: true });
  }
}

/** Several tables written together: all of them take their places at the end, or none does. */
export class CsvWriters {
  constructor(private readonly writers: readonly CsvWriter[]) {}

  write(rows: readonly RunRow[]): void {
    for (const w of this.writers) w.write(rows);
  }

  close(): void {
    const placed: CsvWriter[] = [];
    try {
      for (const w of this.writers) {
        w.close();
        placed.push(w);
      }
    } catch (error) {
      // One table could not be placed: take back the ones already placed, so none is left alone.
      for (const w of placed) w.withdraw();
      this.abort();
      throw error;
    }
  }

  abort(): void {
    for (const w of this.writers) w.abort();
  }
}

/** A CSV --out, and with --series its series table beside it: both are placed at the end, or neither. */
export function csvOut(path: string, columns: TableColumns, series: boolean): CsvWriter | CsvWriters {
  const runs = CsvWriter.create(path, columns);
  if (!series) return runs;
  try {
    return new CsvWriters([runs, CsvWriter.series(seriesPathOf(path), columns)]);
  } catch (error) {
    runs.abort();
    throw error;
  }
}

export const isCsvPath = (path: string): boolean => /\.csv$/i.test(path);
