/** docs/rules.md is generated from the rule catalogue, so the two cannot drift apart. */
import { RULE_LIST, formatParagraphs } from '../rules/catalogue.js';
import { AGENTS } from '../agents/index.js';

export function renderRulesDoc(): string {
  const out: string[] = [
    '# The rules',
    '',
    '<!-- Generated from src/rules/catalogue.ts by `npm run docs`; a test fails if this file is stale. -->',
    '',
    'Every behaviour of thaw comes from one of these rules, read out of the source article',
    '([docs/source.md](source.md): the citation and ¶1–¶48). Traces cite them by id; `thaw rules` prints this',
    'table. A scenario switches a rule off with `rules: { R09: false }` and tunes it through the',
    'parameters listed. The summaries are paraphrases, not quotations.',
    '',
    '| id | name | ¶ | what it does | actors | parameters | code |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of RULE_LIST) {
    out.push(`| ${r.id} | ${r.slug} | ¶${formatParagraphs(r.paragraphs)} | ${r.summary} | ${r.actors.join(', ')} | ${r.parameters.map((p) => `\`${p}\``).join(', ') || '–'} | \`${r.module}\` |`);
  }
  out.push('', '## The agents', '', '| agent | who | rules it carries |', '| --- | --- | --- |');
  for (const a of Object.values(AGENTS)) out.push(`| \`${a.id}\` | ${a.name}: ${a.summary} | ${a.rules.join(', ')} |`);
  out.push('');
  return out.join('\n');
}
