/** src/cli/conventions.ts: the shared --format flag, help epilogues, output helpers and plurals. */
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_CODES, describeUsage, formatOption, json, plural, writeOut } from '../../../src/cli/conventions.js';

function program(option = formatOption(['text', 'json', 'markdown'] as const, 'text', { md: 'markdown' })) {
  const errors: string[] = [];
  const c = new Command('demo').exitOverride().configureOutput({ writeErr: (s) => errors.push(s), writeOut: () => {} }).addOption(option).action(() => {});
  return { c, errors, parse: (...args: string[]) => c.parse(args, { from: 'user' }).opts<{ format: string }>().format };
}

describe('formatOption', () => {
  it('is -f/--format, defaults to the fallback and lists its formats in help', () => {
    const { parse, c } = program();
    expect(parse()).toBe('text');
    expect(c.helpInformation()).toMatch(/-f, --format <format>\s+output format: text, json, markdown \(default: "text"\)/);
  });
  it('accepts each format, short or long, and maps an alias to its format', () => {
    expect(program().parse('--format', 'json')).toBe('json');
    expect(program().parse('-f', 'markdown')).toBe('markdown');
    expect(program().parse('--format', 'md')).toBe('markdown');
  });
  it('refuses anything else, naming what it accepts', () => {
    const { parse, errors } = program();
    expect(() => parse('--format', 'yaml')).toThrow(CommanderError);
    expect(errors.join('')).toContain('--format must be one of text, json, markdown, md, got "yaml"');
  });
  it('an alias name is not a format of its own', () => {
    expect(program(formatOption(['table', 'json'] as const, 'table')).parse('-f', 'json')).toBe('json');
    expect(() => program(formatOption(['table', 'json'] as const, 'table')).parse('-f', 'md')).toThrow(CommanderError);
  });
});

describe('describeUsage', () => {
  it('adds aligned examples and every exit code after the help', () => {
    const c = new Command('demo');
    let help = '';
    c.configureOutput({ writeOut: (s) => { help += s; } });
    describeUsage(c, [['thaw demo', 'the short one'], ['thaw demo --long', 'the long one']]);
    c.outputHelp();
    const after = help.slice(help.indexOf('Examples:'));
    expect(after).toBe([
      'Examples:',
      '  thaw demo         # the short one',
      '  thaw demo --long  # the long one',
      '',
      'Exit codes:',
      '  0         done',
      '  1         internal error: a bug in thaw (THAW_DEBUG=1 shows where)',
      '  2         bad input, or a file that cannot be read or written; the message names it',
      '  130, 143  interrupted (Ctrl-C, SIGTERM)',
      '  141       the reader of the output went away (a closed pipe); nothing is printed',
      '',
    ].join('\n'));
    expect(help.indexOf('Examples:')).toBeGreaterThan(help.indexOf('Usage:'));
    expect(EXIT_CODES.map(([c]) => c)).toEqual(['0', '1', '2', '130, 143', '141']);
  });
});

describe('writeOut, json and plural', () => {
  afterEach(() => vi.restoreAllMocks());
  it('writeOut ends the text with one newline, never two', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { written.push(String(s)); return true; });
    writeOut('a');
    writeOut('b\n');
    writeOut('');
    expect(written).toEqual(['a\n', 'b\n', '\n']);
  });
  it('json is indented by two and ends with a newline', () => {
    expect(json({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
  it.each([
    [0, 'month', undefined, '0 months'], [1, 'month', undefined, '1 month'], [2, 'month', undefined, '2 months'],
    [1, 'branch', 'branches', '1 branch'], [3, 'branch', 'branches', '3 branches'], [1.5, 'run', undefined, '1.5 runs'],
  ])('plural(%d, %s)', (n, one, many, text) => expect(plural(n, one, many)).toBe(text));
});
