import type { Command } from 'commander';
import { loadScenario, scenarioNames } from '../scenario/load.js';

/** `thaw list`: each shipped scenario with its title, then its branches indented under it. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the shipped scenarios and their branches (run one with --branch NAME)')
    .action(() => {
      const loaded = scenarioNames().map((name) => ({ name, ...loadScenario(name) }));
      const width = Math.max(...loaded.flatMap(({ name, branches }) => [name.length, ...branches.map((b) => b.name.length + 11)]));
      const lines: string[] = [];
      for (const { name, scenario, branches } of loaded) {
        lines.push(`${name.padEnd(width)}  ${scenario.title}`);
        for (const b of branches) lines.push(`  --branch ${b.name.padEnd(width - 11)}  ${b.title}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
