/** `thaw source [REF]`: the article's citation and its paragraphs as docs/source.md paraphrases them. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { inPackage } from '../paths.js';
import { lookupSource, parseSource, type SourceParagraph } from '../rules/source.js';
import { describeUsage, formatOption, json, writeOut } from './conventions.js';
import { widthOf } from './terminal.js';
import { wrap, wrapLine } from '../report/wrap.js';

export const SOURCE_FILE = inPackage('docs', 'source.md');

const paragraphLines = (ps: readonly SourceParagraph[], width: number): string[] =>
  ps.flatMap((p) => wrapLine(`¶${p.n}  ${p.text}`, width, ' '.repeat(`¶${p.n}  `.length)));

export function registerSource(program: Command): void {
  const command = program
    .command('source')
    .description('print the source article\'s paragraphs, paraphrased: one (¶N), a rule\'s (R05), or all')
    .argument('[ref]', '¶N, N, a range such as 15-19, or a rule id such as R05')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .action((ref: string | undefined, flags: { format: 'text' | 'json' }) => {
      const source = parseSource(readFileSync(SOURCE_FILE, 'utf8'));
      const found = ref === undefined ? { rule: null, paragraphs: source.paragraphs } : lookupSource(source, ref);
      if (flags.format === 'json') {
        writeOut(json({ citation: source.citation, ...(found.rule ? { rule: found.rule } : {}), paragraphs: found.paragraphs }));
        return;
      }
      const width = widthOf(process.stdout);
      const lines: string[] = [];
      if (ref === undefined) lines.push(...wrap(source.citation, width), '');
      if (found.rule) lines.push(`${found.rule.id} ${found.rule.slug} (${found.rule.paragraphs}): ${found.rule.title}`);
      lines.push(...paragraphLines(found.paragraphs, width));
      if (ref !== undefined) lines.push('', ...wrap(`Source: ${source.citation}`, width));
      writeOut(lines.join('\n'));
    });
  describeUsage(command, [
    ['thaw source 42', 'what ¶42 of the article says, in thaw\'s words'],
    ['thaw source R05', 'the paragraphs rule R05 is read from'],
    ['thaw source 15-19', 'a range of paragraphs'],
    ['thaw source --format json', 'the citation and every paragraph as JSON'],
  ]);
}
