/**
 * What every command shares, so that a new one (report, diagram, study…) behaves like the rest:
 * - `formatOption`: one `-f, --format` flag, with `json` among its choices on every command;
 * - `describeUsage`: the help epilogue, with examples and the exit codes;
 * - `writeOut`: prints a command's result (stdout errors are handled by ./output.ts).
 */
import { Option, type Command } from 'commander';
import { parseChoice } from './options.js';

export function formatOption<const F extends string>(formats: readonly F[], fallback: F, aliases: Readonly<Record<string, F>> = {}): Option {
  const accepted = [...formats, ...Object.keys(aliases)] as F[];
  const parse = parseChoice('--format', accepted);
  return new Option('-f, --format <format>', `output format: ${formats.join(', ')}`)
    .default(fallback)
    .argParser((text: string) => {
      const f = parse(text);
      return aliases[f] ?? f;
    });
}

export const EXIT_CODES: readonly (readonly [string, string])[] = [
  ['0', 'done'],
  ['1', 'internal error: a bug in thaw (THAW_DEBUG=1 shows where)'],
  ['2', 'bad input, or a file that cannot be read or written; the message names it'],
  ['130, 143', 'interrupted (Ctrl-C, SIGTERM)'],
  ['141', 'the reader of the output went away (a closed pipe); nothing is printed'],
];

/** Adds examples (command, what it does) and the exit codes to a command's help. */
export function describeUsage(command: Command, examples: readonly (readonly [string, string])[]): Command {
  const width = Math.max(...examples.map(([c]) => c.length));
  const codeWidth = Math.max(...EXIT_CODES.map(([c]) => c.length));
  const text = [
    '',
    'Examples:',
    ...examples.map(([c, what]) => `  ${c.padEnd(width)}  # ${what}`),
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([c, what]) => `  ${c.padEnd(codeWidth)}  ${what}`),
  ].join('\n');
  return command.addHelpText('after', text);
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** "1 month", "2 months"; "1 branch", "3 branches". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
