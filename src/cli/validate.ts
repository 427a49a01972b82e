/**
 * `thaw validate FILE…`: checks scenario files (and every branch they declare) without running
 * anything. All problems of all files are printed, each as FILE:LINE:COL: message with a hint;
 * any problem makes the exit code 2. A clean file gets a one-line summary. With `--format json`,
 * one JSON array on stdout (a record per file, its problems included) and the same exit code.
 */
import type { Command } from 'commander';
import { validateScenario } from '../scenario/load.js';
import { UserError, formatProblem, type Problem } from '../scenario/errors.js';
import { neutralise } from '../report/safe-text.js';
import { describeUsage, formatOption, json, plural, writeOut } from './conventions.js';

interface Verdict {
  readonly file: string;
  readonly ok: boolean;
  readonly scenario: string | null;
  readonly summary: string | null;
  readonly message: string | null;
  readonly problems: readonly Problem[];
}

function verdictOf(ref: string): Verdict {
  try {
    const { scenario, chain, branches } = validateScenario(ref);
    const parts = [
      `${scenario.horizon} month${scenario.horizon === 1 ? '' : 's'} from ${scenario.start}`,
      plural(scenario.events.length, 'event'),
      plural(branches.length, 'branch', 'branches'),
      ...(chain.length > 1 ? [`extends ${chain.slice(0, -1).reverse().join(' → ')}`] : []),
    ];
    return { file: chain[chain.length - 1]!, ok: true, scenario: scenario.id, summary: parts.join(', '), message: null, problems: [] };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { file: ref, ok: false, scenario: null, summary: null, message: error.message, problems: error.problems };
  }
}

export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description('check scenario files (names or paths) and their branches without running them')
    .argument('<files...>', 'scenario files or names from `thaw list`')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .action((refs: string[], flags: { format: 'text' | 'json' }) => {
      const verdicts = refs.map(verdictOf);
      const failures = verdicts.filter((v) => !v.ok).length;
      if (flags.format === 'json') writeOut(json(verdicts));
      else {
        for (const v of verdicts) {
          if (v.ok) process.stdout.write(`ok  ${neutralise(v.file)}: ${v.scenario} (${v.summary})\n`);
          else {
            if (v.problems.length === 0) process.stderr.write(`thaw: ${neutralise(v.file)}: ${neutralise(v.message ?? '')}\n`);
            for (const p of v.problems) process.stderr.write(`${neutralise(formatProblem(p))}\n`);
          }
        }
      }
      if (failures > 0) {
        throw new UserError(`${failures} of ${refs.length} file${refs.length === 1 ? ' is' : 's are'} invalid; nothing was run`);
      }
    });
  describeUsage(command, [
    ['thaw validate my-scenario.yaml', 'every problem at once, as FILE:LINE:COL'],
    ['thaw validate scenarios/*.yaml', 'several files'],
    ['thaw validate my.yaml --format json', 'the verdicts as JSON (for editors and CI)'],
  ]);
}
