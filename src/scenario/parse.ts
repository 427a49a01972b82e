/**
 * Reading one scenario file into YAML nodes with positions, defensively: whatever the bytes, the
 * result is a ParsedFile or a UserError listing every problem found with its line and column.
 * The guards run before the YAML parser where the parser itself would fail badly: the `yaml`
 * package exhausts memory on a few thousand nested brackets, so nesting is measured first.
 */
import { isFailure, readBounded } from '../files/read.js';
import { displayPath } from '../paths.js';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { FORBIDDEN_KEYS, type Plain } from './merge.js';
import { UserError, type Problem } from './errors.js';

export const MAX_BYTES = 1024 * 1024;
/** Alias expansions allowed when building the data; a real scenario needs a handful at most. */
export const MAX_ALIASES = 100;
/** Nesting allowed, in mappings and lists; a scenario needs six levels. */
export const MAX_DEPTH = 32;
/** Indentation allowed before the parser sees the text (it recurses per level). */
const MAX_INDENT = 4 * MAX_DEPTH;

export interface ParsedFile {
  readonly path: string;
  /** The path as shown in messages: relative to the working directory when inside it. */
  readonly display: string;
  readonly data: Record<string, Plain>;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Where it lives now (`src/paths.ts`), kept here for the loader's callers. */
export { displayPath } from '../paths.js';

export function problemAt(file: Pick<ParsedFile, 'display' | 'lines'>, offset: number, message: string, hint?: string): Problem {
  const pos = file.lines.linePos(offset);
  return { file: file.display, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) };
}

/** Decodes UTF-8 strictly; binary data (NUL bytes, invalid sequences) is refused with its position. */
function decode(bytes: Buffer, shown: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = bytes.subarray(0, nul);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = nul - before.lastIndexOf(0x0a);
    throw new UserError('not a text file', [{ file: shown, line, column, message: 'the file contains a NUL byte (binary data?)', hint: 'a scenario is a YAML text file' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('not a text file', [{ file: shown, line: 1, column: 1, message: 'the file is not UTF-8 text (binary data?)', hint: 'a scenario is a YAML text file; copy scenarios/base.yaml to start' }]);
  }
}

/**
 * Measures nesting on the raw text, cheaply, so the parser never sees a pathological file.
 * Brackets inside quoted strings and comments are text, not nesting. A quote opens a string only
 * where YAML starts a scalar (after `: `, `- `, `[`, `{`, `,` or at the start of a line), so the
 * apostrophe of "the article's" stays an apostrophe.
 */
function checkNesting(text: string, shown: string): void {
  let depth = 0;
  let line = 1;
  let column = 0;
  let lineStart = true;
  let indent = 0;
  /** The last character that was not a space on this line, '' at its start. */
  let previous = '';
  let before = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    column++;
    if (c === '\n') { line++; column = 0; lineStart = true; indent = 0; previous = ''; before = ''; continue; }
    if (lineStart && (c === ' ' || c === '-')) {
      indent++;
      if (indent > MAX_INDENT) throw tooDeep(shown, line, column);
      if (c === '-') previous = '-';
      continue;
    }
    lineStart = false;
    if (c === ' ' || c === '\t') { before = previous === '' ? before : previous; continue; }
    const scalarStart = previous === '' || '[{,'.includes(previous) || (text[i - 1] === ' ' && (before === '' || ':-[{,'.includes(before)));
    if (c === '#' && (previous === '' || text[i - 1] === ' ')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && scalarStart) {
      const close = c === '"' ? closeDouble(text, i) : closeSingle(text, i);
      for (let j = i + 1; j < close && j < text.length; j++) if (text[j] === '\n') { line++; column = 0; }
      column += close - i;
      i = close;
      previous = c;
      before = '';
      continue;
    }
    previous = c;
    before = '';
    if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_DEPTH) throw tooDeep(shown, line, column);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}

/** Index of the quote closing a double-quoted string opened at `open` (backslash escapes). */
function closeDouble(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return text.length;
}

/** Index of the quote closing a single-quoted string opened at `open` ('' is an escaped quote). */
function closeSingle(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j++) {
    if (text[j] === "'") {
      if (text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}

const tooDeep = (file: string, line: number, column: number): UserError =>
  new UserError('nesting too deep', [{ file, line, column, message: `nesting is too deep (a scenario nests at most ${MAX_DEPTH} levels)` }]);

/** Every problem the parser reports, each at its own position. */
function syntaxProblems(doc: Document, file: Pick<ParsedFile, 'display' | 'lines'>): Problem[] {
  return doc.errors.map((e) => {
    const first = e.message.split('\n')[0] ?? e.message;
    switch (e.code) {
      case 'DUPLICATE_KEY':
        return problemAt(file, e.pos[0], 'duplicate key: this key appears twice in the same mapping', 'delete or rename one of them');
      case 'TAB_AS_INDENT':
        return problemAt(file, e.pos[0], 'a tab is used for indentation', 'YAML indents with spaces only; replace the tab with spaces');
      case 'MULTIPLE_DOCS':
        return problemAt(file, e.pos[0], 'the file holds several YAML documents (`---`)', 'a scenario is one document; split it into files or use `branches:`');
      default:
        return problemAt(file, e.pos[0], `YAML syntax: ${first}`);
    }
  });
}

/** The tags of YAML 1.2's core schema, which mean no more than the value written without them. */
const CORE_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Keys that could reach Object.prototype, anywhere in the tree, nesting beyond MAX_DEPTH, and
 * tags outside the core schema (`!!js/function`, `!!set`, custom `!tags`), which the parser would
 * otherwise ignore with a warning, leaving a value that is not what the author meant.
 */
function structureProblems(root: Node | null, file: Pick<ParsedFile, 'display' | 'lines'>): Problem[] {
  const problems: Problem[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      const offset = (node as Node).range?.[0] ?? 0;
      problems.push(problemAt(file, offset, `nesting is too deep (a scenario nests at most ${MAX_DEPTH} levels)`));
      break;
    }
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const shownTag = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
      problems.push(problemAt(file, (node as Node).range?.[0] ?? 0, `the YAML tag \`${shownTag}\` is not supported in a scenario`,
        'a scenario holds plain text, numbers, true/false, lists and mappings; remove the tag'));
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
          problems.push(problemAt(file, pair.key.range?.[0] ?? 0, `key \`${String(pair.key.value)}\` is not allowed in a scenario`, 'it could alter how every object behaves; rename it'));
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function expand(doc: Document, whole: (message: string, hint?: string) => UserError, file: Pick<ParsedFile, 'display' | 'lines'>): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias count/i.test(message)) {
      const first = findAlias(doc.contents as Node | null, null);
      const p = problemAt(file, first?.range?.[0] ?? 0, `too many aliases: the file expands to more than ${MAX_ALIASES} alias copies`,
        'aliases (`*name`) are capped to stop files that expand exponentially; write the values out');
      throw new UserError(p.message, [p]);
    }
    const unresolved = /Unresolved alias.*?: (.*)$/.exec(message);
    if (unresolved) {
      const alias = findAlias(doc.contents as Node | null, unresolved[1] ?? '');
      const p = problemAt(file, alias?.range?.[0] ?? 0, `unknown alias \`*${unresolved[1]}\``, 'an alias refers to an anchor (`&name`) set earlier in the file');
      throw new UserError(p.message, [p]);
    }
    throw whole(`the YAML could not be read: ${message}`);
  }
}

/** The first alias in document order named `name` (any alias when `name` is null). */
function findAlias(node: Node | null, name: string | null): Node | null {
  let first: Node | null = null;
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n) && (name === null || n.source === name) && (!first || (n.range?.[0] ?? 0) < (first.range?.[0] ?? 0))) first = n;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return first;
}

export function parseFile(path: string): ParsedFile {
  const shown = displayPath(path);
  const whole = (message: string, hint?: string): UserError =>
    new UserError(message, [{ file: shown, line: 1, column: 1, message, ...(hint ? { hint } : {}) }]);
  const bytes = readBounded(path, MAX_BYTES, 'a scenario');
  if (isFailure(bytes)) throw whole(`the file ${bytes.reason}`, bytes.hint);
  const text = decode(bytes, shown);
  checkNesting(text, shown);
  const lines = new LineCounter();
  const located = { display: shown, lines };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    throw whole(`the YAML could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (doc.errors.length > 0) throw new UserError('YAML syntax error', syntaxProblems(doc, located));
  const structure = structureProblems(doc.contents as Node | null, located);
  if (structure.length > 0) throw new UserError('bad structure', structure);
  const data = expand(doc, whole, located);
  if (data === null || data === undefined) {
    throw whole('the file is empty', 'a scenario is a mapping with at least `id` and `title`; copy scenarios/base.yaml to start');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const p = problemAt(located, (doc.contents as Node | null)?.range?.[0] ?? 0,
      `expected a mapping (key: value lines) at the top of the file, found ${Array.isArray(data) ? 'a list' : 'a single value'}`,
      'a scenario starts like `id: my-scenario` on its first line');
    throw new UserError(p.message, [p]);
  }
  return { path, display: shown, data: data as Record<string, Plain>, doc, lines };
}
