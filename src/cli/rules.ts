import type { Command } from 'commander';
import { RULE_LIST, formatParagraphs } from '../rules/catalogue.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rule catalogue: id, name, article paragraphs, what it does')
    .option('--json', 'print the catalogue as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(RULE_LIST, null, 2)}\n`);
        return;
      }
      const lines = RULE_LIST.map((r) => `${r.id}  ${r.slug.padEnd(17)} ¶${formatParagraphs(r.paragraphs).padEnd(10)} ${r.summary}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
