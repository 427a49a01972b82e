import type { Command } from 'commander';
import { RULE_LIST, formatBasis } from '../rules/catalogue.js';
import { widthOf } from './terminal.js';
import { wrapLine } from '../report/wrap.js';
import { describeUsage, formatOption, json, writeOut } from './conventions.js';

export function registerRules(program: Command): void {
  const command = program
    .command('rules')
    .description('list the rule catalogue: id, name, basis (article paragraphs, or beyond the article), what it does')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .option('--json', 'the same as --format json (kept for scripts written before --format)')
    .action((flags: { format: 'text' | 'json'; json?: boolean }) => {
      if (flags.json || flags.format === 'json') {
        writeOut(json(RULE_LIST));
        return;
      }
      const width = widthOf(process.stdout);
      writeOut(RULE_LIST.flatMap((r) => {
        const head = `${r.id}  ${r.slug.padEnd(17)} ${formatBasis(r).padEnd(18)} `;
        return wrapLine(`${head}${r.summary}`, width, ' '.repeat(head.length));
      }).join('\n'));
    });
  describeUsage(command, [
    ['thaw rules', 'the catalogue, one rule a line'],
    ['thaw rules --format json', 'the catalogue as JSON'],
    ['thaw source R05', 'the article\'s paragraphs behind one rule'],
  ]);
}
