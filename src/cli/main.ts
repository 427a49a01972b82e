/**
 * The thaw command line. User mistakes exit 2 with one clear message and no stack trace;
 * anything else is an internal error and exits 1.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { UserError, formatProblem } from '../scenario/errors.js';
import { registerRun } from './run.js';
import { registerList } from './list.js';
import { registerRules } from './rules.js';
import { registerSweep } from './sweep.js';
import { registerCompare } from './compare.js';
import { registerMerge } from './merge.js';
import { registerValidate } from './validate.js';
import { registerStudy } from './study-command.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('thaw')
    .description('Simulate the sanctions-for-prisoners bargaining around Belarus (2025–).')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run `thaw --help` for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerRun(program);
  registerList(program);
  registerRules(program);
  registerSweep(program);
  registerCompare(program);
  registerStudy(program);
  registerMerge(program);
  registerValidate(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are normal exits; commander has already printed the message.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      if (error.problems.length === 0) process.stderr.write(`thaw: ${error.message}\n`);
      for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`thaw: internal error: ${message}\n(please report it with the command you ran)\n`);
    if (process.env.THAW_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
