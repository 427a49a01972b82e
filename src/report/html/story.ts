/** The month-by-month story as HTML: each step with its rules and ¶ linked to the page's catalogue and paraphrases. */
import { lastingMoves } from '../state-changes.js';
import type { MonthRecord, OfferRecord, RunResult } from '../../simulation/trace.js';
import type { RuleId } from '../../rules/ids.js';
import { RULES, formatParagraphs } from '../../rules/catalogue.js';
import { monthName } from '../../world/month.js';
import { partyName, describeBlock, describeDeal, describeOffer, movesText } from '../words.js';
import type { Labels } from '../labels.js';
import { esc } from './escape.js';

/** "R05 spite-route ¶15–19" with the id linked to the catalogue and each paragraph to its paraphrase. */
export function citeHtml(rules: readonly RuleId[]): string {
  if (rules.length === 0) return '';
  const one = (id: RuleId): string => {
    const r = RULES[id];
    // Rules beyond the article cite public facts (in the catalogue below), not paragraphs.
    if (r.basis !== 'the article') return `<a href="#rule-${id}" class="rule">${id} ${esc(r.slug)}</a> (beyond the article)`;
    const paragraphs = formatParagraphs(r.paragraphs).split(', ').map((part) => {
      const first = Number(part.split('–')[0]);
      return `<a href="#p${first}">¶${esc(part)}</a>`;
    }).join(', ');
    return `<a href="#rule-${id}" class="rule">${id} ${esc(r.slug)}</a> ${paragraphs}`;
  };
  return `<span class="cite">[${rules.map(one).join('; ')}]</span>`;
}

const ANSWER: Record<OfferRecord['answer'], string> = { accept: 'accepts', counter: 'counters', walk: 'walks away' };

function offerHtml(o: OfferRecord, labels: Labels, closing: boolean): string {
  const what = describeOffer(o, labels);
  const blocked = closing ? describeBlock(o, labels) : null;
  return `<li class="offer answer-${o.answer}">${esc(what)}. <span class="answer">${esc(partyName(o.to, labels))} ${ANSWER[o.answer]}</span>: ${esc(o.reason)}.${blocked ? ` <span class="blocked">${esc(blocked)}.</span>` : ''} ${citeHtml(o.rules)}</li>`;
}

export function monthHtml(m: MonthRecord, index: number, previousHeld: number, labels: Labels, names: Readonly<Record<string, string>>): string {
  const items: string[] = [];
  for (const e of m.events) items.push(`<li class="event event-${e.kind}">${esc(e.text)}. ${citeHtml(e.rules)}</li>`);
  const tracks = [...new Set([...m.offers.map((o) => o.track), ...m.deals.map((d) => d.track)])];
  for (const track of tracks) {
    const offers = m.offers.filter((o) => o.track === track);
    const dealt = m.deals.some((d) => d.track === track);
    offers.forEach((o, i) => items.push(offerHtml(o, labels, !dealt && i === offers.length - 1)));
    for (const d of m.deals) {
      if (d.track !== track) continue;
      items.push(`<li class="deal"><strong>✔ Deal</strong> (${esc(d.parties.map((p) => partyName(p, labels)).join('–'))}): ${esc(describeDeal(d, labels))}. ${citeHtml(d.rules)}</li>`);
    }
  }
  const moved = movesText(lastingMoves(m.moves), names);
  if (moved.length) items.push(`<li class="moves">Machines: ${esc(moved.join('; '))}</li>`);
  if (m.events.length === 0 && m.offers.length === 0) items.push('<li class="quiet">Nothing moves.</li>');
  const freed = previousHeld - m.world.held;
  if (freed > 0) items.push(`<li class="freed">→ ${freed} freed this month; ${m.world.held} still held.</li>`);
  return `<article class="month" id="month-${index}" data-month="${index}">
<h3>Month ${index} · ${esc(monthName(m.month))} <small>talks ${esc(m.talks)} · US interest ${m.world.usInterest.toFixed(2)} · Vilnius hostility ${m.world.hostilityLithuania.toFixed(2)}</small></h3>
<ul>${items.join('\n')}</ul>
</article>`;
}

export function storyHtml(result: RunResult, labels: Labels, names: Readonly<Record<string, string>>): string {
  let held = result.outcome.prisonersInitial;
  const parts: string[] = [];
  for (const [i, m] of result.months.entries()) {
    parts.push(monthHtml(m, i + 1, held, labels, names));
    held = m.world.held;
  }
  return parts.join('\n');
}
