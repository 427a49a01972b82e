/**
 * The one bilateral bargaining protocol every track runs through, in the vocabulary of
 * negotiation research (NegMAS, GENIUS): two parties, an issue space, each party's valuation of a
 * package and its reservation value, red lines kept apart from value, a concession strategy
 * (opening ask, steps, a deadline in exchanges) and one answer rule.
 *
 * The answer rule: a party accepts a package that breaks none of its red lines and is worth at
 * least its reservation value to it; otherwise it counters while its strategy has a step left and
 * the deadline allows, and walks away when not. A walk says what blocked the deal: the red line
 * (by rule), the value gap (reservation minus value, > 0) or the deadline.
 *
 * The four tracks of the article are configurations of it (`TRACKS`): who the parties are, what
 * each may put on the table, which red lines bind whom, and how each concedes. Their valuations
 * are the rule functions (src/rules/), unchanged in meaning. The loop that runs a track's
 * concession steps and applies the answer rule is `bargain()` in ./bargain.ts; this module holds
 * the vocabulary it speaks and Minsk's pricing of an ask.
 */
import type { RuleId } from '../rules/ids.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';
import { releaseCost, topPrisonerMatched, type Candidate } from '../rules/value-match.js';
import type { BelarusParams } from '../scenario/schema.js';
import type { World } from '../world/types.js';
import type { AgentId, PartyId, BlockedBy, DeclaredTrackId, ModelOffer, OfferWhy, TrackId } from '../simulation/trace.js';
import type { ItemPackage, Package, Release } from './package.js';
import { viewOf, viewOfItems } from './execute.js';
import type { Pricing } from './bargain.js';

/** What a party may put on the table: the dimensions of a track's issue space. */
export type Issue = 'releases' | 'relief' | 'grants' | 'commitments' | 'sideOffers';

/**
 * A constraint apart from value: a package that crosses it is refused whatever it is worth.
 * `active` says when the line binds (most are a rule in force; R17's binds when the rule is off:
 * enemies are then not for sale at any price).
 */
export interface RedLine {
  readonly rule: RuleId;
  /** The party the line protects: the one that refuses a package crossing it. */
  readonly party: AgentId;
  /** What the line forbids, for the docs and `thaw rules` readers; traces cite the rule. */
  readonly forbids: string;
  readonly active: (rules: RuleSwitches) => boolean;
  /** How the protocol keeps it: by leaving the issue out of the space, or by refusing an offer. */
  readonly kept: 'issue-space' | 'answer';
}

/** How a party concedes over the exchanges of one round. */
export interface Strategy {
  readonly opening: string;
  readonly steps: string;
  /**
   * The most steps of the strategy one round (a visit) takes: the deadline the track passes to
   * `bargain`, the answerer's counter riding on the step it answers.
   */
  readonly deadline: string;
}

/**
 * The deadlines the Poland, EU and Lithuania tracks pass to `bargain`, in steps of their strategy
 * (the US track's is `agents.us.exchanges`, a declared track's `protocol.exchanges`). TRACKS'
 * words are made from them, so the two cannot drift (test/negotiation/deadlines.test.ts checks
 * that the tracks pass these).
 */
export const DEADLINES = { 'poland-belarus': 2, 'eu-belarus': 1, 'lithuania-belarus': 1 } as const satisfies Partial<Record<TrackId, number>>;

/** "one offer", "two offers", …: a deadline in words. */
const offers = (n: number): string => `${['no', 'one', 'two', 'three', 'four'][n] ?? String(n)} offer${n === 1 ? '' : 's'}`;

/** A track as a configuration of the protocol. */
export interface TrackConfig {
  readonly id: TrackId;
  /** Proposer first. */
  readonly parties: readonly [AgentId, AgentId];
  /** What each party may give. */
  readonly gives: Readonly<Partial<Record<AgentId, readonly Issue[]>>>;
  readonly redLines: readonly RedLine[];
  readonly strategy: Strategy;
  /** When the track opens at all. */
  readonly opens: string;
  /** The rules its valuations and strategy implement. */
  readonly rules: readonly RuleId[];
}

const on = (id: RuleId) => (rules: RuleSwitches) => isOn(rules, id);
const off = (id: RuleId) => (rules: RuleSwitches) => !isOn(rules, id);

/** The red lines of the article, each with the party it protects. */
export const RED_LINES = {
  laureateRoute: { rule: 'R04', party: 'us', forbids: 'the Nobel laureate deported anywhere but Lithuania', active: on('R04'), kept: 'issue-space' },
  poczobutChannel: { rule: 'R07', party: 'poland', forbids: 'Poczobut bought by anyone but Warsaw', active: on('R07'), kept: 'issue-space' },
  vilniusLine: { rule: 'R09', party: 'lithuania', forbids: 'any concession by Vilnius to the regime (the track stays shut)', active: on('R09'), kept: 'issue-space' },
  euAbstains: { rule: 'R12', party: 'eu', forbids: 'any EU sanction traded (the track stays shut)', active: on('R12'), kept: 'issue-space' },
  topPrisoners: { rule: 'R03', party: 'belarus', forbids: 'a top prisoner released for less than one item of matching value', active: on('R03'), kept: 'answer' },
  enemiesNotForSale: { rule: 'R17', party: 'belarus', forbids: 'a personal enemy released at any price (when R17 is off)', active: off('R17'), kept: 'answer' },
} as const satisfies Record<string, RedLine>;

export const TRACKS: Readonly<Record<TrackId, TrackConfig>> = {
  'us-belarus': {
    id: 'us-belarus', parties: ['us', 'belarus'],
    gives: { us: ['relief'], belarus: ['releases', 'commitments', 'sideOffers'] },
    redLines: [RED_LINES.laureateRoute, RED_LINES.poczobutChannel, RED_LINES.topPrisoners, RED_LINES.enemiesNotForSale],
    strategy: {
      opening: 'its largest payable relief item (everything, for a grand bargain, R15), asking people until their US value reaches the reservation times the ask markup',
      steps: 'after a refused counter, drop the smallest item of a bundle, or move to the next item alone',
      deadline: '`agents.us.exchanges` offers by Washington per envoy visit, each Minsk counter riding on the offer it answers',
    },
    opens: 'while the envoy visits Minsk (R02)',
    rules: ['R02', 'R03', 'R06', 'R08', 'R13', 'R14', 'R15', 'R16'],
  },
  'poland-belarus': {
    id: 'poland-belarus', parties: ['poland', 'belarus'],
    gives: { poland: ['relief', 'grants'], belarus: ['releases'] },
    redLines: [RED_LINES.enemiesNotForSale],
    strategy: {
      opening: 'Poland\'s border relief for Poczobut',
      steps: 'one raise: a prisoner swap on top, when its concession is worth more than the relief',
      deadline: `${offers(DEADLINES['poland-belarus'])} by Warsaw a round: its opening and one raise`,
    },
    opens: 'a round arranged by chance while Poczobut is held (R07)',
    rules: ['R07', 'R08', 'R14', 'R17'],
  },
  'eu-belarus': {
    id: 'eu-belarus', parties: ['eu', 'belarus'],
    gives: { eu: ['relief'], belarus: ['releases'] },
    redLines: [RED_LINES.euAbstains, RED_LINES.topPrisoners, RED_LINES.enemiesNotForSale],
    strategy: {
      opening: 'the EU sanction worth most to Minsk, for releases in proportion to its weight',
      steps: 'none: Brussels takes or leaves Minsk\'s counter against its acceptance share',
      deadline: `${offers(DEADLINES['eu-belarus'])} by Brussels a review: Minsk's counter answers it, and Brussels takes it or leaves it`,
    },
    opens: 'with R12 off, at a sanctions review',
    rules: ['R03', 'R08', 'R12'],
  },
  'lithuania-belarus': {
    id: 'lithuania-belarus', parties: ['belarus', 'lithuania'],
    gives: { belarus: ['commitments', 'releases'], lithuania: ['grants'] },
    redLines: [RED_LINES.vilniusLine, RED_LINES.topPrisoners, RED_LINES.enemiesNotForSale],
    strategy: {
      opening: 'Minsk offers calm and the lorry drivers for Klaipėda transit',
      steps: 'Vilnius asks deportees to Lithuania on top, up to its price',
      deadline: `${offers(DEADLINES['lithuania-belarus'])} by Minsk a round: Vilnius's counter answers it, and Minsk takes it or leaves it`,
    },
    opens: 'with R09 off, once Vilnius talks',
    rules: ['R08', 'R09', 'R10', 'R11', 'R03'],
  },
};

/** The answer rule's core: the package clears the party's reservation. */
export const clears = (value: number, reservation: number): boolean => value >= reservation;

/** A value gap as the trace carries it: what `party` needs minus what it was offered. */
export const valueGap = (party: PartyId, reservation: number, value: number): BlockedBy =>
  ({ kind: 'value-gap', party, gap: reservation - value });

export const redLine = (rule: RuleId, party: PartyId): BlockedBy => ({ kind: 'red-line', rule, party });

export const DEADLINE: BlockedBy = { kind: 'deadline' };

/**
 * Minsk's side of an ask for releases, with its red lines apart from value: what the people cost
 * it in relief points as if every enemy were for sale at the premium (R03, R17), and the red line
 * the ask crosses, if any (R17 off with an enemy asked; R03 a top prisoner against too small an item).
 * `ruled` is the cost under the rules in force, `releaseCost`'s: the same but infinite when the ask
 * crosses R17 (an enemy not for sale), so a trace that cites both prices the ask once.
 */
export function minskPrice(
  world: World, ask: readonly Release[], byId: ReadonlyMap<string, Candidate>, largestItem: number, by: BelarusParams, rules: RuleSwitches,
): { readonly cost: number; readonly ruled: number; readonly rules: readonly RuleId[]; readonly crosses: RuleId | null } {
  const priced = isOn(rules, 'R17') ? rules : { ...rules, R17: true };
  const cost = releaseCost(world, ask, byId, by, priced);
  let crosses: RuleId | null = null;
  for (const r of ask) {
    const c = byId.get(r.id);
    if (!c) continue;
    if (c.enemy && !isOn(rules, 'R17')) { crosses = 'R17'; break; }
    // An enemy found later still makes it R17 (the loop stops there); R03 again changes nothing.
    if (!topPrisonerMatched(c, largestItem, by, rules)) crosses = 'R03';
  }
  return { cost: cost.cost, ruled: crosses === 'R17' ? Number.POSITIVE_INFINITY : cost.cost, rules: cost.rules, crosses };
}

/**
 * Minsk's answer to an ask as the concession loop reads it (src/negotiation/bargain.ts): the
 * relief's worth to it against what the people cost it. R17 (an enemy not for sale) decides
 * whatever the numbers; R03 (a top prisoner against too small an item) names the refusal only
 * when the worth would otherwise have covered the cost: short of that, the value gap does.
 */
export function minskPricing(price: { readonly cost: number; readonly crosses: RuleId | null }, budget: number): Pricing {
  // Either way `crosses` is named: with no line crossed, that is null.
  const decisive = price.crosses === 'R17' || clears(budget, price.cost) ? price.crosses : null;
  return { value: budget, reservation: price.cost, redLine: decisive };
}

/** The numbers an offer record carries. */
export interface OfferNumbers {
  readonly values: Readonly<Partial<Record<AgentId, number>>>;
  readonly reservations: Readonly<Partial<Record<AgentId, number>>>;
  readonly blockedBy?: BlockedBy;
}

/** One offer and its answer, as the trace keeps it. */
export function offerRecord(
  track: TrackId | DeclaredTrackId, exchange: number, from: PartyId, to: PartyId, kind: ModelOffer['kind'], pkg: Package | ItemPackage,
  answer: ModelOffer['answer'], why: OfferWhy, rules: readonly RuleId[], numbers: OfferNumbers,
): ModelOffer {
  const record: ModelOffer = {
    track, exchange, from, to, kind, package: 'items' in pkg ? viewOfItems(pkg) : viewOf(pkg), answer, why, rules: [...new Set(rules)],
    values: { ...numbers.values } as Record<string, number>, reservations: { ...numbers.reservations } as Record<string, number>,
  };
  return numbers.blockedBy ? { ...record, blockedBy: numbers.blockedBy } : record;
}
