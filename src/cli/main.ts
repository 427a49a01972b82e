/**
 * The thaw command line. User mistakes exit 2 with one clear message and no stack trace;
 * anything else is an internal error and exits 1. Every message thaw writes itself starts with
 * `thaw: `, except problems located in a file, which start with FILE:LINE:COL as editors expect.
 * `main` does not run itself: bin/thaw calls it (from the bundle, or from dist/ as a fallback).
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { UserError, formatProblem } from '../scenario/errors.js';
import { EXIT, guardOutputStreams } from './output.js';
import { setSessionFlags, widthOf } from './terminal.js';
import { describeUsage } from './conventions.js';
import { neutralise } from '../report/safe-text.js';

/** Commander's own messages ("error: unknown option …") get thaw's prefix instead of theirs. */
const prefixed = (s: string): string => (s.startsWith('error: ') ? `thaw: ${s.slice('error: '.length)}` : s);

type Register = (program: Command) => void;

/**
 * Every command, in the order help lists them, each loaded only when wanted: a command's module
 * brings what it needs (the scenario loader, vega, worker threads…), and `thaw run` should not
 * pay for the others' (docs/performance.md).
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['run', async () => (await import('./run.js')).registerRun],
  ['list', async () => (await import('./list.js')).registerList],
  ['rules', async () => (await import('./rules.js')).registerRules],
  ['source', async () => (await import('./source.js')).registerSource],
  ['sweep', async () => (await import('./sweep.js')).registerSweep],
  ['compare', async () => (await import('./compare.js')).registerCompare],
  ['study', async () => (await import('./study-command.js')).registerStudy],
  ['backtest', async () => (await import('./backtest-command.js')).registerBacktest],
  ['merge', async () => (await import('./merge.js')).registerMerge],
  ['validate', async () => (await import('./validate.js')).registerValidate],
  ['report', async () => (await import('./report.js')).registerReport],
  ['diagram', async () => (await import('./diagram.js')).registerDiagram],
  ['completion', async () => (await import('./completion.js')).registerCompletion],
];

/** Commands that read the whole program (the completion script lists every command). */
const NEEDS_ALL = new Set(['completion']);

/**
 * The commands to register for these arguments: only the one named first, when it is a command
 * that needs no other; otherwise all (help, version, a typo that deserves "did you mean").
 */
async function registrations(argv: readonly string[]): Promise<Register[]> {
  const first = argv[0];
  const only = COMMANDS.find(([name]) => name === first && !NEEDS_ALL.has(name));
  return Promise.all((only ? [only] : COMMANDS).map(([, load]) => load()));
}

/** The whole program, or (given the arguments) just what they need: help and errors read the same. */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name('thaw')
    .description('Simulate the sanctions-for-prisoners bargaining around Belarus (2025–).')
    .version(VERSION)
    .option('-q, --quiet', 'print only the result: no progress bars, no notes on stderr')
    .option('--no-progress', 'no progress bar on long commands (sweep, compare, merge)')
    .exitOverride()
    .showHelpAfterError('(run `thaw --help` for usage)')
    .configureHelp({ showGlobalOptions: true, helpWidth: widthOf(process.stdout) })
    .configureOutput({ writeErr: (s) => process.stderr.write(prefixed(s)), outputError: (s, write) => write(prefixed(s)) })
    .hook('preAction', (thisCommand) => setSessionFlags(thisCommand.opts<{ quiet?: boolean; progress?: boolean }>()));
  for (const register of await registrations(argv ?? [])) register(program);
  describeUsage(program, [
    ['thaw run', 'the default scenario\'s story, month by month'],
    ['thaw list', 'the shipped scenarios and their branches'],
    ['thaw sweep base --runs 1000', 'a study: every outcome\'s distribution'],
    ['thaw source R05', 'the article\'s paragraphs behind a rule'],
  ]);
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeErr: (s) => process.stderr.write(prefixed(s)), outputError: (s, write) => write(prefixed(s)) });
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  guardOutputStreams();
  try {
    await (await buildProgram(argv)).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are normal exits; commander has already printed the message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.user;
    }
    if (error instanceof UserError) {
      if (error.problems.length === 0) process.stderr.write(`thaw: ${neutralise(error.message)}\n`);
      for (const p of error.problems) process.stderr.write(`${neutralise(formatProblem(p))}\n`);
      return EXIT.user;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`thaw: internal error: ${neutralise(message)}\n(a bug in thaw: please report it with the command you ran; THAW_DEBUG=1 shows where it happened)\n`);
    if (process.env.THAW_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
