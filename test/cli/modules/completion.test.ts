/**
 * src/cli/completion.ts: the scripts are made from the program itself, so every command and
 * option is offered; the bash script is sourced and asked, as a user's shell would.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../../src/cli/completion.js';
import { buildProgram } from '../../../src/cli/main.js';
import { scenarioNames } from '../../../src/scenario/load.js';

const program = await buildProgram(['completion']);
const commands = program.commands.map((c) => c.name());
const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

/** What bash offers for the words typed so far (the last one is being completed). */
function complete(script: string, ...words: string[]): string[] {
  const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _thaw; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: '/' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('thaw completion', () => {
  it('knows every command, and the command line registered them all', () => {
    expect(commands).toEqual(expect.arrayContaining(['run', 'list', 'rules', 'source', 'sweep', 'compare', 'study', 'backtest', 'merge', 'validate', 'report', 'diagram', 'completion']));
  });

  it.skipIf(!hasBash)('bash: completes command names, a command\'s options and scenario names', () => {
    const script = completionScript(program, 'bash');
    expect(script.startsWith('# thaw completion for bash: eval "$(thaw completion bash)"')).toBe(true);
    expect(complete(script, 'thaw', '')).toEqual([...commands, '--help', '--version']);
    expect(complete(script, 'thaw', 'sw')).toEqual(['sweep']);
    expect(complete(script, 'thaw', 'run', '--se')).toEqual(['--seed', '--set']);
    // The program's --quiet and --no-progress are read after a command too, so each command offers them.
    expect(complete(script, 'thaw', 'list', '-')).toEqual(['--format', '-f', '--quiet', '-q', '--no-progress', '--help']);
    expect(complete(script, 'thaw', 'sweep', '--q')).toEqual(['--quiet']);
    expect(complete(script, 'thaw', 'run', '--v')).toEqual([]);
    expect(complete(script, 'thaw', 'run', 'peace-')).toEqual(['peace-talks-advance', 'peace-talks-fail']);
    expect(complete(script, 'thaw', 'sweep', '')).toEqual(expect.arrayContaining(scenarioNames()));
  });

  it('zsh: a described command list and each command\'s options', () => {
    const script = completionScript(program, 'zsh');
    expect(script.split('\n')[0]).toBe('#compdef thaw');
    for (const c of program.commands) {
      expect(script).toContain(`    '${c.name()}:`);
      for (const o of c.options) if (o.long) expect(script).toMatch(new RegExp(`\\n    ${c.name()}\\) _arguments .*'${o.long}'`));
    }
    // A colon in a description would end zsh's name:description pair early.
    for (const line of script.split('\n').filter((l) => /^ {4}'[a-z]+:/.test(l))) expect(line.slice(line.indexOf(':') + 1).replace(/\\:/g, '')).not.toContain(':');
    expect(script).toContain(`'*:scenario:(${scenarioNames().join(' ')})'`);
  });

  it('fish: one line per command, per option (long and short) and the scenario names', () => {
    const script = completionScript(program, 'fish');
    const lines = script.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['# thaw completion for fish: thaw completion fish > ~/.config/fish/completions/thaw.fish', 'complete -c thaw -f']);
    for (const c of program.commands) expect(lines.filter((l) => l.startsWith(`complete -c thaw -n '__fish_use_subcommand' -a ${c.name()} -d '`))).toHaveLength(1);
    expect(lines).toContain("complete -c thaw -n '__fish_seen_subcommand_from run' -l seed");
    expect(lines).toContain("complete -c thaw -n '__fish_seen_subcommand_from list' -s f");
    expect(lines).toContain("complete -c thaw -n '__fish_seen_subcommand_from run' -l help");
    expect(lines).toContain("complete -c thaw -n '__fish_seen_subcommand_from report' -l no-progress");
    // Scenario names where a command's first argument is a scenario: report too, not merge or study.
    const takers = 'run list sweep compare validate report';
    expect(lines).toContain(`complete -c thaw -n '__fish_seen_subcommand_from ${takers}' -a '${scenarioNames().join(' ')}'`);
    expect(lines.at(-1)).toBe(`complete -c thaw -n '__fish_seen_subcommand_from ${takers}' -F`);
    // A quote in a description would end fish's argument early.
    for (const l of lines.filter((x) => x.includes(' -d '))) expect(l.slice(l.indexOf(" -d '") + 5, -1)).not.toMatch(/'/);
  });

  it('descriptions carry no characters a shell would interpret', () => {
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      const script = completionScript(program, shell);
      for (const c of program.commands) expect(c.description()).toBeTruthy();
      expect(script).not.toMatch(/-d '[^'\n]*[`$\\"][^'\n]*'$/m);
    }
  });

  it('an unknown shell is refused with the ones it knows (exit 2 through commander)', async () => {
    const p = await buildProgram(['completion']);
    const errors: string[] = [];
    p.exitOverride();
    for (const c of p.commands) c.exitOverride().configureOutput({ writeErr: (s) => errors.push(s), writeOut: () => {} });
    await expect(p.parseAsync(['completion', 'tcsh'], { from: 'user' })).rejects.toMatchObject({ exitCode: 1, code: 'commander.invalidArgument' });
    expect(errors.join('')).toContain('the shell must be one of bash, zsh, fish, got "tcsh"');
  });
});
