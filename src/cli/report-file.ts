/**
 * `thaw report FILE`: reads a result file (a command's `--format json`, or a run file written by
 * `--out FILE.jsonl`), finds its kind and format version in the report's registry and hands the
 * document over. A file of another kind or version, or one that is damaged, is refused with
 * FILE:LINE:COL, what it is, what is expected, and a hint; nothing is drawn or written.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { isFailure, readBounded } from '../files/read.js';
import { UserError, type Problem } from '../scenario/errors.js';
import { MAX_SWEEP_BYTES, readRunFile } from '../simulation/sweep-file.js';
import type { KnownKind } from '../report/results/registry.js';
import { VERSION } from '../version.js';

/** A path `thaw report` reads as a result file rather than a scenario. */
export const isResultPath = (path: string): boolean => /\.jsonl?$/i.test(path);

type Declared = { readonly layout: 'json' | 'jsonl'; readonly value: Record<string, unknown>; readonly text: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where a value sits in a JSON text, by its path; the nearest enclosing value when it is missing. */
function locate(text: string, at: readonly PropertyKey[]): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  for (let n = at.length; n >= 0; n--) {
    const node = doc.getIn(at.slice(0, n).map((k) => (typeof k === 'symbol' ? String(k) : k)), true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

const fail = (path: string, where: { line: number; column: number }, message: string, hint: string): never => {
  const problem: Problem = { file: path, line: where.line, column: where.column, message, hint };
  throw new UserError(message, [problem]);
};

function declared(path: string): Declared {
  const bytes = readBounded(path, MAX_SWEEP_BYTES, 'a result file');
  if (isFailure(bytes)) throw new UserError(`${path} ${bytes.reason}${bytes.hint ? `; ${bytes.hint}` : ''}`);
  const text = bytes.toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value)) return { layout: 'json', value, text };
    return fail(path, { line: 1, column: 1 }, `holds a JSON ${Array.isArray(value) ? 'array' : typeof value}, not a thaw result (an object with "thaw" and "format")`, 'give a file written by thaw sweep, compare, study or merge with --format json, or by --out FILE.jsonl');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    let header: unknown = null;
    try {
      header = JSON.parse(firstLine);
    } catch { /* not JSONL either */ }
    if (isRecord(header) && text.indexOf('\n') !== -1) return { layout: 'jsonl', value: header, text: firstLine };
    const at = /position (\d+)/.exec((error as Error).message);
    return fail(path, at ? position(text, Number(at[1])) : { line: 1, column: 1 }, `is not valid JSON (${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')})`, 'a result file is the whole output of a command with --format json, or a .jsonl file from --out; was it cut short or edited?');
  }
}

/** What a JSON document without a kind is, as far as its fields tell, for the message. */
function guess(value: Record<string, unknown>): string {
  if ('outcome' in value && 'months' in value) return 'a single run (thaw run --format json), which has no kind field';
  if ('metrics' in value && ('fingerprint' in value || 'fingerprints' in value || 'indices' in value)) return 'a result written before results declared their kind (no "thaw" field)';
  return 'a JSON object without a "thaw" kind field';
}

/** Finds the registered kind of a file and checks the document; refuses anything else, saying what it is. */
export function loadResultFile(path: string, kinds: readonly KnownKind[]): { kind: KnownKind; render: (source: string) => ReturnType<Extract<ReturnType<KnownKind['load']>, { ok: true }>['render']> } {
  const file = declared(path);
  const { value, layout } = file;
  const expected = kinds.map((k) => `${k.kind} ${k.format} (${k.writtenBy})`).join('; ');
  const kindAt = () => locate(file.text, ['thaw']);
  if (typeof value.thaw !== 'string') {
    fail(path, kindAt(), `is ${guess(value)}; thaw report reads these kinds (kind, format): ${expected}`,
      'thaw report SCENARIO --seed N --out X.html draws one run; for results, write them again with this thaw (' + VERSION + '), which declares each file\'s kind');
  }
  const kind = value.thaw as string;
  const format = value.format;
  const same = kinds.filter((k) => k.kind === kind && k.layout === layout);
  if (same.length === 0) {
    const other = kinds.find((k) => k.kind === kind);
    fail(path, kindAt(), `is a "${kind}" ${layout === 'jsonl' ? 'run file' : 'document'}${typeof format === 'number' ? ` of format ${format}` : ''}, which thaw report does not read${other ? ` as ${layout.toUpperCase()}` : ''}; it reads (kind, format): ${expected}`,
      'give a file of one of those kinds');
  }
  const entry = same.find((k) => k.format === format);
  if (!entry) {
    fail(path, locate(file.text, ['format']), `is a "${kind}" file of format ${JSON.stringify(format)}; this thaw (${VERSION}) reads "${kind}" format ${same.map((k) => k.format).join(' or ')}`,
      'write it again with this version of thaw, or report it with the version that wrote it');
  }
  const document = entry!.layout === 'jsonl' ? readRunFile(path) : value;
  const loaded = entry!.load(document);
  if (!loaded.ok) {
    const field = loaded.at.map(String).join('.');
    return fail(path, locate(file.text, loaded.at), `${field ? `field ${field}: ` : ''}${loaded.message} (in a "${kind}" file of format ${entry!.format})`, 'the file was changed after thaw wrote it, or cut short; write it again');
  }
  return { kind: entry!, render: loaded.render };
}
