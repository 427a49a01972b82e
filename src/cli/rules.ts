import type { Command } from 'commander';
import { RULE_LIST, formatBasis } from '../rules/catalogue.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rule catalogue: id, name, basis (article paragraphs, or beyond the article), what it does')
    .option('--json', 'print the catalogue as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(RULE_LIST, null, 2)}\n`);
        return;
      }
      const lines = RULE_LIST.map((r) => `${r.id}  ${r.slug.padEnd(17)} ${formatBasis(r).padEnd(18)} ${r.summary}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
