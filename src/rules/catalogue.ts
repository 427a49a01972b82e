/**
 * The rule catalogue: every behaviour the simulator shows, with its id, the article paragraphs it
 * is read from, and the agents and parameters it concerns. Code cites rules through `RULES.Rxx`,
 * traces carry the ids, `thaw rules` prints this table, and docs/rules.md is checked against it.
 * The texts are our paraphrases of the article, not quotations.
 */
import type { RuleId } from './ids.js';

export type ActorId = 'belarus' | 'us' | 'lithuania' | 'poland' | 'eu' | 'talks';

export interface Rule {
  readonly id: RuleId;
  readonly slug: string;
  readonly title: string;
  /** One line: what the rule makes the simulation do. */
  readonly summary: string;
  /** Article paragraphs it is drawn from (none for a rule beyond the article). */
  readonly paragraphs: readonly number[];
  /** Where the rule comes from: the article, or public facts beyond it (R18 onwards). */
  readonly basis: 'the article' | 'beyond the article';
  /** For a rule beyond the article: the public fact that justifies it, with its source. */
  readonly fact?: string;
  readonly actors: readonly ActorId[];
  /** Scenario parameters that tune it (paths under `agents.` or `world.`). */
  readonly parameters: readonly string[];
  /** Where in src/ the rule lives. */
  readonly module: string;
}

const rule = (r: Omit<Rule, 'basis'>): Rule => ({ ...r, basis: 'the article' });
const beyond = (r: Omit<Rule, 'basis' | 'paragraphs'> & { readonly fact: string }): Rule => ({ ...r, paragraphs: [], basis: 'beyond the article' });

export const RULES: Readonly<Record<RuleId, Rule>> = {
  R01: rule({
    id: 'R01', slug: 'thaw-cycle', title: 'Thaw cycle',
    summary: 'Prisoners come out in waves, each paid for with sanctions relief; between waves the parties cool off.',
    paragraphs: [37, 38], actors: ['belarus', 'us'], parameters: ['agents.us.cooldownMonths'],
    module: 'src/agents/us.ts',
  }),
  R02: rule({
    id: 'R02', slug: 'prepay', title: 'Prepayment and visit',
    summary: 'Before a bigger exchange the US gives a small concession first, and a deal is struck only during an envoy visit to Minsk.',
    paragraphs: [10, 11, 12, 13], actors: ['us'], parameters: ['agents.us.prepayMaxWeight', 'agents.us.visitChance'],
    module: 'src/agents/us.ts',
  }),
  R03: rule({
    id: 'R03', slug: 'value-match', title: 'Value match',
    summary: 'Belarus sizes each release to the value of what it gets, and gives a top prisoner only for one concession worth as much.',
    paragraphs: [5, 6, 30], actors: ['belarus'], parameters: ['agents.belarus.scarcity', 'agents.belarus.topMatch'],
    module: 'src/rules/value-match.ts',
  }),
  R04: rule({
    id: 'R04', slug: 'laureate-route', title: 'Laureate route',
    summary: 'The US lets Belarus choose where deportees go, except a Nobel laureate, who must go to Lithuania.',
    paragraphs: [20, 21, 22, 23], actors: ['us', 'belarus'], parameters: [],
    module: 'src/rules/routes.ts',
  }),
  R05: rule({
    id: 'R05', slug: 'spite-route', title: 'Spite route',
    summary: 'While relations with Lithuania escalate, Belarus sends most deportees to Ukraine, partly on impulse; once calm, Lithuania is the default again.',
    paragraphs: [15, 16, 17, 18, 19], actors: ['belarus'],
    parameters: ['agents.belarus.escalationHostility', 'agents.belarus.spiteShare', 'agents.belarus.impulse'],
    module: 'src/rules/routes.ts',
  }),
  R06: rule({
    id: 'R06', slug: 'waning-interest', title: 'Waning US interest',
    summary: 'The US values each release by its profile; as prisoners of profile run out its interest fades and it may walk away.',
    paragraphs: [7, 31, 43], actors: ['us'],
    parameters: ['agents.us.pricePerWeight', 'agents.us.interestDrift', 'agents.us.walkAwayInterest', 'world.usInterest'],
    module: 'src/rules/us-valuation.ts',
  }),
  R07: rule({
    id: 'R07', slug: 'poczobut-channel', title: 'Poczobut channel',
    summary: 'Poczobut is freed only in a Belarus–Poland deal; the US cannot buy him.',
    paragraphs: [32], actors: ['poland', 'belarus', 'us'], parameters: ['agents.poland.concession', 'agents.poland.talkChance'],
    module: 'src/agents/poland.ts',
  }),
  R08: rule({
    id: 'R08', slug: 'potash-logistics', title: 'Potash logistics',
    summary: 'US potash relief is worth little to Belarus unless the EU lifts its potash sanctions or Klaipėda transit opens.',
    paragraphs: [40, 41, 42], actors: ['belarus'], parameters: ['world.sanctions', 'world.transitOpen'],
    module: 'src/world/valuation.ts',
  }),
  R09: rule({
    id: 'R09', slug: 'vilnius-line', title: 'Vilnius line',
    summary: 'Lithuania concedes nothing to the regime and keeps transit closed, unless a scenario switches this rule off.',
    paragraphs: [42], actors: ['lithuania'],
    parameters: ['agents.lithuania.openingHostility', 'agents.lithuania.transitPrice', 'agents.lithuania.talkChance'],
    module: 'src/agents/lithuania.ts',
  }),
  R10: rule({
    id: 'R10', slug: 'escalation', title: 'Escalation',
    summary: 'Balloons and detained lorry drivers raise Lithuania\'s hostility, and enough of it brings the asset-confiscation threat.',
    paragraphs: [18], actors: ['belarus', 'lithuania'],
    parameters: ['agents.belarus.balloonChance', 'agents.lithuania.hostilityPerIncident', 'agents.lithuania.confiscationThreshold'],
    module: 'src/agents/belarus.ts',
  }),
  R11: rule({
    id: 'R11', slug: 'calming', title: 'Calming',
    summary: 'As part of a US deal Belarus may stop the balloons, and relations with Lithuania then cool down month by month.',
    paragraphs: [27], actors: ['belarus', 'lithuania'], parameters: ['agents.belarus.calmingChance', 'agents.lithuania.calmDecay'],
    module: 'src/agents/belarus.ts',
  }),
  R12: rule({
    id: 'R12', slug: 'eu-abstains', title: 'EU abstains',
    summary: 'The EU stays out of the thaw and its sanctions stand, unless a scenario switches this rule off.',
    paragraphs: [38, 40], actors: ['eu'], parameters: ['agents.eu.releaseThreshold', 'agents.eu.prisonersPerWeight', 'agents.eu.reviewChance'],
    module: 'src/agents/eu.ts',
  }),
  R13: rule({
    id: 'R13', slug: 'talks-coupling', title: 'Talks coupling',
    summary: 'Progress in Russia–Ukraine talks makes the US keener to deal; their failure weakens or ends the dialogue.',
    paragraphs: [44, 46], actors: ['us', 'talks'], parameters: ['talks', 'agents.us.talksFactor', 'agents.us.stopOnFailure'],
    module: 'src/rules/us-valuation.ts',
  }),
  R14: rule({
    id: 'R14', slug: 'freeze-deadline', title: 'Freeze deadline',
    summary: 'Belarus hurries to deal before the war is frozen; after a freeze its prisoners buy less from the US.',
    paragraphs: [45], actors: ['belarus', 'us'], parameters: ['agents.belarus.urgency', 'agents.us.frozenPriceCut'],
    module: 'src/rules/value-match.ts',
  }),
  R15: rule({
    id: 'R15', slug: 'grand-bargain', title: 'Grand bargain',
    summary: 'A keen US offers all its remaining relief for all remaining prisoners at once, when emptying the prisons is worth that much to it.',
    paragraphs: [26, 28], actors: ['us'], parameters: ['agents.us.grandBargainInterest', 'agents.us.massReleaseBonus'],
    module: 'src/negotiation/us-track.ts',
  }),
  R16: rule({
    id: 'R16', slug: 'side-offers', title: 'Side offers',
    summary: 'Belarus may add help with Putin or Maduro to a counter-offer; the US counts it for little.',
    paragraphs: [33, 34, 35], actors: ['belarus', 'us'], parameters: ['agents.belarus.sideOffers', 'agents.us.sideOfferWeight'],
    module: 'src/negotiation/us-track.ts',
  }),
  R17: rule({
    id: 'R17', slug: 'enemies-for-sale', title: 'Enemies for sale',
    summary: 'At a high enough price Belarus frees even the people it treats as personal enemies.',
    paragraphs: [30], actors: ['belarus'], parameters: ['agents.belarus.enemyPremium'],
    module: 'src/rules/value-match.ts',
  }),
  R18: beyond({
    id: 'R18', slug: 'revolving-door', title: 'Revolving door',
    summary: 'New political prisoners enter the cohorts every month, a Poisson count around a rate the scenario sets, whatever the talks do.',
    fact: 'Viasna recognised 167 new political prisoners between September and December 2025 (about 42 a month); its count went 1,409 (Jul 2024), 1,244 (Jan 2025), about 1,227 before the 13 December 2025 release.',
    actors: ['belarus'], parameters: ['agents.belarus.arrestRate', 'agents.belarus.arrestEscalationFactor', 'world.cohorts.arrestShare', 'world.cohorts.arrestRate'],
    module: 'src/world/arrests.ts',
  }),
  R19: beyond({
    id: 'R19', slug: 'home-route', title: 'Released at home',
    summary: 'A release may free people inside Belarus (`home`) as well as deport them; deportees go only where a neighbour takes them, else home.',
    fact: 'Viasna counted 569 political prisoners pardoned from July 2024 to the end of 2025, of whom 189 were forcibly expelled in 2025: most pardoned people were let out inside Belarus; Mikalai Statkevich refused exile in September 2025.',
    actors: ['belarus'], parameters: ['agents.belarus.homeShare', 'world.accepts'],
    module: 'src/rules/routes.ts',
  }),
  R20: beyond({
    id: 'R20', slug: 'unilateral-pardon', title: 'Unilateral pardons',
    summary: 'Minsk pardons small numbers outside any deal every month, and a few more as a signal when a US envoy arrives; they go home and never count as deals.',
    fact: 'Of the 569 pardoned from July 2024 to the end of 2025 (Viasna), about 380 were not expelled: some 21 a month let out at home, in holiday amnesties and in small groups before envoy visits.',
    actors: ['belarus'], parameters: ['agents.belarus.pardonRate', 'agents.belarus.signalPardon'],
    module: 'src/world/arrests.ts',
  }),
  R21: beyond({
    id: 'R21', slug: 'staged-deal', title: 'Staged deals',
    summary: 'A US, EU or Lithuania deal is carried out in tranches: the first batch is freed, the relief (or Klaipėda) is given once it is verified, and the next batch follows in a later month.',
    fact: 'The 2025 exchanges were sequenced: releases first, US relief announced afterwards (Belavia relief after the September 2025 release, potash after the 13 December release), the normal shape of such exchanges; EU sanctions are lifted only by a unanimous Council decision, which takes months.',
    actors: ['us', 'eu', 'lithuania', 'belarus'],
    parameters: ['agents.us.tranches', 'agents.us.trancheGapMonths', 'agents.eu.tranches', 'agents.eu.trancheGapMonths', 'agents.lithuania.tranches', 'agents.lithuania.trancheGapMonths'],
    module: 'src/negotiation/stages.ts',
  }),
  R22: beyond({
    id: 'R22', slug: 'reneging', title: 'Reneging',
    summary: 'Either side may break a staged deal, more likely when talks fail, incidents flare, trust is low or the relief paid proves worth less to Minsk than promised; relief is snapped back (a sanction re-imposed, Klaipėda closed), people re-arrested, balloons resumed.',
    fact: 'Mikalai Statkevich, freed in September 2025, refused exile and was returned to prison; balloons kept crossing into Lithuania after Minsk signalled calm in late 2025, and Vilnius closed its border with Belarus over them in October 2025; US relief can be re-imposed by the Treasury at any time.',
    actors: ['us', 'eu', 'lithuania', 'belarus'],
    parameters: ['agents.belarus.renege', 'agents.us.renege', 'agents.eu.renege', 'agents.lithuania.renege', 'agents.belarus.renegeRearrestShare'],
    module: 'src/negotiation/stages.ts',
  }),
  R23: beyond({
    id: 'R23', slug: 're-arrest', title: 'Re-arrest',
    summary: 'People freed at home stay within the regime\'s reach: each month a small share of them is jailed again.',
    fact: 'Statkevich was returned to prison after refusing exile (September 2025); Viasna lists people recognised as political prisoners a second time after an earlier release.',
    actors: ['belarus'], parameters: ['agents.belarus.rearrestChance'],
    module: 'src/world/arrests.ts',
  }),
  R24: beyond({
    id: 'R24', slug: 'trust', title: 'Trust prices deals',
    summary: 'Trust between Minsk and each payer (Washington, Brussels, Vilnius) rises with each step of their staged deal kept and falls with each broken; the less trust, the more that payer asks for what it gives.',
    fact: 'Washington paid each 2025 concession only after a verified release (Belavia, potash), pricing in that earlier promises by Minsk had not held.',
    actors: ['us', 'eu', 'lithuania', 'belarus'],
    parameters: ['world.trust', 'world.trustWith', 'agents.us.trustWeight', 'agents.us.trustGain', 'agents.us.trustLoss',
      'agents.eu.trustWeight', 'agents.eu.trustGain', 'agents.eu.trustLoss', 'agents.lithuania.trustWeight', 'agents.lithuania.trustGain', 'agents.lithuania.trustLoss'],
    module: 'src/rules/us-valuation.ts',
  }),
  R25: beyond({
    id: 'R25', slug: 'term-served', title: 'Sentences served',
    summary: 'Each month some cohort prisoners reach the end of their sentence and walk out: a Poisson count, each held person with a small monthly chance; neither a pardon nor a deal.',
    fact: 'Viasna\'s count fell from 1,409 (Jul 2024) to about 1,227 before the 13 December 2025 release although some 42 a month were newly recognised (167 from September to December 2025) and 569 were pardoned from July 2024 to the end of 2025 (about 446 before 13 December, the 123 of that day aside): the stock only balances if about 26 a month leave at the end of their term.',
    actors: ['belarus'], parameters: ['agents.belarus.termEndChance'],
    module: 'src/world/arrests.ts',
  }),
};

export const RULE_LIST: readonly Rule[] = Object.values(RULES);

/** Where a rule comes from, as the CLI and the docs write it: '¶15–19' or 'beyond the article'. */
export function formatBasis(rule: Rule): string {
  return rule.basis === 'the article' ? `¶${formatParagraphs(rule.paragraphs)}` : 'beyond the article';
}

/** Paragraph lists as the docs write them: [5, 6, 7, 30] → '5–7, 30'. */
export function formatParagraphs(paragraphs: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs.length;) {
    let j = i;
    // Past the end the next paragraph is undefined, which ends the run.
    while (paragraphs[j + 1] === paragraphs[j]! + 1) j += 1;
    parts.push(i === j ? String(paragraphs[i]) : `${paragraphs[i]}–${paragraphs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
