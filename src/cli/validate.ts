/**
 * `thaw validate FILE…`: checks scenario files (and every branch they declare) without running
 * anything. All problems of all files are printed, each as FILE:LINE:COL: message with a hint;
 * any problem makes the exit code 2. A clean file gets a one-line summary.
 */
import type { Command } from 'commander';
import { validateScenario } from '../scenario/load.js';
import { UserError, formatProblem } from '../scenario/errors.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files (names or paths) and their branches without running them')
    .argument('<files...>', 'scenario files or names from `thaw list`')
    .action((refs: string[]) => {
      let failures = 0;
      for (const ref of refs) {
        try {
          const { scenario, chain, branches } = validateScenario(ref);
          const parts = [
            `${scenario.horizon} months from ${scenario.start}`,
            `${scenario.events.length} event${scenario.events.length === 1 ? '' : 's'}`,
            `${branches.length} branch${branches.length === 1 ? '' : 'es'}`,
            ...(chain.length > 1 ? [`extends ${chain.slice(0, -1).reverse().join(' → ')}`] : []),
          ];
          process.stdout.write(`ok  ${chain[chain.length - 1]}: ${scenario.id} (${parts.join(', ')})\n`);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          failures++;
          if (error.problems.length === 0) process.stderr.write(`${ref}: ${error.message}\n`);
          for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
        }
      }
      if (failures > 0) {
        throw new UserError(`${failures} of ${refs.length} file${refs.length === 1 ? ' is' : 's are'} invalid; nothing was run`);
      }
    });
}
