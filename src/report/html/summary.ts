/** The closing summary: who got what, side by side; what changed over the run; what stayed as it was. */
import type { AgentId, RunResult, TrackId } from '../../simulation/trace.js';
import { isBuiltInTrack } from '../../simulation/trace.js';
import type { Labels } from '../labels.js';
import { AGENT_NAMES } from '../words.js';
import { esc } from './escape.js';

const TRACK_SIDE: Readonly<Record<TrackId, AgentId>> = { 'us-belarus': 'us', 'poland-belarus': 'poland', 'eu-belarus': 'eu', 'lithuania-belarus': 'lithuania' };

export interface SideLedger {
  readonly side: AgentId;
  /** People this side's deals freed, and the named among them. */
  readonly freed: number;
  readonly named: readonly string[];
  /** What this side gave Minsk (sanctions lifted, grants). */
  readonly gave: readonly string[];
  readonly deals: number;
}

/** Per side (track partner of Minsk): what its deals freed and what they cost it. */
export function ledgerOf(result: RunResult, labels: Labels): SideLedger[] {
  const sides = new Map<AgentId, { freed: number; named: string[]; gave: string[]; deals: number }>();
  for (const id of Object.values(TRACK_SIDE)) sides.set(id, { freed: 0, named: [], gave: [], deals: 0 });
  for (const m of result.months) {
    for (const d of m.deals) {
      // A declared track's deals have no side in this ledger of Minsk's partners' releases.
      if (!isBuiltInTrack(d.track)) continue;
      const s = sides.get(TRACK_SIDE[d.track])!;
      s.freed += d.released;
      s.deals += 1;
      for (const id of Object.keys(d.package.releases)) if (labels.isPerson(id)) s.named.push(labels.of(id));
      s.gave.push(...d.lifted.map((x) => labels.of(x)), ...d.package.grants);
    }
  }
  return [...sides].map(([side, s]) => ({ side, ...s }));
}

export function summaryHtml(result: RunResult, labels: Labels, names: Readonly<Record<string, string>>): string {
  const o = result.outcome;
  const rows = ledgerOf(result, labels).map((s) => `<tr><th scope="row">${esc(names[s.side] ?? s.side)} (${esc(AGENT_NAMES[s.side])})</th><td>${s.deals}</td><td>${s.freed}${s.named.length ? ` incl. ${esc(s.named.join(', '))}` : ''}</td><td>${esc(s.gave.join(', ') || 'nothing')}</td></tr>`);
  const lifted = Object.entries(o.sanctions).filter(([, st]) => st === 'lifted').map(([id]) => labels.of(id));
  const active = Object.entries(o.sanctions).filter(([, st]) => st === 'active').map(([id]) => labels.of(id));
  const freedNamed = Object.entries(o.named).filter(([, st]) => st === 'released').map(([id]) => labels.of(id));
  const heldNamed = Object.entries(o.named).filter(([, st]) => st === 'held').map(([id]) => labels.of(id));
  const first = result.months[0];
  const last = result.months[result.months.length - 1];
  const stateChanges = first && last ? Object.keys(last.world.agents).map((a) => {
    const start = first.moves.find((m) => m.agent === a)?.from ?? first.world.agents[a as AgentId];
    const end = last.world.agents[a as AgentId];
    return `${names[a] ?? a}: ${start}${start === end ? ' (unchanged)' : ` → ${end}`}`;
  }) : [];
  const routes = Object.entries(o.releasedByRoute).map(([r, n]) => `${r} ${n}`).join(', ');
  return `<table class="ledger"><caption>Who got what: each side's deals with Minsk</caption>
<thead><tr><th scope="col">side</th><th scope="col">deals</th><th scope="col">prisoners freed</th><th scope="col">gave Minsk</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p><strong>Minsk got</strong> ${esc(lifted.join(', ') || 'no sanctions relief')}${o.transitOpen ? ' and Klaipėda transit' : ''}: worth ${o.belarusReliefValue} relief points to it (<a href="#rule-R08">R08</a>).</p>
<h3>What changed</h3>
<ul>
<li>${o.prisonersReleased} of ${o.prisonersInitial} prisoners freed (${esc(routes)}); ${o.prisonersRemaining} still held.</li>
<li>Named prisoners freed: ${esc(freedNamed.join(', ') || 'none')}.</li>
<li>Sanctions lifted: ${esc(lifted.join(', ') || 'none')}.</li>
<li>Peace talks ended ${esc(o.talks)}; US interest ended at ${o.usInterest.toFixed(2)}.</li>
<li>Machines, start → end: ${esc(stateChanges.join('; '))}.</li>
</ul>
<h3>What stayed</h3>
<ul>
<li>Sanctions in force: ${esc(active.join(', ') || 'none')}.</li>
<li>Named prisoners still held: ${esc(heldNamed.join(', ') || 'none')}.</li>
<li>Klaipėda transit: ${o.transitOpen ? 'open' : 'closed'}.</li>
</ul>`;
}
