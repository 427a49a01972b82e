/**
 * Staged deals (R21) and reneging (R22). A deal on the US, EU or Lithuania track is agreed whole
 * but carried out in batches: the first batch goes free at once, the paying side (Washington,
 * Brussels, Vilnius) pays once that batch is verified (`trancheGapMonths` later, its own terms),
 * and each further batch follows the same gap after. At each step the side that owes may renege,
 * with a probability that rises when the talks have failed, when balloons fly, and (for Minsk) as
 * the relief it was paid proves worth less to it than when the deal was agreed (a sanction
 * snapped back, potash that cannot be shipped, R08) and as the pair's trust falls. Reneging has
 * named consequences: the payer snaps its relief back (a sanction re-imposed, Klaipėda closed
 * again), Minsk re-arrests some of those the deal freed at home and resumes the balloons, and the
 * trust between Minsk and that payer falls (R24), which prices the payer's later deals
 * (src/rules/us-valuation.ts, src/rules/trust.ts). Poland's one-person deal is not staged: there
 * is no batch to verify.
 */
import type { AgentParams, BelarusParams, UsParams } from '../scenario/schema.js';
import type { Route, Sanction, World } from '../world/types.js';
import { reliefValueWhere } from '../world/valuation.js';
import {
  closeTransit, liftSanction, openTransit, reimposeSanction, releaseEach, rearrestFromHome, resumeBalloons, setTrust, setTrustWith,
} from '../world/recipes.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';
import type { RuleId } from '../rules/ids.js';
import { routedRelease, type RoutedRelease } from '../rules/routes.js';
import type { ChangeRecord, ModelDeal } from '../simulation/trace.js';
import { addMonths } from '../world/month.js';
import type { Grant } from './package.js';
import { round3 } from '../simulation/round.js';

/** The tracks whose deals are staged, and the side that pays on each. */
export type StagedTrack = 'us-belarus' | 'eu-belarus' | 'lithuania-belarus';
export type Payer = 'us' | 'eu' | 'lithuania';
export const PAYER: Readonly<Record<StagedTrack, Payer>> = { 'us-belarus': 'us', 'eu-belarus': 'eu', 'lithuania-belarus': 'lithuania' };

/** A payer's staging terms (`agents.<payer>.{tranches, trancheGapMonths, renege}`). */
export interface StageTerms {
  readonly tranches: number;
  readonly trancheGapMonths: number;
  readonly renege: UsParams['renege'];
  /** R24: the trust the pair gains with each step kept, and loses when either side reneges. */
  readonly trustGain: number;
  readonly trustLoss: number;
}

/** Minsk's trust with the payer (R24): Washington's is `world.trust`, the others' `world.trustWith`. */
export const trustOf = (world: World, payer: Payer): number => (payer === 'us' ? world.trust : world.trustWith[payer]);
const withTrust = (world: World, payer: Payer, trust: number): World => (payer === 'us' ? setTrust(world, trust) : setTrustWith(world, payer, trust));

export const stageTermsOf = (agents: AgentParams, track: StagedTrack): StageTerms => agents[PAYER[track]];

/** The payer's own red line on paying: Brussels' stance (R12), the Vilnius line (R09); Washington has none. */
const PAYER_LINE: Readonly<Record<Payer, RuleId | null>> = { us: null, eu: 'R12', lithuania: 'R09' };

/** A wave as the run keeps it while its batches come (`outcome.waves` is its snapshot). */
export interface WaveState {
  readonly month: string;
  readonly track: 'us-belarus' | 'poland-belarus' | 'eu-belarus' | 'lithuania-belarus';
  readonly scripted: boolean;
  released: number;
  byRoute: Partial<Record<Route, number>>;
  relief: string[];
  readonly tranches: number;
  delivered: number;
  status: 'done' | 'pending' | 'reneged';
  renegedBy: 'belarus' | Payer | null;
  renegedIn: string | null;
}

/** A staged deal still being carried out. */
export interface PendingDeal {
  readonly wave: number;
  readonly track: StagedTrack;
  /** Batches still to free, in order. */
  batches: RoutedRelease[][];
  /** Relief agreed (sanction ids) and grants (Klaipėda); paid once the first batch is verified. */
  readonly relief: readonly string[];
  readonly grants: readonly Grant[];
  paid: boolean;
  /** The month the next step (payment or batch) is due. */
  due: string;
  /** People this deal freed at home, by cohort: those Minsk can jail again if it reneges. */
  readonly home: Map<string, number>;
  /** What the relief and grants were worth to Minsk when the deal was agreed, in relief points (`reliefWorth`). */
  readonly promised: number;
}

/**
 * What the sanctions `ids` (and the `grants`: Klaipėda transit) are worth to Minsk in `world`, in
 * relief points: the relief it enjoys with them given less the relief without them (R08's potash
 * logistics included). Asked of relief still to come, it is what giving it would add; with
 * `liftedOnly`, of relief paid, what the part still given adds (nothing once snapped back).
 */
export function reliefWorth(world: World, ids: readonly string[], logistics: boolean, liftedOnly = false, grants: readonly Grant[] = []): number {
  // Klaipėda counts when it is still to open, or (of relief paid) while it is open.
  const transit = grants.includes('klaipeda-transit') && (liftedOnly ? world.transitOpen : !world.transitOpen);
  if (ids.length === 0 && !transit) return 0;
  // The sanctions in question, counted as lifted (given) or active (not); every other keeps its status.
  const inQuestion = (s: Sanction) => ids.includes(s.id) && !(liftedOnly && s.status !== 'lifted');
  const given = reliefValueWhere(world.sanctions, (s) => inQuestion(s) || s.status === 'lifted', transit ? true : world.transitOpen, logistics);
  const not = reliefValueWhere(world.sanctions, (s) => !inQuestion(s) && s.status === 'lifted', transit ? false : world.transitOpen, logistics);
  return given - not;
}

/** R22: how far the relief paid falls short of what was promised, 0 (worth it all) … 1 (worth nothing). */
export function reliefShortfall(promised: number, delivered: number): number {
  if (!(promised > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - delivered / promised));
}

/**
 * R21: splits a deal's routed releases into `tranches` batches: named people in the first (they
 * are what the US verifies first), each cohort's people spread as evenly as whole people allow,
 * the first batches taking the remainder. Empty batches are dropped.
 */
export function splitBatches(routed: readonly RoutedRelease[], tranches: number): RoutedRelease[][] {
  const t = Math.max(1, Math.floor(tranches));
  const batches: RoutedRelease[][] = [];
  for (let i = 0; i < t; i++) batches.push([]);
  for (const r of routed) {
    if (r.named) { batches[0]!.push(r); continue; }
    const each = Math.floor(r.count / t);
    const extra = r.count - each * t;
    for (let i = 0; i < t; i++) {
      const n = each + (i < extra ? 1 : 0);
      if (n > 0) batches[i]!.push(routedRelease(r, n, r.route));
    }
  }
  return batches.filter((b) => b.length > 0);
}

/**
 * R22: the chance that Minsk withholds the batch it owes this month; `shortfall` from
 * `reliefShortfall`, `distrust` 1 − trust towards Washington (0 towards Brussels and Vilnius).
 */
export function belarusRenegeChance(world: World, p: BelarusParams['renege'], shortfall = 0, distrust = 1 - world.trust): number {
  return Math.min(1, p.base + (world.talks === 'failed' ? p.talksFailed : 0) + p.distrust * distrust + p.shortfall * shortfall);
}

/** R22: the chance that the payer (Washington, Brussels, Vilnius) withholds the relief it owes this month. */
export function payerRenegeChance(world: World, incident: boolean, p: StageTerms['renege']): number {
  return Math.min(1, p.base + (world.talks === 'failed' ? p.talksFailed : 0) + (incident ? p.incident : 0));
}

export interface StepResult {
  readonly world: World;
  /** The deal is finished (done or broken). */
  readonly over: boolean;
  /** Minsk resumes the balloons: its machine must hear RELAPSE. */
  readonly relapse: boolean;
  readonly changes: readonly ChangeRecord[];
}

/** Frees one batch; returns the world and who actually went (a cohort may hold fewer by now). */
function freeBatch(world: World, batch: readonly RoutedRelease[], home: Map<string, number>): { world: World; freed: RoutedRelease[] } {
  const done = releaseEach(world, batch);
  const freed: RoutedRelease[] = [];
  batch.forEach((r, i) => {
    const n = done.freed[i]!;
    if (n > 0) freed.push(routedRelease(r, n, r.route));
    if (n > 0 && r.route === 'home' && !r.named) home.set(r.id, (home.get(r.id) ?? 0) + n);
  });
  return { world: done.world, freed };
}

export function addToWave(wave: WaveState, freed: readonly { readonly route: Route; readonly count: number }[]): void {
  for (const r of freed) {
    wave.released += r.count;
    wave.byRoute[r.route] = (wave.byRoute[r.route] ?? 0) + r.count;
  }
}

const people = (rs: readonly RoutedRelease[]) => rs.map((r) => ({ id: r.id, count: r.count, route: r.route }));
const withGrants = (grants: readonly Grant[]) => (grants.length ? { grants: [...grants] } : {});

/**
 * One due step of a staged deal: the payer's payment after a verified batch, or Minsk's next
 * batch. `draw` is this deal's uniform for the month (from the staged deals' stream); `agents`
 * gives each side's terms (the payer's `tranches`, `trancheGapMonths`, `renege`; Minsk's `renege`;
 * Washington's trust steps). The change records are written only for a kept `trace`, as the
 * tracks write their offers (a sweep's runs keep none).
 */
export function stepPending(
  world: World, deal: PendingDeal, wave: WaveState, month: string, draw: number, incident: boolean,
  agents: AgentParams, rules: RuleSwitches, trace = true,
): StepResult {
  const changes: ChangeRecord[] = [];
  const by = agents.belarus;
  const terms = stageTermsOf(agents, deal.track);
  const payer = PAYER[deal.track];
  const r22 = isOn(rules, 'R22');
  // R24: each step moves the trust between Minsk and this deal's payer, and no other pair's.
  const r24 = isOn(rules, 'R24');
  const trustBy = (w: World, delta: number) => (r24 ? withTrust(w, payer, trustOf(w, payer) + delta) : w);
  const trustNumber = (w: World): Record<string, number> => ({ trust: round3(trustOf(w, payer)) });
  let w = world;
  const renege = (who: Payer | 'belarus', chance: number, worth?: { readonly delivered: number; readonly shortfall: number }, line?: RuleId): StepResult => {
    const rs: RuleId[] = ['R21', 'R22'];
    if (r24) rs.push('R24');
    if (line) rs.push(line);
    // The cause, in numbers: relief worth less than promised (Minsk's side) is named with both worths.
    const cause: Record<string, number> = worth && worth.shortfall > 0 ? { promised: round3(deal.promised), delivered: round3(worth.delivered), shortfall: round3(worth.shortfall) } : {};
    if (trace) changes.push({ kind: 'renege', actor: who, track: deal.track, people: people(deal.batches.flat()), sanctions: deal.paid ? [] : [...deal.relief],
      ...(deal.paid ? {} : withGrants(deal.grants)),
      numbers: { wave: deal.wave, probability: round3(chance), trustBefore: round3(trustOf(w, payer)), ...cause }, rules: rs });
    w = trustBy(w, -terms.trustLoss);
    wave.status = 'reneged';
    wave.renegedBy = who;
    wave.renegedIn = month;
    if (who === 'belarus') {
      // The payer snaps back what it paid; Minsk jails again some of those it let out at home.
      const back = wave.relief.filter((id) => w.sanctions.find((s) => s.id === id)?.status === 'lifted');
      for (const id of back) w = reimposeSanction(w, id);
      const closes = deal.paid && deal.grants.includes('klaipeda-transit') && w.transitOpen;
      if (closes) w = closeTransit(w);
      if (back.length || closes) {
        if (trace) changes.push({ kind: 'snapback', actor: payer, track: deal.track, people: [], sanctions: back, ...(closes ? { grants: ['klaipeda-transit' as const] } : {}),
          numbers: { wave: deal.wave }, rules: ['R22'] });
      }
      const again: { id: string; count: number }[] = [];
      for (const [id, n] of deal.home) {
        const before = w.rearrested;
        w = rearrestFromHome(w, id, Math.round(n * by.renegeRearrestShare));
        if (w.rearrested > before) again.push({ id, count: w.rearrested - before });
      }
      if (trace && again.length) changes.push({ kind: 'rearrest', actor: 'belarus', track: deal.track, people: again, sanctions: [], numbers: { wave: deal.wave }, rules: ['R22'] });
    }
    const relapse = !w.balloons && isOn(rules, 'R10');
    if (relapse) w = resumeBalloons(w);
    return { world: w, over: true, relapse, changes };
  };

  if (!deal.paid) {
    // A scenario put the payer's red line back in force since the deal: it cannot pay, so it withholds.
    const line = PAYER_LINE[payer];
    if (line && isOn(rules, line)) return renege(payer, 1, undefined, line);
    const chance = payerRenegeChance(w, incident, terms.renege);
    if (r22 && draw < chance) return renege(payer, chance);
    const paid = deal.relief.filter((id) => w.sanctions.find((s) => s.id === id)?.status === 'active');
    for (const id of paid) w = liftSanction(w, id);
    if (deal.grants.includes('klaipeda-transit')) w = openTransit(w);
    wave.relief.push(...paid);
    deal.paid = true;
    w = trustBy(w, terms.trustGain);
    if (trace) changes.push({ kind: 'payment', actor: payer, track: deal.track, people: [], sanctions: paid, ...withGrants(deal.grants),
      numbers: { wave: deal.wave, ...trustNumber(w) }, rules: r24 ? ['R21', 'R24'] : ['R21'] });
  } else {
    // What the relief paid is still worth to Minsk against what it was promised (snapped back elsewhere, R08).
    const delivered = reliefWorth(w, wave.relief, isOn(rules, 'R08'), true, deal.grants);
    const shortfall = reliefShortfall(deal.promised, delivered);
    const chance = belarusRenegeChance(w, by.renege, shortfall, 1 - trustOf(w, payer));
    if (r22 && draw < chance) return renege('belarus', chance, { delivered, shortfall });
    const batch = deal.batches.shift() ?? [];
    const done = freeBatch(w, batch, deal.home);
    w = trustBy(done.world, terms.trustGain);
    addToWave(wave, done.freed);
    wave.delivered += 1;
    if (trace) changes.push({ kind: 'batch', actor: 'belarus', track: deal.track, people: people(done.freed), sanctions: [],
      numbers: { wave: deal.wave, batch: wave.delivered, of: wave.tranches, ...trustNumber(w) }, rules: r24 ? ['R21', 'R24'] : ['R21'] });
  }
  const over = deal.paid && deal.batches.length === 0;
  if (over) wave.status = 'done';
  deal.due = addMonths(month, terms.trancheGapMonths);
  return { world: w, over, relapse: false, changes };
}

/** A deal's releases carried out now and those left for later batches (R21), as its track closes it. */
export interface Staging {
  /** Freed now: the whole deal, or its first batch. */
  readonly now: readonly RoutedRelease[];
  /** Relief and grants given now: all of it unstaged, none when staged (paid after verification). */
  readonly reliefNow: readonly string[];
  readonly grantsNow: readonly Grant[];
  /** Set when staged: what `TrackResult.pending` carries, and the deal record's `staged` view of it. */
  readonly pending?: { readonly track: StagedTrack; readonly batches: readonly (readonly RoutedRelease[])[]; readonly relief: readonly string[]; readonly grants: readonly Grant[] };
  readonly staged?: NonNullable<ModelDeal['staged']>;
}

/**
 * R21: how a deal agreed on `track` is carried out. With R21 on and the payer's `tranches` above 1
 * it is split (`splitBatches`); a deal whose people fit in one batch is carried out at once, since
 * there is nothing left to verify against.
 */
export function stageDeal(track: StagedTrack, routed: readonly RoutedRelease[], relief: readonly string[], grants: readonly Grant[], agents: AgentParams, rules: RuleSwitches): Staging {
  const batches = isOn(rules, 'R21') ? splitBatches(routed, stageTermsOf(agents, track).tranches) : [];
  if (batches.length < 2) return { now: routed, reliefNow: relief, grantsNow: grants };
  const count = (rs: readonly RoutedRelease[]) => rs.reduce((n, r) => n + r.count, 0);
  return {
    now: batches[0]!, reliefNow: [], grantsNow: [], pending: { track, batches: batches.slice(1), relief, grants },
    staged: { tranches: batches.length, pending: count(routed) - count(batches[0]!), relief: [...relief] },
  };
}

export { freeBatch };
