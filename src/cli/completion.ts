/**
 * `thaw completion bash|zsh|fish`: a completion script made from the program itself (its
 * commands and their options) and the shipped scenario names, so that it cannot drift from the CLI.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { scenarioNames } from '../scenario/names.js';
import { describeUsage, writeOut } from './conventions.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Spec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly string[];
  /** Its first argument is a scenario (name or file): fish offers the shipped names there. */
  readonly takesScenario: boolean;
}

const flagsOf = (options: Command['options']): (string | undefined)[] => options.flatMap((o) => [o.long, o.short]);

function specOf(program: Command): Spec[] {
  // The program's own options (--quiet, --no-progress) are read after any command too
  // (`thaw run --quiet`), so each command offers them; --version belongs before a command only.
  const global = flagsOf(program.options.filter((o) => o.long !== '--version'));
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description().replace(/['"\\$`]/g, ''),
    options: [...flagsOf(c.options), ...global, '--help'].filter((f): f is string => !!f),
    takesScenario: /scenario/i.test(c.registeredArguments[0]?.description ?? ''),
  }));
}

function bash(spec: readonly Spec[], scenarios: readonly string[]): string {
  const cases = spec.map((c) => `    ${c.name}) opts="${c.options.join(' ')}" ;;`).join('\n');
  return `# thaw completion for bash: eval "$(thaw completion bash)" (e.g. in ~/.bashrc)
_thaw() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${spec.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "${scenarios.join(' ')}" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur") )
  fi
}
complete -o filenames -F _thaw thaw
`;
}

function zsh(spec: readonly Spec[], scenarios: readonly string[]): string {
  const commands = spec.map((c) => `    '${c.name}:${c.description.replace(/:/g, '\\:')}'`).join('\n');
  const cases = spec.map((c) => `    ${c.name}) _arguments '*:scenario:(${scenarios.join(' ')})' ${c.options.map((o) => `'${o}'`).join(' ')} '*:file:_files -g "*.y(a|)ml"' ;;`).join('\n');
  return `#compdef thaw
# thaw completion for zsh: thaw completion zsh > "\${fpath[1]}/_thaw" (or eval it in ~/.zshrc)
_thaw() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _thaw thaw 2>/dev/null || true
`;
}

function fish(spec: readonly Spec[], scenarios: readonly string[]): string {
  const lines = ['# thaw completion for fish: thaw completion fish > ~/.config/fish/completions/thaw.fish', 'complete -c thaw -f'];
  for (const c of spec) {
    lines.push(`complete -c thaw -n '__fish_use_subcommand' -a ${c.name} -d '${c.description.replace(/'/g, '')}'`);
    for (const o of c.options) {
      const flag = o.startsWith('--') ? `-l ${o.slice(2)}` : `-s ${o.slice(1)}`;
      lines.push(`complete -c thaw -n '__fish_seen_subcommand_from ${c.name}' ${flag}`);
    }
  }
  const takers = spec.filter((c) => c.takesScenario).map((c) => c.name).join(' ');
  lines.push(`complete -c thaw -n '__fish_seen_subcommand_from ${takers}' -a '${scenarios.join(' ')}'`);
  lines.push(`complete -c thaw -n '__fish_seen_subcommand_from ${takers}' -F`);
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: Shell): string {
  const spec = specOf(program);
  const scenarios = scenarioNames();
  return shell === 'bash' ? bash(spec, scenarios) : shell === 'zsh' ? zsh(spec, scenarios) : fish(spec, scenarios);
}

export function registerCompletion(program: Command): void {
  const command = program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', `one of ${SHELLS.join(', ')}`, (text: string) => {
      if (!(SHELLS as readonly string[]).includes(text)) throw new InvalidArgumentError(`the shell must be one of ${SHELLS.join(', ')}, got "${text}"`);
      return text as Shell;
    })
    .action((shell: Shell) => writeOut(completionScript(program, shell)));
  describeUsage(command, [
    ['thaw completion zsh > ~/.zfunc/_thaw', 'install it for zsh'],
    ['eval "$(thaw completion bash)"', 'complete thaw\'s commands in this bash session'],
    ['thaw completion fish > ~/.config/fish/completions/thaw.fish', 'install it for fish'],
  ]);
}
