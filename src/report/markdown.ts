/** The story as Markdown, for notes and reports. */
import { neutraliseLine } from './safe-text.js';
import type { RunResult } from '../simulation/trace.js';
import { monthName } from '../world/month.js';
import { partyName, cite, describeChange, describeDeal, describePackage } from './words.js';
import { labelsOf } from './labels.js';
import { drawsLine } from './text.js';
import type { Scenario } from '../scenario/schema.js';

export function renderMarkdown(result: RunResult, title: string, scenario: Scenario | null = null): string {
  const labels = labelsOf(scenario);
  const out: string[] = [`# ${neutraliseLine(title)}`, '', `Scenario \`${result.scenario}\`${result.branch ? `, branch \`${result.branch}\`` : ''}, seed ${result.seed}, ${result.horizon} month${result.horizon === 1 ? '' : 's'} from ${monthName(result.start)}.`, ''];
  const drawn = drawsLine(result);
  if (drawn) out.push(`${neutraliseLine(drawn[0]!.toUpperCase() + drawn.slice(1))}.`, '');
  for (const m of result.months) {
    out.push(`## ${monthName(m.month)}`, '', `Talks: ${m.talks}; US interest ${m.world.usInterest.toFixed(2)}.`, '');
    for (const e of m.events) out.push(`- ${e.text} (${cite(e.rules)})`);
    for (const c of m.changes ?? []) out.push(`- ${describeChange(c, labels)} (${cite(c.rules)})`);
    for (const o of m.offers) {
      const { give, get } = describePackage(o.package, labels);
      out.push(`- **${partyName(o.from, labels)} → ${partyName(o.to, labels)}** (${o.kind}): ${o.from === 'belarus' ? `${give}, in return for ${get}` : `${get}, in return for ${give}`}. *${partyName(o.to, labels)} ${o.answer}s*: ${o.reason}. (${cite(o.rules)})`);
    }
    for (const d of m.deals) out.push(`- **Deal** (${d.parties.map((p) => partyName(p, labels)).join('–')}): ${describeDeal(d, labels)}. (${cite(d.rules)})`);
    if (m.events.length + m.offers.length + (m.changes ?? []).length === 0) out.push('- Nothing moves.');
    out.push('');
  }
  const o = result.outcome;
  out.push('## Outcome', '', '| metric | value |', '| --- | --- |',
    `| held at start | ${o.prisonersInitial} |`, `| new arrests (re-arrests) | ${o.prisonersArrested} (${o.prisonersRearrested}) |`,
    `| released | ${o.prisonersReleased} |`, `| released outside deals | ${o.pardoned} |`, `| still held | ${o.prisonersRemaining} |`,
    `| waves | ${o.waves.length} (${o.reneged} broken) |`,
    `| released by route | ${Object.entries(o.releasedByRoute).map(([r, n]) => `${r} ${n}`).join(', ')} |`,
    `| deals | ${o.deals} |`, `| sanctions lifted | ${Object.entries(o.sanctions).filter(([, s]) => s === 'lifted').map(([id]) => id).join(', ')} |`,
    `| Klaipėda transit | ${o.transitOpen ? 'open' : 'closed'} |`, '');
  return out.join('\n');
}
