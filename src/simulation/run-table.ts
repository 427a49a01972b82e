/**
 * Per-run rows as a flat table (`--out FILE.csv`): one column per factor, per drawn input and per
 * metric, a header row, no nesting, RFC 4180 quoting; loads as is in pandas, R or DuckDB. Missing
 * values are empty cells. Booleans are written `true`/`false`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { UserError } from '../scenario/errors.js';
import type { RunRow } from './sweep.js';

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

/** Writes a CSV file to completion or not at all: a new file, created exclusively. */
export class CsvWriter {
  private constructor(private fd: number | null, private readonly columns: TableColumns) {}

  static create(path: string, columns: TableColumns): CsvWriter {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${path} already exists; choose another --out file (CSV files cannot be resumed: use .jsonl for --resume)`);
      throw new UserError(`cannot create ${path}: ${(error as Error).message}`);
    }
    writeSync(fd, csvHeader(columns));
    return new CsvWriter(fd, columns);
  }

  write(rows: readonly RunRow[]): void {
    if (this.fd === null || rows.length === 0) return;
    writeSync(this.fd, rows.map((r) => csvLine(this.columns, r)).join(''));
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

export const isCsvPath = (path: string): boolean => /\.csv$/i.test(path);
