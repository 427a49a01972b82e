/** The month-by-month story for students: who offered what, the answer, and the rule behind it. */
import type { MonthRecord, OfferRecord, RunResult } from '../simulation/trace.js';
import { monthName } from '../world/month.js';
import { AGENT_NAMES, cite, describePackage } from './words.js';
import type { Style } from './style.js';

const ANSWER: Record<OfferRecord['answer'], string> = { accept: 'accepts', counter: 'counters', walk: 'walks away' };

function offerLines(o: OfferRecord, st: Style): string[] {
  const { give, get } = describePackage(o.package);
  const from = AGENT_NAMES[o.from];
  const to = AGENT_NAMES[o.to];
  const what = o.from === 'belarus'
    ? `${from} ${o.kind === 'offer' ? 'offers' : 'counters with'} ${give} for ${get}`
    : `${from} ${o.kind === 'offer' ? 'offers' : 'comes back with'} ${get} for ${give}`;
  const answer = o.answer === 'accept' ? st.green(ANSWER[o.answer]) : o.answer === 'walk' ? st.red(ANSWER[o.answer]) : st.yellow(ANSWER[o.answer]);
  return [
    `    ${what}.`,
    `      ${to} ${answer}: ${o.reason}.`,
    `      ${st.dim(`[${cite(o.rules)}]`)}`,
  ];
}

function monthLines(m: MonthRecord, previousReleased: number, st: Style): string[] {
  const lines = [st.bold(`${monthName(m.month)}`) + st.dim(`  (talks ${m.talks}, US interest ${m.world.usInterest.toFixed(2)})`)];
  for (const e of m.events) lines.push(`  • ${e.text}. ${st.dim(`[${cite(e.rules)}]`)}`);
  for (const o of m.offers) lines.push(...offerLines(o, st));
  for (const d of m.deals) {
    lines.push(`  ${st.green('✔ Deal')} (${d.parties.map((p) => AGENT_NAMES[p]).join('–')}): ${d.summary}.`);
    lines.push(`      ${st.dim(`[${cite(d.rules)}]`)}`);
  }
  if (m.events.length === 0 && m.offers.length === 0) lines.push(st.dim('  Nothing moves.'));
  const freed = m.world.released - previousReleased;
  if (freed > 0) lines.push(`  → ${freed} freed this month; ${m.world.held} still held.`);
  return lines;
}

export function renderText(result: RunResult, st: Style, title: string): string {
  const out: string[] = [];
  out.push(st.bold(`thaw: ${title}`) + st.dim(`  (scenario ${result.scenario}${result.branch ? `, branch ${result.branch}` : ''}, seed ${result.seed}, ${result.horizon} months from ${monthName(result.start)})`));
  out.push('');
  let released = 0;
  for (const m of result.months) {
    out.push(...monthLines(m, released, st));
    out.push('');
    released = m.world.released;
  }
  out.push(...summaryTable(result, st));
  return `${out.join('\n')}\n`;
}

function summaryTable(result: RunResult, st: Style): string[] {
  const o = result.outcome;
  const lifted = Object.entries(o.sanctions).filter(([, s]) => s === 'lifted').map(([id]) => id);
  const active = Object.entries(o.sanctions).filter(([, s]) => s === 'active').map(([id]) => id);
  const rows: [string, string][] = [
    ['Prisoners held at start', String(o.prisonersInitial)],
    ['Released', `${o.prisonersReleased} (to Lithuania ${o.releasedByRoute.lithuania}, Ukraine ${o.releasedByRoute.ukraine}, Poland ${o.releasedByRoute.poland})`],
    ['Still held', String(o.prisonersRemaining)],
    ['Named prisoners', Object.entries(o.named).map(([id, s]) => `${id} ${s}`).join(', ')],
    ['Deals', `${o.deals} (US ${o.dealsByTrack['us-belarus']}, Poland ${o.dealsByTrack['poland-belarus']}, EU ${o.dealsByTrack['eu-belarus']}, Lithuania ${o.dealsByTrack['lithuania-belarus']})`],
    ['First deal', o.firstDealMonth ?? 'none'],
    ['Sanctions lifted', lifted.join(', ') || 'none'],
    ['Sanctions in force', active.join(', ') || 'none'],
    ['Klaipėda transit', o.transitOpen ? 'open' : 'closed'],
    ['Relief Belarus enjoys', `${o.belarusReliefValue} points (R08)`],
    ['Peace talks at the end', o.talks],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [st.bold('Summary'), ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
}
