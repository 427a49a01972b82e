import type { Command } from 'commander';
import { scenarioNames } from '../scenario/names.js';
import { loadScenarioFast } from '../scenario/resolved.js';
import { neutraliseLine } from '../report/safe-text.js';
import { describeUsage, formatOption, json, writeOut } from './conventions.js';

/**
 * `thaw list [SCENARIO|FILE…]`: each scenario with its title, then its branches indented under
 * it; with no argument, the shipped ones.
 */
export function registerList(program: Command): void {
  const command = program
    .command('list')
    .description('list scenarios and their branches (run one with --branch NAME): the shipped ones, or the files given')
    .argument('[scenarios...]', 'scenario names or paths to YAML files (default: every shipped scenario)')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .action(async (refs: string[], flags: { format: 'text' | 'json' }) => {
      const names = refs.length > 0 ? refs : scenarioNames();
      // Shipped scenarios come from the build's cache when it can vouch for them (no YAML parser,
      // no schema: docs/performance.md); files, and anything edited, go through the loader.
      const loaded: { name: string; id: string; title: string; branches: readonly { name: string; title: string }[] }[] = [];
      for (const ref of names) {
        const { scenario, branches, chain } = await loadScenarioFast(ref);
        loaded.push({ name: refs.length > 0 ? chain[chain.length - 1]! : ref, id: scenario.id, title: scenario.title, branches });
      }
      if (flags.format === 'json') {
        writeOut(json(loaded.map(({ name, id, title, branches }) => ({ name, id, title, branches: branches.map((b) => ({ name: b.name, title: b.title })) }))));
        return;
      }
      const width = Math.max(...loaded.flatMap(({ name, branches }) => [name.length, ...branches.map((b) => b.name.length + 11)]));
      const lines: string[] = [];
      for (const { name, title, branches } of loaded) {
        lines.push(`${name.padEnd(width)}  ${neutraliseLine(title)}`);
        for (const b of branches) lines.push(`  --branch ${b.name.padEnd(width - 11)}  ${neutraliseLine(b.title)}`);
      }
      writeOut(lines.join('\n'));
    });
  describeUsage(command, [
    ['thaw list', 'the shipped scenarios and their branches'],
    ['thaw list my-scenario.yaml', 'a file\'s branches'],
    ['thaw list --format json', 'the same as JSON: name, id, title, branches'],
  ]);
}
