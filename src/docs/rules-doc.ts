/** docs/rules.md is generated from the rule catalogue, so the two cannot drift apart. */
import { RULE_LIST, formatBasis } from '../rules/catalogue.js';
import { AGENTS } from '../agents/index.js';

export function renderRulesDoc(): string {
  const out: string[] = [
    '# The rules',
    '',
    '<!-- Generated from src/rules/catalogue.ts by `npm run docs`; a test fails if this file is stale. -->',
    '',
    'Every behaviour of thaw comes from one of these rules. R01–R17 are read out of the source',
    'article ([docs/source.md](source.md): the citation and ¶1–¶48); R18 onwards open the world beyond',
    'it (arrests, releases at home, pardons, staged and broken deals), each on a public fact named',
    'below. Traces cite rules by id; `thaw rules` prints this table. A scenario switches a rule off',
    'with `rules: { R09: false }` and tunes it through the parameters listed; switching R18–R25 all',
    'off gives back the closed world of R01–R17, run for run. The summaries are paraphrases, not',
    'quotations.',
    '',
    '| id | name | basis | what it does | actors | parameters | code |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of RULE_LIST) {
    out.push(`| ${r.id} | ${r.slug} | ${formatBasis(r)} | ${r.summary} | ${r.actors.join(', ')} | ${r.parameters.map((p) => `\`${p}\``).join(', ') || '–'} | \`${r.module}\` |`);
  }
  out.push('', '## The public facts behind R18 onwards', '');
  for (const r of RULE_LIST) if (r.fact) out.push(`- **${r.id} ${r.slug}** (beyond the article): ${r.fact}`);
  out.push('', '## The agents', '', '| agent | who | rules it carries |', '| --- | --- | --- |');
  for (const a of Object.values(AGENTS)) out.push(`| \`${a.id}\` | ${a.name}: ${a.summary} | ${a.rules.join(', ')} |`);
  out.push('');
  return out.join('\n');
}
