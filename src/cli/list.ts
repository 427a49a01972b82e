import type { Command } from 'commander';
import { loadScenario, scenarioNames } from '../scenario/load.js';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the shipped scenarios')
    .action(() => {
      const rows = scenarioNames().map((name) => {
        const { scenario } = loadScenario(name);
        return [name, scenario.title] as const;
      });
      const width = Math.max(...rows.map(([n]) => n.length));
      process.stdout.write(rows.map(([n, t]) => `${n.padEnd(width)}  ${t}`).join('\n') + '\n');
    });
}
