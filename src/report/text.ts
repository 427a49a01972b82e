/** The month-by-month story for students: who offered what, the answer, and the rule behind it. */
import { lastingMoves } from './state-changes.js';
import type { MonthRecord, OfferRecord, RunResult } from '../simulation/trace.js';
import { monthName } from '../world/month.js';
import { partyName, cite, describeBlock, describeChange, describeDeal, describeOffer, describePackage, movesText } from './words.js';
import { sparkline } from './sparkline.js';
import { labelsOf, type Labels } from './labels.js';
import type { Scenario } from '../scenario/schema.js';
import type { Style } from './style.js';
import { neutraliseLine } from './safe-text.js';
import { wrapLine } from './wrap.js';

const ANSWER: Record<OfferRecord['answer'], string> = { accept: 'accepts', counter: 'counters', walk: 'walks away' };

/** `closing`: the round's last offer, and no deal came of it: the story says what blocked it. */
function offerLines(o: OfferRecord, st: Style, labels: Labels, closing = false): string[] {
  const to = partyName(o.to, labels);
  const what = describeOffer(o, labels);
  const answer = o.answer === 'accept' ? st.green(ANSWER[o.answer]) : o.answer === 'walk' ? st.red(ANSWER[o.answer]) : st.yellow(ANSWER[o.answer]);
  const blocked = closing ? describeBlock(o, labels) : null;
  return [
    `    ${what}.`,
    `      ${to} ${answer}: ${o.reason}.`,
    ...(blocked ? [`      ${st.red(blocked)}.`] : []),
    `      ${st.dim(`[${cite(o.rules)}]`)}`,
  ];
}

/** What makes two rounds of a track the same to a reader: who offered what, and the answers. */
const roundKey = (offers: readonly OfferRecord[]): string =>
  JSON.stringify(offers.map((o) => [o.from, o.to, o.kind, o.package.releases, o.package.relief, o.package.grants, o.package.commitments, o.package.sideOffers, o.answer]));

/**
 * A failed round that repeats the track's previous round offer for offer, told in one step: the
 * story stays readable when Warsaw and Minsk go over the same ground month after month. The last
 * answer is still given with its reason (the prices drift from round to round) and its rules.
 */
function repeatedRoundLines(offers: readonly OfferRecord[], st: Style, labels: Labels): string[] {
  const first = offers[0]!;
  const last = offers[offers.length - 1]!;
  const { give: people, get: relief } = describePackage(last.package, labels);
  return [
    `    ${partyName(first.from, labels)} and ${partyName(first.to, labels)} go over last round's offers again (${people} for ${relief}).`,
    ...offerLines(last, st, labels, true).slice(1),
  ];
}

function monthLines(m: MonthRecord, index: number, previousReleased: number, st: Style, labels: Labels, lastRound: Map<string, string>): string[] {
  const lines = [st.bold(`Month ${index} · ${monthName(m.month)}`) + st.dim(`   talks ${m.talks} · US interest ${m.world.usInterest.toFixed(2)} · Vilnius hostility ${m.world.hostilityLithuania.toFixed(2)}`)];
  for (const e of m.events) lines.push(`  • ${neutraliseLine(e.text)}. ${st.dim(`[${cite(e.rules)}]`)}`);
  for (const c of m.changes ?? []) lines.push(`  • ${neutraliseLine(describeChange(c, labels))}. ${st.dim(`[${cite(c.rules)}]`)}`);
  // Each track's exchanges, then its deal, in the order the tracks ran.
  const tracks = [...new Set([...m.offers.map((o) => o.track), ...m.deals.map((d) => d.track)])];
  for (const track of tracks) {
    const offers = m.offers.filter((o) => o.track === track);
    const key = roundKey(offers);
    const repeated = offers.length > 0 && lastRound.get(track) === key && !m.deals.some((d) => d.track === track);
    if (offers.length > 0) lastRound.set(track, key);
    if (repeated) lines.push(...repeatedRoundLines(offers, st, labels));
    else {
      const dealt = m.deals.some((d) => d.track === track);
      offers.forEach((o, i) => lines.push(...offerLines(o, st, labels, !dealt && i === offers.length - 1)));
    }
    for (const d of m.deals) {
      if (d.track !== track) continue;
      lines.push(`  ${st.green('✔ Deal')} (${d.parties.map((p) => partyName(p, labels)).join('–')}): ${describeDeal(d, labels)}.`);
      if (d.staged) lines.push(`      Staged in ${d.staged.tranches} batches: ${d.released} now, ${d.staged.pending} to follow; the relief (${d.staged.relief.map((id) => labels.of(id)).join(', ')}) is paid once the first batch is verified.`);
      lines.push(`      ${st.dim(`[${cite(d.rules)}]`)}`);
    }
  }
  const lasting = lastingMoves(m.moves);
  const moved = movesText(lasting, Object.fromEntries(lasting.map((mv) => [mv.agent, partyName(mv.agent, labels)])));
  if (moved.length) lines.push(`  ${st.cyan('◦ States')}: ${moved.join('; ')}.`);
  if (m.events.length === 0 && m.offers.length === 0 && (m.changes ?? []).length === 0) lines.push(st.dim('  Nothing moves.'));
  const freed = m.world.released - previousReleased;
  if (freed > 0) lines.push(`  → ${freed} freed this month; ${m.world.held} still held.`);
  else if ((m.changes ?? []).length > 0) lines.push(`  → ${m.world.held} held.`);
  return lines;
}

/** The uncertain inputs this run drew, for the story's header (null when the scenario has none). */
export function drawsLine(result: RunResult): string | null {
  const entries = Object.entries(result.draws);
  if (entries.length === 0) return null;
  return `drawn for this seed: ${entries.map(([path, v]) => `${path} = ${typeof v === 'number' ? formatDraw(v) : String(v)}`).join(' · ')}`;
}

const formatDraw = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));

/**
 * The story, wrapped at `width` columns (the CLI gives the terminal's, or 80 when piped; no wrapping by default): a long line continues
 * under its own indentation, two columns further in. User text (the title, labels, event texts)
 * has its control characters neutralised.
 */
export function renderText(result: RunResult, st: Style, title: string, scenario: Scenario | null = null, width = Number.POSITIVE_INFINITY): string {
  const labels = labelsOf(scenario);
  const out: string[] = [];
  out.push(st.bold(`thaw: ${neutraliseLine(title)}`));
  out.push(st.dim(`scenario ${result.scenario}${result.branch ? `, branch ${result.branch}` : ''} · seed ${result.seed} · ${result.horizon} month${result.horizon === 1 ? '' : 's'} after ${monthName(result.start)}`));
  const drawn = drawsLine(result);
  if (drawn) out.push(neutraliseLine(drawn));
  out.push(st.dim('Values are relief points: what a package is worth to the side weighing it. [Rxx …¶] cites the rule and article paragraphs behind each step.'));
  out.push('');
  let released = 0;
  const lastRound = new Map<string, string>();
  for (const [i, m] of result.months.entries()) {
    out.push(...monthLines(m, i + 1, released, st, labels, lastRound));
    out.push('');
    released = m.world.released;
  }
  out.push(...summaryTable(result, st, labels));
  return `${out.flatMap((line) => wrapLine(line, width, `${/^ */.exec(line)![0]}  `)).join('\n')}\n`;
}


function summaryTable(result: RunResult, st: Style, labels: Labels): string[] {
  const o = result.outcome;
  const lifted = Object.entries(o.sanctions).filter(([, s]) => s === 'lifted').map(([id]) => id);
  const active = Object.entries(o.sanctions).filter(([, s]) => s === 'active').map(([id]) => id);
  const rows: [string, string][] = [
    ['Prisoners held at start', String(o.prisonersInitial)],
    ['New arrests', `${o.prisonersArrested}, and ${o.prisonersRearrested} jailed again (R18, R23)`],
    ['Released', `${o.prisonersReleased} (to Lithuania ${o.releasedByRoute.lithuania}, Ukraine ${o.releasedByRoute.ukraine}, Poland ${o.releasedByRoute.poland}, at home ${o.releasedByRoute.home})`],
    ['Released outside deals', `${o.pardoned} (R20; ${o.served} of them at the end of their sentence, R25)`],
    ['Still held', String(o.prisonersRemaining)],
    ['Held, month by month', `${sparkline([o.prisonersInitial, ...result.months.map((m) => m.world.held)], 0)}  (from ${o.prisonersInitial} at the start to ${o.prisonersRemaining})`],
    ['Named prisoners', Object.entries(o.named).map(([id, s]) => `${labels.of(id)} ${s}`).join(', ')],
    ['Deals', `${o.deals} (US ${o.dealsByTrack['us-belarus']}, Poland ${o.dealsByTrack['poland-belarus']}, EU ${o.dealsByTrack['eu-belarus']}, Lithuania ${o.dealsByTrack['lithuania-belarus']})`],
    ['First deal', o.firstDealMonth ?? 'none'],
    ['Waves', o.waves.length ? o.waves.map((w) => `${w.month} ${w.track} ${w.released}${w.status === 'done' ? '' : ` (${w.status}${w.renegedBy ? ` by ${partyName(w.renegedBy, labels)}` : ''})`}`).join('; ') : 'none'],
    ['Sanctions lifted', lifted.join(', ') || 'none'],
    ['Sanctions in force', active.join(', ') || 'none'],
    ['Klaipėda transit', o.transitOpen ? 'open' : 'closed'],
    ['Relief Belarus enjoys', `${o.belarusReliefValue} points (R08)`],
    ['Peace talks at the end', o.talks],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [st.bold('Summary'), ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
}
